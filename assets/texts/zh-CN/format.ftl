# 各面板共用的数字与单位（ui::format）。

format-rows = { $count } 行
format-needs-money = { $what }需要价格或金额列，而这些订单两者都没有：请在“数据”页用“更改读取方式”映射其中一列。
format-days = { $days } 天
currency-none = 不显示符号
currency-yuan = ¥ 人民币
currency-dollar = $ 美元
currency-euro = € 欧元
currency-pound = £ 英镑
