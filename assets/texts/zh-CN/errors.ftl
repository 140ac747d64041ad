# 不属于某一区域的错误：内存不足的拒绝（data::memory）和失败的任务（jobs）。
error-memory-shortfall = 需要约 { $need } 内存，而本机只有 { $free } 可用，因此没有开始。请关闭其他程序，或使用更短的时间段或更少的列（从店铺系统中导出文件的一部分）。
error-memory-refused = { $what }{ $why }
error-internal = 内部错误（请报告此问题）：{ $detail }
