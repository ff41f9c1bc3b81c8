"""End-to-end: `annals draft` (and `--review` in a real pty), then `annals lint` and `annals diff` on the result."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pexpect

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "Decks/sources/battle-of-kalbajar.txt"


def annals(*args, cwd=None):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def setup(tmp_path):
    (tmp_path / "Decks/sources").mkdir(parents=True)
    shutil.copy(ARTICLE, tmp_path / "Decks/sources/battle-of-kalbajar.txt")
    return tmp_path


def test_draft_writes_a_deck_that_lints_clean(tmp_path):
    root = setup(tmp_path)
    result = annals("draft", "Decks/sources/battle-of-kalbajar.txt", cwd=root)
    assert result.returncode == 0, result.stderr
    deck = root / "Decks/battle-of-kalbajar.yaml"
    assert deck.exists()
    assert re.search(r"wrote Decks/battle-of-kalbajar.yaml: \d+ events, \d+ facts, \d+ people", result.stdout)
    assert "lint: 0 errors, 0 warnings in 1 deck" in result.stdout
    text = deck.read_text()
    assert "file: sources/battle-of-kalbajar.txt" in text
    assert "# check: the year 1993 is inferred from an earlier sentence" in text
    assert "date: summer 1992" in text and "date: late 1980s" in text
    lint = annals("lint", "Decks/battle-of-kalbajar.yaml", cwd=root)
    assert lint.returncode == 0 and lint.stdout.strip() == "0 errors, 0 warnings in 1 deck"
    # The draft's cards are real cards: `annals cards` lists them.
    cards = annals("cards", "Decks/battle-of-kalbajar.yaml", cwd=root)
    assert cards.returncode == 0, cards.stderr
    assert "battle-of-kalbajar/the-provincial-capital-fell/date" in cards.stdout


def test_draft_refuses_to_overwrite_and_names_bad_input(tmp_path):
    root = setup(tmp_path)
    assert annals("draft", "Decks/sources/battle-of-kalbajar.txt", "-o", "Decks/k.yaml", cwd=root).returncode == 0
    again = annals("draft", "Decks/sources/battle-of-kalbajar.txt", "-o", "Decks/k.yaml", cwd=root)
    assert again.returncode != 0
    assert "Decks/k.yaml exists" in again.stderr and "--force" in again.stderr
    missing = annals("draft", "nowhere.txt", cwd=root)
    assert missing.returncode != 0 and "nowhere.txt: cannot read the source text" in missing.stderr
    (root / "binary.txt").write_bytes(b"\xff\xfe\x00bad")
    binary = annals("draft", "binary.txt", cwd=root)
    assert binary.returncode != 0 and "binary.txt: not UTF-8 text" in binary.stderr
    bad_id = annals("draft", "Decks/sources/battle-of-kalbajar.txt", "--id", "Bad_Id", cwd=root)
    assert bad_id.returncode != 0 and "--id 'Bad_Id' is not a deck id" in bad_id.stderr


def test_diff_shows_added_retired_and_reworded_cards(tmp_path):
    root = setup(tmp_path)
    assert annals("draft", "Decks/sources/battle-of-kalbajar.txt", "-o", "Decks/old.yaml", cwd=root).returncode == 0
    old = (root / "Decks/old.yaml").read_text()
    new = old.replace("title: the provincial capital fell", "title: the fall of the provincial capital", 1)
    # Pruning: the first fact goes.
    start = new.index("facts:\n- id: ") + len("facts:\n")
    end = new.index("\n- id: ", start + 1) + 1
    removed = new[start:end]
    new = new[:start] + new[end:]
    (root / "Decks/new.yaml").write_text(new)
    same = annals("diff", "Decks/old.yaml", "Decks/old.yaml", cwd=root)
    assert same.returncode == 0 and re.fullmatch(r"0 added, 0 retired, 0 reworded, \d+ unchanged\n", same.stdout)
    result = annals("diff", "Decks/old.yaml", "Decks/new.yaml", cwd=root)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    fact_id = re.search(r"- id: (\S+)", removed).group(1)
    assert any(line.startswith(f"- battle-of-kalbajar/{fact_id}/cloze  Fill in the blank:") for line in lines), lines
    reworded = [line for line in lines if line.startswith("~ battle-of-kalbajar/the-provincial-capital-fell/")]
    assert reworded, lines
    assert re.match(r"\d+ added, [1-9]\d* retired, [1-9]\d* reworded, \d+ unchanged$", lines[-1])
    broken = annals("diff", "Decks/old.yaml", "Decks/none.yaml", cwd=root)
    assert broken.returncode != 0 and "Decks/none.yaml" in broken.stderr and "annals lint" in broken.stderr


def test_review_in_a_terminal(tmp_path):
    root = setup(tmp_path)
    child = pexpect.spawn(
        ANNALS, ["draft", "--review", "Decks/sources/battle-of-kalbajar.txt", "-o", "Decks/reviewed.yaml"],
        cwd=str(root), encoding="utf-8", timeout=20, dimensions=(40, 160),
        env={**os.environ, "TERM": "xterm", "HOME": str(root)})
    child.expect(r"Reviewing \d+ proposals")
    child.expect(r"\[1/\d+\] person: Surat Huseynov")
    child.expect("review> ")
    child.sendline("r Suret Huseynov")  # a typo, fixed with the history below
    child.expect("renamed")
    child.expect("review> ")
    # Up brings the last line back from libedit's history; it is edited and entered again.
    child.send("\x1b[A")
    child.send("\x08" * len("Suret Huseynov") + "Surat Huseyn0v\r")
    child.expect("renamed")
    child.expect("review> ")
    child.sendline("")  # accept
    child.expect(r"\[2/\d+\] person: Gurgen Dalibaltyan")
    child.expect("review> ")
    child.sendline("s")  # skip
    child.expect("skipped")
    child.expect("review> ")
    child.send("half-typed")
    child.send("\x03")  # Ctrl-C clears the line, does not quit
    child.expect("review> ")
    child.sendline("done")
    child.expect("keeping the remaining")
    child.expect("lint: 0 errors, 0 warnings in 1 deck")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    deck = (root / "Decks/reviewed.yaml").read_text()
    assert "name: Surat Huseyn0v" in deck
    assert "name: Gurgen Dalibaltyan" not in deck


def test_review_ctrl_c_twice_writes_nothing(tmp_path):
    root = setup(tmp_path)
    child = pexpect.spawn(
        ANNALS, ["draft", "--review", "Decks/sources/battle-of-kalbajar.txt", "-o", "Decks/never.yaml"],
        cwd=str(root), encoding="utf-8", timeout=20, env={**os.environ, "TERM": "xterm", "HOME": str(root)})
    child.expect("review> ")
    child.send("\x03")
    child.expect("Ctrl-C again quits without writing")
    child.expect("review> ")
    child.send("\x03")
    child.expect("nothing written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert not (root / "Decks/never.yaml").exists()

