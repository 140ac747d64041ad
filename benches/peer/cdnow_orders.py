"""Real shop data for the side-by-side runs: CDNOW's full purchase log as an orders file.

CDNOW (an online CD shop) logged every purchase of the 23,570 customers who first
bought in January–March 1997, up to June 1998: 69,659 lines of customer, day,
CDs and dollars (Fader, Hardie & Lee, "Counting your customers the easy way",
Marketing Science 2005). The `lifetimes` package ships it; it is not committed here.

    pip download --no-deps lifetimes==0.11.3 -d /tmp/cdnow
    unzip -o /tmp/cdnow/Lifetimes-0.11.3-py3-none-any.whl \\
        lifetimes/datasets/CDNOW_master.txt -d /tmp/cdnow
    python benches/peer/cdnow_orders.py /tmp/cdnow/lifetimes/datasets/CDNOW_master.txt \\
        /tmp/cdnow/orders.csv

The output has the columns of `marketbench sample`'s orders, so the same commands
and peer scripts run on it: one line per logged purchase (its own order id), the
day at noon as order time, one product "CD" in category "music", unit price =
dollars / CDs, status "paid". Lines with no CDs or no dollars are kept as they are
logged (CDNOW records some zero-dollar purchases).
"""

import csv
import sys


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    header = [
        "order_id", "customer_id", "order_time", "sku", "product_name", "category",
        "quantity", "unit_price", "amount", "status", "channel",
    ]
    with open(source) as lines, open(target, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        next(lines)
        for n, line in enumerate(lines, start=1):
            customer, day, cds, dollars = line.split()
            cds, dollars = int(cds), float(dollars)
            when = f"{day[:4]}-{day[4:6]}-{day[6:]} 12:00:00"
            price = dollars / cds if cds else 0.0
            writer.writerow([
                f"CD{n:06d}", f"C{customer}", when, "CD", "CD", "music",
                cds, f"{price:.2f}", f"{dollars:.2f}", "paid", "web",
            ])


if __name__ == "__main__":
    main()
