# Figures and units shared by every panel (ui::format).

format-rows = { $n ->
    [one] { $count } row
   *[other] { $count } rows
}
format-needs-money = { $what } needs a price or amount column, and these orders have neither: map one with "Change how it is read" on the Data tab.
