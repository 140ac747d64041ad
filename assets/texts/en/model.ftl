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
