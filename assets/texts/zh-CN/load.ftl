# 加载报告：读取文件时发现的问题及处理方式（data::load）。

load-kind-unparseable-date = 无法识别的日期
load-kind-unparseable-number = 无法识别的数字
load-kind-missing-customer = 缺少客户
load-kind-return = 退货（数量为负）
load-kind-cancelled = 已取消 / 已退款
load-kind-non-positive-price = 价格为零或负数
load-kind-duplicate = 重复行
load-kind-far-date = 远离其他日期的日期
load-kind-scientific-id = 被 Excel 四舍五入的编号（科学计数法）

load-date-dropped = 已删除该行：日期缺失或不符合所选格式
load-date-kept = 已保留；日期留空
load-date-hint = 请在列映射视图中选择其他日期格式，或传入 --date-format。
load-number-dropped = 已删除该行：订单行或评分行需要每个已映射的数字（数量、单价、金额、评分）
load-number-kept = 已保留；数字留空
load-number-hint = 请检查列映射；数字可以带货币符号和千位分隔符，但不能带文字。
load-customer-dropped = 已删除该行：客户行需要客户 ID
load-customer-dropped-hint = 请检查客户 ID 是否映射到了正确的列。
load-customer-kept = 已保留，但不参与按客户的分析（RFM、分群、推荐）
load-customer-kept-hint = 游客下单通常没有客户 ID；如果有其他 ID 列，请映射它。
load-return-action = 已保留并标记为 is_return
load-return-hint = 退货不算购买，有价格时会减少营收；分析时可以选择包含或排除。
load-cancelled-action = 已保留并标记为 is_cancelled
load-cancelled-hint = 已取消和已退款的订单行在分析时可以包含或排除。
load-price-action = 已保留；价格为零视为赠品
load-price-hint = 负价格通常是冲正记录；请检查源系统。
load-far-date-action = 已删除该行：日期远离其他行的日期（例如 1900-01-01、1970-01-01 或 9999-12-31 这类占位日期）
load-far-date-hint = 请在源系统中修正日期。如果日期真实有效，请保留：在列映射视图中勾选“保留异常日期”，或传入 --keep-far-dates。
load-scientific-id-action = 已按原样保留，但 Excel 把这些长数字四舍五入了：不同的客户或订单现在可能共用一个编号
load-scientific-id-hint = 请从店铺系统重新导出文件，不要用 Excel 打开；或在保存前把 Excel 中的编号列设为“文本”格式。
load-duplicate-action = 已删除后面的副本，保留第一行
load-duplicate-hint = 时间上重叠的导出文件会有重复行；除非这些副本确实是重复购买，否则无需处理。
load-duplicate-column = （整行）
load-duplicate-value = 与第 { $row } 行相同

load-note-no-item-dropped = 已删除 { $count } 行没有商品 ID 的数据
load-note-no-quantity = 没有数量列：每一行按数量 1 计
load-note-no-amount = 没有金额列：行金额 = 数量 × 单价
load-note-no-money = 没有单价或金额列：营收、消费额和客户终身价值需要其中之一（把一列映射为单价或行金额，或传入 --price / --amount）；订单数、最近购买、推荐和订单预测无需金额也能使用
load-note-dates = 日期按 { $format } 读取
load-note-dates-detected = 日期按 { $format } 读取（自动识别）
load-note-dates-detected-ambiguous = 日期按 { $format } 读取（自动识别）；文件中所有的日和月都不大于 12，日在前和月在前都说得通：请核对几个日期
load-note-nul-removed = 已从“{ $column }”列的 { $cells } 个单元格中删除 NUL 字符（字节 0，导出文件已损坏），第一个位于第 { $row } 行
load-note-copy-used = 从 { $copy } 这份 Parquet 副本读取（副本做于 { $made }，此后文本文件没有改动）
load-note-copy-stale = Parquet 副本 { $copy } 早于文件最近一次改动，所以读取了文件本身；重新制作副本即可快速打开
load-note-copy-other-columns = Parquet 副本 { $copy } 制作时按文本读取的列（编号）不同，所以读取了文件本身；重新制作副本即可快速打开
load-note-copy-unreadable = { $copy } 不是 Marketbench 制作的可读 Parquet 副本，所以读取了文件本身
load-copy-not-text = 只有分隔文本文件（CSV、TSV、TXT）才制作 Parquet 副本；这个文件本身就能快速读取
load-copy-name-taken = 旁边已有名为 { $copy } 的文件，且不是 Marketbench 制作的：保留原样不动；请移走或改名后再制作副本
load-copy-reading = 正在读取 { $file } 以制作 Parquet 副本
load-copy-writing = 正在写入 { $copy }
load-copy-source-changed = 读取文件制作 Parquet 副本期间文件有改动：请在文件写完后重新制作副本
load-copy-write-failed = 无法在 { $folder } 中写入 Parquet 副本：{ $error }。文件仍可从文本载入；如需快速打开，请把文件复制到可写的文件夹再制作副本
load-copy-made = 已写入 Parquet 副本 { $copy }（{ $size } MB，源文本 { $source } MB）：下次载入 { $file } 时将读取它
