## Felles for sider og e-post: datoer, flertall, sideramme.

date = { $day }. { $month } { $year }
month-1 = januar
month-2 = februar
month-3 = mars
month-4 = april
month-5 = mai
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = desember

days-left = { $count ->
    [one] { $count } dag igjen
   *[other] { $count } dager igjen
}

