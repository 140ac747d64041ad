# The Behaviour tab: RFM groups, cohort retention, the events funnel, repeat purchases.

behaviour-heading = Behaviour
behaviour-needs-orders = Load an orders file to see customer behaviour: RFM groups, cohorts, the funnel and repeat purchases.
behaviour-stopped = The behaviour analyses stopped
behaviour-cancelled = Cancelled. Press Recompute to run the analyses.
behaviour-error = { $what }: { $error }
behaviour-open-data = Open the Data tab

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
behaviour-cohorts-header = Cohort (customers)
behaviour-cohort-hover = Cohort { $month } ({ $size } customers), month +{ $offset }
behaviour-cohort-hover-active = { $active } active ({ $share })
behaviour-hover-revenue = revenue { $amount }

# The funnel.
behaviour-funnel = Funnel
behaviour-funnel-explanation = Customers who viewed, added to cart and bought, from the behaviour events.
behaviour-funnel-explanation-segment = Customers who viewed, added to cart and bought, from the behaviour events. Only the events of { $segment }.
behaviour-needs-events = The funnel needs a behaviour events file (views, carts, purchases): open one on the Data tab.
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
behaviour-one-time-buyers = One-time buyers:
behaviour-one-time-figures = { $buyers } of { $customers } customers ({ $share }).
behaviour-median-gap = Median time between purchases:
behaviour-repeat-none = no repeat purchases
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
behaviour-trend-orders = Orders trend
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

# Missing inputs.
behaviour-dropoff-needs-items = Products where viewers drop off need an item column in the events file: map one, or load events with items.

# Plain meanings on hover.
behaviour-rfm-meaning = RFM scores each customer on Recency (how lately they bought), Frequency (how often) and Monetary value (how much they spent), then puts alike customers in named groups.
behaviour-scores = Scores:
behaviour-recency = Recency
behaviour-recency-meaning = Days since the customer's last purchase, scored 1–5 by rank; 5 = bought most recently.
behaviour-frequency = Frequency
behaviour-frequency-meaning = How many orders the customer placed, scored 1–5 by rank; 5 = the most orders.
behaviour-monetary = Monetary
behaviour-monetary-meaning = How much the customer spent in all, scored 1–5 by rank; 5 = spent the most.
behaviour-rfm-share-meaning = Customers in the group, out of all customers scored.
behaviour-rfm-revenue-share-meaning = The group's net revenue, out of the net revenue of all customers scored.
behaviour-group-champions-meaning = Bought very recently and often (recency 5, frequency 4–5): the best customers.
behaviour-group-loyal-meaning = Buy often and fairly recently (recency 3–4, frequency 4–5).
behaviour-group-potential-loyalists-meaning = Bought recently a few times (recency 4–5 with frequency 2–3, or both 3): could become loyal.
behaviour-group-new-meaning = Bought recently for the first time (recency 4–5, frequency 1).
behaviour-group-at-risk-meaning = Used to buy quite often but not lately (recency 1–2, frequency 3–4).
behaviour-group-cant-lose-them-meaning = Bought the most often but not lately (recency 1–2, frequency 5): worth winning back first.
behaviour-group-hibernating-meaning = Bought a little, a while ago (recency 2–3, frequency 1–2).
behaviour-group-lost-meaning = Bought once or twice, long ago (recency 1, frequency 1–2).
behaviour-cohorts-meaning = A cohort is the customers whose first purchase fell in the same month; retention is the share of them who buy again in a later month.
behaviour-retention-meaning = Retention: the share of a cohort's customers who bought in that month; month 0 is always 100%, higher later months are better.
behaviour-cohorts-months-since = Months since the first purchase
behaviour-funnel-meaning = How many customers go on from viewing a product to adding it to the cart to buying; each step keeps fewer.
behaviour-funnel-users-meaning = Distinct customers with an event of this step and of every step before it.
behaviour-conversion-meaning = The share of the customers at the step before who also reached this one; higher is better.
behaviour-dropoff-conversion-meaning = The share of the product's views followed by the next step; higher is better.
behaviour-repeat-meaning = Customers buying again after an earlier order; the more come back, the less each order costs to win.
behaviour-one-time-meaning = Customers with a single purchase so far, out of all customers; lower is better.
behaviour-median-gap-meaning = Half of the repeat purchases come sooner than this after the customer's previous one, half later.
behaviour-buyers-meaning = Distinct customers who bought it.

# Chart axes.
behaviour-axis-rfm-group = RFM group
behaviour-axis-customers = Customers
behaviour-axis-revenue = Revenue
behaviour-axis-funnel-step = Funnel step
behaviour-axis-gap = Days between purchases
behaviour-axis-repeat-purchases = Repeat purchases
behaviour-axis-week = Week (first day)
behaviour-axis-month = Month
behaviour-axis-revenue-in = Revenue ({ $symbol })
behaviour-axis-net-revenue-in = Net revenue ({ $symbol })
behaviour-axis-orders = Orders
behaviour-axis-net-revenue = Net revenue

# What each result means for a campaign.
behaviour-advice-rfm-champions = { $count } { $n ->
    [one] Champion
   *[other] Champions
} ({ $share } of customers) bring { $revenue } of revenue: keep them with early access and thanks, not discounts.
behaviour-advice-rfm-champions-no-money = { $count } { $n ->
    [one] Champion
   *[other] Champions
} ({ $share } of customers) bought most recently and most often: keep them with early access and thanks, not discounts.
behaviour-advice-rfm-lapsing = { $count } customers who used to buy often have stopped ({ $share } of customers, { $revenue } of revenue): win them back now with a personal offer, before they are lost.
behaviour-advice-rfm-lapsing-no-money = { $count } customers who used to buy often have stopped ({ $share } of customers): win them back now with a personal offer, before they are lost.
behaviour-advice-rfm-largest = No customer is a Champion or lapsing yet; the largest group is { $group } ({ $share } of customers): start the campaign there.
behaviour-advice-cohort-too-early = No cohort has a second month in the data yet, so there is no return rate to compare.
behaviour-advice-cohort-single = { $share } of the { $month } cohort bought again in the month after their first purchase: a second-order offer in that first month can lift it.
behaviour-advice-cohort-below = { $share } of the latest cohort ({ $month }) bought again in the month after their first purchase, against { $average } for earlier cohorts: they come back less, so send them a second-order offer in their first month.
behaviour-advice-cohort-above = { $share } of the latest cohort ({ $month }) bought again in the month after their first purchase, against { $average } for earlier cohorts: what brought them in works; keep that channel and offer going.
behaviour-advice-cohort-same = { $share } of the latest cohort ({ $month }) bought again in the month after their first purchase, in line with { $average } for earlier cohorts: a second-order offer in the first month is the lever to lift it.
behaviour-advice-funnel-empty = No customer reached the first step, so the funnel says nothing yet.
behaviour-advice-funnel-no-loss = Every customer who starts goes through every step: no step loses customers.
behaviour-advice-funnel-cart = The biggest loss is from { $from } to { $to }: only { $share } go on ({ $lost } customers lost); clearer product pages, prices or a first-order coupon fit.
behaviour-advice-funnel-purchase = The biggest loss is from { $from } to { $to }: only { $share } go on ({ $lost } customers lost); a cart reminder within a day fits.
behaviour-advice-funnel-other = The biggest loss is from { $from } to { $to }: only { $share } go on ({ $lost } customers lost); work on that step first.
behaviour-advice-repeat-none = No customer has bought twice yet: a second-order offer to every buyer is the first campaign to run.
behaviour-advice-repeat-one-time = { $share } of customers bought only once: a second-order offer about { $days } after the first order, when repeat buyers usually come back, fits.
behaviour-advice-repeat-returning = Most customers come back ({ $share } bought only once), typically after { $days }: a reminder around then keeps them buying.
