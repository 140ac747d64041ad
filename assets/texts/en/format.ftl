# Figures and units shared by every panel (ui::format).

format-rows = { $n ->
    [one] { $count } row
   *[other] { $count } rows
}
