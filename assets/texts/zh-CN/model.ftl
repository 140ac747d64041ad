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

kind-orders = 订单
kind-events = 行为事件
kind-customers = 客户
kind-products = 商品
kind-series = 汇总序列
kind-ratings = 评分

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
