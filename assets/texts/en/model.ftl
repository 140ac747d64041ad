# Column roles, file kinds and date layouts as the window names them (data::model).

role-customer-id = customer id
role-order-id = order id
role-timestamp = date / time
role-item-id = item id
role-item-name = item name
role-category = category
role-quantity = quantity
role-unit-price = unit price
role-amount = line amount
role-event-type = event type
role-region = channel / region
role-email = email
role-phone = phone
role-status = order status
role-rating = rating

kind-orders = orders
kind-events = behaviour events
kind-customers = customers
kind-products = products
kind-series = aggregated series
kind-ratings = ratings

date-format-iso = ISO (2024-03-05 14:02)
date-format-ymd-compact = yyyymmdd (20240305)
date-format-day-first = day first (05/03/2024 = 5 March)
date-format-month-first = month first (03/05/2024 = 5 March)
date-format-chinese = Chinese (2024年3月5日)
date-format-unix-seconds = unix seconds (1709647331)
date-format-unix-millis = unix milliseconds (1709647331000)
date-format-excel-serial = Excel serial days (45356)
date-format-native = already a date
date-format-custom = custom ({ $pattern })

# Errors of the data layer (data::error::DataError): each names the file.
data-error-io = { $file }: cannot read the file ({ $source }). Check that it exists and that you may read it.
data-error-unsupported = { $file }: unsupported file type '{ $extension }'. Marketbench reads CSV, TSV, TXT, Parquet, JSON, NDJSON, XLSX and XLS.
data-error-missing-role = { $file }: no column is mapped to { $role } which a { $kind } file needs. Map a column to it in the mapping view, or pass --{ $flag } COLUMN.
data-error-unknown-column = { $file }: there is no column '{ $column }'. The columns are: { $available }.
data-error-unknown-sheet = { $file }: there is no sheet '{ $sheet }'. The sheets are: { $available }.
data-error-empty = { $file }: the file has no data rows.
data-error-cancelled = loading was cancelled
