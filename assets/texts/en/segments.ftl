# The Segments tab (ui::segments_panel, ui::segments) and the segment labels of
# analysis::segments: feature names, proposed names, rules, the K choice.

segments-heading = Segments
segments-needs-orders = Load an orders file to segment your customers.
segments-stopped = The segmentation stopped
segments-cancelled = Cancelled. Press Auto or move K to segment the customers.
segments-run-summary = { $customers } customers in { $k } segments (K = { $k }), silhouette { $silhouette }, on { $features }; recency measured to { $date }.
segments-silhouette-sampled = { $silhouette } (sampled)
segments-choosing-k = Choosing K
segments-choosing-k-explanation = Inertia (within-segment spread) always falls as K grows: look for the bend. Silhouette (−1..1) is higher when segments are well apart.
segments-table-explanation = Click a name to look at that segment below and to rename it.
segments-size-section = Size and revenue
segments-size-explanation = How many customers each segment holds, and how much of the revenue they bring.
segments-rules-section = How to recognise each segment
segments-rules-explanation = A shallow decision tree that predicts the segment from the features in use.
segments-rules-error = Rules
segments-picture-section = Segment picture
segments-picture-explanation = Each dot is a customer, placed by the two directions along which customers differ most.
segments-picture-error = Picture
segments-scores-section = Scores by segment
segments-scores-explanation = From the Value tab: mean propensity to buy within its window, share of the segment in the high churn-risk bucket, mean and total predicted customer value.
segments-profile-section = Profile and members: { $name }
segments-profile-explanation = Pick another segment in the table above.

# Run settings (controls_view).
segments-features-in-use = Features in use:
segments-features-in-use-hover = K-means runs on these, log1p-transformed and standardised.
segments-feature-needs-price-hover = Needs a unit price and an item id in the orders file
segments-k-label = K (segments):
segments-auto = Auto
segments-cancel = Cancel
segments-cancel-hover = Stop the segmentation (between K values)
segments-k-chosen-by-you = K = { $k }, chosen by you. Press Auto to let the data pick: { $rule }
segments-auto-k-rule = Auto K picks, among 3 to 8 segments, the smallest K whose silhouette is within 0.02 of the best silhouette there: well separated groups, and no more of them than the data supports.

# Elbow and silhouette charts (curve_view).
segments-curve-empty = Press Auto to fit every K from 2 to 10 and chart the elbow and silhouette.
segments-elbow-title = Elbow: inertia per K
segments-silhouette-title = Silhouette per K

# Segment table and renaming (summary_view), size charts (size_view).
segments-column-segment = Segment
segments-column-customers = Customers
segments-column-customer-share = Share of customers
segments-column-revenue-share = Share of revenue
segments-column-sets-apart = Sets it apart (sd from the rest)
segments-column-top-categories = Top categories
segments-no-prices = no prices
segments-revenue = Revenue
segments-rename = Rename segment { $id }:
segments-save-name = Save name
segments-customers-per-segment = Customers per segment
segments-revenue-share-per-segment = Share of revenue per segment
segments-revenue-per-segment = Revenue per segment

# Decision-tree rules (tree_view, analysis::segments::tree).
segments-rules-accuracy = The rules put { $share } of customers in their own segment.
segments-rules-accuracy-sampled = The rules put { $share } of customers in their own segment (tree fitted on a sample of 20,000).
segments-column-rule = Rule
segments-column-right = Right
segments-rule-everyone = everyone
segments-rule-and = and

# Segment picture (scatter_view).
segments-picture-summary = { $n ->
    [one] { $customers } customer plotted; the axes explain { $first } and { $second } of the variance.
   *[other] { $customers } customers plotted; the axes explain { $first } and { $second } of the variance.
}
segments-component = component { $number }
segments-picture-hover =
    customer { $customer }
    { $segment }

# Scores by segment (scores_view).
segments-scores-need-value = Train the models in the Value tab to see each segment's propensity, churn risk and customer value here.
segments-column-scored = Scored customers
segments-column-mean-propensity = Mean propensity
segments-column-high-churn-risk = High churn risk
segments-column-mean-clv = Mean CLV
segments-column-total-clv = Total CLV
segments-scored-of = { $scored } of { $size }

# Profile and members (profile_view, members_view).
segments-profile-title = { $name }: mean of each feature, as an index of everyone's (100)
segments-search = Search customers:
segments-search-hint = part of a customer id
segments-high-risk-only = Only high churn risk
segments-high-risk-only-hover = Members in the Value tab's high churn-risk bucket
segments-export-hover = This segment's members as the table shows them; CSV opens in Excel with Chinese intact
segments-members-count = { $n ->
    [one] { $count } customer
   *[other] { $count } customers
}
segments-column-customer-id = customer_id
segments-column-propensity = propensity
segments-column-churn-risk = churn risk
segments-column-p-alive = P(alive)
segments-column-clv = CLV
segments-column-next-order = next order

# Features as the window names them (analysis::segments::Feature::label).
segments-feature-recency = recency_days
segments-feature-orders = orders
segments-feature-revenue = revenue
segments-feature-avg-order-value = avg_order_value
segments-feature-tenure = tenure_days
segments-feature-days-between = mean_days_between
segments-feature-units = units
segments-feature-discount-share = discount_share
segments-feature-avg-unit-price = avg_unit_price

# Proposed segment names (analysis::segments::propose_name).
segments-name-bargain-hunters = Bargain hunters
segments-name-lapsed-one-timers = Lapsed one-timers
segments-name-lapsed-regulars = Lapsed regulars
segments-name-new-customers = New customers
segments-name-high-value-regulars = High-value regulars
segments-name-frequent-buyers = Frequent buyers
segments-name-recent-one-timers = Recent one-timers
segments-name-active-regulars = Active regulars
segments-name-occasional-buyers = Occasional buyers
segments-name-big-spenders = Big spenders
segments-name-steady-middle = Steady middle

# Why this K (analysis::segments::choose_k) and the job's progress.
segments-k-as-set = K = { $k }, as set.
segments-k-too-alike = The customers have too few different figures for { $min } to { $max } segments: at most { $most } was possible.
segments-k-best = K = { $k }: the best silhouette ({ $silhouette }) of K = { $from } to { $to }.
segments-k-fewest = K = { $k }: the fewest segments whose silhouette ({ $silhouette }) is within { $tolerance } of the best of K = { $from } to { $to } ({ $best } at K = { $best_k }).
segments-progress-features = building customer features
segments-progress-profiles = profiling segments
segments-progress-k-means = K-means with K = { $k }
