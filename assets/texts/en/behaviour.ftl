# The Behaviour tab: RFM groups, cohort retention, the events funnel, repeat purchases.

behaviour-heading = Behaviour
behaviour-needs-orders = Load an orders file to see customer behaviour: RFM groups, cohorts, the funnel and repeat purchases.
behaviour-stopped = The behaviour analyses stopped
behaviour-cancelled = Cancelled. Press Recompute to run the analyses.
behaviour-error = { $what }: { $error }

# The analysis date, Recompute and Cancel.
behaviour-analysis-date = Analysis date:
behaviour-analysis-date-hover = RFM recency is measured to this day; later purchases are left out.
behaviour-date-default = { $date } (default)
behaviour-date-hint = the day after the last purchase
behaviour-apply = Apply
behaviour-bad-date = Write the analysis date as YYYY-MM-DD, e.g. 2024-06-30.
behaviour-recompute = Recompute
behaviour-recompute-hover = Run every Behaviour analysis again
behaviour-cancel = Cancel
behaviour-cancel-hover = Stop the behaviour analyses

# The filter row: dates, categories, a segment.
behaviour-filter-from = From:
behaviour-filter-to = To:
behaviour-filter-dates-hover = Only order lines on these days (inclusive) count; empty: no limit.
behaviour-filter-date-hint = YYYY-MM-DD
behaviour-filter-apply = Apply filter
behaviour-filter-clear = Clear filter
behaviour-filter-clear-hover = Use every order line again
behaviour-filter-bad-range = Write the dates as YYYY-MM-DD (either may be empty), with From on or before To.
behaviour-filter-lines-kept = Figures below use { $kept } of { $all } order lines ({ $filter }).
behaviour-filter-between = { $from } to { $to }
behaviour-filter-since = from { $from }
behaviour-filter-until = up to { $to }
behaviour-filter-categories = { $count } categories
behaviour-filter-all-lines = all lines
behaviour-list = { $first }, { $rest }
behaviour-categories-all = Categories: all
behaviour-category-one = Category: { $category }
behaviour-categories-count = Categories: { $count }
behaviour-all-categories = All categories
behaviour-all-customers = All customers
behaviour-segment-title = Segment: { $segment }
behaviour-segment-choice = { $name } ({ $count } customers)
behaviour-segment-label = segment { $id }: { $name }
behaviour-segment-hover = Only the customers of one segment of the Segments tab
behaviour-segment-needs = run Segments first
behaviour-segment-needs-hover = Compute segments in the Segments tab to filter by one.

# RFM groups.
behaviour-rfm-title = RFM groups
behaviour-rfm-rule = Each customer gets scores 1–5 for recency, frequency and spend by rank among all customers (5 = bought most recently, most orders, most spend). The group comes from the recency and frequency scores.
behaviour-rfm-rule-without-money = Each customer gets scores 1–5 for recency and frequency by rank among all customers (5 = bought most recently, most orders); the group comes from these two scores. There is no spend score: the orders have no price or amount.
behaviour-rfm-filtered = With the filter, the ranks are among the customers it keeps.
behaviour-rfm-error = RFM
behaviour-rfm-scored = { $count } customers scored, recency measured to { $date }.
behaviour-rfm-empty = No customer bought before the analysis date.
behaviour-rfm-group = Group
behaviour-rfm-customers = Customers
behaviour-rfm-share = Share
behaviour-rfm-revenue-share = Revenue share
behaviour-rfm-customers-per-group = Customers per group
behaviour-rfm-revenue-per-group = Revenue per group
behaviour-revenue = Revenue
behaviour-group-champions = Champions
behaviour-group-loyal = Loyal
behaviour-group-potential-loyalists = Potential loyalists
behaviour-group-new = New
behaviour-group-at-risk = At risk
behaviour-group-cant-lose-them = Can't lose them
behaviour-group-hibernating = Hibernating
behaviour-group-lost = Lost

# Cohort retention.
behaviour-cohorts-title = Cohort retention
behaviour-cohorts-explanation = Customers grouped by the month of their first purchase; each cell is the share of the cohort that bought in a later month (hover for figures).
behaviour-cohorts-error = Cohorts
behaviour-cohorts-empty = No dated purchases with a customer id to group into cohorts.
behaviour-cohorts-by-share = Share of customers active
behaviour-cohorts-revenue = Revenue per cohort
behaviour-cohorts-header = Cohort (customers)
behaviour-cohort-hover = Cohort { $month } ({ $size } customers), month +{ $offset }
behaviour-cohort-hover-active = { $active } active ({ $share })
behaviour-hover-revenue = revenue { $amount }

# The funnel.
behaviour-funnel = Funnel
behaviour-funnel-explanation = Customers who viewed, added to cart and bought, from the behaviour events.
behaviour-funnel-explanation-segment = Customers who viewed, added to cart and bought, from the behaviour events. Only the events of { $segment }.
behaviour-needs-events = Load a behaviour events file to see the funnel.
behaviour-funnel-source = From { $file }.
behaviour-funnel-step = Step
behaviour-funnel-users = Users
behaviour-conversion = Conversion
behaviour-funnel-events = Events
behaviour-funnel-unmatched = { $count } events of other types are not in the funnel.
behaviour-step-view = view
behaviour-step-cart = cart
behaviour-step-purchase = purchase
behaviour-dropoff-title = Products where viewers drop off
behaviour-dropoff-none = No product converts clearly worse than the shop as a whole.
behaviour-dropoff-error = Drop-off products
behaviour-dropoff-explanation = Lost views: views that would have reached the next step at the shop's overall rate and did not.
behaviour-dropoff-item = Item
behaviour-dropoff-views = Views
behaviour-dropoff-next = Next step
behaviour-dropoff-lost = Lost views

# Repeat purchases.
behaviour-repeat = Repeat purchases
behaviour-repeat-explanation = How many customers come back, how long they take, and what sells.
behaviour-repeat-summary = One-time buyers: { $buyers } of { $customers } customers ({ $share }). Median time between purchases: { $median }.
behaviour-repeat-none = no repeat purchases
behaviour-days = { $days } days
behaviour-repeat-gaps = Days between purchases
behaviour-gap-range = { $from }–{ $to } days
behaviour-gap-open = { $from }+ days
behaviour-top-by-revenue = Top by revenue
behaviour-top-by-buyers = Top by buyers
behaviour-top-product = Product
behaviour-top-no-product = No product column to rank.
behaviour-top-category = Category
behaviour-top-no-category = No category column to rank.
behaviour-top-buyers = Buyers
behaviour-trend-revenue = Net revenue trend
behaviour-trend-orders = Orders trend (no price or amount column, so no revenue)
behaviour-by-week = By week
behaviour-by-month = By month
behaviour-partial-week = The week of { $start } is left out: the data ends on { $last }, before that week does, so its total would read as a drop.
behaviour-partial-month = The month of { $start } is left out: the data ends on { $last }, before that month does, so its total would read as a drop.
behaviour-trend-empty = No complete period with dated purchases.
behaviour-trend-net-revenue = net revenue
behaviour-trend-orders-line = orders
behaviour-trend-week-of = week of { $day }
behaviour-trend-month-of = month of { $day }
behaviour-hover-orders = orders { $count }
