"""Durability of the progress store, tested on the real binary and real SQLite files.

`annals store-stress` answers cards one transaction at a time and prints "ack <review id> <card> <label>" only
after each commit. Here it is killed with SIGKILL at random moments; every acknowledged review must still be in
the file, and the file must pass PRAGMA integrity_check. Two writers on the same learner at once must both finish
with none of their reviews lost.
"""
import os
import random
import signal
import sqlite3
import subprocess
import time

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")


def start_writer(store, count, label):
    return subprocess.Popen(
        [ANNALS, "store-stress", "--store", store, "--count", str(count), "--cards", "40", "--writer", label],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read_acks(lines):
    acks = []
    for line in lines:
        parts = line.split()
        if len(parts) == 4 and parts[0] == "ack":
            acks.append((int(parts[1]), parts[2], parts[3]))
    return acks


def check_store(store, acks):
    connection = sqlite3.connect(store)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, card_id, typed_answer FROM review")}
        for review_id, card, label in acks:
            assert rows.get(review_id) == (card, label), f"acknowledged review {review_id} ({label}) is missing"
        # Each card's stored state is its last review's state after (its head, and as many reps as reviews):
        # nothing half-written.
        mismatched = connection.execute(
            """SELECT COUNT(*) FROM card c JOIN revlog r ON r.id = (SELECT MAX(id) FROM revlog WHERE card = c.key)
               WHERE c.head <> r.id OR c.due <> r.time + r.due_offset
                  OR c.reps <> (SELECT COUNT(*) FROM revlog WHERE card = c.key)""").fetchone()[0]
        assert mismatched == 0
        return len(rows)
    finally:
        connection.close()


def test_killed_writer_loses_no_acknowledged_review(tmp_path):
    store = str(tmp_path / "ada.sqlite")
    rng = random.Random(7)
    all_acks = []
    for round_number in range(8):
        writer = start_writer(store, 100000, f"r{round_number}")
        deadline = time.time() + rng.uniform(0.2, 1.5)
        lines = []
        os.set_blocking(writer.stdout.fileno(), False)
        while time.time() < deadline:
            chunk = writer.stdout.readline()
            if chunk:
                lines.append(chunk)
            else:
                time.sleep(0.001)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        os.set_blocking(writer.stdout.fileno(), True)
        lines.extend(writer.stdout.read().splitlines())
        acks = read_acks(lines)
        all_acks.extend(acks)
        total = check_store(store, all_acks)
        assert total >= len(all_acks)
    assert len(all_acks) > 50, "the writer should have committed something before being killed"


def test_two_sessions_of_one_learner_both_succeed(tmp_path):
    store = str(tmp_path / "ada.sqlite")
    subprocess.run([ANNALS, "store-stress", "--store", store, "--count", "1"], check=True, capture_output=True)
    first = start_writer(store, 300, "a")
    second = start_writer(store, 300, "b")
    out_a, err_a = first.communicate(timeout=120)
    out_b, err_b = second.communicate(timeout=120)
    assert first.returncode == 0, err_a
    assert second.returncode == 0, err_b
    acks = read_acks(out_a.splitlines()) + read_acks(out_b.splitlines())
    assert len(acks) == 600
    assert check_store(store, acks) == 601


def test_newer_store_is_refused_and_left_unchanged(tmp_path):
    store = str(tmp_path / "ada.sqlite")
    subprocess.run([ANNALS, "store-stress", "--store", store, "--count", "3"], check=True, capture_output=True)
    connection = sqlite3.connect(store)
    connection.execute("PRAGMA user_version = 42")
    connection.commit()
    connection.close()
    before = open(store, "rb").read()
    result = subprocess.run([ANNALS, "due", "--store", store], capture_output=True, text=True)
    assert result.returncode != 0
    assert "newer Annals" in result.stderr and "has not been changed" in result.stderr
    assert open(store, "rb").read() == before
