"""The peer of `marketbench propensity`: the same work in pandas and scikit-learn.

    marketbench sample --customers 23000 --out /tmp/seg23
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        /usr/bin/time -f "%U user %S sys" python benches/peer/propensity_peer.py /tmp/seg23/orders.csv
    /usr/bin/time -f "%U user %S sys" marketbench propensity /tmp/seg23/orders.csv

Needs `pip install pandas scikit-learn`. Issue 20 compares the whole process's CPU
seconds (user + sys) of the two commands. The protocol is Marketbench's defaults
(src/analysis/propensity/): a 90-day window; the test cutoff 90 days before the
day after the last purchase, the training cutoff 90 days before that; per
customer with a purchase before a cutoff, the 14 base features (recency, tenure,
orders, purchase days, revenue, order value, units, orders and revenue in the
last 30/90/180 days, mean days between purchases), `gap_cv` (the coefficient
of variation of the gaps between purchase days) and the share of their lines
in each category; label = a purchase in the 90 days from the cutoff. Models:
L2 logistic regression (alpha 1 = C 1) on standardised log1p features (counts
and amounts clipped at 0), a depth-4 tree, a forest of 100 depth-8 trees on
bootstrap samples of at most 20,000 rows (leaves of at least 5 rows; ours draws
√features features per tree, scikit-learn per split), each scored out of time (fit at the training cutoff, AUC at the
test cutoff) and on a seeded 70/30 split of the test cutoff; the best
out-of-time model is refitted at the test cutoff and scores every customer.
"""

import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from sklearn.tree import DecisionTreeClassifier

WINDOW = pd.Timedelta(days=90)


def features(lines: pd.DataFrame, cutoff: pd.Timestamp, categories: list) -> pd.DataFrame:
    before = lines[lines["day"] < cutoff]
    bought = before[~before["returned"]]
    per = bought.groupby("customer_id").agg(
        first=("day", "min"),
        last=("day", "max"),
        orders=("order_id", "nunique"),
        purchase_days=("day", "nunique"),
        units=("quantity", "sum"),
    )
    per["revenue"] = before.groupby("customer_id")["net"].sum().reindex(per.index)
    per["recency_days"] = (cutoff - per["last"]).dt.days
    per["tenure_days"] = (cutoff - per["first"]).dt.days
    per["avg_order_value"] = per["revenue"] / per["orders"]
    for days in (30, 90, 180):
        recent = before[before["day"] >= cutoff - pd.Timedelta(days=days)]
        per[f"orders_{days}d"] = (
            recent[~recent["returned"]].groupby("customer_id")["order_id"].nunique()
        ).reindex(per.index, fill_value=0)
        per[f"revenue_{days}d"] = (
            recent.groupby("customer_id")["net"].sum().reindex(per.index, fill_value=0)
        )
    between = (per["last"] - per["first"]).dt.days / (per["purchase_days"] - 1).where(
        per["purchase_days"] > 1
    )
    per["mean_days_between"] = between.fillna(per["tenure_days"])
    days = bought[["customer_id", "day"]].drop_duplicates().sort_values(["customer_id", "day"])
    days["gap"] = days.groupby("customer_id")["day"].diff().dt.days
    gaps = days.dropna().groupby("customer_id")["gap"].agg(["mean", "std", "count"])
    gap_cv = (gaps["std"] * np.sqrt((gaps["count"] - 1) / gaps["count"]) / gaps["mean"]).where(
        gaps["count"] >= 2, 0.0
    )
    per["gap_cv"] = gap_cv.reindex(per.index).fillna(0.0)
    shares = pd.crosstab(bought["customer_id"], bought["category"], normalize="index")
    shares = shares.reindex(index=per.index, columns=categories, fill_value=0.0)
    window = lines[(lines["day"] >= cutoff) & (lines["day"] < cutoff + WINDOW) & ~lines["returned"]]
    label = per.index.isin(window["customer_id"].unique())
    x = pd.concat([per.drop(columns=["first", "last"]), shares.add_prefix("share:")], axis=1)
    return x.sort_index(), pd.Series(label, index=per.index).sort_index()


def logged(x: pd.DataFrame) -> pd.DataFrame:
    """log1p (after clipping at 0) of every count and amount, not the shares."""
    counts = [c for c in x.columns if not c.startswith("share:")]
    return x.assign(**{c: np.log1p(x[c].clip(lower=0)) for c in counts})


def models():
    return {
        "logreg": make_pipeline(
            FunctionTransformer(logged), StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)
        ),
        "tree": DecisionTreeClassifier(max_depth=4, min_samples_leaf=5, random_state=42),
        "forest": RandomForestClassifier(
            100, max_depth=8, min_samples_leaf=5, max_samples=20_000, random_state=42, n_jobs=1
        ),
    }


def main() -> None:
    started = time.process_time()
    lines = pd.read_csv(sys.argv[1], parse_dates=["order_time"], dtype={"customer_id": str})
    lines = lines[lines["status"] != "cancelled"].copy()
    lines["day"] = lines["order_time"].dt.normalize()
    lines["returned"] = lines["status"] == "refunded"
    lines["net"] = np.where(lines["returned"], -lines["amount"], lines["amount"])
    score_date = lines.loc[~lines["returned"], "day"].max() + pd.Timedelta(days=1)
    test_cutoff = score_date - WINDOW
    train_cutoff = test_cutoff - WINDOW
    categories = sorted(lines.loc[lines["day"] < train_cutoff, "category"].dropna().unique())
    train_x, train_y = features(lines, train_cutoff, categories)
    test_x, test_y = features(lines, test_cutoff, categories)
    fit_x, held_x, fit_y, held_y = train_test_split(test_x, test_y, test_size=0.3, random_state=42)
    out_of_time, random_split = {}, {}
    for name, model in models().items():
        model.fit(train_x, train_y)
        out_of_time[name] = roc_auc_score(test_y, model.predict_proba(test_x)[:, 1])
        model = models()[name].fit(fit_x, fit_y)
        random_split[name] = roc_auc_score(held_y, model.predict_proba(held_x)[:, 1])
    best = max(out_of_time, key=out_of_time.get)
    chosen = models()[best].fit(test_x, test_y)
    score_x, _ = features(lines, score_date, categories)
    propensity = chosen.predict_proba(score_x)[:, 1]
    deciles = pd.qcut(propensity, 10, labels=False, duplicates="drop")
    cpu = time.process_time() - started
    print(f"train {len(train_x)} customers, test {len(test_x)}, scored {len(score_x)}")
    for name in out_of_time:
        print(f"  {name:7}: out of time AUC {out_of_time[name]:.4f}, random split {random_split[name]:.4f}")
    print(f"scoring with {best}; mean propensity {propensity.mean():.3f}, {len(set(deciles))} deciles")
    print(f"process CPU {cpu:.2f} s (without the interpreter's start)")


if __name__ == "__main__":
    main()
