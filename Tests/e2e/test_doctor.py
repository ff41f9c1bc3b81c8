"""A damaged store: `annals study` refuses it with a pointer to `annals doctor`; `doctor` backs it up untouched,
rebuilds it from what the review log still holds (saying how many reviews came back and which cards were reset),
and `study` runs on the rebuilt store."""
import hashlib
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


def kalbajar_store(tmp_path, reviews=2000, per_card=10):
    """A Kalbajar workspace whose store holds `reviews` reviews, `per_card` in a row for each card."""
    root = tmp_path / "ws"
    (root / "Progress").mkdir(parents=True)
    shutil.copytree(os.path.join(REPO, "Decks", "sources"), root / "Decks" / "sources")
    shutil.copy(os.path.join(REPO, "Decks", "kalbajar.yaml"), root / "Decks" / "kalbajar.yaml")
    first = run("study", "--workspace", str(root), "--learner", "ada", "--new", "1", stdin="x\n\n")
    assert first.returncode == 0, first.stderr
    store = str(root / "Progress" / "ada.sqlite")
    db = sqlite3.connect(store)
    template = db.execute(
        "SELECT phase_before, state_before, state_after, scheduler_config_id, time FROM review").fetchone()
    cards = [row[0] for row in db.execute("SELECT id FROM card ORDER BY position")]
    with db:
        for i in range(reviews):
            card = cards[i // per_card]
            db.execute(
                """INSERT INTO review (card_id, time, rating, typed_answer, verdict, response_ms, phase_before,
                   state_before, state_after, scheduler_config_id) VALUES (?, ?, ?, ?, 'wrong', 1000, ?, ?, ?, ?)""",
                (card, template[4] - 86400 * 400 + i * 3600, 1 + i % 4, f"answer {i}", *template[:4]))
        db.execute("UPDATE card SET reps = (SELECT COUNT(*) FROM review WHERE card_id = card.id)")
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
    original = db.execute("SELECT id, card_id, time, rating, typed_answer FROM review ORDER BY id").fetchall()
    card_ids = [row[0] for row in db.execute("SELECT id FROM card")]
    db.close()
    review_leaves, card_leaves = leaf_pages(store, "review"), leaf_pages(store, "card")
    middle = len(review_leaves) // 2
    garble(store, review_leaves[middle:middle + 2] + [card_leaves[len(card_leaves) // 2]])

    # What a point lookup can still read is what the log still holds.
    reviews_left = readable(store, "SELECT card_id, time, rating, typed_answer FROM review WHERE id = ?",
                            [row[0] for row in original])
    cards_left = readable(store, "SELECT reps FROM card WHERE id = ?", card_ids)
    assert 0 < len(reviews_left) < len(original) and len(cards_left) < len(card_ids)
    reviewed = {row[0] for row in reviews_left.values()}
    expected_reset = sorted(c for c, (reps,) in cards_left.items() if reps > 0 and c not in reviewed)
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
    assert oct(os.stat(backup).st_mode & 0o777) == "0o600"
    db = sqlite3.connect(store)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rebuilt = db.execute("SELECT card_id, time, rating, typed_answer FROM review ORDER BY id").fetchall()
    db.close()
    assert rebuilt == [reviews_left[row[0]] for row in original if row[0] in reviews_left]

    again = run("study", "--workspace", str(root), "--learner", "ada", "--new", "1", stdin=":quit\n")
    assert again.returncode == 0, again.stderr
    healthy = run("doctor", "--store", store)
    assert healthy.returncode == 0 and b"Integrity: ok.\n" in healthy.stdout and b"Nothing to repair." in healthy.stdout
