"""`annals due` and `annals fsrs replay` on the real binary."""
import csv
import json
import os
import subprocess

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SLICE = os.path.join(ROOT, "Tests", "SchedulingTests", "Fixtures", "review-logs-slice.csv")


def run(*args):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True)


def test_replay_prints_one_line_per_review():
    result = run("fsrs", "replay", SLICE, "--timezone", "UTC")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:4] == ["card_id", "review_time", "rating", "elapsed_days"]
    assert lines[-1] == "2173 reviews of 150 cards replayed"
    first = lines[1].split("\t")
    assert first[3] == "-" and first[5] == "0.2120"  # Again first: S0 = w0


def test_replay_json_matches_fsrs_rs_expectations():
    result = run("fsrs", "replay", SLICE, "--timezone", "UTC", "--json")
    assert result.returncode == 0, result.stderr
    replayed = json.loads(result.stdout)
    expected = json.load(open(os.path.join(ROOT, "Tests", "SchedulingTests", "Fixtures", "replay-expected.json")))
    assert len(replayed) == len(expected["reviews"])
    assert abs(replayed[1]["stability"] - expected["reviews"][1][2]) < 1e-5


def test_replay_rollover_hour_changes_elapsed_days(tmp_path):
    log = tmp_path / "log.csv"
    log.write_text("card_id,review_time,review_rating\n1,2024-03-29T23:00:00Z,3\n1,2024-03-30T05:00:00Z,3\n")
    utc4 = json.loads(run("fsrs", "replay", str(log), "--timezone", "UTC", "--json").stdout)
    utc6 = json.loads(run("fsrs", "replay", str(log), "--timezone", "UTC", "--rollover-hour", "6", "--json").stdout)
    assert utc4[1]["elapsedDays"] == 1
    assert utc6[1]["elapsedDays"] == 0


def test_replay_bad_input_names_file_and_line(tmp_path):
    log = tmp_path / "bad.csv"
    log.write_text("card_id,review_time,review_rating\n1,2024-03-29T23:00:00Z,7\n")
    result = run("fsrs", "replay", str(log))
    assert result.returncode != 0
    assert f"{log}:2: review_rating '7'" in result.stderr
    result = run("fsrs", "replay", str(log), "--rollover-hour", "30")
    assert result.returncode != 0 and "--rollover-hour" in result.stderr


def test_due_on_a_fresh_and_a_used_store(tmp_path):
    store = str(tmp_path / "ada.sqlite")
    fresh = run("due", "--store", store)
    assert fresh.returncode == 0 and "No cards yet" in fresh.stdout
    subprocess.run([ANNALS, "store-stress", "--store", store, "--count", "20", "--cards", "10"], check=True,
                   capture_output=True)
    table = run("due", "--store", store)
    assert table.returncode == 0
    assert table.stdout.splitlines()[0].split() == ["deck", "now", "today", "week", "new", "queue"]
    data = json.loads(run("due", "--store", store, "--json").stdout)
    assert data["decks"][0]["deck"] == "stress" and data["decks"][0]["total"] == 10
    assert data["decks"][0]["new"] == 0


def test_due_until_reviews_ahead_and_rejects_bad_dates(tmp_path):
    store = str(tmp_path / "ada.sqlite")
    subprocess.run([ANNALS, "store-stress", "--store", store, "--count", "20", "--cards", "10"], check=True,
                   capture_output=True)
    now = json.loads(run("due", "--store", store, "--json").stdout)
    ahead = json.loads(run("due", "--store", store, "--json", "--until", "2099-01-01").stdout)
    # Just answered: no review is due yet; by 2099 every card that graduated to day intervals is.
    assert ahead["queue"] > now["queue"]
    bad = run("due", "--store", store, "--until", "2030-02-31")
    assert bad.returncode != 0 and "--until '2030-02-31'" in bad.stderr
