"""A full disk mid-session, through a real pseudo-terminal: the answer is kept, the message is plain, and it is saved
on retry once space is freed; nothing acknowledged is lost.

The test mounts a small tmpfs, so it needs root; otherwise it is skipped with the reason printed.
"""
import os
import shutil
import sqlite3
import subprocess

import pexpect
import pytest

from studyhelpers import ANNALS, FIXTURES, env

PROMPT = "\r\n> "
GRADE = r"grade \[\w+\]> "


def review_rows(store):
    # sqlite3 reads the WAL too, so this is what a reader after a crash would see.
    result = subprocess.run(
        ["sqlite3", store, "SELECT card_id, typed_answer FROM review WHERE undone = 0 ORDER BY id"],
        capture_output=True, text=True, check=True)
    return [tuple(line.split("|")) for line in result.stdout.splitlines()]


def fill(path):
    """Writes zeros to `path` until the file system is full; returns the bytes written."""
    written = 0
    block = b"\0" * 4096
    with open(path, "wb", buffering=0) as filler:
        try:
            while True:
                written += filler.write(block)
        except OSError:
            pass
    return written


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs to fill needs root (run the e2e tests as root to exercise a full disk)")
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_mid_session_keeps_the_answer_and_saves_it_on_retry(small_disk):
    root = small_disk / "ws"
    (root / "Decks").mkdir(parents=True)
    (root / "Progress").mkdir()
    deck = root / "Decks" / "mini.yaml"
    shutil.copy(os.path.join(FIXTURES, "mini.yaml"), deck)
    store = str(root / "Progress" / "ada.sqlite")
    child = pexpect.spawn(
        ANNALS, ["study", str(deck), "--workspace", str(root), "--learner", "ada"],
        env=env(), encoding="utf-8", timeout=20, dimensions=(40, 100))
    child.expect("On what date did the first event happen")
    child.expect(PROMPT)
    child.send("1901-01-01\r")
    child.expect(GRADE)
    child.send("3\r")
    child.expect("On what date did the second event happen")
    child.expect(PROMPT)
    assert review_rows(store) == [("mini/first-event/date", "1901-01-01")]

    filler = small_disk / "filler"
    assert fill(filler) > 0
    child.send("1902-02-02\r")
    child.expect(GRADE)
    child.send("3\r")
    child.expect("The disk is full: your last answer is not saved yet. Free some space and press Enter to try "
                 "again, or :quit.")
    child.expect(r"retry \[Enter\]> ")
    # Still full: Enter tries again and says so again; the first answer is untouched.
    child.send("\r")
    child.expect("The disk is full: your last answer is not saved yet.")
    child.expect(r"retry \[Enter\]> ")
    assert review_rows(store) == [("mini/first-event/date", "1901-01-01")]

    filler.unlink()
    child.send("\r")
    child.expect("On what date did the third event happen")
    assert review_rows(store) == [("mini/first-event/date", "1901-01-01"), ("mini/second-event/date", "1902-02-02")]

    # Full again, and this time the learner quits: the answer is named as not saved, the exit status says so.
    fill(filler)
    child.expect(PROMPT)
    child.send("1903-03-03\r")
    child.expect(GRADE)
    child.send("\r")
    child.expect("The disk is full: your last answer is not saved yet.")
    child.expect(r"retry \[Enter\]> ")
    child.send(":quit\r")
    child.expect("Not saved: your answer “1903-03-03” to “On what date did the third event happen")
    child.expect("Session over: 2 cards reviewed")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    filler.unlink()
    assert review_rows(store) == [("mini/first-event/date", "1901-01-01"), ("mini/second-event/date", "1902-02-02")]
    connection = sqlite3.connect(store)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
