#!/usr/bin/env bash
# Builds Marketbench and opens it on the bundled sample store (or on the files given).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
if [ $# -eq 0 ]; then set -- sample-data; fi
exec cargo run --locked -- "$@"
