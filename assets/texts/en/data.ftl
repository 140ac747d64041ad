# The Data tab (summary, loaded files, mapping view, rows), the shared table and
# export controls, the file dialog, the project prompt and project notices.

# Empty Data tab.
data-empty = No data loaded yet.
data-empty-hint = Open your shop's exports (orders, behaviour events, customers, products) with “Open files…”, type a path in the toolbar, drop files on this window, or try the sample store.
data-choose-files = Choose files…
data-try-sample = Try the sample store
data-connect-database = Connect to database…
data-connect-database-hover = Read orders, events, customers or products from PostgreSQL or a MySQL-protocol server (MySQL, MariaDB, StarRocks, Doris).
data-from-database = From { $url }

# Summary cards.
data-summary-needs-orders = Load an orders file to see customers, orders and revenue.
data-no-summary = No summary yet.
data-updating-summary = Updating the summary…
data-cancel = Cancel
data-cancel-summary-hover = Cancel the summary
data-no-dates = no dates
data-card-customers = Customers
data-card-orders = Orders
data-card-order-lines = Order lines
data-card-items = Items
data-card-items-hover = distinct products sold
data-card-date-range = Date range
data-card-net-revenue = Net revenue
data-card-net-revenue-hover = after returns; cancelled lines left out
data-card-returns = Returns
data-returns-amount = { $amount } ({ $lines })
data-lines = { $n ->
    [one] { $count } line
   *[other] { $count } lines
}
data-revenue = Revenue
data-no-prices = no prices
data-card-unpriced-lines = Lines without a price
data-card-unpriced-lines-hover = Net revenue counts these as 0: an orders file without a price or amount column loaded beside priced ones, or items the products file does not price.
data-card-cancelled-lines = Cancelled lines

# Loaded files and their load reports.
data-loaded-files = Loaded files
data-rows-kept = { $n ->
    [one] { $kept } of { $read } row kept
   *[other] { $kept } of { $read } rows kept
}
data-change-reading = Change how it is read
data-change-reading-hover = Open the column mapping of { $name } again: another column for a role, another date layout, or keep the rows with far dates. { $name } stays loaded until you load it again.
data-remove = Remove
data-remove-hover = Unload { $name }
data-no-problems = No problems found.
data-problem = • { $kind }: { $rows }, { $action }
data-examples = Examples ({ $count })
data-row = Row
data-column = Column
data-value = Value
data-note = Note: { $note }
data-table = Table

# Mapping view: files on their way in.
data-reading-file = Reading { $name }…
data-discard = Discard
data-loading-file = loading { $name }
data-check-reading = Check how to read { $name }
data-file-facts = { $n ->
    [one] Format: { $format } · Encoding: { $encoding } · { $columns } column
   *[other] Format: { $format } · Encoding: { $encoding } · { $columns } columns
}
data-last-load-failed = The last load failed: { $error }
data-file-kind = File kind
data-sheet = Sheet
data-no-price-column = No column is a price or an amount: order counts, recency, segments, recommendations and order forecasts work without; revenue and customer value need one, if the file has it.
data-load = Load
data-load-hover = Load { $name } with these settings
data-type = Type
data-samples = Samples
data-role = Role
data-role-hover = Role of column { $column }
data-date-format = Date format of '{ $column }'
data-date-detect = detect from the data
data-keep-far-dates = Keep far dates
data-keep-far-dates-hover = Rows dated far outside the rest (placeholders such as 1900-01-01 or 9999-12-31) are dropped and listed in the load report. Tick to keep them.
data-ambiguity-now = { $warning } Now: { $now }.
data-ambiguity = { $sample } could be { $first } or { $second }: choose day first or month first in the date format.
data-ambiguity-unknown = The dates could be read day first or month first: choose day first or month first in the date format.
data-day-month = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
data-date-iso = ISO (2024-03-05 14:02)
data-date-compact = compact (20240305)
data-date-day-first = day first (05/03/2024)
data-date-month-first = month first (03/05/2024)
data-date-chinese = Chinese (2024年3月5日)
data-date-unix-seconds = Unix seconds
data-date-unix-millis = Unix milliseconds
data-date-excel-serial = Excel serial days
data-date-native = already dates in the file
data-date-pattern = pattern { $pattern }
data-format-csv-comma = CSV (comma)
data-format-csv-semicolon = CSV (semicolon)
data-format-tsv = TSV (tab)
data-format-csv-pipe = CSV (pipe)
data-format-text-spaces = text (spaces)
data-format-csv-other = CSV ('{ $delimiter }')
data-format-excel = Excel, sheet { $sheet }
data-format-database = Database { $url }
data-encoding-utf8-bom = UTF-8 with BOM
data-encoding-utf16-le = UTF-16 (little endian)
data-encoding-utf16-be = UTF-16 (big endian)
data-encoding-windows-1252 = Western European (Windows-1252 / Latin-1)

# The rows of a loaded table.
data-filter-rows = Filter rows:
data-filter-hint = text in any text column
data-clear-filter = Clear filter
data-rows-shown = { $n ->
    [one] { $shown } of { $total } row
   *[other] { $shown } of { $total } rows
}
data-cancel-view-hover = Cancel sorting or filtering
data-sorted-by = Sorted by { $column } ({ $direction }). Click a column name to sort by it; click again to reverse.
data-ascending = ascending
data-descending = descending
data-sort-hint = Click a column name to sort by it; click again to reverse.
data-sort-by = Sort by { $column }
data-click-to-sort = Click to sort by { $column }.

# The daily revenue chart.
data-chart-revenue-per-day = Net revenue per day
data-chart-revenue-per-week = Net revenue per week (the orders span more than 11 years)
data-chart-revenue-per-days = Net revenue per { $days } days (the orders span { $years } years: are far dates kept?)
data-chart-orders-per-day = Orders per day (no price or amount column, so no revenue)
data-chart-orders-per-week = Orders per week (the orders span more than 11 years) (no price or amount column, so no revenue)
data-chart-orders-per-days = Orders per { $days } days (the orders span { $years } years: are far dates kept?) (no price or amount column, so no revenue)
data-chart-no-orders = No dated orders to chart.
data-chart-net-revenue = net revenue
data-chart-orders = orders
data-chart-days-from = { $days } days from { $day }
data-chart-hover-value = { $measure }: { $value }
data-axis-date = Date
data-axis-week = Week starting
data-axis-period = Period starting (every { $days } days)
data-axis-revenue = Net revenue
data-axis-revenue-in = Net revenue ({ $symbol })
data-axis-orders = Orders

# Export controls shared by the tables.
data-export-to = Export to:
data-export-csv = Export CSV
data-export-xlsx = Export XLSX
data-export-shown-rows = { $n ->
    [one] writes the { $count } row shown, in this order
   *[other] writes the { $count } rows shown, in this order
}
data-exporting = Exporting…

# File dialog and the typed project path.
data-dialog-open-data = Open data files
data-dialog-data-files = Data files
data-dialog-all-files = All files
data-dialog-open-project = Open a Marketbench project
data-dialog-project-files = Project files
data-save-project-title = Save the project
data-open-project-title = Open a project
data-prompt-save = Save project
data-prompt-open = Open project
data-prompt-no-dialog = No file dialog can be shown on this desktop: type the project file's path.
data-prompt-project-file = Project file:

# Project notices.
data-nothing-to-save = Nothing to save yet: open data files first, then save the project.
data-project-saved = Project saved to { $path }
data-unreadable-setting = The project's saved "{ $key }" settings cannot be used ({ $why }): that tab uses its defaults. Set them again and save the project to replace them.
data-project-file-missing = { $path } is missing: put it back or open the files again
data-project-warning = Warning: { $warning }
data-campaigns-without-figures = Campaigns { $names } were saved without figures: Load one in the Campaigns tab to see its audience
data-project-opened = Opened project { $name }
data-make-copy = Make a fast copy
data-make-copy-hover = Reads this CSV once and writes { $copy } beside it (Parquet, the same rows and columns): the next open reads that instead of parsing the text. A later change to the CSV is noticed and the copy is then ignored.
data-awaits-database = The project reads { $source } from { $url }: it comes in once the password is given.

# An orders file too big to load, summed instead
data-too-big-to-load = Loading { $name } needs about { $need } of memory and { $free } is free. Marketbench can sum it without loading it: RFM, segments, the shop's forecast and the popularity and item-kNN recommendations are computed from its sums (each pass reads the whole file); cohorts, the other recommendation models, the rules, campaigns and the table of rows need its lines.
data-sum-without-loading = Sum without loading
data-sum-without-loading-hover = Read { $name } in passes and keep only its sums per customer, per day and per customer and item, never its lines
data-summed-kind = orders · summed without loading
data-summed-card = Too big to load (loading needs about { $need }; { $free } was free). Its sums per customer are kept while the file and the analysis date stay the same; each forecast reads it again. The analyses that need lines say so.
data-summed-unused = Not used while an orders file is loaded: the loaded lines are analysed. Remove one of them.
data-summary-summed = No summary cards for an orders file summed without loading: see Behaviour, Segments and Forecast.
summed-note = Computed from { $file }, summed without loading (too big to load): the file is read again when it changes, and the parts that need its lines say so.
data-sum-in-database-note = { $name } stays in the database ({ $rows } rows): these are its first 1,000 rows, to map its columns. The database then sums it per customer, per period and per customer and item: RFM, segments, the shop's forecast and the popularity and item-kNN recommendations are computed from its sums; cohorts, the other recommendation models, the rules, campaigns and the table of rows need its lines.
data-sum-in-database = Sum in the database
data-sum-in-database-hover = Ask the database for { $name }'s sums per customer, per period and per customer and item, with these columns; its lines stay there
data-summed-database-card = Summed in the database at { $url } ({ $rows } rows; fetching them would take about { $size }). Each RFM, segments or forecast run asks the server for the sums again; the analyses that need lines say so.
summed-in-database-customers = summing { $source } per customer in the database
summed-in-database-series = summing { $source } per period in the database
summed-in-database-needs-lines = { $what } needs the order lines, and { $source } is summed in the database ({ $rows } rows): fetch its lines through "Connect to database…" if they fit in memory.
summed-database-note = Computed from { $source }, summed in the database: each run asks the server for the sums again, and the parts that need its lines say so.
data-summed-not-saved = The project does not keep { $name }, which is summed in the database: after opening the project, connect again and sum it.
summed-in-database-pairs = summing { $source } per customer and item in the database
