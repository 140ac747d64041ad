# The workspace layer: notices, progress texts, errors and export reports it words itself.

workspace-summary-failed = Summary: { $error }
workspace-table-view-failed = Table view: { $error }
workspace-computing-summary = computing the summary
workspace-computing-daily-revenue = computing daily revenue
workspace-reading-file = reading { $file }
workspace-loading-file = loading { $file }
workspace-sorting-by = sorting by { $column }
workspace-filtering-for = filtering for “{ $text }”
workspace-writing-file = writing { $path }
workspace-wrote-customers = Wrote { $count } customers to { $path }
workspace-files-and-more = { $names } and { $more } more

# Behaviour
workspace-segment-dropped = The segments were recomputed, so the Behaviour tab's segment filter no longer matches them and was removed. Pick a segment again to filter by one.
workspace-reading-order-lines = reading the order lines
workspace-behaviour-needs-orders = no orders file is loaded: open one to see behaviour
workspace-scoring-rfm = scoring customers (RFM)
workspace-building-cohorts = building monthly cohorts
workspace-counting-funnel = counting the funnel
workspace-measuring-repeat = measuring repeat purchases

# Campaigns
workspace-audience-shown = the audience shown
workspace-readout-needs-orders = { $path }: not an orders file; the readout needs later orders
workspace-building-customer-table = building the customer table
workspace-evaluating-conditions = evaluating the conditions

# Forecast
workspace-no-forecast-to-export = no forecast of the loaded files to export yet
workspace-wrote-forecast-rows = Wrote { $count } rows to { $path }
workspace-building-series = building the series
workspace-series-file-gone = { $path } is no longer loaded as a series file: choose another source
workspace-reading-series = reading the series in { $path }
workspace-no-dated-rows = the order lines have no dated rows to forecast
workspace-backtesting = backtesting the models
workspace-forecast-needs-orders = no orders file is loaded: open one to forecast
workspace-forecast-no-purchase = the order lines hold no purchase: every dated line is a return or a cancelled order, so there are no sales to forecast. Check which column marks returns and cancellations in the Data tab.
workspace-forecast-needs-segments = no customer segments yet: run Segments first, then forecast per segment
workspace-adding-segments = adding customer segments

# Projects
workspace-project-unreadable = { $file }: cannot read the file ({ $error })
workspace-project-not-a-project = { $file }: not a Marketbench project file ({ $error })
workspace-project-newer = { $file }: written by a newer Marketbench (project version { $found }, this one reads up to { $supported }); update Marketbench
workspace-file-unchanged = { $file }: unchanged
workspace-file-missing = { $file }: missing
workspace-file-changed = { $file }: changed since the project was saved ({ $then } bytes then, { $now } now): lists may differ
workspace-hashing-files = hashing the data files
workspace-checking-files = checking the data files
workspace-project-save-failed = The project could not be saved: { $error }
workspace-project-open-failed = The project could not be opened: { $error }

# Settings (a field and its value come first: "top = 0: must be at least 1")
workspace-setting-invalid = { $field } = { $value }: { $why }
workspace-saved-labels = The project's saved message labels ("{ $key }" settings)
workspace-setting-at-least-one = must be at least 1
workspace-setting-blend-all-zero = one of the blend weights must be above 0
workspace-setting-between-0-1 = must be between 0 and 1
workspace-setting-above-0 = must be above 0
workspace-setting-0-or-more = must be 0 or more
workspace-k-too-small = is not a segmentation: choose 2 segments or more
workspace-k-auto-range = auto K needs 2 <= smallest K <= largest K
workspace-k-too-large = is more segments than a campaign can use: choose at most { $max }
workspace-k-not-a-number = must be a number of segments or "auto"
workspace-models-empty = name at least one model
workspace-thresholds-order = need 0 <= medium <= high <= 1
workspace-date-format = must be a date as YYYY-MM-DD
workspace-no-such-model = is no model

# Recommendations
workspace-fitting-model = fitting { $model }
workspace-reading-purchases = reading the purchases
workspace-finding-bought-together = finding items bought together
workspace-finding-next-purchases = finding what customers buy next
workspace-listing-top-items = listing every customer's top items
workspace-wrote-rules = Wrote { $count } rules to { $path }
workspace-wrote-recommendations = Wrote { $count } recommendations for { $customers } customers to { $path }
workspace-ratings-empty = the ratings hold no rating with a customer, an item and a number
workspace-recommend-needs-data = no orders or ratings file is loaded: open one to get recommendations
workspace-orders-no-purchase = the orders hold no purchase with a customer, item, order id and time

# Segments
workspace-segments-need-orders = no orders file is loaded: open one to segment customers
workspace-drawing-pca = drawing the segment picture (PCA)
workspace-finding-segment-rules = finding rules that describe the segments

# Value
workspace-value-needs-orders = no orders file is loaded: open one to train the models
workspace-fitting-clv = fitting customer value (MBG/NBD, Gamma-Gamma)

# What the campaign's score job is doing (its progress bar).
campaigns-progress-segmenting = segmenting customers
campaigns-progress-scoring = scoring propensity, churn risk and value
campaigns-progress-value = fitting customer value
campaigns-progress-recommending = recommending items

# Orders summed without loading (a file too big to load)
workspace-summed = { $file } is summed without loading: RFM, segments, the shop's forecast and the popularity and item-kNN recommendations are computed from its sums; what needs its lines says so.
workspace-summing-file = summing { $file } without loading it
workspace-summed-no-purchase = { $file }: no line is a dated purchase, so there is nothing to sum
workspace-cannot-sum = { $file } cannot be summed without loading: only orders in a UTF-8 CSV or a Parquet file, with a date layout Marketbench recognises, can. Save it from your shop system as UTF-8 CSV, or export a shorter period.
workspace-sum-only-orders = { $file } is not read as orders: only an orders file can be summed without loading.
workspace-sum-fits = { $file } fits in the memory free now: load it instead.
workspace-filter-what = Narrowing by dates, categories or customers
workspace-cohorts-what = Cohort retention
workspace-repeat-what = Repeat purchase analysis
workspace-forecast-breakdown-what = A forecast per category, item or segment
workspace-summed-in-database = { $source } is summed in the database: RFM, segments, the shop's forecast and the popularity and item-kNN recommendations are computed from the sums it sends; what needs its lines says so.
