"""End-to-end: compiled decks (Progress/.cache/decks) with the real binary — several processes compiling the same
deck at once leave one good copy, and a damaged copy is rebuilt, never trusted. (Deck edits after compiling:
Tests/StudyTests/CompiledMaterialTests.swift.)"""
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, NO_COLOR="1", TERM="dumb")


def workspace(tmp_path):
    root = tmp_path / "w"
    (root / "Progress").mkdir(parents=True)
    shutil.copytree(ROOT / "Decks", root / "Decks")
    return root


def cache_files(root):
    folder = root / "Progress" / ".cache" / "decks"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def cards_json(deck):
    result = subprocess.run([ANNALS, "cards", str(deck), "--json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def built_without_cache(tmp_path):
    """The cards as built straight from the deck (a copy outside any workspace, so no cache is used)."""
    alone = tmp_path / "alone"
    shutil.copytree(ROOT / "Decks", alone)
    return cards_json(alone / "kalbajar.yaml")


def test_processes_compiling_at_once_end_with_one_good_copy(tmp_path):
    expected = built_without_cache(tmp_path)
    for attempt in range(3):
        root = workspace(tmp_path / f"try{attempt}")
        deck = root / "Decks" / "kalbajar.yaml"
        runs = [subprocess.Popen([ANNALS, "cards", str(deck), "--json"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(4)]
        outputs = [run.communicate(timeout=120) for run in runs]
        for run, (out, err) in zip(runs, outputs):
            assert run.returncode == 0, err
            assert [json.loads(line) for line in out.splitlines()] == expected
        files = cache_files(root)
        assert len(files) == 1 and files[0].startswith("kalbajar-") and files[0].endswith(".cards.sqlite"), files
        path = root / "Progress" / ".cache" / "decks" / files[0]
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("SELECT count(*) FROM card").fetchone()[0] == len(expected)
            assert db.execute("SELECT card_count FROM info").fetchone()[0] == len(expected)
        # The copy is reused as it is: the next run does not replace it.
        before = path.stat().st_ino
        assert cards_json(deck) == expected
        assert path.stat().st_ino == before


def test_a_damaged_copy_is_rebuilt_never_trusted(tmp_path):
    root = workspace(tmp_path)
    deck = root / "Decks" / "kalbajar.yaml"
    expected = cards_json(deck)
    [name] = cache_files(root)
    path = root / "Progress" / ".cache" / "decks" / name
    # Change one card's text behind the checksum's back, as bit rot would.
    with sqlite3.connect(path) as db:
        db.execute("UPDATE card SET body = replace(body, 'Kalbajar', 'Kelbajar') WHERE position = 3")
    assert cards_json(deck) == expected
    # And garbage over the whole file.
    path.write_bytes(b"not a database" * 1000)
    assert cards_json(deck) == expected
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
