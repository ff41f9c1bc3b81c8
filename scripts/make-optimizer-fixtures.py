#!/usr/bin/env python3
"""Makes Tests/OptimizerTests/Fixtures from a real review log with fsrs-rs-python 0.9.3.

Usage: make-optimizer-fixtures.py REVIEW-LOGS-SAMPLE.csv   (run with a Python that has fsrs-rs-python==0.9.3)

Writes:
- review-log.csv: the complete histories of the first 400 cards of the log (by first review), unchanged rows.
- evaluate-parity.json: for several parameter sets, fsrs-rs `evaluate` (recency-weighted log loss, RMSE(bins)) on
  the log's items, and srs-benchmark's unweighted log loss, RMSE(bins) and AUC computed here from fsrs-rs's memory
  states (pairwise AUC, bins by count), so that the Swift tests check both definitions without Python.
Items are built by scripts/fsrs_items.py with the study-day gaps Annals uses (UTC, rollover 4:00).
"""
import csv
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fsrs_items  # noqa: E402
import fsrs_rs_python as fsrs  # noqa: E402

LOWER = [0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0,
         0.0, 0.0, 0.01, 0.1]
UPPER = [100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0,
         0.8, 0.8]


def bin_of(x, scale, base):
    return round(scale * base ** math.floor(math.log(x, base)) * 100)


def srs_benchmark(weights, raw):
    model = fsrs.FSRS(weights)
    states = model.memory_state_batch([fsrs.FSRSItem([fsrs.FSRSReview(r, g) for r, g in x[:-1]]) for x in raw])
    decay = weights[20]
    factor = 0.9 ** (-1 / decay) - 1
    preds, labels, bins = [], [], {}
    for x, state in zip(raw, states):
        gap = x[-1][1]
        p = (1 + factor * gap / state.stability) ** (-decay)
        y = 1 if x[-1][0] > 1 else 0
        preds.append(p)
        labels.append(y)
        history = x[:-1]
        long_term = sum(1 for _, g in history if g > 0)
        lapses = sum(1 for r, g in history if r == 1 and g > 0)
        key = (bin_of(gap, 2.48, 3.62), bin_of(long_term + 2, 1.99, 1.89), 0 if lapses == 0 else bin_of(lapses, 1.65, 1.73))
        b = bins.setdefault(key, [0.0, 0.0, 0])
        b[0] += p
        b[1] += y
        b[2] += 1
    n = len(preds)
    log_loss = -sum(math.log(p) if y else math.log(1 - p) for p, y in zip(preds, labels)) / n
    rmse = math.sqrt(sum(((b[0] - b[1]) / b[2]) ** 2 * b[2] for b in bins.values()) / n)
    positives = [p for p, y in zip(preds, labels) if y]
    negatives = sorted(p for p, y in zip(preds, labels) if not y)
    # Pairwise: for each positive, negatives below it count 1, ties 1/2.
    import bisect
    wins = 0.0
    for p in positives:
        below = bisect.bisect_left(negatives, p)
        ties = bisect.bisect_right(negatives, p) - below
        wins += below + ties / 2
    auc = wins / (len(positives) * len(negatives))
    return {"log_loss": log_loss, "rmse_bins": rmse, "auc": auc}


def main():
    source = sys.argv[1]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "OptimizerTests", "Fixtures")
    with open(source, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    card_column = header.index("card_id")
    order = []
    for row in sorted(rows, key=lambda r: r[header.index("review_time")]):
        if row[card_column] not in order:
            order.append(row[card_column])
    keep = set(order[:400])
    log = os.path.join(here, "review-log.csv")
    with open(log, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(row for row in rows if row[card_column] in keep)

    cards = fsrs_items.histories(log)
    raw = [reviews[: j + 1] for reviews in cards.values() for j in range(1, len(reviews)) if reviews[j][1] > 0]
    items = [fsrs.FSRSItem([fsrs.FSRSReview(r, g) for r, g in x]) for x in raw]
    fitted = fsrs.FSRS(fsrs.DEFAULT_PARAMETERS).compute_parameters(items)
    rng = random.Random(20261126)
    sets = [("defaults", list(fsrs.DEFAULT_PARAMETERS)), ("fsrs-rs fitted", fitted)]
    for k in range(2):
        sets.append((f"random {k + 1}", [rng.uniform(lo + 0.1 * (hi - lo), lo + 0.6 * (hi - lo)) if i >= 4
                                         else rng.uniform(0.1, 20) for i, (lo, hi) in enumerate(zip(LOWER, UPPER))]))
    out = {"items": len(items), "reviews": sum(len(r) for r in cards.values()), "cards": len(cards), "sets": []}
    for name, weights in sets:
        e = fsrs.FSRS(weights).evaluate(items)
        out["sets"].append({
            "name": name, "weights": [float(w) for w in weights],
            "fsrs_rs": {"log_loss": e.log_loss, "rmse_bins": e.rmse_bins},
            "srs_benchmark": srs_benchmark(weights, raw),
        })
    with open(os.path.join(here, "evaluate-parity.json"), "w") as f:
        json.dump(out, f, indent=1)
    print(f"{len(items)} items from {out['cards']} cards; {len(sets)} parameter sets")


if __name__ == "__main__":
    main()
