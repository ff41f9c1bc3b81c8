"""libedit reads the learner's editrc (`$EDITRC`, else `~/.editrc`) as other libedit programs do, through a real pty.

A key bound in the editrc to a macro (`bind -s`) types its text into the answer prompt; the store then holds that
text as the typed answer, which only happens when the file was read. A broken editrc never stops a session.
"""
import os

import pexpect

from studyhelpers import ANNALS, env, reviews, workspace

PROMPT = "\r\n> "
GRADE = r"grade \[\w+\]> "
CTRL_X = "\x18"


def session(root, deck, learner, **environment):
    return pexpect.spawn(
        ANNALS, ["study", deck, "--workspace", str(root), "--learner", learner],
        env=env(**environment), encoding="utf-8", timeout=15, dimensions=(40, 100))


def answer_with_ctrl_x(child):
    """Presses Ctrl-X then Enter on the first card, accepts the grade, and ends the session."""
    child.expect(PROMPT)
    child.send(CTRL_X)
    child.send("\r")
    child.expect(GRADE)
    child.send("\r")
    child.expect(PROMPT)
    child.send("\x04")
    child.expect("Session over")
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def typed(root, learner):
    return [row[2] for row in reviews(root, learner)]


def test_a_macro_bound_in_editrc_types_into_the_prompt(tmp_path):
    root, deck = workspace(tmp_path)
    editrc = tmp_path / "editrc"
    # A line for another program is ignored; `annals:` lines and unprefixed ones apply.
    editrc.write_text("# my bindings\npython:bind -s ^X wrongprogram\nbind -s ^X xyzzy\nannals:bind -s ^Y plugh\n")
    assert answer_with_ctrl_x(session(root, deck, "ada", EDITRC=str(editrc))) == 0
    assert typed(root, "ada") == ["xyzzy"]


def test_home_editrc_is_read_when_editrc_is_unset(tmp_path):
    root, deck = workspace(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".editrc").write_text("annals:bind -s ^X frobozz\n")
    assert answer_with_ctrl_x(session(root, deck, "bo", EDITRC="", HOME=str(home))) == 0
    assert typed(root, "bo") == ["frobozz"]


def test_without_an_editrc_ctrl_x_types_nothing(tmp_path):
    """The control for the two tests above: the macro text comes from the file, not from Annals."""
    root, deck = workspace(tmp_path)
    home = tmp_path / "empty-home"
    home.mkdir()
    child = session(root, deck, "cy", EDITRC="", HOME=str(home))
    child.expect(PROMPT)
    child.send(CTRL_X)  # Emacs mode's prefix key: Ctrl-X then Enter is no binding, so libedit rings the bell
    child.send("\r")
    child.expect("\x07")
    child.send("none\r")
    child.expect(GRADE)
    child.send("\r")
    child.expect(PROMPT)
    child.send("\x04")
    child.expect(pexpect.EOF)
    child.close()
    assert typed(root, "cy") == ["none"]


def test_a_broken_editrc_never_stops_the_session(tmp_path):
    root, deck = workspace(tmp_path)
    editrc = tmp_path / "broken"
    # libedit reports a bad binding or capability and goes on; at a line that is no command at all (garbage, an
    # unterminated quote, an unknown word) it stops reading the file. Either way the session runs.
    editrc.write_bytes(
        b"bind ^X no-such-function\nbind -s ^X xyzzy\nsettc nonsense 12\nhistory size -5\n"
        b"\x00\x01\xff\xfe garbage\n'unterminated\n" + b"x" * 5000 + b"\nbind -s ^X never\n")
    child = session(root, deck, "di", EDITRC=str(editrc))
    child.expect("no-such-function")  # libedit names the bad line
    child.expect(PROMPT)
    child.send("half")
    child.expect("half")
    child.send("\x03")  # Annals' own Ctrl-C binding still clears the line
    child.expect(PROMPT)
    child.send("1901-01-01\r")
    child.expect(GRADE)
    child.send("\r")
    # The good line between the bad ones applies; the one after the garbage is never reached.
    child.expect(PROMPT)
    child.send(CTRL_X + "\r")
    child.expect(GRADE)
    child.send("\r")
    child.expect(PROMPT)
    child.send("\x04")
    child.expect("Session over: 2 cards reviewed")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert typed(root, "di") == ["1901-01-01", "xyzzy"]


def test_an_editrc_that_is_a_fifo_is_skipped_not_waited_on(tmp_path):
    root, deck = workspace(tmp_path)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    child = session(root, deck, "ed", EDITRC=str(fifo))
    child.expect(PROMPT, timeout=10)
    child.send("\x04")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
