# The guide at the top of the Data tab: the operator's path, one line per step.

guide-heading = Your path: { $done } of { $total } steps done
guide-step = { $number }. { $name }
guide-step-load = Load the files
guide-step-check = Check the load report
guide-step-segments = Group the customers
guide-step-value = Score customer value
guide-step-recommendations = Recommend items
guide-step-forecast = Forecast sales
guide-step-campaign = Build a campaign
guide-mark-done = done
guide-mark-to-do = to do
guide-mark-running = running
guide-mark-needs = needs data
guide-go = Open { $tab }
guide-go-hover = Go to the tab of the step “{ $step }”
guide-note = ({ $note })

# What each step has computed so far.
guide-waits-for-data = waits for your data files
guide-files = { $n ->
    [one] { $count } file
   *[other] { $count } files
}
guide-order-lines = { $n ->
    [one] { $count } order line
   *[other] { $count } order lines
}
guide-customers = { $n ->
    [one] { $count } customer
   *[other] { $count } customers
}
guide-items = { $n ->
    [one] { $count } item
   *[other] { $count } items
}
guide-load-none = no files yet: choose your shop's exports below, or try the sample store
guide-load-reading = reading { $files }…
guide-load-mapping = { $n ->
    [one] { $files } waits for you to confirm its columns below
   *[other] { $files } wait for you to confirm their columns below
}
guide-load-orders = { $files }, { $lines }, { $customers }
guide-check-clean = load reports: no problems
guide-check-problems = { $n ->
    [one] load reports: { $count } kind of problem (see Loaded files)
   *[other] load reports: { $count } kinds of problems (see Loaded files)
}
guide-needs-orders = needs an orders file
guide-segments-done = { $n ->
    [one] { $segments } segment of { $customers }
   *[other] { $segments } segments of { $customers }
}
guide-segments-not-run = not run yet: open the tab to group the customers
guide-segments-running = grouping the customers…
guide-value-done = propensity trained,
guide-auc = AUC
guide-auc-meaning = How well the model ranks buyers above non-buyers, from 0.5 (a coin toss) to 1 (perfect); above 0.7 is useful.
guide-value-not-run = not trained yet: press Train on the tab
guide-value-running = training…
guide-value-needs-money = customer value in money needs a price or amount column
guide-recommend-needs-purchases = needs an orders or ratings file
guide-recommend-needs-items = needs an item column: map one, or load a file with items
guide-recommend-done = top { $top } for { $customers } from { $items }
guide-recommend-not-run = not fitted yet: open the tab to fit the recommender
guide-recommend-running = fitting the recommender…
guide-forecast-needs-history = needs an orders file or a sales series
guide-forecast-rise = forecast ready: { $percent } above the periods it is compared with
guide-forecast-fall = forecast ready: { $percent } below the periods it is compared with
guide-forecast-flat = forecast ready: about the same as the periods it is compared with
guide-forecast-done = forecast ready
guide-forecast-spike = { $status }, but the last periods were { $ratio }× the usual level: it may carry a one-off spike forward
guide-forecast-not-run = not run yet: open the tab to forecast
guide-forecast-running = forecasting…
guide-campaign-done = audience of { $customers }
guide-campaign-not-run = no audience yet: open the tab to build one
guide-campaign-running = building the audience…
guide-stopped = the last run stopped: open the tab to see why
guide-stale = computed before the files changed: open the tab to update it
