# 超出内存的订单文件，以流式读取（data::scan）。
context-scan-days = 按天统计订单明细
context-scan-customers = 按客户汇总订单明细
context-scan-series = 按时间段汇总订单明细
context-scan-purchases = 按客户和商品汇总购买记录
segments-feature-needs-lines = 它需要订单明细，而文件因内存放不下而以流式读取：请使用 recency、frequency、monetary、aov、tenure、days_between 或 units
scan-streamed = 流式读取：文件大于可用内存；加载需要约 { $need }，可用 { $free }，因此由 polars 流式引擎汇总明细而不全部载入（读取文件 { $passes } 遍）。
scan-needs-lines = { $what }需要订单明细，而 { $file } 太大无法加载：加载需要约 { $need }，可用 { $free }。请关闭其他程序，或从店铺系统导出更短的时间段。
scan-memory-purchases = 为推荐载入 { $file } 的 { $pairs } 个客户 × 商品组合
