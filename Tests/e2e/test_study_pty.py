"""`annals study` through a real pseudo-terminal (pexpect): libedit editing, history, completion, signals.

Afterwards the learner's SQLite store must hold exactly the reviews that were answered.
"""
import os
import signal
import time

import pexpect
import pytest

from studyhelpers import ANNALS, env, reviews, workspace

UP = "\x1b[A"
# The answer prompt starts a line; matching the newline too keeps "grade [good]> " from passing for it, so a key is
# never sent before libedit is reading (a Ctrl-D typed between two reads is lost by the terminal, like any type-ahead
# EOF).
PROMPT = "\r\n> "
GRADE = r"grade \[\w+\]> "


def spawn(root, deck, learner, *extra, **environment):
    child = pexpect.spawn(
        ANNALS, ["study", deck, "--workspace", str(root), "--learner", learner, *extra],
        env=env(**environment), encoding="utf-8", timeout=15, dimensions=(40, 100))
    return child


def finish(child):
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_a_full_session_records_exactly_the_answered_reviews(tmp_path):
    root, deck = workspace(tmp_path)
    child = spawn(root, deck, "ada")
    child.expect("0 learning, 0 due, 4 new")
    # Card 1 (January 1, 1901): right; the proposal depends on speed, so grade Good explicitly.
    child.expect("On what date did the first event happen")
    child.expect(PROMPT)
    child.send("1901-01-01\r")
    child.expect(r"grade \[(good|easy)\]> ")
    child.send("3\r")
    # Card 2: the Up arrow recalls the last line; Enter submits it (wrong), graded again.
    child.expect("On what date did the second event happen")
    child.expect(PROMPT)
    child.send(UP)
    child.expect("1901-01-01")
    child.send("\r")
    child.expect("expected: February 2, 1902")
    child.expect(r"grade \[again\]> ")
    child.send("\r")
    # Card 3: :undo takes card 2's answer back; card 2 returns and is answered right, graded Easy with "4".
    child.expect("On what date did the third event happen")
    child.expect(PROMPT)
    child.send(":undo\r")
    child.expect("Undone")
    child.expect("On what date did the second event happen")
    child.expect(PROMPT)
    child.send("1902-02-02\r")
    child.expect(GRADE)
    child.send("4\r")
    # Card 3 again: Tab completes ":he" to ":help"; Ctrl-C throws away a half-typed line.
    child.expect("On what date did the third event happen")
    child.expect(PROMPT)
    child.send(":he\t")
    child.expect("lp")
    child.send("\r")
    child.expect("Ctrl-C clears the line")
    child.expect(PROMPT)
    child.send("oops")
    child.expect("oops")
    child.send("\x03")
    child.expect(r"\^C")
    child.expect(PROMPT)
    child.send("1903-03-03\r")
    child.expect("Right")
    child.expect(GRADE)
    child.send("good\r")
    # Card 4 (a name): a hint first, so the proposed grade drops to hard.
    child.expect("Who was the author of the first published program")
    child.expect(PROMPT)
    child.send(":hint\r")
    child.expect("Hint: It starts with")
    child.expect(PROMPT)
    child.send("Ada Lovelace\r")
    child.expect(r"grade \[hard\]> ")
    child.send("\r")
    child.expect("Session over: 4 cards reviewed, 100% right")
    assert finish(child) == 0

    assert reviews(root, "ada") == [
        ("mini/first-event/date", 3, "1901-01-01", 0),
        ("mini/second-event/date", 4, "1902-02-02", 0),
        ("mini/third-event/date", 3, "1903-03-03", 0),
        ("mini/ada-lovelace/name", 2, "Ada Lovelace", 0),
    ]
    undone = [row for row in reviews(root, "ada", include_undone=True) if row[3] == 1]
    assert undone == [("mini/second-event/date", 1, "1901-01-01", 1)]
    history = open(os.path.join(root, "Progress", "ada.history"), encoding="utf-8").read()
    assert "1903-03-03" in history and "oops" not in history


def test_history_is_kept_per_learner_across_sessions(tmp_path):
    root, deck = workspace(tmp_path)
    child = spawn(root, deck, "bo")
    child.expect(PROMPT)
    child.send("1901-01-01\r")
    child.expect(GRADE)
    child.send("\r")
    child.expect(PROMPT)
    child.send("\x04")
    assert finish(child) == 0
    # A second session: Up recalls the answer typed in the first.
    child = spawn(root, deck, "bo")
    child.expect("On what date did the second event happen")
    child.expect(PROMPT)
    child.send(UP)
    child.expect("1901-01-01")
    child.send("\x03")
    child.expect(PROMPT)
    child.send("\x04")
    assert finish(child) == 0
    # Another learner has no history of their own.
    assert not os.path.exists(os.path.join(root, "Progress", "cy.history"))


def test_ctrl_c_twice_on_an_empty_line_ends_with_answers_saved(tmp_path):
    root, deck = workspace(tmp_path)
    child = spawn(root, deck, "ada")
    child.expect(PROMPT)
    child.send("1901-01-01\r")
    child.expect(GRADE)
    child.send("\r")
    child.expect(PROMPT)
    child.send("half")
    child.expect("half")
    child.send("\x03")  # clears the line only
    child.expect(PROMPT)
    child.send("\x03")  # empty line: a warning
    child.expect("Ctrl-C again")
    child.expect(PROMPT)
    child.send("\x03")  # second in a row on an empty line: the end
    child.expect("Session over: 1 card reviewed, 100% right")
    assert finish(child) == 0
    assert [r[0] for r in reviews(root, "ada")] == ["mini/first-event/date"]


def test_ctrl_d_ends_the_session_cleanly(tmp_path):
    root, deck = workspace(tmp_path)
    child = spawn(root, deck, "ada")
    child.expect(PROMPT)
    child.send("1950\r")
    child.expect(GRADE)
    child.send("1\r")
    child.expect(PROMPT)
    child.send("\x04")
    child.expect("Session over: 1 card reviewed, 0% right")
    child.expect("Next: ")
    assert finish(child) == 0
    assert reviews(root, "ada") == [("mini/first-event/date", 1, "1950", 0)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_end_the_session_with_answers_saved(tmp_path, signum):
    root, deck = workspace(tmp_path)
    child = spawn(root, deck, "ada")
    child.expect(PROMPT)
    child.send("1901-01-01\r")
    child.expect(GRADE)
    child.send("good\r")
    child.expect(PROMPT)
    child.send("190")
    child.expect("190")
    time.sleep(0.2)
    child.kill(signum)
    child.expect("Session over: 1 card reviewed")
    assert finish(child) == 0
    assert reviews(root, "ada") == [("mini/first-event/date", 3, "1901-01-01", 0)]


def test_tab_completes_names_only_with_complete_names(tmp_path):
    root, deck = workspace(tmp_path)
    for learner, flag in [("plain", []), ("names", ["--complete-names"])]:
        child = spawn(root, deck, learner, *flag)
        child.expect(PROMPT)
        child.send(":skip\r")
        child.expect(PROMPT)
        child.send(":skip\r")
        child.expect(PROMPT)
        child.send(":skip\r")
        child.expect("Who was the author")
        child.expect(PROMPT)
        child.send("Ada Lo\t\r")
        child.expect(GRADE)
        line = child.before
        child.send("\x04")
        finish(child)
        expected_outcome = "Right" if flag else "Not quite"
        assert expected_outcome in line, line
    assert [r[2] for r in reviews(root, "plain")] == ["Ada Lo"]
    assert [r[2] for r in reviews(root, "names")] == ["Ada Lovelace"]


def test_hostile_deck_never_writes_a_raw_escape_byte(tmp_path):
    root, deck = workspace(tmp_path, "hostile")
    child = pexpect.spawn(
        ANNALS, ["study", deck, "--workspace", str(root), "--learner", "h"],
        env=env(NO_COLOR="1"), encoding=None, timeout=15, dimensions=(40, 100))
    transcript = bytearray()

    def expect(pattern):
        child.expect(pattern)
        transcript.extend(child.before + child.after)

    expect(b"\r\n> ")
    child.send("x\r")
    expect(rb"grade \[\w+\]> ")
    child.send("\r")
    expect(b"\r\n> ")
    child.send(":source\r")
    expect(b"Source: ")
    expect(b"\r\n> ")
    child.send(":hint\r")
    expect(b"\r\n> ")
    child.send("y\r")
    expect(rb"grade \[\w+\]> ")
    child.send("\r")
    expect(b"\r\n> ")
    child.send(":skip\r")
    child.expect(pexpect.EOF)
    transcript.extend(child.before)
    child.close()
    # NO_COLOR is set, so ANY escape byte would come from the deck (or from libedit; plain typing needs none).
    assert b"\x1b" not in transcript
    assert b"\x07" not in transcript and b"\xc2\x9b" not in transcript and b"\xe2\x80\xae" not in transcript
    assert b"^[[5mblinking^[[0m" in transcript and b"<U+202E>evil" in transcript  # the question is the summary's
    assert len(reviews(root, "h")) == 2


def test_colour_is_used_on_a_terminal_unless_no_color_or_dumb(tmp_path):
    root, deck = workspace(tmp_path)
    outputs = {}
    for name, environment in [("colour", {"NO_COLOR": ""}), ("dumb", {"NO_COLOR": "", "TERM": "dumb"})]:
        child = spawn(root, deck, "c-" + name, **environment)
        child.expect(PROMPT)
        outputs[name] = child.before
        child.send("\x04")
        finish(child)
    assert "\x1b[" in outputs["colour"]
    assert "\x1b" not in outputs["dumb"]


def test_piped_answers_with_a_terminal_for_output_write_no_escapes(tmp_path):
    root, deck = workspace(tmp_path)
    answers = tmp_path / "answers.txt"
    answers.write_text("1901-01-01\ngood\n:quit\n")
    command = f"'{ANNALS}' study '{deck}' --workspace '{root}' --learner piped < '{answers}'"
    child = pexpect.spawn("/bin/sh", ["-c", command], env=env(NO_COLOR=""), encoding="utf-8", timeout=15)
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0
    assert "Session over: 1 card reviewed" in output
    assert "\x1b" not in output  # stdout is a terminal, but stdin is a file: plain reading, no colour
    assert reviews(root, "piped") == [("mini/first-event/date", 3, "1901-01-01", 0)]
