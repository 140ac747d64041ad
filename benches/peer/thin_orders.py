"""Writes the thin orders CSV of issue 19's load figure: 5 M lines of four columns,
numeric ids and a date only (`1,169782,2024-06-03,42660`), about 148 MB.

    python benches/peer/thin_orders.py /tmp/thin.csv
    MB_CSV=/tmp/thin.csv cargo bench --bench load

Orders of 1-4 lines, 500,000 customers, 50,000 products, 912 days from
2024-01-01; a fixed seed, so every run writes the same bytes.
"""

import datetime
import random
import sys

LINES = 5_000_000


def main() -> None:
    rng = random.Random(7)
    start = datetime.date(2024, 1, 1)
    days = [(start + datetime.timedelta(d)).isoformat() for d in range(912)]
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write("order_id,customer_id,order_date,product_id\n")
        written, order, block = 0, 0, []
        while written < LINES:
            order += 1
            customer, day = rng.randint(1, 500_000), days[rng.randrange(912)]
            for _ in range(rng.randint(1, 4)):
                block.append(f"{order},{customer},{day},{rng.randint(1, 50_000)}\n")
                written += 1
            if len(block) > 100_000:
                out.write("".join(block))
                block = []
        out.write("".join(block))


if __name__ == "__main__":
    main()
