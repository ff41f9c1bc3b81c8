#!/usr/bin/env bash
# Renders the learner and class HTML reports of seeded simulations to PNG with headless Chromium
# (docs/report-learner.png, docs/report-class.png), for README.md. Reproducible: fixed seeds and dates.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need chromium; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; else
    echo "screenshots: chromium is missing (apt-get install chromium)" >&2; exit 1; fi
fi
if ! need pngquant && [ "$(id -u)" = 0 ]; then apt-get install -y -qq pngquant >/dev/null 2>&1 || true; fi

swift build --product annals >/dev/null
ANNALS="$(swift build --show-bin-path)/annals"
DECK=Decks/kalbajar.yaml
WORK="$(mktemp -d -p "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp)")"   # tmpfs: every answer is fsynced
trap 'rm -rf "$WORK"' EXIT
START=2026-01-05
NOW=2026-04-30T12:00:00Z

# One learner over 116 days, and a class of six with different desired retentions, plus one corrupt file.
"$ANNALS" simulate --store "$WORK/ada.sqlite" --deck "$DECK" --days 116 --seed 7 --start "$START" --new-per-day 2 >/dev/null
mkdir -p "$WORK/class"
seed=20
for learner in amir bella chen dana emil farah; do
  retention=$(python3 -c "print([0.8, 0.85, 0.9, 0.92, 0.95, 0.88][$seed % 6])")
  "$ANNALS" simulate --store "$WORK/class/$learner.sqlite" --deck "$DECK" --days $((60 + seed % 7 * 8)) \
    --seed $seed --retention "$retention" --start 2026-02-01 --new-per-day 5 >/dev/null
  seed=$((seed + 1))
done
head -c 8192 /dev/urandom > "$WORK/class/gil.sqlite"   # a corrupt store: named in the report, the rest renders

"$ANNALS" report --store "$WORK/ada.sqlite" --catalog "$DECK" --now "$NOW" --format html --out "$WORK/learner.html"
"$ANNALS" report --class "$WORK/class" --catalog "$DECK" --now "$NOW" --format html --out "$WORK/class.html"

mkdir -p docs
shoot() {  # html png height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$2" --window-size=1000,"$3" "file://$1" >/dev/null 2>&1
  if need pngquant; then pngquant --force --quality=60-90 --output "$2" "$2"; fi
  echo "$2: $(wc -c <"$2") bytes"
}
shoot "$WORK/learner.html" docs/report-learner.png 2300
shoot "$WORK/class.html" docs/report-class.png 1900
