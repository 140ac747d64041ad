# The Recommendations tab: model settings, per-customer lists, the report card, bought-together rules.

recommend-heading = Recommendations
recommend-model-what = The { $model } model, which reads baskets and purchase sequences,
recommend-rules-what = The table of bought-together rules
recommend-next-what = What customers buy next
recommend-report-card-what = The report card
recommend-summed-note = Summed orders give each customer's purchases per item, not their baskets: popularity and item-kNN learn from them; the other models, the report card and the rules need the lines.
recommend-needs-lines-hover = Needs the order lines, which are not loaded: these orders are only summed.
recommend-no-orders = Load an orders or ratings file to recommend items to your customers.
recommend-fit-stopped = The fit stopped: { $error }
recommend-fit-cancelled = Cancelled. Press Fit model to get recommendations.
recommend-per-customer = Per customer
recommend-per-customer-note = The customer's top items with the reason for each, beside what they bought.
recommend-per-item = Per item
recommend-per-item-note = Items like the chosen one under the fitted model, and items bought in the same orders.
recommend-report-card = Report card
recommend-report-card-note = How well each model would have predicted purchases it did not see.
recommend-bought-together = Bought together
recommend-bought-together-ratings-note = Items bought in the same orders, and what customers buy next.
recommend-rules-need-orders = The recommendations learn from the ratings file, which has no orders: remove it from the Data tab to see the rules and next purchases of the orders.
recommend-bought-together-note = Association rules from the order baskets (FP-growth): customers whose order holds the first items also bought the second. Lift above 1 means more often than by chance.
recommend-buy-next = What customers buy next
recommend-buy-next-note = The most common steps from one order to the customer's next one.

# Models and their settings.
recommend-model = Model
recommend-model-popular = popular
recommend-model-item-knn = item-knn
recommend-model-user-knn = user-knn
recommend-model-als = als
recommend-model-history = history
recommend-model-repeat = repeat
recommend-model-sasrec = sasrec
recommend-model-blend = blend
recommend-model-popular-note = the best-sellers: the baseline to beat, and what new customers get
recommend-model-item-knn-note = items often bought by the same customers as what this customer bought
recommend-model-user-knn-note = what the customers with the most similar purchases bought
recommend-model-als-note = learns hidden tastes from all purchases (matrix factorisation) and matches customers to items
recommend-model-history-note = the customer's own most-bought items (for re-buying shops)
recommend-model-repeat-note = the customer's own items by how often and how recently they were bought, plus what similar customers re-buy
recommend-model-sasrec-note = learns the order of what customers buy (self-attention over their last items, SASRec) and predicts the next item
recommend-model-blend-note = timed repeat buys, the customer's history and item-kNN, mixed by weights chosen by validation
recommend-neighbours = Neighbours:
recommend-factors = Factors:
recommend-iterations = Iterations:
recommend-sasrec-budget = Training time at most (s):
recommend-sasrec-epochs = Epochs at most:
recommend-history-weight = History weight:
recommend-repeat-weight = Repeat weight:
recommend-knn-weight = Item-kNN weight:
recommend-blend-weights-hover = Each part's scores are scaled so its best item scores 1, then mixed by these weights. With "Choose the fit's settings by validation" on, the mix that predicts each customer's last purchase best is used instead.
recommend-repeat-group-size = Baskets per group:
recommend-repeat-basket-decay = Decay within a group:
recommend-repeat-group-decay = Decay across groups:
recommend-repeat-alpha = Similar customers' weight:
recommend-repeat-settings-hover = A customer's orders, newest first, form groups of this many baskets. Each older basket in a group counts this much less (1 = all the same), each older group too; then what the most similar customers re-buy is added at this weight. With "Choose the fit's settings by validation" on, these are chosen for you.
recommend-items-per-customer = Items per customer:
recommend-exclude-seen = Exclude already-bought
recommend-exclude-seen-hover = Leave out items the customer bought before
recommend-fit-validate = Choose the fit's settings by validation
recommend-fit-validate-hover = Try several neighbour counts (ALS: factors and λ) and keep the one that best predicts each customer's last purchase; untick to use the typed values
recommend-fit-again = Fit again
recommend-fit-model = Fit model
recommend-cancel = Cancel
recommend-cancel-hover = Stop the fit (between steps and ALS iterations)
recommend-export-to = Export all lists to:
recommend-export-to-hover = A .csv (UTF-8 with a BOM, opens in Excel), .xlsx or .parquet file
recommend-export = Export recommendations
recommend-export-writes = writes { $rows } rows: each of { $customers } customers' list as shown for them
recommend-feedback-purchases = purchase counts
recommend-feedback-ratings = explicit ratings

# Progress of the fit and the report card.
recommend-progress-fitting = fitting { $model }
recommend-progress-scoring = scoring { $model }
recommend-progress-choosing = choosing settings by validation
recommend-progress-validating-item-knn = validating item-kNN, { $setting }
recommend-progress-validating-als = validating ALS, { $setting }
recommend-progress-validating-repeat = validating repeat buys, { $setting }
recommend-progress-validating-blend = validating the blend, { $setting }
recommend-progress-sasrec-epoch = training SASRec: epoch { $epoch }, validation NDCG { $ndcg }
recommend-progress-sasrec-trial = training SASRec: trying configuration { $trial } of { $trials }, epoch { $epoch }, validation NDCG { $ndcg }

# One customer's history and list.
recommend-customer-id = Customer id:
recommend-show-customer = Show customer
recommend-customer-prompt = Type a customer id (or pick one offered) to see their recommendations.
recommend-no-customer = No customer with id “{ $id }” has a purchase. Check the id and try again.
recommend-history-bought = { $customer } bought ({ $count } items)
recommend-history-rated = { $customer } rated ({ $count } items)
recommend-item = Item
recommend-rating = Rating
recommend-orders = Orders
recommend-list-title-excluded = Top { $top } by { $model } from { $data } (already-bought items excluded)
recommend-list-title-allowed = Top { $top } by { $model } from { $data } (already-bought items allowed)
recommend-nothing-to-recommend = Nothing to recommend: every item was bought already or has no score.
recommend-score = Score
recommend-why = Why
recommend-show-item-hover = Show similar items and items bought together

# Why an item is recommended.
recommend-reason-popular = popular
recommend-reason-popular-in-segment = popular in your segment
recommend-reason-bought = bought { $items }
recommend-reason-and = { $items } and { $next }
recommend-reason-bought-before = bought it { $n } times before
recommend-reason-bought-last = bought { $n } times, last { $days } days ago
recommend-reason-similar-customers = bought by { $n } similar customers
recommend-reason-predicted-rating = predicted rating { $rating } from { $n } similar customers
recommend-reason-same-category = same category and price as { $item }
recommend-reason-follows = follows { $from } → { $to }, a common next step

# One item's neighbours.
recommend-similar-to = Similar to { $item }
recommend-no-similarity = The { $model } model has no item similarity: fit item-kNN, blend or ALS to see it.
recommend-similarity = Similarity
recommend-bought-with = Bought together with { $item }
recommend-no-rule-for-item = No rule: this item is not bought with another often enough.

# The report card.
recommend-protocol = Protocol
recommend-split-leave-last-out = leave-last-out
recommend-split-time-80-20 = time-80-20
recommend-split-last-basket = last-basket
recommend-split-leave-last-out-note = each customer's last purchase is held out
recommend-split-time-80-20-note = each customer's last 20% of purchases (by time) are held out
recommend-split-last-basket-note = each customer's last order is held out
recommend-k = K:
recommend-report-validate = Choose settings by validation
recommend-report-validate-hover = Pick item-kNN neighbours and ALS factors / regularisation on each customer's last training purchase (never the held-out test purchases)
recommend-run-report = Run report card
recommend-run-report-hover = Fit every model on the training part and score it on the held-out part
recommend-cancel-report = Cancel report card
recommend-report-stopped = The report card stopped: { $error }
recommend-report-prompt = Press Run report card to compare the models on held-out purchases.
recommend-nothing-to-test-purchases = Nothing to test yet: under { $protocol }, { $note }, but { $n ->
        [one] the only customer bought just one item
       *[other] none of the { $customers } customers bought more than one item
    }. The report card needs customers with at least two purchases: load more orders, for example a longer period.
recommend-nothing-to-test-orders = Nothing to test yet: under { $protocol }, { $note }, but { $n ->
        [one] the only customer ordered just once
       *[other] none of the { $customers } customers ordered twice
    }. { $repeat_n ->
        [one] One customer
       *[other] { $repeat } customers
    } bought several items in one order, which { $other } can test.
recommend-nothing-to-test-seen = Nothing to test yet: under { $protocol }, { $note }, but { $n ->
        [one] the one customer with a held-out purchase had bought it before
       *[other] each of the { $held } customers with held-out purchases had bought them before
    }, and “{ $setting }” leaves such items out of the test.
recommend-run-with-split = Run the report card with { $protocol }
recommend-run-allowing-seen = Run it with already-bought items allowed
recommend-protocol-line-excluded = Protocol: { $protocol } ({ $note }), K = { $k }, { $tested } customers tested, already-bought items excluded
recommend-protocol-line-allowed = Protocol: { $protocol } ({ $note }), K = { $k }, { $tested } customers tested, already-bought items allowed
recommend-precision-at = Precision@{ $k }
recommend-recall-at = Recall@{ $k }
recommend-ndcg-at = NDCG@{ $k }
recommend-hit-rate-at = Hit rate@{ $k }
recommend-coverage = Coverage
recommend-fit-secs = Fit (s)
recommend-recommend-secs = Lists (s)

# Settings chosen by validation.
recommend-validation-chosen = Chosen by validation: { $summary }
recommend-validation-not-chosen = Not chosen by validation: { $why }
recommend-validation-trial = { $model } { $setting }: NDCG { $ndcg }
recommend-validation-summary = { $settings } (NDCG@{ $k } on each customer's last training purchase, { $customers } customers)
recommend-validation-summary-sampled = { $settings } (NDCG@{ $k } on each customer's last training purchase, for { $customers } of the { $candidates } customers, spread evenly)
recommend-validation-item-knn = item-kNN { $setting }
recommend-validation-als = ALS { $setting }
recommend-validation-repeat = repeat buys { $setting }
recommend-validation-blend = blend { $setting }
recommend-validation-join = { $settings }; { $next }
recommend-setting-neighbours = { $neighbours } neighbours
recommend-setting-als = { $factors } factors, λ { $lambda }, α { $alpha }
recommend-setting-repeat = decay { $basket } within groups of { $group } baskets and { $across } across groups, { $neighbours } neighbours at weight { $alpha }
recommend-setting-blend = repeat buys { $repeat }, history { $history }, item-kNN { $knn }
recommend-validation-nothing-to-choose = only item-kNN, repeat buys, the blend and ALS have settings to choose
recommend-validation-too-few = fewer than { $min } customers have a purchase to validate on: the settings were kept

# Bought-together rules.
recommend-min-support = Min support:
recommend-min-support-hover = Smallest share of orders that hold the whole rule
recommend-min-confidence = Min confidence:
recommend-min-confidence-hover = Smallest share of the antecedent's orders that also hold the consequent
recommend-min-lift = Min lift:
recommend-min-lift-hover = Above 1: bought together more often than by chance
recommend-rules-stopped = The rules stopped: { $error }
recommend-rules-found = { $rules } rules from { $orders } orders (sorted by { $sort }, { $direction }). Click a header to sort.
recommend-smallest-first = smallest first
recommend-largest-first = largest first
recommend-export-rules-to = Export rules to:
recommend-export-rules-to-hover = A .csv (opens in Excel), .xlsx or .parquet file
recommend-export-rules = Export rules
recommend-export-rules-writes = writes all { $count } rules in this order
recommend-export-rules-writes-drawn = writes all { $count } rules in this order (the table draws the first { $max })
recommend-rule-bought = Bought
recommend-rule-also-bought = → also bought
recommend-support = Support
recommend-confidence = Confidence
recommend-lift = Lift
recommend-count = Count
recommend-sorted-asc = { $column } (asc)
recommend-sorted-desc = { $column } (desc)

# What customers buy next.
recommend-level = Level
recommend-level-items = Items
recommend-level-categories = Categories
recommend-within-days = Within days:
recommend-within-days-hover = The most days between one order and the next
recommend-no-transitions = No transition is frequent enough at these settings.
recommend-after-buying = After buying
recommend-next-bought = next bought
recommend-times = Times
recommend-customers = Customers
recommend-share = Share
recommend-median-days = Median days

# Missing inputs: one sentence and the button that fixes it.
recommend-needs-items = Recommendations need an item column: map one, or load a file with items.
recommend-needs-order-ids = Recommendations need an order id column to know which items were bought together: map one, or load a file with order ids.
recommend-open-data-tab = Open the Data tab

# What each figure means (hover).
recommend-protocol-meaning = How the report card tests the models: it hides some purchases, fits on the rest and checks whether the lists contain the hidden ones.
recommend-k-meaning = How many items of each model's list count in the test.
recommend-model-meaning = The method that picks each customer's items; hover a name for what it does.
recommend-ndcg-meaning = How high the items a customer really bought next sit in the top-{ $k } list, 0 to 1; higher is better.
recommend-hit-rate-meaning = Share of customers with at least one item they really bought next in their top { $k }; higher is better.
recommend-recall-meaning = Share of the items a customer really bought next that are in their top { $k }; higher is better.
recommend-precision-meaning = Share of the top { $k } items that the customer really bought next; higher is better, a few percent is usual.
recommend-coverage-meaning = Share of all items that appear in some customer's list; higher means more than the same few best-sellers.
recommend-fit-secs-meaning = Seconds the model took to learn from the training purchases.
recommend-recommend-secs-meaning = Seconds the model took to list the top items for every tested customer.
recommend-score-meaning = How strongly the model suggests the item; the list is ranked by it. Compare scores within one list only.
recommend-why-meaning = What in the customer's purchases led to the item.
recommend-similarity-meaning = How much two items share their buyers, 0 to 1; higher is more alike.
recommend-support-meaning = Share of all orders that hold every item of the rule; higher means a more common combination.
recommend-confidence-meaning = Of the orders with the first items, the share that also hold the second; higher is better.
recommend-lift-meaning = How many times more often the items are bought together than by chance; above 1 means they go together.
recommend-count-meaning = Orders that hold every item of the rule.
recommend-times-meaning = How often an order with the first item was followed by the customer's next order with the second.
recommend-customers-meaning = Different customers who took this step.
recommend-share-meaning = Of all next orders after the first item, the share that held the second.
recommend-median-days-meaning = The typical (median) time between the two orders.

# What the results mean for a campaign.
recommend-verdict-times = The { $model } model finds the next purchase in its top { $k } for { $share } of the customers tested, { $times }× as often as the best-sellers list: use it for email recommendations.
recommend-verdict-only = The { $model } model finds the next purchase in its top { $k } for { $share } of the customers tested, where the best-sellers list finds none: use it for email recommendations.
recommend-verdict-plain = The { $model } model finds the next purchase in its top { $k } for { $share } of the customers tested: use it for email recommendations.
recommend-verdict-best-sellers = No model finds the next purchase in its top { $k } clearly more often than the best-sellers list ({ $share } of the customers tested): send best-sellers, they are as good and simpler.
recommend-verdict-none = No model finds a customer's next purchase in its top { $k }: the purchase history is too thin for personal recommendations yet.
recommend-rules-verdict-none = No items are bought together often enough at these thresholds: lower the minimum support to find rarer pairs.
recommend-rules-verdict-weak = Items are bought together barely more often than by chance (lift { $lift } at most): bundles and checkout offers will add little.
recommend-rules-verdict-strong = Customers who buy { $bought } also buy { $also } in { $confidence } of those orders, { $lift }× as often as by chance: bundle them, or offer { $also } at checkout.
recommend-next-verdict-clear = After { $from }, { $share } of next purchases are { $to }, typically { $days } later: send a { $to } offer then.
recommend-next-verdict-spread = Next purchases are spread out: even the most common step, { $from } to { $to }, is only { $share } of next purchases, so personal lists fit better than one follow-up.
recommend-sasrec-trained = SASRec trained { $epochs } epochs and kept epoch { $best } (validation NDCG@10 { $ndcg } on each of { $customers } customers' last training purchase).
recommend-sasrec-reloaded = SASRec reloaded from the project's saved model (trained with these settings on these purchases, so nothing was trained again): { $epochs } epochs, kept epoch { $best } (validation NDCG@10 { $ndcg } on { $customers } customers).
recommend-sasrec-out-of-time = Training stopped at its time budget: a longer budget may give a better model.
recommend-sasrec-saved-to = SASRec model saved to { $path }.
recommend-sasrec-save-failed = The project was saved, but its SASRec model was not: { $error }. Opening the project will train it again.
recommend-sasrec-unreadable = The project's saved SASRec model could not be used ({ $error }); SASRec will be trained again when it is fitted.
recommend-report-with-sasrec = Compare SASRec too
recommend-report-with-sasrec-hover = SASRec learns the order of purchases; it trains for up to { $secs } s on the card's training part, so the card takes that much longer. It joins the card anyway when it is the model picked.
recommend-use-winner = Use { $model } for the lists
recommend-use-winner-hover = The report card's winner becomes the model of every customer's list, of the campaigns built on them and of the exports. SASRec is offered as the model only when it wins the card like this.
recommend-sasrec-chosen = Validation chose, among { $tried } settings tried: { $dim } dimensions, { $blocks } blocks, dropout { $dropout }, the last { $window } items, { $scored } items scored per training step.
recommend-sasrec-trials = SASRec settings tried ({ $tried })
recommend-sasrec-trial-dim = Dimensions
recommend-sasrec-trial-blocks = Blocks
recommend-sasrec-trial-dropout = Dropout
recommend-sasrec-trial-window = Last items read
recommend-sasrec-trial-scored = Items scored per step
recommend-sasrec-trial-scored-all = all { $items }
recommend-sasrec-trial-epochs = Epochs in its trial
recommend-sasrec-trial-ndcg = Best validation NDCG@10
recommend-sasrec-trial-secs = Seconds
recommend-sasrec-trial-chosen = ← used for the lists
