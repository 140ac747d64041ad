# 各面板共用的数字与单位（ui::format）。

format-rows = { $count } 行
format-needs-money = { $what }需要价格或金额列，而这些订单两者都没有：请在“数据”页用“更改读取方式”映射其中一列。
