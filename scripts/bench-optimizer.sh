#!/usr/bin/env bash
# Benchmarks `annals fsrs optimize` side by side with fsrs-rs-python 0.9.3 `compute_parameters` in one process tree:
# on the shared sample review log (if ../shared/data/fsrs/review-logs-sample.csv exists, or the path given as $1)
# and on simulated logs of 10k and 100k cards. Prints a table of log loss (both scored by fsrs-rs's `evaluate`)
# and wall time. Creates .venv-bench/ with fsrs-rs-python on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-bench
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import fsrs_rs_python" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet fsrs-rs-python==0.9.3
fi
swift build -c release --product annals >/dev/null
BIN="$(swift build -c release --show-bin-path)/annals"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LOGS=()
SAMPLE="${1:-../shared/data/fsrs/review-logs-sample.csv}"
if [ -f "$SAMPLE" ]; then
  LOGS+=("$SAMPLE")
else
  echo "note: $SAMPLE not found; benchmarking simulated logs only" >&2
fi
"$BIN" fsrs simulate-log --cards 10000 --seed 1 --output "$WORK/simulated-10k.csv"
"$BIN" fsrs simulate-log --cards 100000 --seed 2 --output "$WORK/simulated-100k.csv"
LOGS+=("$WORK/simulated-10k.csv" "$WORK/simulated-100k.csv")
"$VENV/bin/python" scripts/bench-optimizer.py "$BIN" "${LOGS[@]}"
