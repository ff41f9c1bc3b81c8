"""A damaged store: `annals study` refuses it with a pointer to `annals doctor`; `doctor` backs it up untouched,
rebuilds it from what the review log still holds (saying how many reviews came back and which cards were reset),
and `study` runs on the rebuilt store."""
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess

from studyhelpers import ANNALS, env

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*args, stdin=""):
    return subprocess.run([ANNALS, *args], input=stdin.encode(), capture_output=True, env=env(), timeout=120)


def kalbajar_store(tmp_path, cards=200, per_card=10):
    """A Kalbajar workspace whose store holds `per_card` reviews in a row for each of `cards` cards, imported
    through `annals fsrs import-log --deck kalbajar` (the store's own write path)."""
    root = tmp_path / "ws"
    (root / "Progress").mkdir(parents=True)
    shutil.copytree(os.path.join(REPO, "Decks", "sources"), root / "Decks" / "sources")
    shutil.copy(os.path.join(REPO, "Decks", "kalbajar.yaml"), root / "Decks" / "kalbajar.yaml")
    listed = run("cards", str(root / "Decks" / "kalbajar.yaml"), "--json")
    assert listed.returncode == 0, listed.stderr
    ids = [json.loads(line)["id"] for line in listed.stdout.decode().splitlines()][:cards]
    log = tmp_path / "log.csv"
    with open(log, "w") as f:
        f.write("card_id,review_time,review_rating\n")
        start = 1_700_000_000_000
        for n, card in enumerate(ids):
            for i in range(per_card):
                f.write(f"{card},{start + (n * per_card + i) * 3_600_000},{1 + (n + i) % 4}\n")
    imported = run("fsrs", "import-log", str(log), "--deck", "kalbajar", "--workspace", str(root), "--learner", "ada")
    assert imported.returncode == 0, imported.stderr
    store = str(root / "Progress" / "ada.sqlite")
    db = sqlite3.connect(store)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return root, store


def leaf_pages(store, table):
    db = sqlite3.connect(store)
    try:
        return [row[0] for row in db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    finally:
        db.close()


def garble(store, pages, seed=5):
    rng = random.Random(seed)
    with open(store, "r+b") as f:
        for page in pages:
            f.seek((page - 1) * 4096)
            f.write(bytes(rng.randrange(256) for _ in range(4096)))


def readable(store, sql, keys):
    """The keys whose row `sql` (a point lookup) can still read."""
    db = sqlite3.connect(store)
    found = {}
    try:
        for key in keys:
            try:
                row = db.execute(sql, (key,)).fetchone()
                if row is not None:
                    found[key] = row
            except sqlite3.DatabaseError:
                pass
    finally:
        db.close()
    return found


def test_study_refuses_a_damaged_store_and_doctor_rebuilds_it_from_the_log(tmp_path):
    root, store = kalbajar_store(tmp_path)
    db = sqlite3.connect(store)
    original = {row[0]: row[1:] for row in db.execute("SELECT id, card_id, time, rating FROM review ORDER BY id")}
    card_keys = {row[0]: row[1] for row in db.execute("SELECT key, id FROM card")}
    db.close()
    review_leaves, card_leaves = leaf_pages(store, "revlog"), leaf_pages(store, "card")
    middle = len(review_leaves) // 2
    garble(store, review_leaves[middle:middle + 2] + [card_leaves[len(card_leaves) // 2]])

    # What a point lookup can still read is what the log still holds; a review whose card row is lost cannot be
    # attributed (the log names cards by key).
    log_left = readable(store, "SELECT card FROM revlog WHERE id = ?", list(original))
    cards_left = readable(store, "SELECT id, reps FROM card WHERE key = ?", list(card_keys))
    reviews_left = {i: original[i] for i, (key,) in log_left.items() if key in cards_left}
    assert 0 < len(reviews_left) < len(original) and len(cards_left) < len(card_keys)
    reviewed = {row[0] for row in reviews_left.values()}
    expected_reset = sorted(c for c, reps in cards_left.values() if reps > 0 and c not in reviewed)
    assert expected_reset, "two lost leaves of ten-review runs should wipe out some card's whole history"

    refused = run("study", "--workspace", str(root), "--learner", "ada", stdin="")
    assert refused.returncode == 1
    message = refused.stderr.decode()
    assert f"{store} is damaged" in message
    assert f"Run `annals doctor --store {store}` to check it, keep a backup and rebuild it" in message

    damaged_bytes = hashlib.sha256(open(store, "rb").read()).hexdigest()
    doctor = run("doctor", "--workspace", str(root), "--learner", "ada")
    assert doctor.returncode == 0, doctor.stderr
    out = doctor.stdout.decode()
    lost = len(original) - len(reviews_left)
    assert "Integrity: damaged" in out
    assert (f"Rebuilt from the review log: {len(reviews_left)} reviews recovered, {lost} lost with the damaged "
            "pages") in out
    assert f"{len(expected_reset)} studied card{'s were' if len(expected_reset) > 1 else ' was'} reset to new" in out
    listed = re.findall(r"^  (kalbajar/\S+)$", out, re.MULTILINE)
    assert listed == expected_reset
    assert "The rebuilt store's integrity: ok." in out

    # The backup is the damaged file, byte for byte; the rebuilt store holds exactly the readable reviews.
    backup = re.search(r"Backup \(the file as it was, untouched\): (\S+)", out).group(1)
    assert hashlib.sha256(open(backup, "rb").read()).hexdigest() == damaged_bytes
    assert oct(os.stat(backup).st_mode & 0o777) == "0o600" and ".damaged-" in backup
    db = sqlite3.connect(store)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rebuilt = db.execute("SELECT card_id, time, rating FROM review ORDER BY id").fetchall()
    db.close()
    assert rebuilt == [reviews_left[i] for i in sorted(reviews_left)]

    again = run("study", "--workspace", str(root), "--learner", "ada", "--new", "1", stdin=":quit\n")
    assert again.returncode == 0, again.stderr
    healthy = run("doctor", "--store", store)
    assert healthy.returncode == 0 and b"Integrity: ok.\n" in healthy.stdout and b"Nothing to repair." in healthy.stdout
