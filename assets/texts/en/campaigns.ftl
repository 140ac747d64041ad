# The Campaigns tab: conditions, exclusions, what-if ROI, variants, export, readout.

campaigns-heading = Campaigns
campaigns-no-orders = Load an orders file to build target lists for your campaigns.
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

# What to do to get a column into the customer table.
campaigns-reason-segment = compute segments in the Segments tab
campaigns-reason-propensity = train propensity and churn risk in the Value tab
campaigns-reason-clv = compute customer value in the Value tab
campaigns-reason-contact = load a customers file with that column
campaigns-reason-region = load a customers file with a region or channel column
campaigns-reason-category = map a category column in the orders or products file
campaigns-reason-orders = load an orders file with customers, dates and amounts

# Condition builder.
campaigns-matching = Customers matching
campaigns-match-all = all conditions (AND)
campaigns-match-any = any condition (OR)
campaigns-no-condition-all = No condition yet: every customer is in the audience.
campaigns-no-condition-any = No condition yet: with OR, nobody is in the audience.
campaigns-remove = Remove
campaigns-remove-condition-hover = Remove this condition
campaigns-column-missing = No '{ $column }' yet: { $reason }.
campaigns-add-condition = Add:
campaigns-add-kind = + { $kind }
campaigns-kind-unavailable-hover = No '{ $column }' in the customer table: { $reason }
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
campaigns-figure-hover = { $caption }: { $value }
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
campaigns-difference-money = Difference (targets minus control): response { $response }, revenue per customer { $revenue }.
campaigns-difference = Difference (targets minus control): response { $response }.
campaigns-interval = { $estimate } (95% CI { $low } to { $high })
campaigns-interval-too-few = { $estimate } (too few customers for an interval)

# What-if ROI.
campaigns-cost-per-contact = Cost per contact:
campaigns-incentive = Incentive:
campaigns-incentive-hover = Discount or incentive, as a share of the order value of everyone who redeems it
campaigns-gross-margin = Gross margin:
campaigns-gross-margin-hover = Margin on the order value
campaigns-redeem = Buy anyway who redeem:
campaigns-redeem-hover = Of the targets who would buy without the campaign, the share who use the incentive anyway (100%: all of them, the cautious choice)
campaigns-rate-from-scores = Buy anyway: the targets' mean propensity
campaigns-rate-from-scores-hover = Propensity is the chance to buy without the campaign
campaigns-rate-from-scores-disabled-hover = Train propensity in the Value tab to use its scores
campaigns-buy-anyway-rate = Buy anyway:
campaigns-buy-anyway-rate-hover = Share of targets who would buy without the campaign (the control group's rate)
campaigns-uplift-from-readout = Uplift: the last readout's targets minus control
campaigns-uplift-from-readout-disabled-hover = Read out a previous campaign below to measure its uplift
campaigns-uplift = Uplift:
campaigns-uplift-hover = Extra share of targets who buy because of the campaign
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
campaigns-curve-cut = cuts the list (highest first)
campaigns-most-profit = Most profit: the top { $count } by { $column } (at least { $threshold }), profit { $profit }.
campaigns-no-cut-pays = No cut of the list pays at these settings: the smallest loss is the top { $count } by { $column }, { $profit }. Raise the uplift or lower the incentive or the cost per contact.
campaigns-curve-scored = Same uplift for everyone; the likelier a target buys anyway, the more incentive is paid for nothing, so the curve shows where adding people stops paying.
campaigns-curve-flat = Every target has the same chance to buy anyway here, so ROI barely depends on the cut: use propensity scores (Value tab) to see where it stops paying.
campaigns-axis-targets = targets contacted
campaigns-axis-roi = ROI %
campaigns-this-audience = this audience

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
