"""A new learner's first session on the Kalbajar deck, through a real pseudo-terminal (pexpect): heart-first and
interleaved, as issue 14 asks (at least 5 kinds, no run of more than 3 of one kind, at most 5 date questions, no two
siblings in a row, and the battle before the 1988 background)."""
import os
import shutil
import sqlite3

import pexpect

from studyhelpers import ANNALS, env

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPT = "\r\n> "
GRADE = r"grade \[\w+\]> "


def first_session(tmp_path, count=20):
    root = tmp_path / "ws"
    shutil.copytree(os.path.join(REPO, "Decks"), root / "Decks")
    (root / "Progress").mkdir()
    child = pexpect.spawn(
        ANNALS, ["study", str(root / "Decks" / "kalbajar.yaml"), "--workspace", str(root), "--learner", "new",
                 "--new", str(count)],
        env=env(), encoding="utf-8", timeout=30, dimensions=(40, 100))
    child.expect(r"0 learning, 0 due, (\d+) new")
    assert int(child.match.group(1)) == count
    screens = []
    for _ in range(count):
        child.expect(PROMPT)
        screens.append(child.before)
        child.send("x\r")  # a wrong answer: Again, so every card shown is a review in the store
        child.expect(GRADE)
        child.send("\r")
    child.expect("Session over: 20 cards reviewed")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    db = sqlite3.connect(root / "Progress" / "new.sqlite")
    try:
        rows = db.execute(
            "SELECT r.card_id, c.kind, c.sibling_group, c.era FROM review r JOIN card c ON c.id = r.card_id"
            " ORDER BY r.id").fetchall()
    finally:
        db.close()
    return rows, screens


def is_date(card_id, kind):
    return kind in ("date", "event") or (kind == "choice" and card_id.endswith("/date"))


def test_first_session_is_heart_first_and_interleaved(tmp_path):
    rows, screens = first_session(tmp_path)
    assert len(rows) == 20
    kinds = [kind for _, kind, _, _ in rows]
    assert len(set(kinds)) >= 5, kinds
    run = 1
    for a, b in zip(rows, rows[1:]):
        run = run + 1 if a[1] == b[1] else 1
        assert run <= 3, kinds
        assert a[2] != b[2], f"siblings in a row: {a[0]}, {b[0]}"
    assert sum(is_date(card_id, kind) for card_id, kind, _, _ in rows) <= 5, kinds
    # Opens with the battle itself, and nothing of the background comes before the battle's core.
    assert rows[0][0].startswith("kalbajar/battle-of-kalbajar/"), rows[0]
    assert "Kalbajar" in screens[0]
    assert all(era != "background" for _, _, _, era in rows), [r[0] for r in rows]
    assert not any("1988" in screen for screen in screens[:1])
