"""Shared helpers for the study and quiz end-to-end tests: a throwaway workspace and store queries."""
import os
import shutil
import sqlite3
import tempfile

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
# A run outside any workspace uses the personal one in $XDG_DATA_HOME/annals: never the developer's own.
PERSONAL = tempfile.mkdtemp(prefix="annals-e2e-data-")


def workspace(tmp_path, deck="mini"):
    """A workspace folder (Decks/, Progress/) holding one fixture deck; returns (root, deck path)."""
    root = tmp_path / "ws"
    (root / "Decks").mkdir(parents=True)
    (root / "Progress").mkdir()
    path = root / "Decks" / f"{deck}.yaml"
    shutil.copy(os.path.join(FIXTURES, f"{deck}.yaml"), path)
    return root, str(path)


def reviews(root, learner, include_undone=False):
    """(card_id, rating, typed_answer, undone) per review, oldest first."""
    db = sqlite3.connect(os.path.join(root, "Progress", f"{learner}.sqlite"))
    try:
        sql = "SELECT card_id, rating, typed_answer, undone FROM review"
        if not include_undone:
            sql += " WHERE undone = 0"
        return db.execute(sql + " ORDER BY id").fetchall()
    finally:
        db.close()


def env(**extra):
    """The test environment: no colour unless asked, a plain xterm, UTC, and not the developer's ~/.editrc."""
    base = dict(os.environ)
    base.update({"NO_COLOR": "1", "TERM": "xterm", "TZ": "UTC", "COLUMNS": "100", "EDITRC": os.devnull,
                 "XDG_DATA_HOME": PERSONAL})
    base.pop("ANNALS_LEARNER", None)
    base.update(extra)
    return base
