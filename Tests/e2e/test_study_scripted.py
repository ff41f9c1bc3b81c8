"""`annals study` and `annals quiz` with answers piped on stdin: no libedit, no escape codes, same results."""
import json
import os
import sqlite3
import subprocess

from studyhelpers import ANNALS, env, reviews, workspace


def study(root, deck, learner, stdin, *extra, **environment):
    return subprocess.run(
        [ANNALS, "study", deck, "--workspace", str(root), "--learner", learner, *extra],
        input=stdin.encode(), capture_output=True, env=env(**environment), timeout=60)


def test_scripted_session_answers_hint_undo_and_end_of_input(tmp_path):
    root, deck = workspace(tmp_path)
    script = "\n".join([
        "1901-01-01", "good",      # card 1 right (the proposal depends on speed)
        "1700", "",                # card 2 wrong, accept Again
        ":undo",                   # card 2 comes back
        "1902-02-02", "easy",      # now right, Easy
        ":hint", "1903-03-03", "", # card 3 with a hint: Hard
    ]) + "\n"
    result = study(root, deck, "ada", script, NO_COLOR="")  # colour would be allowed, but stdout is a pipe
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert b"\x1b" not in out
    assert b"Hint: The 1900s." in out and b"Undone" in out
    assert b"Session over: 3 cards reviewed, 100% right" in out
    assert reviews(root, "ada") == [
        ("mini/first-event/date", 3, "1901-01-01", 0),
        ("mini/second-event/date", 4, "1902-02-02", 0),
        ("mini/third-event/date", 2, "1903-03-03", 0),
    ]
    assert len(reviews(root, "ada", include_undone=True)) == 4


def test_scripted_quit_and_limits(tmp_path):
    root, deck = workspace(tmp_path)
    result = study(root, deck, "ada", "1901\n\n:quit\n", "--new", "2")
    assert result.returncode == 0, result.stderr
    assert b"0 learning, 0 due, 2 new" in result.stdout
    assert [r[0] for r in reviews(root, "ada")] == ["mini/first-event/date"]


def test_scripted_hostile_deck_output_is_escape_free(tmp_path):
    root, deck = workspace(tmp_path, "hostile")
    result = study(root, deck, "h", "x\n\n:source\n:help\ny\n\n:stats\nz\n\n", TERM="xterm-256color", NO_COLOR="")
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout and b"\xc2\x9b" not in result.stdout
    assert b"^[[5mblinking^[[0m" in result.stdout  # the event's summary, escapes made visible


def test_nothing_due_says_when_and_offers_review_ahead(tmp_path):
    root, deck = workspace(tmp_path)
    answers = "1901-01-01\neasy\n1902-02-02\neasy\n1903-03-03\neasy\nAda Lovelace\neasy\n"
    assert study(root, deck, "ada", answers).returncode == 0
    result = study(root, deck, "ada", "n\n")
    assert result.returncode == 0
    assert b"Nothing is due now. The next card is due in" in result.stdout
    assert b"Review ahead to then? [y/N]" in result.stdout
    ahead = study(root, deck, "ada", "y\n1901-01-01\n\n")
    assert b"On what date did the first event happen" in ahead.stdout
    assert len(reviews(root, "ada")) == 5


def test_a_bad_deck_is_a_clear_error(tmp_path):
    root, _ = workspace(tmp_path)
    bad = root / "Decks" / "bad.yaml"
    bad.write_text("deck:\n  id: Bad Id\n")
    result = study(root, str(bad), "ada", "")
    assert result.returncode != 0
    assert b"bad.yaml:" in result.stderr
    missing = study(root, str(root / "Decks" / "nope.yaml"), "ada", "")
    assert missing.returncode != 0 and b"no deck file" in missing.stderr


def quiz(root, deck, *args, stdin=""):
    return subprocess.run(
        [ANNALS, "quiz", deck, "--workspace", str(root), "--learner", "class", *args],
        input=stdin.encode(), capture_output=True, env=env(), timeout=60)


def test_quiz_is_scored_stored_and_reproducible_by_seed(tmp_path):
    root, deck = workspace(tmp_path)
    first = quiz(root, deck, "-n", "3", "--kind", "typed", "--seed", "s1", "--json", stdin="1901-01-01\n:skip\n")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["total"] == 3 and report["seed"] == "s1"
    assert [q["outcome"] for q in report["questions"]][1:] == ["skipped", "unanswered"]
    assert all("expected" in q for q in report["questions"])
    again = json.loads(quiz(root, deck, "-n", "3", "--kind", "typed", "--seed", "s1", "--json").stdout)
    assert [q["cardID"] for q in again["questions"]] == [q["cardID"] for q in report["questions"]]
    db = sqlite3.connect(os.path.join(root, "Progress", "class.sqlite"))
    stored = db.execute("SELECT score, questions FROM quiz_result ORDER BY rowid").fetchall()
    db.close()
    assert len(stored) == 2
    assert abs(stored[0][0] - report["score"]) < 1e-9
    # A quiz changes no schedule.
    assert reviews(root, "class") == []


def test_quiz_prints_each_question_with_given_and_expected(tmp_path):
    root, deck = workspace(tmp_path)
    result = quiz(root, deck, "-n", "2", "--kind", "choice", "--seed", "c", stdin="1\n2\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Score: " in out and "given: 1; expected: " in out and "given: 2; expected: " in out
    assert "\x1b" not in out


def test_a_closed_output_ends_the_session_with_its_answers_saved(tmp_path):
    """`annals study | head`: once the reader of stdout is gone, the session ends cleanly (no trap on EPIPE), every
    answer given before is saved, and no answer is read for a question nobody saw."""
    root, deck = workspace(tmp_path)
    child = subprocess.Popen(
        [ANNALS, "study", deck, "--workspace", str(root), "--learner", "ada"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    child.stdin.write(b"1901-01-01\ngood\n")
    child.stdin.flush()
    # The first card's feedback, then the second card: the first answer is in by now.
    seen = b""
    while b"Second" not in seen and b"second" not in seen:
        line = child.stdout.readline()
        assert line, seen
        seen += line
    child.stdout.close()
    child.stdin.write(b"1902-02-02\ngood\n" * 50)
    child.stdin.close()
    stderr = child.stderr.read()
    assert child.wait(timeout=60) == 0, stderr
    assert b"Fatal error" not in stderr and b"ending it. Every answer given is saved" in stderr
    saved = reviews(root, "ada")
    assert saved[0] == ("mini/first-event/date", 3, "1901-01-01", 0)
    # At most the answer typed ahead to the card being shown when the pipe closed; never the 50 after it.
    assert len(saved) <= 2
