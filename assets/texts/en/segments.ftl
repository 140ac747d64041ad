# The Segments tab (ui::segments_panel, ui::segments) and the segment labels of
# analysis::segments: feature names, proposed names, rules, the K choice.

segments-heading = Segments
segments-needs-orders = Segments group your customers by what they ordered, so they need an orders file: load one on the Data tab.
segments-needs-customers = Segments need at least { $need } customers to compare, and these orders have { $have }. Load a file with more customers.
segments-needs-money = Grouping on { $features } needs money amounts, and these orders have no price or amount column: map one on the Data tab, or untick { $features } above.
segments-open-data = Open the Data tab
segments-needs-prices = Grouping on { $features } needs a unit price and an item column in the orders, and these orders lack one: map them on the Data tab, or untick these features.
segments-untick-features = Untick these features
segments-feature-what = the segment feature '{ $feature }'
segments-feature-needs-service = it is a customer-service signal and needs a service-messages file (customer, time, message): load one with the orders, or choose other features
segments-needs-service = Grouping on { $features } needs the customer signals of a service-messages file, and none is loaded or it could not be read: load one on the Data tab (the Service tab reads it), or untick these features.
segments-signal-features = Service signals:
segments-signal-features-hover = Figures from what customers wrote to customer service, from the loaded service-messages file. Customers who never wrote count as 0 contacts and no complaint, silent for longer than anyone who wrote, and of the shop's usual mood.
context-join-service-signals = joining customer-service signals to customers
segments-stopped = The segmentation stopped
segments-cancelled = Cancelled. Press Auto or move K to segment the customers.
segments-run-summary = { $customers } customers in { $k } segments, grouped on { $features }; days since the last order counted to { $date }.
segments-silhouette = Silhouette:
segments-silhouette-meaning = How clearly customers fall into separate groups, from −1 to 1; above 0.4 is clear.
segments-separation-clear = The groups are clearly apart ({ $silhouette }): each segment can get its own message.
segments-separation-fair = The groups are fairly apart ({ $silhouette }): target them separately, but expect customers near the borders.
segments-separation-weak = The groups overlap ({ $silhouette }): treat the segments as rough tendencies, or try other features or another K.
segments-silhouette-sampled = { $silhouette } (on a sample of { $rows } customers, ± { $error })
segments-choosing-k = Choosing K
segments-choosing-k-explanation = Inertia (how spread out each segment is) always falls as K grows: look for the bend. Silhouette (−1 to 1) is higher when the segments are well apart. The dashed line is the K in use.
segments-table-explanation = Click a name to look at that segment below and to rename it.
segments-size-section = Size and revenue
segments-size-explanation = How many customers each segment holds, and how much of the revenue they bring.
segments-rules-section = How to recognise each segment
segments-rules-explanation = A shallow decision tree that predicts the segment from the features in use.
segments-rules-error = Rules
segments-picture-section = Segment picture
segments-picture-explanation = Each dot is a customer, placed by the two directions along which customers differ most; each axis names the figures that grow (↑) or shrink (↓) along it.
segments-picture-error = Picture
segments-scores-section = Scores by segment
segments-scores-explanation = From the Value tab: mean propensity to buy within its window, share of the segment in the high churn-risk bucket, mean and total predicted customer value.
segments-profile-section = Profile and members: { $name }
segments-profile-explanation = Pick another segment in the table above.

# Run settings (controls_view).
segments-features-in-use = Features in use:
segments-features-in-use-hover = The figures customers are grouped on. Each is put on the same scale first (large figures compressed, then counted in standard deviations from the average), so no single figure dominates.
segments-feature-needs-price-hover = Needs a unit price and an item id in the orders file
segments-k-label = K (segments):
segments-k-meaning = K is the number of segments the customers are split into.
segments-auto = Auto
segments-cancel = Cancel
segments-cancel-hover = Stop the segmentation (between K values)
segments-k-chosen-by-you = K = { $k }, chosen by you. Press Auto to let the data pick: { $rule }
segments-auto-k-rule = Auto K picks, among 3 to 8 segments, the smallest K whose silhouette is within 0.02 of the best silhouette there: well separated groups, and no more of them than the data supports.

# Elbow and silhouette charts (curve_view).
segments-curve-empty = Press Auto to fit every K from 2 to 10 and chart the elbow and silhouette.
segments-elbow-title = Elbow: inertia per K
segments-silhouette-title = Silhouette per K
segments-inertia-meaning = How spread out customers are around their segment's centre; it always falls as K grows, so look for the bend where it stops falling fast.
segments-axis-k = K (number of segments)
segments-axis-inertia = Inertia (spread within segments)
segments-axis-silhouette = Silhouette (−1 to 1)
segments-chosen-k = K in use
segments-curve-hover = K = { $k }: { $value }

# Segment table and renaming (summary_view), size charts (size_view).
segments-column-segment = Segment
segments-column-customers = Customers
segments-column-customer-share = Share of customers
segments-column-revenue-share = Share of revenue
segments-column-sets-apart = Sets it apart (sd from the rest)
segments-sets-apart-meaning = How far the segment's average is from everyone else's, in standard deviations (sd, the usual spread between customers): +1 is well above, −1 well below; beyond ±0.5 stands out.
segments-column-top-categories = Top categories
segments-no-prices = no prices
segments-revenue = Revenue
segments-rename = Rename segment { $id }:
segments-save-name = Save name
segments-customers-per-segment = Customers per segment
segments-revenue-share-per-segment = Share of revenue per segment
segments-revenue-per-segment = Revenue per segment
segments-axis-customers = Customers
segments-axis-revenue-share = Share of revenue
segments-axis-segment = Segment
segments-size-sentence = { $name }: { $customers } of the customers bring { $revenue } of the revenue, the segment that pays most to keep.
segments-size-sentence-largest = The largest segment is { $name }, with { $customers } of the customers.

# Decision-tree rules (tree_view, analysis::segments::tree).
segments-rules-accuracy = The rules put { $share } of customers in their own segment.
segments-rules-accuracy-sampled = The rules put { $share } of customers in their own segment (tree fitted on a sample of 20,000).
segments-column-rule = Rule
segments-column-right = Right
segments-right-meaning = Of the customers a rule covers, the share that really is in its segment.
segments-rules-hold = The rules can stand in for the segments where only simple filters are possible, such as a shop system's customer filter.
segments-rules-rough = The rules are a rough guide only: to reach a segment exactly, use the segment column of the export.
segments-rule-everyone = everyone
segments-rule-and = and

# Segment picture (scatter_view).
segments-picture-summary = { $n ->
    [one] { $customers } customer plotted.
   *[other] { $customers } customers plotted.
}
segments-axis-component = Component { $number } ({ $share } of the spread)
segments-axis-direction = Component { $number } ({ $share } of the spread): { $features }
segments-direction-up = { $feature } ↑
segments-direction-down = { $feature } ↓
segments-list-two = { $first } and { $second }
segments-picture-hover =
    customer { $customer }
    { $segment }

# Scores by segment (scores_view).
segments-scores-need-value = Train the models in the Value tab to see each segment's propensity, churn risk and customer value here.
segments-mean-propensity-meaning = The average chance, from 0 to 1, that a customer of the segment buys within the Value tab's window.
segments-high-churn-risk-meaning = Share of the segment's customers in the Value tab's high churn-risk bucket: the ones most likely to stop buying.
segments-mean-clv-meaning = Customer lifetime value: what the Value tab expects a customer of the segment to spend over its horizon, on average.
segments-total-clv-meaning = Customer lifetime value of the whole segment: what the Value tab expects all its customers together to spend over its horizon.
segments-scores-both = The most predicted customer value sits in { $value_name } ({ $value }): keep them with loyalty offers. The most customers at high churn risk are in { $risk_name } ({ $risk }): win them back first.
segments-scores-same = The most predicted value and the most churn risk both sit in { $name } ({ $value } of the value, { $risk } at high risk): protect this segment first.
segments-scores-value-only = The most predicted customer value sits in { $name } ({ $value }): keep them with loyalty offers.
segments-scores-risk-only = The most customers at high churn risk are in { $name } ({ $risk }): win them back first.
segments-column-scored = Scored customers
segments-column-mean-propensity = Mean propensity
segments-column-high-churn-risk = High churn risk
segments-column-mean-clv = Mean CLV
segments-column-total-clv = Total CLV
segments-scored-of = { $scored } of { $size }

# Profile and members (profile_view, members_view).
segments-profile-title = { $name }: its centre, each figure as an index of everyone's average (100)
segments-centroid-meaning = A segment's centre (centroid) is its average customer: 100 is like everyone, 200 twice as much, 50 half.
segments-axis-index = Index (100 = everyone's average)
segments-axis-feature = Figure
segments-everyone = everyone's average
segments-campaign = { $name }, { $customers } { $n ->
    [one] customer
   *[other] customers
    }, { $traits }: { $offer }.
segments-trait-spends-more = spends { $times } times the average
segments-trait-spends-less = spends { $share } of the average
segments-trait-lapsed = has not ordered for { $days } days on average
segments-trait-recent = ordered recently
segments-trait-orders-more = orders { $times } times as often as the average
segments-trait-orders-less = orders less often than the average
segments-trait-discount = buys on discount more than most
segments-trait-average = spends and orders like the average customer
segments-trait-both = { $first } and { $second }
segments-offer-win-back-personal = a personal win-back offer fits before they are gone
segments-offer-win-back = a win-back discount fits
segments-offer-promotions = price promotions and sale alerts fit
segments-offer-loyalty = a loyalty offer fits
segments-offer-welcome = a welcome series towards the second order fits
segments-offer-upsell = bundles and cross-selling to raise the basket fit
segments-offer-newsletter = regular newsletters and cross-selling fit
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
segments-feature-last-contact = last_contact_days
segments-feature-contacts-30d = contacts_30d
segments-feature-contacts-90d = contacts_90d
segments-feature-complained = complained_30d
segments-feature-asked-discount = asked_discount_no_buy
segments-feature-sentiment = mean_sentiment

# Features in words (sentences, chart titles) and what each measures (hover).
segments-words-recency = days since last order
segments-words-orders = orders
segments-words-revenue = revenue
segments-words-avg-order-value = average order value
segments-words-tenure = days as a customer
segments-words-days-between = days between orders
segments-words-units = units bought
segments-words-discount-share = share bought on discount
segments-words-avg-unit-price = average unit price
segments-words-last-contact = days since last contact
segments-words-contacts-30d = contacts in 30 days
segments-words-contacts-90d = contacts in 90 days
segments-words-complained = complained in 30 days
segments-words-asked-discount = asked for a discount, did not buy
segments-words-sentiment = mean sentiment
segments-feature-recency-meaning = Days from the customer's last order to the analysis date: small is recent.
segments-feature-orders-meaning = How many separate orders the customer placed.
segments-feature-revenue-meaning = What the customer spent in total, returns taken off.
segments-feature-avg-order-value-meaning = What the customer spent per order on average.
segments-feature-tenure-meaning = Days from the customer's first order to the analysis date: how long they have been a customer.
segments-feature-days-between-meaning = Average days between the customer's orders.
segments-feature-units-meaning = How many units the customer bought in total.
segments-feature-discount-share-meaning = Share of the customer's purchases made below the item's usual price.
segments-feature-avg-unit-price-meaning = The average price per unit the customer paid.
segments-feature-last-contact-meaning = Days since the customer last wrote to customer service; those who never wrote count as silent longer than anyone who did.
segments-feature-contacts-30d-meaning = Messages the customer sent to customer service in the last 30 days.
segments-feature-contacts-90d-meaning = Messages the customer sent to customer service in the last 90 days.
segments-feature-complained-meaning = 1 if the customer complained (quality or service) in the last 30 days, else 0; the segment's mean is the share who did.
segments-feature-asked-discount-meaning = 1 if the customer asked about a discount in the last 30 days and ordered nothing after, else 0.
segments-feature-sentiment-meaning = How positive the customer's messages read on average, from 0 (negative) to 1 (positive); those who never wrote get the shop's average.

# Proposed segment names (analysis::segments::propose_name).
segments-name-bargain-hunters = Bargain hunters
segments-name-recent-complainers = Recent complainers
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
segments-name-numbered = { $name } { $n }

# Why this K (analysis::segments::choose_k) and the job's progress.
segments-k-as-set = K = { $k }, as set.
segments-k-too-alike = The customers have too few different figures for { $min } to { $max } segments: at most { $most } was possible.
segments-k-best = K = { $k }: the best silhouette ({ $silhouette }) of K = { $from } to { $to }.
segments-k-fewest = K = { $k }: the fewest segments whose silhouette ({ $silhouette }) is within { $tolerance } of the best of K = { $from } to { $to } ({ $best } at K = { $best_k }).
segments-k-with-note = { $why } { $note }
segments-progress-features = building customer features
segments-progress-profiles = profiling segments
segments-progress-k-means = K-means with K = { $k }
