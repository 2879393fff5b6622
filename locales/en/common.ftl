## Shared by pages and emails: dates, plurals, the page frame.

date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

days-left = { $count ->
    [one] { $count } day left
   *[other] { $count } days left
}

# Transitional (issue 8): English text from before messages had ids.
