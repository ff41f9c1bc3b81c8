"""A broken deck never blocks the others: `annals study` names it with its first file:line:column error as a
warning and runs on the rest; only when no deck is usable is it an error."""
import os
import shutil
import subprocess

from studyhelpers import ANNALS, env, reviews

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UNFINISHED = "deck:\n  id: unfinished\n  title: Half written\nevents:\n  - id: x\n    title: [not closed\n"


def kalbajar_workspace(tmp_path):
    root = tmp_path / "ws"
    (root / "Progress").mkdir(parents=True)
    shutil.copytree(os.path.join(REPO, "Decks", "sources"), root / "Decks" / "sources")
    shutil.copy(os.path.join(REPO, "Decks", "kalbajar.yaml"), root / "Decks" / "kalbajar.yaml")
    return root


def study(root, stdin, *decks):
    return subprocess.run(
        [ANNALS, "study", *decks, "--workspace", str(root), "--learner", "ada", "--new", "2"],
        input=stdin.encode(), capture_output=True, env=env(), timeout=60)


def test_a_broken_deck_beside_kalbajar_is_named_and_the_session_runs_on(tmp_path):
    root = kalbajar_workspace(tmp_path)
    broken = root / "Decks" / "unfinished.yaml"
    broken.write_text(UNFINISHED)
    result = study(root, "no idea\n\n:quit\n")
    assert result.returncode == 0, result.stderr
    stderr = result.stderr.decode()
    assert f"{broken}:7:1: warning: deck left out of this session: YAML syntax error" in stderr
    assert f"hint: annals lint {broken} lists every problem" in stderr
    assert b"0 learning, 0 due, 2 new" in result.stdout
    answered = reviews(root, "ada")
    assert len(answered) == 1 and answered[0][0].startswith("kalbajar/")


def test_only_broken_decks_is_an_error_naming_the_place(tmp_path):
    root = kalbajar_workspace(tmp_path)
    os.remove(root / "Decks" / "kalbajar.yaml")
    broken = root / "Decks" / "unfinished.yaml"
    broken.write_text(UNFINISHED)
    result = study(root, "")
    assert result.returncode == 1
    assert f"{broken}:7:1: error: YAML syntax error".encode() in result.stderr
    assert not os.path.exists(root / "Progress" / "ada.sqlite")


def test_lint_refuses_a_source_file_outside_the_workspace(tmp_path):
    root = kalbajar_workspace(tmp_path)
    probe = root / "Decks" / "probe.yaml"
    probe.write_text(
        "deck:\n  id: probe\n  title: Probe\n  sources:\n    - key: s\n      title: S\n"
        "      file: ../../../../../../../../etc/shadow\n"
        "events:\n  - id: e\n    title: the event\n    summary: The event happened.\n    date: 1901-01-01\n"
        "    source: \"root:\"\n")
    result = subprocess.run([ANNALS, "lint", str(probe)], capture_output=True, text=True, env=env())
    assert result.returncode == 1
    assert (f"{probe}:7:13: error: the text of source 's' ('../../../../../../../../etc/shadow') lies outside the "
            "workspace; Annals does not read it") in result.stdout + result.stderr
    assert "does not appear" not in result.stdout + result.stderr
