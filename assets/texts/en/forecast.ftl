# The Forecast tab (ui::forecast_panel, ui::forecast).

forecast-title = Forecast
forecast-empty = Load an orders file to forecast its sales, or an aggregated series (a date column and a value column, such as a monthly sales report).
forecast-stopped = The forecast stopped
forecast-cancelled = Cancelled. Press Run again to forecast.
forecast-partial-period = The partial last period starting { $day } is left out of the history.
forecast-no-series = No series to show.

# Run settings.
forecast-source = Source
forecast-source-orders = Order lines
forecast-period = Period
forecast-freq-daily = Daily
forecast-freq-weekly = Weekly
forecast-freq-monthly = Monthly
forecast-measure = Measure
forecast-measure-revenue = Revenue
forecast-measure-orders = Orders
forecast-measure-units = Units
forecast-measure-active-customers = Active customers
forecast-measure-value = Value
forecast-series = Series
forecast-by-shop = Whole shop
forecast-by-category = Each category
forecast-by-top-items = Top { $count } items
forecast-by-segment = Each segment
forecast-by-segment-hover = One series per customer segment, with the Segments tab's settings (computed first when needed)
forecast-segmenting-first = Segmenting the customers first…
forecast-items = Items:
forecast-items-hover = How many items, by net revenue
forecast-horizon = Horizon (periods):
forecast-horizon-hover = Periods to forecast; also the backtest horizon
forecast-model = Model
forecast-choice-auto = Auto (best backtest)
forecast-choice-ets = ETS family
forecast-choice-naive = Naive only
forecast-choice-seasonal-naive = Seasonal naive only
forecast-choice-ets-simple = Simple exponential smoothing
forecast-choice-ets-holt = Holt (trend)
forecast-choice-ets-damped = Holt, damped trend
forecast-choice-holt-winters-additive = Holt-Winters additive
forecast-choice-holt-winters-multiplicative = Holt-Winters multiplicative
forecast-choice-mstl = MSTL (several seasons)
forecast-choice-theta = Theta (smoothed level plus trend)
forecast-choice-combination = Combination (mean of the best three)
forecast-cancel = Cancel
forecast-cancel-hover = Stop the forecast (between backtest folds)
forecast-run-again = Run again
forecast-run-again-hover = Forecast again with these settings

# Breakdown of many series.
forecast-breakdown = Breakdown
forecast-breakdown-explanation = Click a header to sort, a series to chart it.
forecast-growth-meaning = Growth %: the forecast total against the same periods one season earlier (the same weeks last year on weekly data, the same weekdays on daily data), so a seasonal low is compared with last season's low. Marked *: less than a season of history, compared with the last periods instead.
forecast-total = Forecast total
forecast-growth = Growth %
forecast-mase = MASE
forecast-sorted-desc = { $column } ↓
forecast-sorted-asc = { $column } ↑
forecast-click-to-sort = Click to sort.
forecast-sort-by = Sort by { $column }
forecast-show-series-hover = Show this series in the chart
forecast-cannot-forecast = cannot forecast

# Chart and candidate table.
forecast-chart-title = { $measure }: { $series }
forecast-chart-explanation = Shaded: 80 % and 95 % prediction intervals, cut at zero for sales that cannot be negative. Drag to pan, scroll to zoom, double-click to reset. The table scores each model on backtests of the history.
forecast-show-backtest = Show backtest
forecast-show-backtest-hover = Draw each backtest fold's forecast over the history it held out
forecast-line-history = History
forecast-line-forecast = Forecast
forecast-line-backtest = Backtest
forecast-band-95 = 95 % interval
forecast-band-80 = 80 % interval
forecast-no-forecast = No forecast for this series
forecast-backtest-folds = { $folds } { $n ->
    [one] fold
   *[other] folds
} of { $periods } periods each, season of { $season } periods
forecast-model-header = model
forecast-smape = sMAPE
forecast-mape = MAPE
forecast-rmse = RMSE
forecast-chosen = chosen
forecast-baseline = baseline
forecast-not-scored-short = not scored
forecast-not-scored = { $model } not scored: { $error }.
forecast-mase-undefined = MASE needs more than one season ({ $season } periods) of history before each fold: the models are ranked by their mean absolute error instead.

# What-if scenarios.
forecast-scenarios = What-if scenarios
forecast-scenarios-explanation = Each scenario changes the baseline forecast of the charted series; several are compared side by side.
forecast-scenarios-need-forecast = What-if scenarios need a forecast.
forecast-add-promotion = Add promotion
forecast-add-price-change = Add price change
forecast-add-campaign = Add campaign
forecast-promotion = Promotion
forecast-price-change = Price change
forecast-campaign = Campaign
forecast-scenario-name = { $kind } { $number }
forecast-scenario-name-label = Scenario name:
forecast-remove = Remove
forecast-add-scenario-hint = Add a scenario to see it against the baseline forecast.
forecast-starts-in-period = Starts in period
forecast-lasts = Lasts (periods):
forecast-uplift = Uplift %:
forecast-dip-after = Dip after %:
forecast-dip-periods = Dip periods:
forecast-from-period = From period
forecast-price-change-pct = Price change %:
forecast-elasticity = Elasticity:
forecast-elasticity-hover = % change in quantity per % change in price
forecast-elasticity-revenue-hover = % change in quantity per % change in price; revenue also moves with the price
forecast-in-period = In period
forecast-customers-reached = Customers reached:
forecast-response-rate = Response rate %:
forecast-average-order-value = Average order value:
forecast-responder-adds-order = each responder adds 1 order
forecast-responder-adds-customer = each responder adds 1 active customer
forecast-responder-adds-units = each responder adds { $units } units (the shop's average per order)
forecast-line = Line
forecast-total-of = Total { $measure }
forecast-difference = Difference over the horizon
forecast-difference-pct = Difference %
forecast-baseline-line = Baseline

# Export.
forecast-export = Export
forecast-export-explanation = Every series' forecast with its ranges and each scenario line, one row per period, series in the breakdown's order, figures to 2 decimals as shown.
forecast-export-hover = Every series with its ranges and each scenario line
forecast-export-writes = writes { $rows } rows: the forecast of { $series } series
forecast-export-writes-scenarios = writes { $rows } rows: the forecast and { $lines } { $n ->
    [one] scenario line
   *[other] scenario lines
} of { $series } series

# Models and series as the tables name them (ui::forecast::model_label, series_label).
forecast-model-naive = naive
forecast-model-seasonal-naive = seasonal-naive
forecast-model-ets-simple = ets-simple
forecast-model-ets-holt = ets-holt
forecast-model-ets-damped = ets-damped
forecast-model-holt-winters-additive = holt-winters-additive
forecast-model-holt-winters-multiplicative = holt-winters-multiplicative
forecast-model-mstl = mstl
forecast-model-theta = theta
forecast-model-combination = combination
forecast-series-shop = shop
forecast-not-scored-too-short = needs { $needed } periods of history; the earliest backtest fold has { $got } (the series has { $length }): more history or fewer folds scores it
forecast-combination-too-few = needs three other models that can forecast this series
forecast-combination-members = { $model }: the mean of { $first }, { $second } and { $third } (the three best in the backtest; each backtest fold averaged the three best before it)
forecast-contest-combination = Why the combination: over backtest folds 2 to { $last }, it missed by MASE { $combination } on average, against { $selection } for the single model that had done best on the folds before each. Picking one model by its backtest favours the one that was lucky there; here the average was steadier.
forecast-contest-single = Why one model: over backtest folds 2 to { $last }, the single model that had done best on the folds before each missed by MASE { $selection } on average, against { $combination } for the combination.


# Chart axes and the plain meaning of each term (hover).
forecast-axis-day = Day
forecast-axis-week = Week starting
forecast-axis-month = Month starting
forecast-intervals = 80 % / 95 % intervals
forecast-intervals-meaning = The shaded bands: the real figure should land inside the dark band 80 times in 100 and inside the light band 95 times in 100; wider bands mean a less certain forecast.
forecast-backtest = Backtest
forecast-backtest-meaning = Each model forecasts past periods it was not shown and is compared with what really happened. The combination is used when it beat picking one model on the later folds; otherwise the model with the smallest error.
forecast-mase-meaning = Forecast error compared with simply repeating last season; below 1 beats that.
forecast-smape-meaning = Average miss as a share of the actual and forecast figures, from 0% to 200%; lower is better, under 20% is good.
forecast-mape-meaning = Average miss as a share of the actual figure; lower is better, unreliable when some periods sell almost nothing.
forecast-rmse-meaning = Typical size of a miss in the forecast's own units (money for revenue), counting big misses more; lower is better.
forecast-growth-short-meaning = How much the forecast total rises or falls against the same periods one season earlier; above 0% is growth.
forecast-model-naive-meaning = Repeats the last period's figure for every future period.
forecast-model-seasonal-naive-meaning = Repeats the figure of the same period one season earlier (such as the same week last year).
forecast-model-ets-simple-meaning = Exponential smoothing (ETS): an average that counts recent periods most, with no trend.
forecast-model-ets-holt-meaning = Exponential smoothing (ETS) with a trend that keeps going at the same pace.
forecast-model-ets-damped-meaning = Exponential smoothing (ETS) with a damped trend: growth or decline that slowly levels off.
forecast-model-holt-winters-additive-meaning = A trend plus a seasonal pattern of the same size every season.
forecast-model-holt-winters-multiplicative-meaning = A trend plus a seasonal pattern that grows and shrinks with the level of sales.
forecast-model-mstl-meaning = MSTL: takes out several seasonal patterns (such as weekly and yearly) and forecasts the rest with a damped trend.
forecast-model-theta-meaning = Theta: a smoothed recent level plus a share of the long-run straight-line trend, the share chosen to fit the history; the season is taken out first when there is one.
forecast-model-combination-meaning = Combination: the average of the three models that did best in the backtest; an average usually misses less than any single model.
forecast-choice-auto-meaning = Scores every model on the backtest; uses the combination when it beat picking one model there, otherwise the model with the smallest error (MASE).
forecast-choice-ets-meaning = Uses the exponential smoothing (ETS) model with the smallest backtest error.

# The result card's sentences (ui::forecast::outlook).
forecast-noun-revenue = revenue
forecast-noun-orders = orders
forecast-noun-units = units sold
forecast-noun-active-customers = active customers
forecast-noun-value = value
forecast-unit-day = { $n ->
    [one] day
   *[other] days
}
forecast-unit-week = { $n ->
    [one] week
   *[other] weeks
}
forecast-unit-month = { $n ->
    [one] month
   *[other] months
}
forecast-amount = { $count } { $unit }
forecast-when = { $n ->
    [one] next { $unit }
   *[other] over the next { $count } { $unit }
}
forecast-compared-previous = { $n ->
    [one] the { $unit } before
   *[other] the previous { $count } { $unit }
}
forecast-compared-last-year = the same { $unit } last year
forecast-compared-last-week = the same { $unit } last week
forecast-compared-earlier = the same { $unit } { $earlier } earlier
forecast-outlook-rise = The forecast expects { $measure } to rise { $size } { $when } compared with { $compared }.
forecast-outlook-fall = The forecast expects { $measure } to fall { $size } { $when } compared with { $compared }.
forecast-outlook-level = The forecast expects { $measure } to stay about level { $when } compared with { $compared }.
forecast-outlook-total = The forecast expects { $total } { $measure } { $when }; there is no earlier figure to compare it with.
forecast-outlook-spike = { $sentence } But the last { $recent } were { $ratio }× the usual level of the { $before } before them: if that was a one-off promotion, this forecast is too high. Check the backtest or add a scenario.
forecast-scenario-gain = { $scenario } adds { $amount } { $measure } { $when } ({ $share } on the forecast without it).
forecast-scenario-loss = { $scenario } loses { $amount } { $measure } { $when } ({ $share } on the forecast without it).
forecast-scenario-none = { $scenario } does not change the forecast.
forecast-scenario-best-of = Best of { $count } scenarios: { $sentence }

# What a forecast lacks (ui::forecast::prerequisite).
forecast-needs-money = A revenue forecast needs a price or amount column, and these orders have neither: map one on the Data tab, or pick Orders as the measure above.
forecast-needs-history = A forecast { $when } needs at least { $needed } of history, and the data has { $got }: load a file with more history on the Data tab, or pick a shorter horizon or a finer period above.
forecast-open-data = Open the Data tab
