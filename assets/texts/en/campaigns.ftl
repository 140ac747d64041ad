# The Campaigns tab: conditions, exclusions, what-if ROI, variants, export, readout.

campaigns-heading = Campaigns
campaigns-what = Building a target list
campaigns-no-orders = Campaigns need an orders file to build target lists: load one in the Data tab.
campaigns-no-dialog = No file dialog could be shown on this desktop: type the file's path in the box beside the button instead.
campaigns-ok = OK
campaigns-building = Building the audience: { $step }…
campaigns-cancel = Cancel
campaigns-cancel-hover = Stop building (the last audience stays shown)
campaigns-build = Build
campaigns-build-hover = Build the audience now
campaigns-stale = The figures below are of the previous conditions.
campaigns-build-failed = The audience could not be built
campaigns-conditions-failed = The conditions cannot be applied
campaigns-who = Who
campaigns-who-explanation = Conditions over the customers, their segments, scores and purchases.
campaigns-leave-out = Leave out and hold out
campaigns-leave-out-explanation = Opted-out and recently contacted lists, a maximum size, and the control group kept aside to measure the uplift.
campaigns-what-if = What-if ROI
campaigns-what-if-explanation = Economics of contacting the targets: only the buyers the campaign adds earn; the incentive is paid to everyone who redeems it.
campaigns-no-figures = The figures appear once the audience is built.
campaigns-variants = Variants
campaigns-variants-explanation = Save the campaign under a name to compare variants side by side.
campaigns-targets-explanation = The first customers of the list, and the export for your tools.
campaigns-readout = Readout
campaigns-readout-explanation = After the campaign: did the targets buy more than the control group?

# Condition builder.
campaigns-matching = Customers matching
campaigns-match-all = all conditions (AND)
campaigns-match-any = any condition (OR)
campaigns-no-condition-all = No condition yet: every customer is in the audience.
campaigns-no-condition-any = No condition yet: with OR, nobody is in the audience.
campaigns-remove = Remove
campaigns-remove-condition-hover = Remove this condition
campaigns-add-condition = Add:
campaigns-add-kind = + { $kind }
campaigns-kind-segment = Segment
campaigns-kind-rfm-group = RFM group
campaigns-kind-score-range = Score range
campaigns-bought = Bought
campaigns-kind-churn-risk = Churn risk
campaigns-kind-region = Region
campaigns-kind-has-email = Has email
campaigns-kind-has-phone = Has phone
campaigns-segment-is = Segment is
campaigns-rfm-group-is = RFM group is
campaigns-churn-risk-is = Churn risk is
campaigns-churn-low = low
campaigns-churn-medium = medium
campaigns-churn-high = high
campaigns-region-is = Region is
campaigns-text-in = { $column } is one of { $values }
campaigns-has-email-address = Has an email address
campaigns-has-phone-number = Has a phone number
campaigns-nested-group = A nested group of { $count } conditions (from a project file)
campaigns-between = between
campaigns-at-least = at least
campaigns-at-most = at most
campaigns-bound = { $column } { $bound }:
campaigns-never-bought = Never bought
campaigns-category = category
campaigns-item-id = item id
campaigns-item = item:
campaigns-from = from:
campaigns-until = until:

# Leave out and hold out.
campaigns-opt-out = Opted out (ids or emails):
campaigns-contacted = Recently contacted (an earlier export):
campaigns-path-hint = a file path
campaigns-choose = Choose…
campaigns-add-file = Add
campaigns-remove-list-hover = Stop using this list
campaigns-limit = At most
campaigns-limit-customers = customers:
campaigns-highest-first-by = highest first by
campaigns-control-group = Control group:
campaigns-control-group-hover = A random share held out and marked, to read the uplift later
campaigns-seed = seed:
campaigns-seed-hover = The same seed gives the same split

# Export.
campaigns-format-csv-bom = CSV with BOM (Excel)
campaigns-format-meta = Meta Custom Audience (hashed)
campaigns-format-google = Google Customer Match (hashed)
campaigns-format = format
campaigns-country-code = Phone country code:
campaigns-country-code-hover = Put before national phone numbers (E.164) in tool and ad files
campaigns-export-to = Export to:
campaigns-export-to-hover = A file name or relative path is written in { $folder }
campaigns-save-as = Save as…
campaigns-export = Export
campaigns-export-hover = Written to a temporary file, then renamed; a .json beside it records how
campaigns-dialog-save = Save the target list
campaigns-dialog-choose = Choose a file

# Figures.
campaigns-audience = Audience
campaigns-share-of-customers = Share of customers
campaigns-share-of-revenue = Share of revenue
campaigns-targets = Targets
campaigns-control = Control
campaigns-buy-anyway = Buy anyway
campaigns-incremental-responders = Incremental responders
campaigns-left-out = { $matched } matched; left out: { $opted_out } opted out, { $contacted } recently contacted, { $over_max } over the maximum.
campaigns-nobody = Nobody in the audience.

# Readout.
campaigns-sent-list = Sent list:
campaigns-sent-list-hint = the list you exported (empty: the audience shown)
campaigns-sent-list-hover = The list file Marketbench exported: its record beside it names every target and the control group, so the readout compares the people really sent.
campaigns-later-orders = Later orders:
campaigns-later-orders-hint = orders after the send
campaigns-read-out = Read out
campaigns-dates-invalid = Dates as YYYY-MM-DD
campaigns-reading = Reading the later orders…
campaigns-compared = Compared: { $groups }.
campaigns-customers = Customers
campaigns-responded = Responded
campaigns-response = Response
campaigns-revenue-per-customer = Revenue per customer
campaigns-points = { $value } pts
campaigns-interval = { $estimate } ({ $low } to { $high })
campaigns-interval-too-few = { $estimate } (too few customers for an interval)

# What-if ROI.
campaigns-cost-per-contact = Cost per contact:
campaigns-incentive = Incentive:
campaigns-gross-margin = Gross margin:
campaigns-redeem = Buy anyway who redeem:
campaigns-rate-from-scores = Buy anyway: the targets' mean propensity
campaigns-rate-from-scores-hover = Propensity is the chance to buy without the campaign
campaigns-buy-anyway-rate = Buy anyway:
campaigns-uplift-from-readout = Uplift: the last readout's targets minus control
campaigns-uplift-from-readout-disabled-hover = Read out a previous campaign below to measure its uplift
campaigns-uplift = Uplift:
campaigns-aov-from-history = Order value from the audience's history
campaigns-aov = Average order value:
campaigns-outcome-summary = Of { $targets } targets, { $anyway } would buy anyway and { $incremental } more are expected to buy because of the campaign. Only those { $incremental } earn the margin; the incentive is paid to both.
campaigns-incremental-revenue = Incremental revenue
campaigns-incremental-margin = Incremental margin
campaigns-contact-cost = Contact cost
campaigns-incentive-cost = Incentive cost
campaigns-total-cost = Total cost
campaigns-profit = Profit
campaigns-roi = ROI
campaigns-break-even = Break-even uplift
campaigns-break-even-none = none: the incentive eats the margin
campaigns-curve-cut = Cut the list by (highest first):
campaigns-no-cut-pays = No cut of the list pays at these settings: the smallest loss is the top { $count } by { $column }, { $profit }. Raise the uplift or lower the incentive or the cost per contact.
campaigns-curve-scored = Same uplift for everyone; the likelier a target buys anyway, the more incentive is paid for nothing, so the curve shows where adding people stops paying.
campaigns-curve-flat = Every target has the same chance to buy anyway here, so ROI barely depends on the cut: use propensity scores (Value tab) to see where it stops paying.
campaigns-axis-targets = Customers targeted
campaigns-this-audience = This audience

# Variants.
campaigns-variant-name = Variant name:
campaigns-save-variant = Save as variant
campaigns-save-variant-disabled-hover = Name the variant; it is saved once the audience is built
campaigns-no-variant = No variant saved yet.
campaigns-variant = Variant
campaigns-size = Size
campaigns-incremental = Incremental
campaigns-cost = Cost
campaigns-load = Load
campaigns-load-hover = Edit this variant
campaigns-delete = Delete

# Campaign errors and what to do (analysis::campaign).
campaigns-hint-segment = run a segmentation first
campaigns-hint-rfm = load an orders file with customer ids and dates
campaigns-hint-money = load an orders file with a price or amount column (or map one with "Change how it is read")
campaigns-hint-propensity = compute propensity scores first
campaigns-hint-churn = compute churn risk first
campaigns-hint-clv = compute customer value (CLV) first
campaigns-hint-contact = load a customers file with that column mapped
campaigns-hint-region = map a region or channel column when loading
campaigns-hint-other = load or compute it first
campaigns-error-missing-column = the customer table has no '{ $column }' column: { $hint }
campaigns-error-not-numeric = '{ $column }' is not a numeric column: choose a score or amount column
campaigns-error-needs-orders = a bought / never bought condition needs order lines: load an orders file
campaigns-error-missing-line-column = the order lines have no '{ $column }' column; map it when loading the orders file
campaigns-error-io = { $file }: cannot read the list ({ $error })
campaigns-error-campaign = campaign '{ $name }'
campaigns-error-control-share = the control share must be at least 0 and below 1, not { $share }
campaigns-error-readout-period = the readout period { $from } to { $to }
campaigns-error-readout-backwards = it starts after it ends, so no order could count: count from the send day to a later day
campaigns-error-loaded-files = the loaded files
campaigns-error-no-orders = there is no orders file: a campaign needs order lines

# Score columns as the window names them (ui::campaigns::score_label): the column names in English.
campaigns-score-propensity = propensity
campaigns-score-clv = clv
campaigns-score-predicted-purchases = predicted_purchases
campaigns-score-p-alive = p_alive
campaigns-score-monetary = monetary
campaigns-score-frequency = frequency
campaigns-score-recency-days = recency_days
campaigns-score-churn-risk = churn_risk
campaigns-signal-last-contact-days = last_contact_days
campaigns-signal-contacts-30d = contacts_30d
campaigns-signal-contacts-90d = contacts_90d
campaigns-signal-complained-30d = complained_30d
campaigns-signal-asked-discount-no-buy = asked_discount_no_buy
campaigns-signal-mean-sentiment = mean_sentiment

# Missing inputs: one sentence each, shown with a button to the tab that adds them.
campaigns-open-tab = Open the { $tab } tab
campaigns-needs-segments = Segment conditions need segments: compute them in the Segments tab.
campaigns-needs-propensity = This needs propensity scores (each customer's chance to buy): train them in the Value tab.
campaigns-needs-clv = This needs customer value (CLV): compute it in the Value tab.
campaigns-needs-money = Spend needs prices: load orders with a price or amount column, or map one in the Data tab.
campaigns-needs-email = This needs email addresses: load a customers file with an email column in the Data tab.
campaigns-needs-phone = This needs phone numbers: load a customers file with a phone column in the Data tab.
campaigns-needs-region = Region conditions need a customers file with a region or channel column: load one in the Data tab.
campaigns-needs-category = Category conditions need a category column in the orders or products file: map one in the Data tab.
campaigns-needs-orders = This needs an orders file with customers, dates and amounts: load one in the Data tab.
campaigns-rate-needs-propensity = Who buys anyway is typed below: train propensity in the Value tab to take it from each target's chance to buy.
campaigns-aov-needs-money = The orders carry no prices, so the order value is typed: map a price or amount column in the Data tab to take it from the history.
campaigns-segment-number = segment { $id }

# What each figure means, shown on hover.
campaigns-audience-meaning = Customers in the audience: the targets plus the control group.
campaigns-share-of-customers-meaning = The audience as a share of all customers.
campaigns-share-of-revenue-meaning = The share of all customers' past spend that the audience made.
campaigns-targets-meaning = Customers who will be contacted.
campaigns-control-meaning = Customers held out at random and not contacted: what they buy shows what the targets would have bought anyway.
campaigns-buy-anyway-meaning = Targets expected to buy even without the campaign (the expected response without it); they bring no extra profit.
campaigns-incremental-responders-meaning = Targets expected to buy because of the campaign: the uplift times the targets.
campaigns-incremental-revenue-meaning = Revenue from the buyers the campaign adds, at the average order value.
campaigns-incremental-margin-meaning = That revenue times the gross margin: what the added buyers earn.
campaigns-contact-cost-meaning = The cost per contact times the targets.
campaigns-incentive-cost-meaning = The incentive paid to the added buyers and to the buy-anyway buyers who use it.
campaigns-total-cost-meaning = Contact cost plus incentive cost.
campaigns-profit-meaning = Incremental margin minus total cost: what the campaign earns beyond not sending it; below 0 it loses money.
campaigns-roi-meaning = Profit per unit spent: 25% means every 100 spent brings 125 back; below 0% the campaign loses money.
campaigns-break-even-meaning = The uplift at which profit is zero: the campaign must add at least this many buyers per 100 targets to pay.
campaigns-cost-per-contact-meaning = What one message costs to send (SMS, email, ad), in your currency.
campaigns-incentive-meaning = Discount or incentive, as a share of the order value of everyone who uses it.
campaigns-gross-margin-meaning = The share of the order value left after the cost of goods.
campaigns-redeem-meaning = Of the targets who would buy without the campaign, the share who use the incentive anyway (100%: all of them, the cautious choice).
campaigns-buy-anyway-rate-meaning = The share of targets who would buy without the campaign (the control group's rate), from 0% to 100%.
campaigns-uplift-meaning = The extra share of targets who buy because of the campaign, in percentage points; a few points is typical.
campaigns-aov-meaning = The average amount of one order.
campaigns-rfm-group-meaning = Groups by how recently, how often and how much a customer bought (RFM), e.g. "Champions" or "At risk".
campaigns-churn-risk-meaning = How likely a customer is to stop buying: low, medium or high, from the propensity model.
campaigns-score-range-meaning = Customers whose score (propensity, value, orders, spend…) lies between two values.
campaigns-response-meaning = The share of the group who bought in the period counted.
campaigns-revenue-per-customer-meaning = The group's revenue in the period divided by its customers (buyers or not).
campaigns-ci = Difference (95% confidence interval)
campaigns-ci-meaning = Targets minus control, with the range the true difference lies in 19 times out of 20; when the range does not include 0, the difference is not chance (significant).
campaigns-response-difference = Response
campaigns-response-difference-meaning = The targets' response minus the control group's, in percentage points: the lift the campaign caused.
campaigns-revenue-difference = Revenue per customer
campaigns-revenue-difference-meaning = The targets' revenue per customer minus the control group's: what the campaign added per customer contacted.

# What the results mean for the campaign (ui::campaigns::sentences).
campaigns-says-nobody = Nobody would be contacted: remove a condition or widen a range to reach customers.
campaigns-says-pays = Contacting these { $targets } targets is expected to bring { $orders } extra { $n ->
    [one] order
   *[other] orders
} and { $profit } profit.
campaigns-says-loses = Contacting these { $targets } targets is expected to bring { $orders } extra { $n ->
    [one] order
   *[other] orders
} but lose { $loss }; it pays only from an uplift of { $break_even }.
campaigns-says-never-pays = Contacting these { $targets } targets is expected to lose { $loss }: the incentive costs more than the margin earns, so no uplift pays; lower the incentive.
campaigns-curve-says-all = Every target on the list adds profit: sending to all { $count } is expected to bring { $orders } extra { $n ->
    [one] order
   *[other] orders
} and { $profit } profit.
campaigns-curve-says-top = Sending to the top { $count } by { $column } (at least { $threshold }) is expected to bring { $orders } extra { $n ->
    [one] order
   *[other] orders
} and { $profit } profit; beyond them each extra send costs more than it brings.
campaigns-curve-says-top-loses = Sending to the top { $count } by { $column } (at least { $threshold }) is expected to bring { $orders } extra { $n ->
    [one] order
   *[other] orders
} and { $profit } profit; beyond them each extra send costs more than it brings, and beyond { $loses } the campaign loses money overall.
campaigns-readout-says-too-few = Too few customers in a group to tell whether the campaign worked: send to more customers or hold out a larger control group.
campaigns-readout-says-worked = The campaign worked: targets bought { $diff } more often than the control group, more than chance explains.
campaigns-readout-says-worked-money = The campaign worked: targets bought { $diff } more often than the control group and brought { $revenue } more per customer, more than chance explains.
campaigns-readout-says-harmed = Targets bought { $diff } less often than the control group: the campaign may have put customers off.
campaigns-readout-says-unclear = No clear effect yet: the { $diff } difference from the control group could be chance; wait for more orders or send to more customers.

# The ROI curve (ui::campaigns::curve_view).
campaigns-axis-profit = Expected profit
campaigns-series-profit = Expected profit
campaigns-series-best = Most profit
campaigns-curve-hover = Top { $count } by { $column } (at least { $threshold })
    Expected profit: { $profit }
    ROI: { $roi }
campaigns-curve-hover-at = { $count } customers targeted
    Expected profit: { $profit }
