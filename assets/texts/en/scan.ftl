# Orders files larger than memory, streamed (data::scan).
context-scan-days = counting the order lines per day
context-scan-customers = summing the order lines per customer
context-scan-series = summing the order lines per period
context-scan-purchases = summing the purchases per customer and item
segments-feature-needs-lines = it needs the order lines, and the file is streamed because they do not fit in memory: use recency, frequency, monetary, aov, tenure, days_between or units
scan-streamed = streamed: the file is larger than the memory free; loading it needs about { $need } and { $free } is free, so polars' streaming engine sums its lines without holding them ({ $passes } × through the file).
scan-needs-lines = { $what } needs the order lines, and { $file } is too big to load: loading it needs about { $need } and { $free } is free. Close other programs, or save a shorter period from your shop system.
scan-memory-purchases = holding the { $pairs } customer × item pairs of { $file } for recommendations
