
# Errors of the analyses (analysis::lines::AnalysisError).
analysis-missing-column = the order lines have no { $role } column; map a column to { $role } when loading
analysis-needs-money = { $what } needs a price or amount column, and the orders have neither: map a column to unit price or line amount (Data tab, "Change how it is read"; on the command line --price or --amount)
analysis-what-revenue-forecast = a revenue forecast
analysis-segment-column = customer segment
analysis-group-column = group
analysis-cancelled = cancelled
# "{what}: {why}" of AnalysisError::Invalid: what was refused, then why.
analysis-invalid = { $what }: { $why }
analysis-orders = the orders
analysis-no-dated-purchase = there is no dated purchase to measure customers by
analysis-gap-bins = the gap bins
analysis-gap-bins-why = give ascending day edges starting at 1 or less, such as 1, 8, 15, 31
analysis-funnel-steps = the funnel steps
analysis-funnel-two-steps = a funnel needs at least two steps
analysis-funnel-no-events = step '{ $step }' has no event names: map at least one
analysis-funnel-event-twice = event '{ $event }' is mapped to both '{ $first }' and '{ $second }'
analysis-feature = feature '{ $feature }'
analysis-feature-unknown = unknown; choose from { $choices }
analysis-feature-list = the feature list
analysis-feature-list-empty = is empty; give at least one feature
analysis-feature-matrix = the feature matrix
analysis-memory-segments = segmenting the customers of { $lines } order lines
analysis-memory-purchases = reading the purchases of { $lines } order lines
analysis-segmentation-settings = the segmentation settings
analysis-k-range = K must be at least 2 and the range ordered (got { $min }..={ $max })
analysis-k-too-many = K = { $max } is more segments than a campaign can use: choose at most { $most }
analysis-k-few-customers = K = { $max } needs at least { $max } customers, there are { $rows }
analysis-search-positive = restarts, iterations and the samples must be positive (the fit sample at least K)
analysis-kmeans = K-means with K = { $k }
analysis-segmentation = the segmentation
analysis-k-distinct = K = { $k } needs { $k } customers with different figures; these { $rows } customers have only { $distinct }, so some segment would be empty. Choose K = { $distinct } or fewer.
analysis-auto-k-no-spread = Auto K found no two customers with different figures among { $rows }: there is nothing to split into segments.
analysis-segment-picture = the segment picture
analysis-segment-picture-few = needs at least two customers and one feature
analysis-segment-picture-components = the principal components of the segment picture
analysis-segment-picture-flat = the features do not vary between customers
analysis-segment-tree = the segment tree
analysis-segment-tree-labels = needs one segment per customer ({ $labels } for { $customers })
analysis-model = model '{ $name }'
analysis-model-choices = use logreg, tree or forest
analysis-segment-names = { $ids } customer ids with { $names } segment names
analysis-segment-names-why = give one segment name per customer
analysis-order-lines = order lines
analysis-series-table = the series table
analysis-too-many-periods = the dates run from { $first } to { $last }: { $span } { $freq ->
    [day] days
    [week] weeks
   *[month] months
}, more than the { $most } periods a forecast follows. Dates that far apart are usually placeholders such as 9999-12-31 kept with "Keep far dates": read the file again without it (Data tab, "Change how it is read"; on the command line, leave out --keep-far-dates){ $coarser }.
analysis-coarser-day = , or forecast by week or month
analysis-coarser-week = , or forecast by month
analysis-series-no-column = the series table has no column '{ $column }'
analysis-series-no-column-why = name the date column and the value column
analysis-column = column '{ $column }'
analysis-column-not-dates = holds { $kind }, not dates: parse it as a date first
analysis-series-no-dates = has no row with a date
analysis-horizon-zero = horizon 0
analysis-horizon-zero-why = forecast at least one period
analysis-folds = folds
analysis-folds-why = use 1 to 20 backtest folds
analysis-season-zero = season 0
analysis-season-zero-why = use 1 for no season, or the season length
analysis-series-periods = a series of { $n } periods
analysis-series-too-short = is too short to backtest a { $horizon }-period horizon: it needs at least { $needed } periods; shorten the horizon or use a finer frequency
analysis-holdout = holdout { $holdout }
analysis-holdout-why = the series '{ $series }' has only { $n } periods
analysis-season = season { $season }
analysis-season-too-long = the series '{ $series }' has { $history } periods to learn from: a season must be shorter than the history (no error could be scored against it). Use a season of at most { $most } periods, or leave it out to use the { $default }
analysis-series = series '{ $series }'
analysis-no-model = no model could forecast it ({ $reasons })
analysis-next-purchase-settings = next-purchase settings
analysis-window-positive = the window must be more than 0 days
analysis-als-settings = ALS settings
analysis-als-factors = factors must be between 1 and 1024
analysis-als-regularization = regularization must be 0 or more
analysis-als-alpha = alpha must be 0 or more
analysis-als-iterations = iterations and CG steps must be at least 1
analysis-report-card = the report card
analysis-report-card-k = K must be at least 1
analysis-blend-settings = blend settings
analysis-blend-weights = each weight must be between 0 and 1, and one above 0
analysis-repeat-settings = repeat-buy settings
analysis-repeat-invalid = the decays must be between 0 and 1, the group size and neighbours at least 1, and the neighbour weight 0 or more
analysis-sasrec-settings = SASRec settings
analysis-sasrec-settings-why = sizes, epochs, time budget and step size must be above 0, the dimension a multiple of the heads and the dropout below 1
analysis-sasrec-training = training SASRec
analysis-rule-settings = rule settings
analysis-rule-shares = min support and min confidence are shares between 0 and 1
analysis-rule-lift = min lift must be 0 or more
analysis-rule-length = the itemset length cap must be between 2 and 5
