## Gemensamt för sidor och e-post: datum, plural, sidram.

date = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

days-left = { $count ->
    [one] { $count } dag kvar
   *[other] { $count } dagar kvar
}

