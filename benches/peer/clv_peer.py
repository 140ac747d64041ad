"""The peer of `marketbench clv --json`: the MBG/NBD fit of the `lifetimes` package.

    OMP_NUM_THREADS=1 /usr/bin/time -f "%U user %S sys" \\
        python benches/peer/clv_peer.py /tmp/cdnow/orders.csv
    /usr/bin/time -f "%U user %S sys" marketbench clv /tmp/cdnow/orders.csv --json

Needs `pip install lifetimes setuptools` (0.11.3). Same protocol as
src/analysis/clv/: purchases are purchase days (cancelled lines left out), the
score date is the day after the last purchase day, ages in days; a holdout fit on
the lines before the score date − 180 days predicts the purchase days from then
on (its ages counted up to the cutoff). Prints the fitted r, alpha, a, b, the
purchases expected in 365 days, and the holdout's predicted and actual totals.
"""

import sys
import time

import pandas as pd
from lifetimes import ModifiedBetaGeoFitter
from lifetimes.utils import summary_data_from_transaction_data

HORIZON = 365
HOLDOUT = pd.Timedelta(days=180)


def main() -> None:
    started = time.process_time()
    lines = pd.read_csv(sys.argv[1], parse_dates=["order_time"], dtype={"customer_id": str})
    lines = lines[lines["status"] != "cancelled"]
    bought = lines[lines["status"] != "refunded"].copy()
    bought["day"] = bought["order_time"].dt.normalize()
    score_date = bought["day"].max() + pd.Timedelta(days=1)
    summary = summary_data_from_transaction_data(
        bought, "customer_id", "day", observation_period_end=score_date, freq="D"
    )
    model = ModifiedBetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
    expected = model.conditional_expected_number_of_purchases_up_to_time(
        HORIZON, summary["frequency"], summary["recency"], summary["T"]
    )
    print("full fit", model.params_.round(4).to_dict())
    print(f"expected purchases in {HORIZON} days: {expected.sum():.0f}")

    cutoff = score_date - HOLDOUT
    before = bought[bought["day"] < cutoff]
    calibration = summary_data_from_transaction_data(
        before, "customer_id", "day", observation_period_end=cutoff, freq="D"
    )
    after = bought[bought["day"] >= cutoff].drop_duplicates(["customer_id", "day"])
    actual = after["customer_id"].value_counts().reindex(calibration.index, fill_value=0)
    holdout = ModifiedBetaGeoFitter().fit(
        calibration["frequency"], calibration["recency"], calibration["T"]
    )
    predicted = holdout.conditional_expected_number_of_purchases_up_to_time(
        HOLDOUT.days, calibration["frequency"], calibration["recency"], calibration["T"]
    )
    print(f"holdout from {cutoff.date()}:", holdout.params_.round(4).to_dict())
    print(
        f"holdout customers {len(calibration)}, predicted {predicted.sum():.0f}, "
        f"actual {actual.sum()}, mean absolute error {(predicted - actual).abs().mean():.4f}"
    )
    print(f"cpu {time.process_time() - started:.2f} s")


if __name__ == "__main__":
    main()
