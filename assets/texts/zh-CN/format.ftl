# 各面板共用的数字与单位（ui::format）。

format-rows = { $count } 行
