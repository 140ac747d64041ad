#!/usr/bin/env bash
# Takes a screenshot of the real window on a virtual display, to look at it as a person would.
#   scripts/screenshot.sh OUT.png [WAIT_SECONDS] [FILES...]
# Starts Xvfb :99 (1280x800x24), runs the built binary on the sample store (or FILES),
# waits (default 20 s), saves the whole screen to OUT.png and stops both.
# Uses a fresh settings folder, so every run looks like a first launch.
# Needs: scripts/setup.sh shot (Xvfb, ImageMagick), and `cargo build` done before.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/screenshot.sh OUT.png [WAIT_SECONDS] [FILES...]}
wait_secs=${2:-20}
shift $(( $# >= 2 ? 2 : 1 ))
[ $# -eq 0 ] && set -- sample-data

target=${CARGO_TARGET_DIR:-target}
binary=${MARKETBENCH_BIN:-$target/debug/marketbench}
[ -x "$binary" ] || { echo "no binary at $binary: run cargo build first" >&2; exit 1; }
command -v Xvfb >/dev/null && command -v import >/dev/null || scripts/setup.sh shot

runtime=$(mktemp -d)
chmod 700 "$runtime"
display=:99
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$runtime"
}
trap cleanup EXIT
sleep 1

DISPLAY=$display XDG_RUNTIME_DIR=$runtime XDG_DATA_HOME=$runtime/data XDG_CONFIG_HOME=$runtime/config \
  "$binary" "$@" >"$runtime/app.log" 2>&1 &
app=$!
sleep "$wait_secs"
if ! kill -0 "$app" 2>/dev/null; then
  echo "the app exited early; its output:" >&2
  cat "$runtime/app.log" >&2
  exit 1
fi
DISPLAY=$display import -window root "$out"
echo "saved $out"
