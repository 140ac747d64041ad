# The Value tab: propensity to buy, churn risk and customer lifetime value (ui::value_panel, ui::value, analysis::propensity, analysis::clv).

value-heading = Value
value-no-orders = Load an orders file to score your customers' propensity, churn risk and value.
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
value-feature-recency-days = recency_days
value-feature-tenure-days = tenure_days
value-feature-orders = orders
value-feature-purchase-days = purchase_days
value-feature-revenue = revenue
value-feature-avg-order-value = avg_order_value
value-feature-units = units
value-feature-orders-30d = orders_30d
value-feature-orders-90d = orders_90d
value-feature-orders-180d = orders_180d
value-feature-revenue-30d = revenue_30d
value-feature-revenue-90d = revenue_90d
value-feature-revenue-180d = revenue_180d
value-feature-mean-days-between = mean_days_between
value-feature-share = share:{ $category }
value-feature-events-30d = events_30d:{ $event }
value-rule = if { $when } then p = { $p } ({ $count } customers)
value-rule-always = always
value-rule-and = and
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
value-fit-summary = Fitted at { $train }, tested at { $test }: { $percent }% bought within { $days } days.
value-scored-at = Scored at { $date }.
value-gain-title = Cumulative gain by decile
value-lift-title = Lift by decile
value-random = random
value-calibration-section = Calibration
value-calibration-explanation = Predicted probability against the share who really bought, per probability band: on the diagonal, a 30 % score means 30 % buy.
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
value-purchases-mbgnbd = Purchases: MBG/NBD r = { $r }, alpha = { $alpha } days, a = { $a }, b = { $b }
value-purchases-historical = Purchases: HISTORICAL ESTIMATE (repeat rate so far), because { $reason }
value-spend-gamma-gamma = Spend: Gamma-Gamma p = { $p }, q = { $q }, gamma = { $gamma }
value-spend-historical = Spend: HISTORICAL (each customer's mean spend), because { $reason }
value-spend-and-clv = Spend per purchase and CLV
value-clv-totals = Over { $days } days from { $date }: { $count } customers, { $purchases } predicted purchases, CLV { $clv }.
value-clv-unknown = not known without prices
value-holdout-title = Holdout: predicted against actual purchase days per customer
value-holdout-summary = Fitted before { $cutoff }, checked over the { $days } days after it on { $count } customers: predicted { $predicted }, actual { $actual }, mean absolute error { $error }.
value-holdout-axis = repeat purchases before the cutoff
value-predicted = predicted
value-actual = actual

# The customer table.
value-show-churn-risk = Show churn risk:
value-bucket-all = all
value-export-hover = The customers as the table below shows them; CSV opens in Excel with Chinese intact
value-customer-count = { $count } customers
value-next-order-none = none within { $days } days
value-col-customer-id = customer_id
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
