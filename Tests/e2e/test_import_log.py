"""`annals fsrs import-log LOG.csv --deck ID` on the real binary: the reviews land on the deck's cards and study goes on."""
import os
import sqlite3
import subprocess

from studyhelpers import ANNALS, env, reviews, workspace


def run(*args, stdin=None):
    return subprocess.run([ANNALS, *args], input=stdin.encode() if stdin is not None else None,
                          capture_output=True, env=env(), timeout=120)


def write_log(tmp_path, rows):
    log = tmp_path / "log.csv"
    log.write_text("card_id,review_time,review_rating,review_duration\n"
                   + "".join(f"{card},{time},{rating},4000\n" for card, time, rating in rows))
    return str(log)


def test_import_log_into_a_deck_then_study_goes_on(tmp_path):
    root, deck = workspace(tmp_path)
    log = write_log(tmp_path, [
        ("mini/first-event/date", "2026-01-10T10:00:00Z", 3),
        ("mini/second-event/date", "2026-01-10T10:01:00Z", 1),
        ("mini/first-event/date", "2026-01-13T10:00:00Z", 3),
        ("mini/second-event/date", "2026-01-10T10:12:00Z", 3),
    ])
    result = run("fsrs", "import-log", log, "--deck", "mini", "--workspace", str(root), "--learner", "ada")
    assert result.returncode == 0, result.stderr
    assert b"Imported 4 reviews of 2 cards into deck mini." in result.stdout
    # In time order, on the deck's own cards.
    assert [(card, rating) for card, rating, _, _ in reviews(root, "ada")] == [
        ("mini/first-event/date", 3), ("mini/second-event/date", 1), ("mini/second-event/date", 3),
        ("mini/first-event/date", 3)]
    db = sqlite3.connect(os.path.join(root, "Progress", "ada.sqlite"))
    decks = {row[0] for row in db.execute("SELECT deck_id FROM card")}
    reps = dict(db.execute("SELECT id, reps FROM card WHERE reps > 0").fetchall())
    db.close()
    assert decks == {"mini"} and reps == {"mini/first-event/date": 2, "mini/second-event/date": 2}

    # A study session on the same store works and records on top of the imported history.
    session = run("study", deck, "--workspace", str(root), "--learner", "ada", stdin="1903-03-03\n\n:quit\n")
    assert session.returncode == 0, session.stderr
    assert b"already belongs" not in session.stderr
    assert b"Session over: 1 card reviewed" in session.stdout
    assert len(reviews(root, "ada")) == 5


def test_a_review_of_a_card_the_deck_lacks_names_its_line_and_imports_nothing(tmp_path):
    root, _ = workspace(tmp_path)
    log = write_log(tmp_path, [
        ("mini/first-event/date", "2026-01-10T10:00:00Z", 3),
        ("mini/no-such-item/date", "2026-01-10T10:01:00Z", 1),
    ])
    result = run("fsrs", "import-log", log, "--deck", "mini", "--workspace", str(root), "--learner", "ada")
    assert result.returncode == 1
    assert f"{log}:3: deck 'mini' has no card 'mini/no-such-item/date'".encode() in result.stderr
    assert b"nothing was imported" in result.stderr
    assert reviews(root, "ada") == []


def test_a_log_imported_without_a_deck_is_taken_over_when_its_deck_is_studied(tmp_path):
    root, deck = workspace(tmp_path)
    log = write_log(tmp_path, [("mini/first-event/date", "2026-01-10T10:00:00Z", 3)])
    result = run("fsrs", "import-log", log, "--workspace", str(root), "--learner", "ada")
    assert result.returncode == 0, result.stderr
    session = run("study", deck, "--workspace", str(root), "--learner", "ada", stdin=":quit\n")
    assert session.returncode == 0, session.stderr
    db = sqlite3.connect(os.path.join(root, "Progress", "ada.sqlite"))
    owner = db.execute("SELECT deck_id, reps FROM card WHERE id = 'mini/first-event/date'").fetchone()
    db.close()
    assert owner == ("mini", 1)
