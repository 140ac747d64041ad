# 列角色、文件类型和日期格式在窗口中的名称（data::model）。

role-customer-id = 客户 ID
role-order-id = 订单号
role-timestamp = 日期 / 时间
role-item-id = 商品 ID
role-item-name = 商品名称
role-category = 品类
role-quantity = 数量
role-unit-price = 单价
role-amount = 行金额
role-event-type = 行为类型
role-region = 渠道 / 地区
role-email = 邮箱
role-phone = 手机号
role-status = 订单状态
role-rating = 评分
role-message = 消息 / 评价内容
role-reply = 客服回复
role-session-id = 会话 ID
role-intent = 意图标签

kind-orders = 订单
kind-events = 行为事件
kind-customers = 客户
kind-products = 商品
kind-series = 汇总序列
kind-ratings = 评分
kind-service = 客服消息
kind-reviews = 商品评价

date-format-iso = ISO（2024-03-05 14:02）
date-format-ymd-compact = 年月日连写（20240305）
date-format-day-first = 日在前（05/03/2024 = 3 月 5 日）
date-format-month-first = 月在前（03/05/2024 = 3 月 5 日）
date-format-chinese = 中文（2024年3月5日）
date-format-unix-seconds = Unix 秒（1709647331）
date-format-unix-millis = Unix 毫秒（1709647331000）
date-format-excel-serial = Excel 序列日（45356）
date-format-native = 已是日期
date-format-custom = 自定义（{ $pattern }）

# 数据层的错误（data::error::DataError）：每条都写明文件。
data-error-io = { $file }：无法读取文件（{ $source }）。请检查文件是否存在、你是否有读取权限。
data-error-unsupported = { $file }：不支持的文件类型“{ $extension }”。Marketbench 可读取 CSV、TSV、TXT、Parquet、JSON、NDJSON、XLSX 和 XLS。
data-error-missing-role = { $file }：没有列映射为{ $role }，而{ $kind }文件需要它。请在列映射视图中把一列映射为它，或传入 --{ $flag } COLUMN。
data-error-unknown-column = { $file }：没有“{ $column }”列。现有的列：{ $available }。
data-error-unknown-sheet = { $file }：没有“{ $sheet }”工作表。现有的工作表：{ $available }。
data-error-empty = { $file }：文件中没有数据行。
data-error-cancelled = 已取消加载
data-error-parse = { $file }：{ $message }
data-error-polars = { $file }：{ $context }时出错：{ $error }
data-view-unknown-column = 没有可用于排序的“{ $column }”列；现有的列：{ $available }
data-view-search-failed = 无法搜索“{ $column }”列：{ $error }
data-error-bad-value = { $file }：第 { $row } 行，“{ $column }”列的值“{ $value }”{ $problem }。{ $hint }
data-problem-no-date-reads = 不是 { $format } 格式的日期（没有一行的日期能读出）
data-problem-no-number-reads = 不是数字（没有一行的{ $role }能读成数字）
data-hint-map-numbers = 请在映射视图中把{ $role }映射到一列数字，或使用 --{ $flag } 列名。
data-problem-mixed-layouts = 属于该列混用的几种日期格式之一（{ $mix }）；没有一种格式能读出 80% 的值
data-hint-mixed-layouts = 请在源系统中把该列统一为一种格式，或在映射视图中选择多数行使用的格式（或使用 --date-format）：其他格式的行会在加载报告中列出并舍弃。
data-problem-no-date-format = 不是 Marketbench 能识别的任何日期格式
data-hint-choose-date-format = 请在映射视图中选择日期格式，或使用 --date-format 并给出格式，例如 %d-%b-%Y。
load-hint-reads-as = { $hint } 该值可读作 { $date }。
load-hint-these-read-as = { $hint } 这些值可读作 { $date }：请选择该格式。

# 拒绝说明与加载报告中日期格式的名称（data::dates::describe）。
date-describe-iso = yyyy-mm-dd（ISO）
date-describe-compact = yyyymmdd
date-describe-day-first = dd/mm/yyyy（日在前）
date-describe-month-first = mm/dd/yyyy（月在前）
date-describe-chinese = yyyy年m月d日
date-describe-unix-seconds = Unix 秒
date-describe-unix-millis = Unix 毫秒
date-describe-excel-serial = Excel 序列日
date-describe-native = 文件自带的日期类型
date-describe-custom = 自定义格式“{ $pattern }”
date-mix-count = { $layout } { $n }/{ $of }

# 文件加载进度（进度条）以及内存不足时所说的操作。
load-step-reading = 正在读取 { $file }
load-step-duplicates = 正在查找重复行
load-step-dates-numbers = 正在读取日期与数字
load-step-checking = 正在检查各行
load-step-building = 正在生成表格
load-memory-what = 加载此文件
