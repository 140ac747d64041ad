
# 分析错误（analysis::lines::AnalysisError）。
analysis-missing-column = 订单明细中没有“{ $column }”列；请在加载时把一列映射为{ $role }
analysis-needs-money = { $what }需要单价或金额列，而这些订单两者都没有：请把一列映射为单价或行金额（“数据”标签页的“更改读取方式”；命令行中用 --price 或 --amount）
analysis-cancelled = 已取消
