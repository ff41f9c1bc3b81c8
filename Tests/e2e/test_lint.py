"""End-to-end: `annals lint` and `annals init` run as the built binary."""
import json
import os
import re
import subprocess
from pathlib import Path

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "Tests/EventDeckTests/Fixtures/rules"
DIAGNOSTIC = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<message>.+)$")


def annals(*args, cwd=None):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_bad_deck_prints_located_errors_with_hints_and_fails():
    deck = str(RULES / "undefined-reference.yaml")
    result = annals("lint", deck)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    located = [DIAGNOSTIC.match(line) for line in lines if not line.startswith("  hint: ")]
    assert all(located), result.stderr
    assert [(m["file"], m["line"], m["column"], m["severity"]) for m in located][:2] == [
        (deck, "13", "13", "error"),
        (deck, "18", "14", "error"),
    ]
    assert located[1]["message"] == "unknown place 'kalbajar-twon' in `places:`"
    # Every diagnostic line is followed by its hint.
    assert lines[lines.index(located[1].group(0)) + 1] == "  hint: did you mean 'kalbajar-town'?"
    assert result.stdout.strip() == "5 errors, 0 warnings in 1 deck"


def test_warnings_alone_exit_zero():
    result = annals("lint", str(RULES / "no-source.yaml"))
    assert result.returncode == 0
    assert result.stdout.strip() == "0 errors, 2 warnings in 1 deck"
    assert ": warning: person 'a' has no source sentence" in result.stderr


def test_several_decks_are_counted_together():
    result = annals("lint", str(RULES / "cards.yaml"), str(RULES / "fact-term.yaml"))
    assert result.returncode == 1
    assert result.stdout.strip() == "6 errors, 0 warnings in 2 decks"


def test_json_output():
    result = annals("lint", "--json", str(RULES / "invalid-id.yaml"))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 1
    diagnostic = report["decks"][0]["diagnostics"][0]
    assert diagnostic["location"]["line"] == 8 and diagnostic["location"]["column"] == 9
    assert diagnostic["message"] == "invalid id 'Monte_Melkonian'"


def test_deck_text_never_reaches_the_terminal_raw(tmp_path):
    deck = tmp_path / "escape.yaml"
    deck.write_text('deck: {id: d, title: D}\nplaces:\n  - {id: a, name: A, within: "x\\e[2Jy"}\n')
    result = annals("lint", str(deck))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    assert "x^[[2Jy" in result.stderr


def test_billion_laughs_is_refused_quickly():
    result = annals("lint", str(RULES / "laughs.yaml"))
    assert result.returncode == 1
    assert ":5:45: error: YAML aliases here expand to more than 100000 nodes" in result.stderr


def test_init_makes_a_workspace_whose_sample_lints_clean(tmp_path):
    result = annals("init", "ws", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ws/Decks/apollo-11.yaml").is_file()
    assert (tmp_path / "ws/Progress").is_dir()
    # lint with no deck named checks every deck of the workspace found from a folder inside it
    result = annals("lint", cwd=tmp_path / "ws/Decks/sources")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 errors, 0 warnings in 1 deck"
    again = annals("init", "ws", cwd=tmp_path)
    assert again.returncode != 0
    assert "already an Annals workspace" in again.stderr


def test_outside_any_workspace_lint_checks_the_personal_workspace(tmp_path):
    """No workspace here or above: the personal one (made now, said once) has no decks yet, and lint says so."""
    data = tmp_path / "data"
    environment = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(data))
    result = subprocess.run([ANNALS, "lint"], capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=60)
    assert result.returncode != 0
    assert f"annals: made your personal workspace in {data}/annals" in result.stderr
    assert f"no decks in {data}/annals/Decks" in result.stderr
    assert "hint: put a .yaml deck there, or name one" in result.stderr
    # Neither HOME nor XDG_DATA_HOME: no personal workspace, and the error says what to set.
    bare = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_DATA_HOME")}
    result = subprocess.run([ANNALS, "lint"], capture_output=True, text=True, cwd=tmp_path, env=bare, timeout=60)
    assert result.returncode != 0
    assert "no Annals workspace here or above, and no personal one" in result.stderr
    assert "annals init" in result.stderr


def test_invalid_learner_is_refused(tmp_path):
    result = annals("lint", "--learner", "../etc", str(RULES / "no-source.yaml"))
    assert result.returncode != 0
    assert "invalid learner name '../etc'" in result.stderr
