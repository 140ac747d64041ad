"""The peer of `marketbench forecast --measure revenue --freq day --holdout 28`:
statsforecast's automatic models on the same daily revenue series.

    OMP_NUM_THREADS=1 python benches/peer/forecast_peer.py /tmp/cdnow/orders.csv
    marketbench forecast /tmp/cdnow/orders.csv --measure revenue --freq day \\
        --horizon 28 --holdout 28
    marketbench forecast ... --model naive   # the same naive MASE: same series, same scale

Needs `pip install pandas statsforecast`. The series is Marketbench's: revenue per
day (cancelled lines left out, refunded lines subtracted), every day from the
first to the last order day (no orders: 0). The last 28 days are held out; each
model is fitted on the days before and scored by MASE, the mean absolute error
over the 28 days divided by the in-sample mean absolute error of the seasonal
naive forecast at season 7.
"""

import sys
import time

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoARIMA, AutoETS, AutoTheta, Naive, SeasonalNaive

HOLDOUT = 28
SEASON = 7


def main() -> None:
    started = time.process_time()
    lines = pd.read_csv(sys.argv[1], parse_dates=["order_time"])
    lines = lines[lines["status"] != "cancelled"]
    net = np.where(lines["status"] == "refunded", -lines["amount"], lines["amount"])
    daily = pd.Series(net, index=lines["order_time"].dt.normalize()).groupby(level=0).sum()
    daily = daily.reindex(pd.date_range(daily.index.min(), daily.index.max()), fill_value=0.0)
    frame = pd.DataFrame({"unique_id": "shop", "ds": daily.index, "y": daily.to_numpy()})
    train, test = frame.iloc[:-HOLDOUT], frame.iloc[-HOLDOUT:]
    y = train["y"].to_numpy()
    scale = np.mean(np.abs(y[SEASON:] - y[:-SEASON]))
    models = [
        Naive(),
        SeasonalNaive(season_length=SEASON),
        AutoETS(season_length=SEASON),
        AutoARIMA(season_length=SEASON),
        AutoTheta(season_length=SEASON),
    ]
    forecast = StatsForecast(models=models, freq="D", n_jobs=1).forecast(df=train, h=HOLDOUT)
    print(f"{len(frame)} days, holdout {HOLDOUT}, MASE scale {scale:.2f}")
    for column in forecast.columns:
        if column in ("unique_id", "ds"):
            continue
        error = np.mean(np.abs(forecast[column].to_numpy() - test["y"].to_numpy()))
        print(f"  {column:<14} MASE {error / scale:.3f}")
    print(f"cpu {time.process_time() - started:.2f} s")


if __name__ == "__main__":
    main()
