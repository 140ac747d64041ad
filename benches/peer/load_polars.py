"""The peer of `cargo bench --bench load`: polars' own CSV reader on the same file.

    MB_CSV=/tmp/orders.csv cargo bench --bench load     # writes and keeps the file
    POLARS_MAX_THREADS=2 python benches/peer/load_polars.py /tmp/orders.csv
    POLARS_MAX_THREADS=2 python benches/peer/load_polars.py /tmp/orders.csv \\
        --text order_id,customer_id,product_id

Needs `pip install polars`. Prints the wall and CPU seconds of
`polars.read_csv(path, try_parse_dates=True)` and the process's peak memory.
With `--text`, the named columns are read as text, as Marketbench reads ids
(leading zeros kept), and the time of their `n_unique` (what the summary counts)
is printed too.
"""

import argparse
import resource
import time

import polars as pl


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--text", default="", help="columns to read as text, comma-separated")
    args = parser.parse_args()
    text = [name for name in args.text.split(",") if name]
    started, cpu = time.perf_counter(), time.process_time()
    frame = pl.read_csv(
        args.path,
        try_parse_dates=True,
        schema_overrides={name: pl.String for name in text},
    )
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    counted = ""
    if text:
        started = time.perf_counter()
        frame.select(pl.col(name).n_unique() for name in text)
        counted = f", n_unique of {len(text)} text columns {time.perf_counter() - started:.2f} s"
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"polars {pl.__version__} read_csv(try_parse_dates=True): "
        f"{frame.height} rows x {frame.width} columns, wall {wall:.2f} s, "
        f"cpu {cpu:.2f} s, peak {peak_mb:.0f} MB, {pl.thread_pool_size()} threads"
        f"{counted}"
    )


if __name__ == "__main__":
    main()
