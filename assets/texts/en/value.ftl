# The Value tab: propensity to buy, churn risk and customer lifetime value (ui::value_panel, ui::value, analysis::propensity, analysis::clv).

value-heading = Value
value-what = Propensity, churn risk and customer value
value-no-orders = The Value tab needs an orders file (who bought, and when) to score each customer's chance to buy, churn risk and value: load one on the Data tab.
value-training-stopped = The training stopped
value-files-changed = The loaded files changed since the last training: press Train to score these customers.
value-press-train = Press Train to fit the propensity models (who buys within the window) and the customer value models.
value-scored-summary = { $count } customers scored by { $model } on { $features } features.
value-customers-section = Customers
value-customers-explanation = Propensity to buy within the window, churn risk and its bucket, P(alive), purchases and value predicted over the CLV horizon, and the expected next order.

# Training settings.
value-window-days = Window (days):
value-window-days-hover = A customer who buys within this many days after a cutoff counts as a buyer
value-cutoff = Cutoff:
value-cutoff-hint = YYYY-MM-DD (empty: last order day − window)
value-cutoff-hover = The day the test window starts: the models learn from the window before it and are checked on the window after it
value-logreg-meaning = Logistic regression: a weighted sum of the customer's figures; quick, and its weights show which way each figure pushes.
value-tree-meaning = Decision tree: a few yes-or-no questions about the customer; its rules are listed under the charts.
value-forest-meaning = Random forest: many trees voting; usually the most accurate, and the slowest to fit.
value-gbt-meaning = Gradient-boosted trees: many small trees, each correcting the errors of those before it; catches combinations of features a straight line misses.
value-cutoff-invalid = Write the date as YYYY-MM-DD
value-models = Models:
value-train = Train
value-train-hover = Fit the propensity models and the customer value models
value-train-disabled-hover = Tick at least one model and write a valid cutoff
value-cancel = Cancel
value-cancel-hover = Stop the training (between steps)

# Models, features and tree rules (analysis::propensity).
value-model-logreg = logreg
value-model-tree = tree
value-model-forest = forest
value-model-gbt = boosted trees
value-feature-recency-days = Days since last order
value-feature-tenure-days = Days since first order
value-feature-orders = Orders
value-feature-purchase-days = Days with a purchase
value-feature-revenue = Revenue
value-feature-avg-order-value = Average order value
value-feature-units = Units bought
value-feature-orders-30d = Orders in the last 30 days
value-feature-orders-90d = Orders in the last 90 days
value-feature-orders-180d = Orders in the last 180 days
value-feature-revenue-30d = Revenue in the last 30 days
value-feature-revenue-90d = Revenue in the last 90 days
value-feature-revenue-180d = Revenue in the last 180 days
value-feature-mean-days-between = Average days between purchases
value-feature-gap-cv = Irregularity of the gaps between purchases
value-feature-share = Share of purchases in { $category }
value-feature-events-30d = "{ $event }" events in the last 30 days
value-rule = if { $when } then p = { $p } ({ $count } customers)
value-rule-always = always
value-rule-and = { $first } and { $next }
value-rule-at-least = { $feature } >= { $threshold }
value-rule-below = { $feature } < { $threshold }
value-progress-building-features = building features
value-progress-fitting-out-of-time = fitting { $model } (out of time)
value-progress-fitting-random-split = fitting { $model } (random split)
value-progress-scoring = scoring with { $model }

# Customer value (analysis::clv).
value-progress-clv = fitting MBG/NBD and Gamma-Gamma
value-reason-few-repeaters = { $customers } customers, { $repeaters } with a repeat purchase: MBG/NBD needs at least { $min_customers } and { $min_repeaters }
value-reason-few-spenders = { $buyers } repeat buyers with a positive spend: Gamma-Gamma needs at least { $min_buyers }

# How well the models rank buyers.
value-ranking-section = How well the models rank buyers
value-ranking-explanation = Each curve trades buyers found (up) against non-buyers flagged (right); the further up-left, the better. AUC 0.5 is guessing, 1 is perfect. Out of time: fitted at the earlier cutoff, tested at the later one.
value-roc-title = ROC curve per model (out-of-time test)
value-guessing = guessing
value-roc-legend = { $model } (AUC { $auc })
value-auc-title = AUC per model
value-auc-model = model
value-auc-out-of-time = out of time
value-auc-random-split = random split
value-auc-chosen-model = { $model } (scores)
value-fit-summary = Fitted at { $train }, tested at { $test }: { $share } bought within { $days } days.
value-scored-at = Scored at { $date }.
value-gain-title = Cumulative gain by decile
value-lift-title = Lift by decile
value-random = random
value-calibration-section = Calibration
value-calibration-explanation = Predicted probability against the share who really bought, per probability band: on the diagonal, a 30% score means 30% buy.
value-drivers-section = What drives the score ({ $model })
value-drivers-explanation = Feature importance of the model that scores the customers.
value-tree-section = The decision tree's rules
value-tree-explanation = Read each rule as: customers matching these conditions buy with this probability.

# Churn risk.
value-churn-risk-section = Churn risk
value-churn-risk-explanation = Churn risk = 1 − the chosen model's propensity to buy in the window. Move the thresholds to decide who counts as medium or high risk; the buckets update at once.
value-medium-risk-from = Medium risk from:
value-high-risk-from = High risk from:
value-low-risk-count = Low risk: { $count }
value-medium-risk-count = Medium risk: { $count }
value-high-risk-count = High risk: { $count }
value-bucket-high = high
value-bucket-medium = medium
value-bucket-low = low

# Customer value.
value-clv-section = Customer value
value-clv-explanation = Future purchases and P(alive) from MBG/NBD, spend per purchase from Gamma-Gamma; CLV = expected purchases × expected spend.
value-clv-failed = Customer value could not be computed
value-purchases-label = Purchases:
value-spend-label = Spend:
value-mbgnbd-name = MBG/NBD
value-gamma-gamma-name = Gamma-Gamma
value-purchases-mbgnbd = r = { $r }, alpha = { $alpha } days, a = { $a }, b = { $b }
value-purchases-historical = HISTORICAL ESTIMATE (repeat rate so far), because { $reason }
value-spend-gamma-gamma = p = { $p }, q = { $q }, gamma = { $gamma }
value-spend-historical = HISTORICAL (each customer's mean spend), because { $reason }
value-spend-unpriced = none: the orders carry no prices
value-clv-over = Over the next { $days } days from { $date }:
value-figure-customers = Customers
value-figure-purchases = Predicted purchases
value-figure-active = Customers likely still active (P(alive) ≥ 50%)
value-figure-clv = CLV, all customers
value-clv-unknown = not known without prices
value-holdout-title = Holdout: predicted against actual purchase days per customer
value-holdout-summary = Fitted before { $cutoff }, checked over the { $days } days after it on { $count } customers.
value-mae = Mean absolute error
value-mae-value = { $error } purchase days per customer
value-predicted = predicted
value-actual = actual

# The customer table.
value-show-churn-risk = Show churn risk:
value-bucket-all = all
value-export-hover = The customers as the table below shows them; CSV opens in Excel with Chinese intact
value-customer-count = { $count } customers
value-next-order-none = none within { $days } days
value-col-customer-id = customer
value-col-segment = segment
value-col-propensity = propensity
value-col-churn-risk = churn risk
value-col-risk-bucket = risk bucket
value-col-p-alive = P(alive)
value-col-predicted-purchases = predicted purchases
value-col-clv = CLV
value-col-next-order = next order

# Errors of the propensity and customer value fits (analysis::propensity, analysis::clv).
value-error-thresholds = the churn risk thresholds
value-error-thresholds-why = need 0 ≤ medium ≤ high ≤ 1, got medium { $medium } and high { $high }
value-error-window = the window
value-error-at-least-a-day = must be at least one day
value-error-models = the models
value-error-models-why = pick at least one of logreg, tree, forest
value-error-scoring-model = the scoring model
value-error-scoring-model-why = { $model } is not among the models to fit
value-error-random-share = the random test share
value-error-random-share-why = must be between 0 and 1
value-error-trees = the tree settings
value-error-trees-why = need at least one tree and depths of 1 to 60
value-error-penalty = the regression penalty
value-error-penalty-why = must be 0 or more
value-error-memory = scoring the customers of { $lines } order lines
value-error-orders = the orders
value-error-no-dated-purchase = there is no dated purchase to learn from
value-error-cutoff = cutoff { $cutoff }
value-error-cutoff-why = its { $days }-day window runs past the last order day ({ $last }); pick a cutoff on or before { $latest }
value-error-training-cutoff = training cutoff { $cutoff }
value-error-training-cutoff-why = no customer bought before it; pick a later cutoff or a shorter window
value-error-fitting = fitting the { $model } model
value-error-same-outcome = every customer in the training window has the same outcome; pick an earlier cutoff or a longer window
value-error-horizon = the horizon
value-error-discount-rate = the discount rate
value-error-discount-rate-why = must be 0 or more, got { $rate }
value-error-holdout-cutoff = holdout cutoff { $cutoff }
value-error-holdout-cutoff-why = must be before the last order day ({ $last })
value-error-fit = the { $model } fit
value-error-not-settled = the search did not settle after { $iterations } iterations
value-error-a-is-one = a = 1, where expected purchases are undefined
value-error-search = the maximum likelihood search

# Charts: axis titles and hover texts.
value-roc-x-axis = False alarm rate: share of non-buyers flagged
value-roc-y-axis = Share of buyers found
value-top-share-axis = Customers contacted, highest scores first
value-gain-y-axis = Share of all buyers reached
value-lift-y-axis = Lift: times the average buy rate
value-calibration-x-axis = Predicted chance to buy
value-calibration-y-axis = Share who really bought
value-importance-weight-axis = Weight in the score (right: likelier to buy, left: less likely)
value-importance-share-axis = Share of the model's decisions
value-holdout-x-axis = Customers by repeat purchases before { $cutoff }
value-holdout-y-axis = Purchase days per customer in the { $days } days after
value-chart-hover =
    { $series }
    { $x_axis }: { $x }
    { $y_axis }: { $y }
value-importance-title = Feature importance
value-importance-hover-lowers =
    { $feature }
    weight { $weight }: the higher it is, the less likely to buy
value-importance-hover-raises =
    { $feature }
    weight { $weight }: the higher it is, the likelier to buy
value-importance-hover-share =
    { $feature }
    { $share } of the model's decisions
value-holdout-hover =
    { $series }: { $group } repeat purchases before the cutoff ({ $customers } customers)
    { $value } purchase days per customer
value-calibration-title = Predicted against actual buy rate
value-calibration-diagonal = perfectly calibrated
value-average-rate = average buy rate

# What each metric means, on hover.
value-roc-meaning = Each point trades buyers found against non-buyers wrongly flagged as the score threshold drops; the closer the curve hugs the top-left corner, the better.
value-auc-meaning = How well the score ranks buyers above non-buyers: 0.5 is guessing, 1 is perfect; above 0.75 is useful.
value-out-of-time-meaning = Fitted at the earlier cutoff and tested on the later window it never saw: the honest figure for a campaign.
value-random-split-meaning = Fitted and tested on random parts of the same customers; far above the out-of-time figure means the model learned the past, not the future.
value-gain-meaning = The share of all buyers you reach by contacting the top share of customers by score; the dashed line is contacting at random.
value-lift-meaning = How many times the average buy rate a slice of customers buys at: 3 means three times as likely as a customer picked at random; 1 is no better.
value-calibration-meaning = Whether a score can be read as a chance: on the diagonal, a 30% score means 3 in 10 such customers buy.
value-importance-meaning = How much each customer figure moves the score; the longer the bar, the more it matters.
value-mbgnbd-meaning = The purchase model (modified beta-geometric / negative binomial): from how often and how recently each customer bought, it predicts their purchases and P(alive), the chance they still buy at all.
value-gamma-gamma-meaning = The spend model: each customer's expected spend per purchase, their own average pulled towards everyone's when they bought only a few times.
value-holdout-meaning = The purchase model fitted on the history before a cutoff and checked against what customers did after it, so its accuracy is measured, not assumed.
value-mae-meaning = The average gap between predicted and actual purchase days per customer: 0 is perfect; well under one purchase day is good.

# What each result means for a campaign.
value-ranking-unchecked = The test window had only buyers or only non-buyers, so the ranking could not be checked: pick another cutoff or window.
value-ranking-target = The top 10% by score held { $share } of the buyers in the test window, { $lift } times the average (AUC { $auc }): target them first.
value-ranking-weak = The scores rank buyers barely better than guessing (AUC { $auc }): do not aim a campaign by them alone.
value-drivers-lower = { $feature } weighs most: the higher it is, the less likely a customer buys, so reach customers before it grows.
value-drivers-higher = { $feature } weighs most: the higher it is, the likelier a customer buys, so favour customers high on it.
value-drivers-pair = { $feature } and { $second } decide most of the score: offers aimed by them reach the likeliest buyers.
value-drivers-one = { $feature } decides most of the score: offers aimed by it reach the likeliest buyers.
value-calibration-good = The scores read as chances: a 30% score means about 3 in 10 such customers buy, so the scores add up to the buyers to expect.
value-calibration-over = The scores overstate the chance to buy by { $points } points on average: use them to rank customers, not to count buyers.
value-calibration-under = The scores understate the chance to buy by { $points } points on average: use them to rank customers, and expect more buyers than they add up to.
value-risk-high = { $count } { $n ->
    [one] customer ({ $share }) is
   *[other] customers ({ $share }) are
} at high churn risk: a win-back offer fits them before they lapse.
value-risk-none-high = No customer is at high risk at these thresholds: lower "High risk from" to see who is slipping.
value-clv-concentrated = The top 20% of customers by CLV hold { $share } of the value expected over the next { $days } days: keep them with loyalty offers.
value-clv-spread = Value is spread evenly (the top 20% hold { $share } of the next { $days } days' value): broad campaigns fit better than offers for a few.
value-holdout-close = The purchase model predicted { $predicted } purchase days over the { $days } days held out and { $actual } happened ({ $gap } off): its forecasts are fit to plan by.
value-holdout-over = The purchase model predicted { $predicted } purchase days over the { $days } days held out but { $actual } happened ({ $gap } too many): scale planned volumes down.
value-holdout-under = The purchase model predicted { $predicted } purchase days over the { $days } days held out but { $actual } happened ({ $gap } too few): plan for more than it says.

# What the data lacks.
value-open-data = Open the Data tab
value-open-data-hover = Load files or map their columns there
value-needs-history = The orders cover { $days } days, too few for a { $window }-day window: the models learn from purchases before { $date }. Load a longer order history, or shorten the window.
value-needs-money = CLV needs money: the orders have no price or amount column, so only purchases are predicted. Map a price or amount column on the Data tab, or load orders with prices.
value-axis-feature = Feature
