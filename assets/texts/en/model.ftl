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
role-message = message / review text
role-reply = agent reply
role-session-id = session id
role-intent = intent label

kind-orders = orders
kind-events = behaviour events
kind-customers = customers
kind-products = products
kind-series = aggregated series
kind-ratings = ratings
kind-service = service messages
kind-reviews = reviews

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
data-error-parse = { $file }: { $message }
data-error-polars = { $file }: { $context }: { $error }
data-view-unknown-column = there is no column '{ $column }' to sort by; the columns are: { $available }
data-view-search-failed = cannot search column '{ $column }': { $error }
data-error-bad-value = { $file }: row { $row }, column '{ $column }': value '{ $value }' { $problem }. { $hint }
data-problem-no-date-reads = is not a date in the format { $format } (no row's date could be read)
data-problem-no-number-reads = is not a number (no row's { $role } reads as one)
data-hint-map-numbers = Map the { $role } to a column of numbers in the mapping view, or pass --{ $flag } COLUMN.
data-problem-mixed-layouts = is in one of several date layouts the column mixes ({ $mix }); no one layout reads 80 % of the values
data-hint-mixed-layouts = Make the column one layout in the source system, or choose the layout most rows use in the mapping view (or pass --date-format): rows in another layout are then listed in the load report and dropped.
data-problem-no-date-format = is not a date in any format Marketbench recognises
data-hint-choose-date-format = Choose the date format in the mapping view, or pass --date-format with a pattern such as %d-%b-%Y.
load-hint-reads-as = { $hint } The value reads as { $date }.
load-hint-these-read-as = { $hint } These values read as { $date }: choose that format.

# How a date layout is named in refusals and the load report (data::dates::describe).
date-describe-iso = yyyy-mm-dd (ISO)
date-describe-compact = yyyymmdd
date-describe-day-first = dd/mm/yyyy (day first)
date-describe-month-first = mm/dd/yyyy (month first)
date-describe-chinese = yyyy年m月d日
date-describe-unix-seconds = Unix seconds
date-describe-unix-millis = Unix milliseconds
date-describe-excel-serial = Excel serial days
date-describe-native = the file's own date type
date-describe-custom = custom format '{ $pattern }'
date-mix-count = { $layout } { $n } of { $of }

# What a file's load is doing (its progress bar), and what a memory refusal names.
load-step-reading = reading { $file }
load-step-duplicates = looking for duplicate rows
load-step-dates-numbers = reading dates and numbers
load-step-checking = checking rows
load-step-building = building the table
load-memory-what = loading this file
