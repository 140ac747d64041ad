#!/usr/bin/env bash
# Marketbench and its Python peers side by side on real shop data: CDNOW's purchase
# log (see cdnow_orders.py), fetched from PyPI inside the `lifetimes` wheel.
#
#   cargo build --release
#   python -m venv /tmp/peer && /tmp/peer/bin/pip install pandas scikit-learn lifetimes setuptools statsforecast
#   benches/peer/cdnow.sh "$CARGO_TARGET_DIR"/release/marketbench /tmp/peer/bin/python
#
# For segment, propensity, clv and forecast (daily revenue, the last 28 days held
# out) it prints each side's output and its whole
# process's CPU seconds (user + sys; the peers on one BLAS/OpenMP thread). The data
# stays in $CDNOW_DIR (default /tmp/cdnow), outside the repository.
set -euo pipefail

marketbench=${1:?"the marketbench binary"}
python=${2:?"a python with pandas, scikit-learn, lifetimes and statsforecast"}
here=$(cd "$(dirname "$0")" && pwd)
work=${CDNOW_DIR:-/tmp/cdnow}
mkdir -p "$work"

if [ ! -f "$work/CDNOW_master.txt" ]; then
    "$python" -m pip download --quiet --no-deps lifetimes==0.11.3 -d "$work"
    "$python" -m zipfile -e "$work/Lifetimes-0.11.3-py3-none-any.whl" "$work/wheel"
    cp "$work/wheel/lifetimes/datasets/CDNOW_master.txt" "$work/"
fi
"$python" "$here/cdnow_orders.py" "$work/CDNOW_master.txt" "$work/orders.csv"

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cpu() {
    local label=$1
    shift
    /usr/bin/time -f "$label: %U user + %S sys seconds" "$@"
}
for task in segment propensity clv forecast; do
    echo "== $task"
    extra=()
    peer=${task}_peer.py
    case $task in
        segment) peer=segments_peer.py ;;
        clv) extra=(--json) ;;
        forecast) extra=(--measure revenue --freq day --horizon 28 --holdout 28) ;;
    esac
    cpu "marketbench $task" "$marketbench" "$task" "$work/orders.csv" "${extra[@]}"
    cpu "peer $peer" "$python" "$here/$peer" "$work/orders.csv"
done
