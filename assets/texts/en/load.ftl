# The load report: what the loader found in a file and did about it (data::load).

load-kind-unparseable-date = unparseable date
load-kind-unparseable-number = unparseable number
load-kind-missing-customer = missing customer
load-kind-return = return (negative quantity)
load-kind-cancelled = cancelled / refunded
load-kind-non-positive-price = zero or negative price
load-kind-duplicate = duplicate row
load-kind-far-date = date far outside the rest
load-kind-scientific-id = id rounded by Excel (scientific notation)

load-date-dropped = row dropped: the date is missing or not in the chosen format
load-date-kept = kept; the date is left empty
load-date-hint = Pick another date format in the mapping view or pass --date-format.
load-number-dropped = row dropped: an order or rating line needs every mapped number (quantity, price, amount, rating)
load-number-kept = kept; the number is left empty
load-number-hint = Check the column mapping; numbers may carry currency signs and thousands separators, but not words.
load-customer-dropped = row dropped: a customer row needs a customer id
load-customer-dropped-hint = Check that the right column is mapped to customer id.
load-customer-kept = kept, but left out of per-customer analyses (RFM, segments, recommendations)
load-customer-kept-hint = Guest checkouts often have no customer id; map another id column if there is one.
load-return-action = kept and marked is_return
load-return-hint = Returns are not purchases, and lower revenue where there are prices; analyses can include or exclude them.
load-cancelled-action = kept and marked is_cancelled
load-cancelled-hint = Cancelled and refunded lines can be included or excluded in analyses.
load-price-action = kept; a zero price is read as a free item
load-price-hint = Negative prices are usually corrections; check the source system.
load-far-date-action = row dropped: the date lies far outside the other rows' dates (a placeholder such as 1900-01-01, 1970-01-01 or 9999-12-31)
load-far-date-hint = Fix the dates in the source system. If they are real, keep them: tick "Keep far dates" in the mapping view, or pass --keep-far-dates.
load-scientific-id-action = kept as written, but Excel rounded these long numbers: different customers or orders may now share one id
load-scientific-id-hint = Export the file again from the shop system without opening it in Excel, or format the id column as Text in Excel before saving.
load-duplicate-action = later copies dropped, the first kept
load-duplicate-hint = Exports that overlap in time repeat rows; nothing to do unless the copies are real repeat purchases.
load-duplicate-column = (whole row)
load-duplicate-value = same as row { $row }

load-note-no-item-dropped = { $n ->
    [one] { $count } row without an item id was dropped
   *[other] { $count } rows without an item id were dropped
}
load-note-no-quantity = no quantity column: every line counts as quantity 1
load-note-no-amount = no amount column: line amount = quantity × unit price
load-note-no-money = no price or amount column: revenue, spend and lifetime value need one (map a column to unit price or line amount, or pass --price / --amount); order counts, recency, recommendations and order forecasts work without
load-note-dates = dates read as { $format }
load-note-dates-detected = dates read as { $format } (detected)
load-note-dates-detected-ambiguous = dates read as { $format } (detected); every day and month in the file is 12 or less, so day-first and month-first both fit: check a few dates
load-note-nul-removed = removed NUL characters (byte 0, a damaged export) from { $cells } cells of column '{ $column }', first in row { $row }
load-note-copy-used = read from the Parquet copy { $copy } made on { $made } (the text file has not changed since)
load-note-copy-stale = the Parquet copy { $copy } was made before the file last changed, so the file itself was read; make the copy again to open it fast
load-note-copy-other-columns = the Parquet copy { $copy } was made with other columns read as text (ids), so the file itself was read; make the copy again to open it fast
load-note-copy-unreadable = { $copy } is not a readable Parquet copy made by Marketbench, so the file itself was read
load-copy-not-text = only delimited text files (CSV, TSV, TXT) get a Parquet copy; this file is read fast as it is
load-copy-name-taken = a file named { $copy } is already beside it and was not made by Marketbench: it is left as it is; move or rename it to make the copy
load-copy-reading = reading { $file } for its Parquet copy
load-copy-writing = writing { $copy }
load-copy-source-changed = the file changed while it was read for its Parquet copy: make the copy again once it is no longer being written
load-copy-write-failed = cannot write the Parquet copy in { $folder }: { $error }. The file still loads from its text; to open it fast, copy it to a folder you can write to and make the copy there
load-copy-made = wrote the Parquet copy { $copy } ({ $size } MB, from { $source } MB of text): the next load of { $file } reads it
