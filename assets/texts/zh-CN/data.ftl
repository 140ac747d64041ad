# 数据页（汇总、已加载的文件、列映射、数据行），共用的表格与导出控件，
# 文件对话框、项目路径输入框和项目通知。

# 空的数据页。
data-empty = 还没有加载数据。
data-empty-hint = 用“打开文件…”打开店铺导出的数据（订单、行为事件、客户、商品），在工具栏中输入路径，把文件拖到此窗口，或试试示例店铺。
data-choose-files = 选择文件…
data-try-sample = 试试示例店铺
data-connect-database = 连接数据库…
data-connect-database-hover = 从 PostgreSQL 或使用 MySQL 协议的服务器（MySQL、MariaDB、StarRocks、Doris）读取订单、行为事件、客户或商品。
data-from-database = 来自 { $url }

# 汇总卡片。
data-summary-needs-orders = 加载订单文件即可查看客户、订单和销售额。
data-no-summary = 还没有汇总。
data-updating-summary = 正在更新汇总…
data-cancel = 取消
data-cancel-summary-hover = 取消汇总
data-no-dates = 无日期
data-card-customers = 客户数
data-card-orders = 订单数
data-card-order-lines = 订单行数
data-card-items = 商品数
data-card-items-hover = 售出的不同商品数
data-card-date-range = 日期范围
data-card-net-revenue = 净销售额
data-card-net-revenue-hover = 已扣除退货；不含已取消的行
data-card-returns = 退货
data-returns-amount = { $amount }（{ $lines }）
data-lines = { $count } 行
data-revenue = 销售额
data-no-prices = 无价格
data-card-unpriced-lines = 无价格的行
data-card-unpriced-lines-hover = 净销售额把这些行计为 0：可能是在有价格的订单文件之外，又加载了没有价格或金额列的订单文件，或者商品文件没有给这些商品定价。
data-card-cancelled-lines = 已取消的行

# 已加载的文件及其加载报告。
data-loaded-files = 已加载的文件
data-rows-kept = 保留了 { $read } 行中的 { $kept } 行
data-change-reading = 更改读取方式
data-change-reading-hover = 重新打开 { $name } 的列映射：为某个角色换一列、换一种日期格式，或保留异常日期的行。在重新加载之前，{ $name } 仍保持已加载。
data-remove = 移除
data-remove-hover = 卸载 { $name }
data-no-problems = 未发现问题。
data-problem = • { $kind }：{ $rows }，{ $action }
data-examples = 示例（{ $count }）
data-row = 行
data-column = 列
data-value = 值
data-note = 注：{ $note }
data-table = 表格

# 列映射：正在读入的文件。
data-reading-file = 正在读取 { $name }…
data-discard = 放弃
data-loading-file = 正在加载 { $name }
data-check-reading = 确认如何读取 { $name }
data-file-facts = 格式：{ $format } · 编码：{ $encoding } · { $columns } 列
data-last-load-failed = 上次加载失败：{ $error }
data-file-kind = 文件类型
data-sheet = 工作表
data-no-price-column = 没有任何列是价格或金额：订单数、最近购买、客户分群、商品推荐和订单预测不需要它；销售额和客户价值则需要一列（如果文件中有）。
data-load = 加载
data-load-hover = 按这些设置加载 { $name }
data-type = 类型
data-samples = 示例值
data-role = 角色
data-role-hover = 列 { $column } 的角色
data-date-format = “{ $column }”的日期格式
data-date-detect = 根据数据自动识别
data-keep-far-dates = 保留异常日期
data-keep-far-dates-hover = 日期远远超出其他行范围的行（如 1900-01-01 或 9999-12-31 这类占位日期）会被丢弃，并列在加载报告中。勾选即可保留它们。
data-ambiguity-now = { $warning }当前：{ $now }。
data-ambiguity = { $sample } 可能是 { $first }，也可能是 { $second }：请在日期格式中选择“日在前”或“月在前”。
data-ambiguity-unknown = 这些日期既可按日在前读取，也可按月在前读取：请在日期格式中选择“日在前”或“月在前”。
data-day-month = { $month }月{ $day }日
data-date-iso = ISO（2024-03-05 14:02）
data-date-compact = 紧凑格式（20240305）
data-date-day-first = 日在前（05/03/2024）
data-date-month-first = 月在前（03/05/2024）
data-date-chinese = 中文（2024年3月5日）
data-date-unix-seconds = Unix 秒
data-date-unix-millis = Unix 毫秒
data-date-excel-serial = Excel 序列日期
data-date-native = 文件中已是日期
data-date-pattern = 格式 { $pattern }
data-format-csv-comma = CSV（逗号）
data-format-csv-semicolon = CSV（分号）
data-format-tsv = TSV（制表符）
data-format-csv-pipe = CSV（竖线）
data-format-text-spaces = 文本（空格）
data-format-csv-other = CSV（'{ $delimiter }'）
data-format-excel = Excel，工作表 { $sheet }
data-format-database = 数据库 { $url }
data-encoding-utf8-bom = UTF-8（带 BOM）
data-encoding-utf16-le = UTF-16（小端）
data-encoding-utf16-be = UTF-16（大端）
data-encoding-windows-1252 = 西欧（Windows-1252 / Latin-1）

# 已加载表格的数据行。
data-filter-rows = 筛选行：
data-filter-hint = 任一文本列中的文字
data-clear-filter = 清除筛选
data-rows-shown = { $shown } / { $total } 行
data-cancel-view-hover = 取消排序或筛选
data-sorted-by = 已按 { $column } 排序（{ $direction }）。点击列名即可按该列排序，再次点击则反向排序。
data-ascending = 升序
data-descending = 降序
data-sort-hint = 点击列名即可按该列排序，再次点击则反向排序。
data-sort-by = 按 { $column } 排序
data-click-to-sort = 点击即可按 { $column } 排序。

# 每日销售额图表。
data-chart-revenue-per-day = 每日净销售额
data-chart-revenue-per-week = 每周净销售额（订单跨度超过 11 年）
data-chart-revenue-per-days = 每 { $days } 天净销售额（订单跨度 { $years } 年：是否保留了异常日期？）
data-chart-orders-per-day = 每日订单数（没有价格或金额列，因此没有销售额）
data-chart-orders-per-week = 每周订单数（订单跨度超过 11 年）（没有价格或金额列，因此没有销售额）
data-chart-orders-per-days = 每 { $days } 天订单数（订单跨度 { $years } 年：是否保留了异常日期？）（没有价格或金额列，因此没有销售额）
data-chart-no-orders = 没有带日期的订单可供绘图。
data-chart-net-revenue = 净销售额
data-chart-orders = 订单数
data-chart-days-from = 自 { $day } 起 { $days } 天
data-chart-hover-value = { $measure }：{ $value }
data-axis-date = 日期
data-axis-week = 每周起始日
data-axis-period = 每段起始日（每 { $days } 天一段）
data-axis-revenue = 净销售额
data-axis-revenue-in = 净销售额（{ $symbol }）
data-axis-orders = 订单数

# 各表格共用的导出控件。
data-export-to = 导出到：
data-export-csv = 导出 CSV
data-export-xlsx = 导出 XLSX
data-export-shown-rows = 按当前顺序导出显示的 { $count } 行
data-exporting = 正在导出…

# 文件对话框与手动输入项目路径。
data-dialog-open-data = 打开数据文件
data-dialog-data-files = 数据文件
data-dialog-all-files = 所有文件
data-dialog-open-project = 打开 Marketbench 项目
data-dialog-project-files = 项目文件
data-save-project-title = 保存项目
data-open-project-title = 打开项目
data-prompt-save = 保存项目
data-prompt-open = 打开项目
data-prompt-no-dialog = 此桌面无法显示文件对话框：请输入项目文件的路径。
data-prompt-project-file = 项目文件：

# 项目通知。
data-nothing-to-save = 还没有可保存的内容：请先打开数据文件，再保存项目。
data-project-saved = 项目已保存到 { $path }
data-unreadable-setting = 项目中保存的“{ $key }”设置无法使用（{ $why }）：该标签页将使用默认设置。请重新设置并保存项目以替换它们。
data-project-file-missing = 缺少 { $path }：请把它放回原处，或重新打开这些文件
data-project-warning = 警告：{ $warning }
data-campaigns-without-figures = 营销活动 { $names } 保存时没有附带指标：在“营销活动”页加载其中一个即可查看其目标客户
data-project-opened = 已打开项目 { $name }
data-make-copy = 制作快速副本
data-make-copy-hover = 将这个 CSV 读取一次，并在旁边写入 { $copy }（Parquet 格式，行和列相同）：下次打开时读取副本，不再解析文本。之后若 CSV 有改动会被发现，副本即不再使用。
data-awaits-database = 项目从 { $url } 读取 { $source }：输入密码后即会载入。

# 文件太大无法加载时，改为不加载而汇总
data-too-big-to-load = 加载 { $name } 需要约 { $need } 内存，当前可用 { $free }。Marketbench 可以不加载而直接汇总：RFM、客户分群、全店预测以及热门和 item-kNN 推荐按其汇总结果计算（每次汇总都会读取整个文件）；同期群、其他推荐模型、关联规则、营销活动和数据表需要订单明细。
data-sum-without-loading = 不加载，直接汇总
data-sum-without-loading-hover = 分批读取 { $name }，只保留按客户、按天以及按客户和商品的汇总，不保留明细
data-summed-kind = 订单 · 未加载，已汇总
data-summed-card = 文件太大无法加载（加载需要约 { $need }；当时可用 { $free }）。文件和分析日期不变时，按客户的汇总结果会保留；每次预测都会重新读取文件。需要明细的分析会注明。
data-summed-unused = 已加载订单文件时不使用此文件：分析的是已加载的明细。请移除其中之一。
data-summary-summed = 未加载而汇总的订单文件没有摘要卡片：请查看用户行为、客户分群和预测。
summed-note = 按 { $file } 的汇总计算（文件太大，未加载）：文件变化时会重新读取，需要明细的部分会注明。
data-sum-in-database-note = { $name } 保留在数据库中（{ $rows } 行）：这里是其前 1,000 行，用于映射列。之后由数据库按客户、按周期以及按客户和商品汇总：RFM、客户分群、全店预测以及热门和 item-kNN 推荐按其汇总结果计算；同期群、其他推荐模型、关联规则、营销活动和数据表需要订单明细。
data-sum-in-database = 在数据库中汇总
data-sum-in-database-hover = 按这些列向数据库请求 { $name } 按客户、按周期以及按客户和商品的汇总；明细保留在数据库中
data-summed-database-card = 在数据库 { $url } 中汇总（{ $rows } 行；全部取回约需 { $size }）。每次运行 RFM、客户分群或预测都会重新向服务器请求汇总；需要明细的分析会注明。
summed-in-database-customers = 正在数据库中按客户汇总 { $source }
summed-in-database-series = 正在数据库中按周期汇总 { $source }
summed-in-database-needs-lines = { $what }需要订单明细，而 { $source } 在数据库中汇总（{ $rows } 行）：如果内存足够，请通过“连接数据库…”取回明细。
summed-database-note = 按 { $source } 在数据库中的汇总计算：每次运行都会重新向服务器请求汇总，需要明细的部分会注明。
data-summed-not-saved = 项目不保存在数据库中汇总的 { $name }：打开项目后，请重新连接并汇总它。
summed-in-database-pairs = 正在数据库中按客户和商品汇总 { $source }
