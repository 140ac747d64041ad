"""The peer of `marketbench segment --k auto`: the same work in pandas and scikit-learn.

    marketbench sample --customers 23000 --out /tmp/seg23
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        /usr/bin/time -f "%U user %S sys" python benches/peer/segments_peer.py /tmp/seg23/orders.csv
    /usr/bin/time -f "%U user %S sys" marketbench segment /tmp/seg23/orders.csv

Needs `pip install pandas scikit-learn`. Issue 20 compares the whole process's CPU
seconds (user + sys) of the two commands. The protocol is Marketbench's defaults
(src/analysis/segments/): per-customer features from the order lines (cancelled
lines dropped, refunded lines netted out of revenue), all nine kept for the
profiles; recency, orders and revenue log1p-transformed and z-scored for K-means;
K = 2..10, each fitted with k-means++ and 2 restarts on a seeded 20,000-customer
sample (tol 1e-4, at most 300 iterations) when there are more customers, then
every customer assigned; silhouette on a 10,000-customer sample; the smallest K
in 3..8 whose silhouette is within 0.02 of the best; each segment profiled
(mean and median of every feature, top three categories) and explained by a
depth-3 decision tree.
"""

import sys
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier, export_text

FIT_SAMPLE = 20_000
SILHOUETTE_SAMPLE = 10_000
DISCOUNT_RATIO = 0.97


def features(lines: pd.DataFrame) -> pd.DataFrame:
    lines = lines[lines["status"] != "cancelled"].copy()
    lines["day"] = lines["order_time"].dt.normalize()
    returned = lines["status"] == "refunded"
    lines["net"] = np.where(returned, -lines["amount"], lines["amount"])
    bought = lines[~returned].copy()
    median = bought.groupby("sku")["unit_price"].transform("median")
    bought["discounted"] = bought["unit_price"] < DISCOUNT_RATIO * median
    as_of = lines["day"].max() + pd.Timedelta(days=1)
    per = bought.groupby("customer_id").agg(
        first=("day", "min"),
        last=("day", "max"),
        days=("day", "nunique"),
        orders=("order_id", "nunique"),
        units=("quantity", "sum"),
        discount_share=("discounted", "mean"),
        avg_unit_price=("unit_price", "mean"),
    )
    per["revenue"] = lines.groupby("customer_id")["net"].sum().reindex(per.index).clip(lower=0)
    per["recency_days"] = (as_of - per["last"]).dt.days
    per["tenure_days"] = (as_of - per["first"]).dt.days
    per["avg_order_value"] = per["revenue"] / per["orders"]
    between = (per["last"] - per["first"]).dt.days / (per["days"] - 1).where(per["days"] > 1)
    per["mean_days_between"] = between.fillna(per["tenure_days"])
    return per[
        [
            "recency_days",
            "orders",
            "revenue",
            "avg_order_value",
            "tenure_days",
            "mean_days_between",
            "units",
            "discount_share",
            "avg_unit_price",
        ]
    ]


def main() -> None:
    started = time.process_time()
    lines = pd.read_csv(sys.argv[1], parse_dates=["order_time"], dtype={"customer_id": str})
    per = features(lines)
    used = ["recency_days", "orders", "revenue"]
    scaled = StandardScaler().fit_transform(np.log1p(per[used].to_numpy()))
    rng = np.random.default_rng(42)
    n = len(scaled)
    fit_rows = rng.choice(n, FIT_SAMPLE, replace=False) if n > FIT_SAMPLE else np.arange(n)
    measured = rng.choice(n, SILHOUETTE_SAMPLE, replace=False) if n > SILHOUETTE_SAMPLE else None
    scores = {}
    for k in range(2, 11):
        model = KMeans(k, init="k-means++", n_init=2, tol=1e-4, max_iter=300, random_state=42 + k)
        model.fit(scaled[fit_rows])
        labels = model.predict(scaled)
        if measured is None:
            silhouette = silhouette_score(scaled, labels)
        else:
            silhouette = silhouette_score(scaled[measured], labels[measured])
        scores[k] = (model.inertia_, silhouette, labels)
    best = max(scores[k][1] for k in range(3, 9))
    k = min(k for k in range(3, 9) if scores[k][1] >= best - 0.02)
    labels = scores[k][2]
    per["segment"] = labels
    profile = per.groupby("segment").agg(["mean", "median"])
    top = (
        lines[lines["customer_id"].isin(per.index)]
        .assign(segment=lambda f: per["segment"].reindex(f["customer_id"]).to_numpy())
        .groupby(["segment", "category"])["amount"]
        .sum()
        .groupby(level=0, group_keys=False)
        .nlargest(3)
    )
    tree = DecisionTreeClassifier(max_depth=3, min_samples_leaf=0.02, random_state=42)
    tree.fit(per[used].to_numpy(), labels)
    rules = export_text(tree, feature_names=used)
    cpu = time.process_time() - started
    print(f"{n} customers, K = {k}, silhouette {scores[k][1]:.3f}")
    for kk, (inertia, silhouette, _) in scores.items():
        print(f"  K = {kk:2}: inertia {inertia:12.1f}, silhouette {silhouette:.3f}")
    print(profile.round(2).to_string())
    print(top.to_string())
    print(rules)
    print(f"process CPU {cpu:.2f} s (without the interpreter's start)")


if __name__ == "__main__":
    main()
