# Figures and units shared by every panel (ui::format).

format-rows = { $n ->
    [one] { $count } row
   *[other] { $count } rows
}
format-needs-money = { $what } needs a price or amount column, and these orders have neither: map one with "Change how it is read" on the Data tab.
format-days = { $n ->
    [one] { $days } day
   *[other] { $days } days
}
currency-none = No symbol
currency-yuan = ¥ Yuan (CNY)
currency-dollar = $ Dollar
currency-euro = € Euro
currency-pound = £ Pound
