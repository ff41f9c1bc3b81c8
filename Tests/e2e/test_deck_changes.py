"""`annals study` on a deck edited since the learner last studied it prints what the edit changed — the cards it adds,
retires and rewords, as `annals diff OLD NEW --limit 5` shows them — before the session, then syncs as before."""
import shutil
import subprocess

from studyhelpers import ANNALS, env, workspace

# The title's escape codes come through YAML's own escapes ("\\e"), which the file's check for raw control
# characters cannot see.
EDIT_ADDS = r"""  - id: fourth-event
    title: "the \e[31mfourth\e[0m event"
    summary: The fourth event happened.
    date: 1904-04-04
    source: The fourth event happened on April 4, 1904.
"""


def study(root, learner, *decks):
    return subprocess.run(
        [ANNALS, "study", *decks, "--workspace", str(root), "--learner", learner], input="", capture_output=True,
        text=True, env=env(), timeout=60)


def test_study_prints_the_changes_of_an_edited_deck_before_the_session(tmp_path):
    root, deck = workspace(tmp_path)
    first = study(root, "ada")
    assert first.returncode == 0, first.stderr
    assert "changed since" not in first.stdout
    old = tmp_path / "old.yaml"
    shutil.copy(deck, old)

    # Reword one event, remove another, add a third whose title carries escape codes.
    text = open(deck, encoding="utf-8").read()
    text = text.replace("title: the second event", "title: the middle event")
    start = text.index("  - id: third-event")
    text = text[:start] + EDIT_ADDS
    open(deck, "w", encoding="utf-8").write(text)
    new = tmp_path / "new.yaml"
    shutil.copy(deck, new)

    diff = subprocess.run(
        [ANNALS, "diff", str(old), str(new), "--limit", "5"], capture_output=True, text=True, env=env(), timeout=60)
    assert diff.returncode == 1, diff.stderr
    expected = [f"{deck} changed since you last studied it:"] + ["  " + line for line in diff.stdout.splitlines()]
    assert any(line.startswith("+ mini/fourth-event/") for line in diff.stdout.splitlines())
    assert any(line.startswith("- mini/third-event/") for line in diff.stdout.splitlines())
    assert any(line.startswith("~ mini/second-event/") and "middle event" in line for line in diff.stdout.splitlines())

    second = study(root, "ada")
    assert second.returncode == 0, second.stderr
    lines = second.stdout.splitlines()
    heading = lines.index(expected[0])
    assert lines[heading:heading + len(expected)] == expected
    assert heading < next(i for i, line in enumerate(lines) if line.startswith("Studying"))
    # Deck text never reaches the terminal raw.
    assert "\x1b" not in second.stdout
    assert "^[[31mfourth^[[0m" in second.stdout

    # Synced now: the next session says nothing more; a learner who never studied the deck sees no summary either.
    third = study(root, "ada")
    assert third.returncode == 0 and "changed since" not in third.stdout
    other = study(root, "bo")
    assert other.returncode == 0 and "changed since" not in other.stdout


def test_a_deck_touched_but_unchanged_prints_nothing(tmp_path):
    root, deck = workspace(tmp_path)
    assert study(root, "ada").returncode == 0
    text = open(deck, encoding="utf-8").read()
    open(deck, "w", encoding="utf-8").write(text + "\n# a comment changes the file, not its cards\n")
    again = study(root, "ada")
    assert again.returncode == 0, again.stderr
    assert "changed since" not in again.stdout
