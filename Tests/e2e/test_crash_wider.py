"""SIGKILL at random moments of a study session, of a deck sync after the deck changed, of a new store's migration
and of `fsrs import-log`: afterwards every acknowledged answer is in the store, the store passes integrity_check
and opens, and each of the store's transactions happened whole or not at all. Few rounds, so it stays quick."""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time

from studyhelpers import ANNALS, env

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def kalbajar_workspace(tmp_path):
    root = tmp_path / "ws"
    (root / "Progress").mkdir(parents=True)
    shutil.copytree(os.path.join(REPO, "Decks", "sources"), root / "Decks" / "sources")
    shutil.copy(os.path.join(REPO, "Decks", "kalbajar.yaml"), root / "Decks" / "kalbajar.yaml")
    return root


def rows(store, sql):
    db = sqlite3.connect(store)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute(sql).fetchall()
    finally:
        db.close()


def opens(store):
    result = subprocess.run([ANNALS, "due", "--store", store], capture_output=True, text=True, env=env())
    assert result.returncode == 0, result.stderr
    return result.stdout


def kill_after(process, seconds):
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    return process.wait()


def test_killed_study_sessions_keep_every_acknowledged_answer(tmp_path):
    root = kalbajar_workspace(tmp_path)
    store = str(root / "Progress" / "ada.sqlite")
    rng = random.Random(11)
    acknowledged = []
    for round_number in range(4):
        answers = [f"r{round_number}-{i}" for i in range(400)]
        session = subprocess.Popen(
            [ANNALS, "study", "--workspace", str(root), "--learner", "ada", "--new", "400"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env())
        session.stdin.write("".join(f"{a}\n\n" for a in answers).encode())
        session.stdin.flush()
        os.set_blocking(session.stdout.fileno(), False)
        out = b""
        # Kill at a random moment after the first card is shown (start-up time depends on the machine's load).
        ready = time.time() + 60
        while b"\n> " not in out and time.time() < ready:
            out += session.stdout.read() or b""
            time.sleep(0.005)
        deadline = time.time() + rng.uniform(0.1, 1.0)
        while time.time() < deadline:
            out += session.stdout.read() or b""
            time.sleep(0.005)
        session.send_signal(signal.SIGKILL)
        session.wait()
        os.set_blocking(session.stdout.fileno(), True)
        out += session.stdout.read() or b""
        # An answer is acknowledged once the session has gone on to the next card: every answer prompt after the
        # first follows a saved answer.
        saved = max(0, out.count(b"\n> ") - 1)
        acknowledged += answers[:saved]
        if not acknowledged and not os.path.exists(store):
            continue  # killed before the store was made
        tables = {row[0] for row in rows(store, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if not acknowledged and "review" not in tables:
            continue  # killed before its first migration was committed
        stored = {row[0] for row in rows(store, "SELECT typed_answer FROM review WHERE undone = 0")}
        missing = [a for a in acknowledged if a not in stored]
        assert not missing, f"round {round_number}: acknowledged answers lost: {missing[:5]}"
    assert len(acknowledged) >= 4, "the sessions should have saved answers before being killed"
    opens(store)


def test_killed_sync_of_a_changed_deck_is_whole_or_not_at_all(tmp_path):
    root = kalbajar_workspace(tmp_path)
    store = str(root / "Progress" / "ada.sqlite")
    first = subprocess.run([ANNALS, "study", "--workspace", str(root), "--learner", "ada", "--new", "3"],
                           input=b"a\n\nb\n\nc\n\n", capture_output=True, env=env())
    assert first.returncode == 0, first.stderr
    before = rows(store, "SELECT id, card_id, typed_answer FROM review ORDER BY id")
    old_cards = {row[0] for row in rows(store, "SELECT id FROM card WHERE retired = 0")}
    # Change the deck: a new deck id, so every card is new and every old one retires, in one sync transaction.
    deck = root / "Decks" / "kalbajar.yaml"
    deck.write_text(deck.read_text().replace("id: kalbajar\n", "id: kalbajar2\n", 1))
    rng = random.Random(3)
    seen = []
    for _ in range(5):
        sync = subprocess.Popen([ANNALS, "study", "--workspace", str(root), "--learner", "ada"],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=env())
        kill_after(sync, rng.uniform(0.05, 0.6))
        assert rows(store, "SELECT id, card_id, typed_answer FROM review ORDER BY id") == before
        live = {row[0] for row in rows(store, "SELECT id FROM card WHERE retired = 0")}
        assert old_cards <= live  # the old deck's cards keep their progress (its file is gone, not its cards)
        seen.append(frozenset(c for c in live if c.startswith("kalbajar2/")))
    listed = subprocess.run([ANNALS, "cards", str(deck), "--json"], capture_output=True, text=True, env=env())
    full = {json.loads(line)["id"] for line in listed.stdout.splitlines()}
    assert full and all(c.startswith("kalbajar2/") for c in full)
    # Whole or not at all: after each kill the new deck's cards are all there or none is.
    assert all(not new or new == full for new in seen), "a half-done sync"
    opens(store)


def test_killed_migration_of_a_new_store_leaves_a_store_that_opens(tmp_path):
    rng = random.Random(5)
    for round_number in range(6):
        store = str(tmp_path / f"new{round_number}.sqlite")
        creating = subprocess.Popen([ANNALS, "due", "--store", store], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, env=env())
        kill_after(creating, rng.uniform(0.0, 0.08))
        if os.path.exists(store):
            # Either no migration is recorded, or all of v1-initial, or all of v2-compact-log (each migration is
            # one transaction; in v2 `review` is a view over the `revlog` table); never a partial schema.
            tables = {row[0] for row in rows(store, "SELECT name FROM sqlite_master WHERE type = 'table'")}
            v1, v2 = {"card", "review", "settings"}, {"card", "revlog", "settings"}
            assert v1 <= tables or v2 <= tables or not (tables & (v1 | v2))
        opens(store)
        assert rows(store, "SELECT COUNT(*) FROM grdb_migrations")[0][0] >= 1


def test_killed_import_log_imports_all_or_nothing(tmp_path):
    store = str(tmp_path / "ada.sqlite")
    subprocess.run([ANNALS, "store-stress", "--store", store, "--count", "5"], check=True, capture_output=True)
    before = rows(store, "SELECT id, card_id, typed_answer FROM review ORDER BY id")
    log = tmp_path / "log.csv"
    with open(log, "w") as f:
        f.write("card_id,review_time,review_rating\n")
        for i in range(60000):
            f.write(f"c{i % 3000},{1704103200000 + i * 60000},{1 + i % 4}\n")
    rng = random.Random(9)
    for _ in range(4):
        importing = subprocess.Popen([ANNALS, "fsrs", "import-log", str(log), "--store", store],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env())
        kill_after(importing, rng.uniform(0.1, 1.5))
        after = rows(store, "SELECT id, card_id, typed_answer FROM review ORDER BY id")
        assert after[:len(before)] == before
        imported = len(after) - len(before)
        assert imported % 60000 == 0, f"a partial import of {imported} reviews"
    opens(store)
