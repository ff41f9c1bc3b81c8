"""Side-by-side benchmark: `annals fsrs optimize` against fsrs-rs-python's compute_parameters.

Usage: bench-optimizer.py ANNALS_BIN LOG.csv [LOG.csv ...]

For each log both fit FSRS-6 parameters on the same items (scripts/fsrs_items.py builds them with the study-day
gaps Annals uses, UTC, day rollover 4:00); both parameter sets are then scored by fsrs-rs's own `evaluate` (its
recency-weighted log loss and RMSE(bins)). Times are wall-clock seconds, the best of $BENCH_REPEAT (3) runs: fsrs-rs's compute_parameters call alone
(items already built), the same given card ids, and Annals' fit as it reports it; then from CSV to result: Python
reading the CSV and building the items plus compute_parameters, against the whole `annals fsrs optimize` process
(start-up, reading the CSV, pretraining and fitting, evaluating before and after, simulating the workload change).
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fsrs_items  # noqa: E402
import fsrs_rs_python as fsrs  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def main():
    annals, logs = sys.argv[1], sys.argv[2:]
    load_before = f"{os.getloadavg()[0]:.1f}"
    rows = []
    for log in logs:
        start = time.perf_counter()
        cards = fsrs_items.histories(log)
        items = fsrs_items.items(cards, fsrs)
        build_seconds = time.perf_counter() - start
        card_ids = [i for i, reviews in enumerate(cards.values()) for j in range(1, len(reviews)) if reviews[j][1] > 0]
        reviews = sum(len(r) for r in cards.values())

        # Each side runs REPEAT times, alternating, and keeps its fastest run: the machine may be shared.
        rs_seconds = rs_card_seconds = annals_seconds = annals_fit = float("inf")
        for _ in range(REPEAT):
            start = time.perf_counter()
            rs_weights = fsrs.FSRS(fsrs.DEFAULT_PARAMETERS).compute_parameters(items)
            rs_seconds = min(rs_seconds, time.perf_counter() - start)
            start = time.perf_counter()
            rs_card_weights = fsrs.FSRS(fsrs.DEFAULT_PARAMETERS).compute_parameters(items, card_ids=card_ids)
            rs_card_seconds = min(rs_card_seconds, time.perf_counter() - start)
            start = time.perf_counter()
            out = subprocess.run(
                [annals, "fsrs", "optimize", log, "--timezone", "UTC", "--json"], check=True, capture_output=True,
                text=True,
            ).stdout
            annals_seconds = min(annals_seconds, time.perf_counter() - start)
            result = json.loads(out)
            annals_fit = min(annals_fit, result["fit_seconds"])
        annals_weights = result["weights"]

        def score(weights):
            e = fsrs.FSRS(weights).evaluate(items)
            return e.log_loss, e.rmse_bins

        rows.append(
            dict(
                log=os.path.basename(log), cards=len(cards), reviews=reviews, items=len(items),
                rs=score(rs_weights), rs_card=score(rs_card_weights), annals=score(annals_weights),
                rs_s=rs_seconds, rs_card_s=rs_card_seconds, build_s=build_seconds, annals_s=annals_seconds, annals_fit_s=annals_fit,
                annals_own=result["metrics"],
            )
        )
    print()
    print(f"load average before/after: {load_before} / {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| log | cards | reviews | items | log loss fsrs-rs | log loss fsrs-rs (card ids) | log loss Annals "
          "| RMSE(bins) fsrs-rs / Annals | fit fsrs-rs | fit fsrs-rs (card ids) | fit Annals "
          "| CSV to weights fsrs-rs (Python) | CSV to report Annals (process) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['log']} | {r['cards']} | {r['reviews']} | {r['items']} | {r['rs'][0]:.5f} | {r['rs_card'][0]:.5f} "
              f"| {r['annals'][0]:.5f} | {r['rs'][1]:.4f} / {r['annals'][1]:.4f} | {r['rs_s']:.3f} s "
              f"| {r['rs_card_s']:.3f} s | {r['annals_fit_s']:.3f} s | {r['build_s'] + r['rs_s']:.3f} s "
              f"| {r['annals_s']:.3f} s |")
    print()
    print("Log losses and RMSE(bins) are fsrs-rs `evaluate` (recency-weighted) on the same items.")
    print("Annals' own srs-benchmark figures (unweighted log loss / RMSE(bins) / AUC):")
    for r in rows:
        m = r["annals_own"]
        print(f"  {r['log']}: {m['log_loss']:.4f} / {m['rmse_bins']:.4f} / {m['auc']:.4f}")


if __name__ == "__main__":
    main()
