"""The peer of `cargo bench --bench load`: polars' own CSV reader on the same file.

    MB_CSV=/tmp/orders.csv cargo bench --bench load     # writes and keeps the file
    POLARS_MAX_THREADS=2 python benches/peer/load_polars.py /tmp/orders.csv

Needs `pip install polars`. Prints the wall and CPU seconds of
`polars.read_csv(path, try_parse_dates=True)` and the process's peak memory.
"""

import resource
import sys
import time

import polars as pl


def main() -> None:
    path = sys.argv[1]
    started, cpu = time.perf_counter(), time.process_time()
    frame = pl.read_csv(path, try_parse_dates=True)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"polars {pl.__version__} read_csv(try_parse_dates=True): "
        f"{frame.height} rows x {frame.width} columns, wall {wall:.2f} s, "
        f"cpu {cpu:.2f} s, peak {peak_mb:.0f} MB, {pl.thread_pool_size()} threads"
    )


if __name__ == "__main__":
    main()
