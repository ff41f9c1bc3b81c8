#!/usr/bin/env python3
"""Makes the FSRS parity fixtures for Tests/SchedulingTests from fsrs-rs (fsrs-rs-python 0.9.3).

Random review sequences (ratings; day gaps including same-day reviews, lapses and long gaps; default and
randomised weights; several desired retentions) are fed to fsrs-rs, and its stability, difficulty and unrounded
next interval after every review are written to Tests/SchedulingTests/Fixtures/fsrs-parity.json.

Run from the repository root:  scripts/make-fsrs-fixtures.py [--count 3000] [--seed 20261126]
Without fsrs_rs_python importable, the script makes a virtual environment in .venv-fixtures, installs the
pinned package there and runs itself again with it. The Swift tests read the committed JSON and need no Python.
"""
import json
import os
import random
import subprocess
import sys
import argparse

PINNED = "fsrs-rs-python==0.9.3"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "SchedulingTests", "Fixtures")
OUT = os.path.join(FIXTURES, "fsrs-parity.json")

try:
    import fsrs_rs_python as fsrs
except ImportError:
    venv = os.path.join(ROOT, ".venv-fixtures")
    python = os.path.join(venv, "bin", "python")
    if os.environ.get("ANNALS_FIXTURE_VENV"):
        sys.exit(f"error: {PINNED} is not importable even in {venv}")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    subprocess.check_call([python, "-m", "pip", "install", "--quiet", PINNED])
    os.environ["ANNALS_FIXTURE_VENV"] = "1"
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])

LOWER = [0.001] * 4 + [1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1]
UPPER = [100.0] * 4 + [10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8]


def f32(x):
    """The value as fsrs-rs sees it (f32), printed so that it reads back exactly."""
    return float("%.9g" % x)


def random_weights(rng):
    """Weights scattered around the defaults, within bounds; w17, w18 kept small as fsrs-rs clips them."""
    weights = []
    for i, d in enumerate(fsrs.DEFAULT_PARAMETERS):
        v = d * rng.uniform(0.5, 1.5)
        if i in (17, 18):
            v = min(v, 0.9)
        weights.append(f32(min(max(v, LOWER[i]), UPPER[i])))
    return weights


def random_gap(rng):
    roll = rng.random()
    if roll < 0.25:
        return 0
    if roll < 0.65:
        return rng.randint(1, 10)
    if roll < 0.9:
        return rng.randint(11, 120)
    return rng.randint(121, 4000)


def random_rating(rng):
    return rng.choices([1, 2, 3, 4], weights=[15, 15, 55, 15])[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20261126)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    default = [float(w) for w in fsrs.DEFAULT_PARAMETERS]
    sequences = []
    for n in range(args.count):
        weights = random_weights(rng) if n % 5 == 4 else None
        model = fsrs.FSRS(weights if weights else default)
        retention = rng.choice([0.9, 0.9, 0.8, 0.85, 0.95, 0.7])
        length = rng.randint(1, 24)
        reviews = []
        for k in range(length):
            reviews.append((random_rating(rng), 0 if k == 0 else random_gap(rng)))
        item = fsrs.FSRSItem([fsrs.FSRSReview(r, g) for r, g in reviews])
        states = model.historical_memory_states(item)
        rows = []
        for (rating, gap), state in zip(reviews, states):
            interval = model.next_interval(state.stability, retention, 3)
            rows.append([rating, gap, f32(state.stability), f32(state.difficulty), f32(interval)])
        sequence = {"retention": retention, "reviews": rows}
        if weights:
            sequence["weights"] = weights
        sequences.append(sequence)
    fixture = {
        "source": f"{PINNED} historical_memory_states + next_interval; scripts/make-fsrs-fixtures.py "
        f"--count {args.count} --seed {args.seed}",
        "columns": ["rating", "elapsedDays", "stability", "difficulty", "interval"],
        "sequences": sequences,
    }
    with open(OUT, "w") as out:
        json.dump(fixture, out, separators=(",", ":"))
    print(f"wrote {len(sequences)} sequences, {sum(len(s['reviews']) for s in sequences)} reviews to {OUT}")
    make_replay_fixture(default)


def study_day(iso, rollover_hour=4):
    """The study-day number of an ISO 8601 UTC time, a day starting at rollover_hour in UTC."""
    import datetime
    moment = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    shifted = moment - datetime.timedelta(hours=rollover_hour)
    return (shifted.date() - datetime.date(1970, 1, 1)).days


def make_replay_fixture(default):
    """fsrs-rs on the real log slice, fed the study-day gaps (UTC, rollover 4:00), in the file's time order."""
    import csv
    source = os.path.join(FIXTURES, "review-logs-slice.csv")
    with open(source) as handle:
        rows = list(csv.DictReader(handle))
    rows = sorted(enumerate(rows), key=lambda pair: (pair[1]["review_time"], pair[0]))
    model = fsrs.FSRS(default)
    history = {}
    expected = []
    for _, row in rows:
        card = row["card_id"]
        day = study_day(row["review_time"])
        reviews, last_day = history.get(card, ([], None))
        gap = 0 if last_day is None else day - last_day
        reviews = reviews + [fsrs.FSRSReview(int(row["review_rating"]), gap)]
        history[card] = (reviews, day)
        state = model.memory_state(fsrs.FSRSItem(reviews))
        interval = model.next_interval(state.stability, 0.9, 3)
        expected.append([card, gap, f32(state.stability), f32(state.difficulty), f32(interval)])
    with open(os.path.join(FIXTURES, "replay-expected.json"), "w") as out:
        json.dump({"columns": ["cardID", "elapsedDays", "stability", "difficulty", "interval"], "reviews": expected},
                  out, separators=(",", ":"))
    print(f"wrote {len(expected)} replayed reviews")


main()
