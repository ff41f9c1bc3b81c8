"""`make install PREFIX=…` into a temporary prefix, then the installed `annals` used as a learner would: from a folder
outside any workspace, on the personal workspace, with its shell completions and its man page.

The install installs the binary under test (ANNALS_BIN, the debug build `make test` just built) through the real
Makefile target and scripts/install, so the release build is not repeated here; `make install` alone builds release.
"""
import os
import re
import shutil
import sqlite3
import stat
import subprocess

import pytest

from studyhelpers import ANNALS, FIXTURES, env

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = [
    "bin/annals",
    "share/bash-completion/completions/annals",
    "share/zsh/site-functions/_annals",
    "share/fish/vendor_completions.d/annals.fish",
    "share/man/man1/annals.1",
]


def make(*args, **extra):
    return subprocess.run(
        ["make", "-s", "-C", REPO, *args, f"ANNALS_BIN={os.path.abspath(ANNALS)}"],
        capture_output=True, text=True, env=env(**extra), timeout=600)


@pytest.fixture(scope="module")
def prefix(tmp_path_factory):
    root = tmp_path_factory.mktemp("prefix")
    result = make("install", f"PREFIX={root}")
    assert result.returncode == 0, result.stdout + result.stderr
    for f in FILES:
        assert f"installed {root}/{f}" in result.stdout
    return root


@pytest.fixture
def outside(tmp_path):
    """A home, a data folder and a Downloads folder holding a deck, none of them in a workspace."""
    home = tmp_path / "home"
    downloads = home / "Downloads"
    downloads.mkdir(parents=True)
    shutil.copy(os.path.join(FIXTURES, "mini.yaml"), downloads / "deck.yaml")
    return home, tmp_path / "data", downloads


def installed_env(prefix, home, data, **extra):
    # PATH holds the prefix and the system folders only: nothing of the build or the repository.
    return env(
        PATH=f"{prefix}/bin:/usr/bin:/bin", HOME=str(home), XDG_DATA_HOME=str(data), USER="ana", **extra)


def run_installed(prefix, args, cwd, environment, stdin=""):
    return subprocess.run(
        ["annals", *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=environment, timeout=60)


def typed_answers(store):
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        return [row[0] for row in db.execute("SELECT typed_answer FROM review ORDER BY id")]


def test_install_puts_the_binary_completions_and_man_page_under_prefix(prefix):
    for f in FILES:
        assert os.path.isfile(prefix / f), f
    binary = prefix / "bin" / "annals"
    assert not os.path.islink(binary)
    assert os.stat(binary).st_mode & 0o777 == 0o755
    # A copy, not the build's file: it survives the build folder changing.
    assert not os.path.samefile(binary, ANNALS)
    # No run-time path into the repository or its build folder (shared libraries come from the toolchain).
    if shutil.which("readelf"):
        dynamic = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True).stdout
        assert "RUNPATH" in dynamic or "RPATH" in dynamic
        assert REPO not in dynamic


def test_the_installed_annals_studies_a_downloaded_deck_on_the_personal_workspace(prefix, outside):
    home, data, downloads = outside
    environment = installed_env(prefix, home, data)
    first = run_installed(prefix, ["study", "deck.yaml"], downloads, environment, stdin="1901-01-01\n3\n")
    assert first.returncode == 0, first.stderr
    personal = data / "annals"
    assert first.stderr.count(f"annals: made your personal workspace in {personal}") == 1
    store = personal / "Progress" / "ana.sqlite"
    assert typed_answers(store) == ["1901-01-01"]
    for folder in [data, personal, personal / "Decks", personal / "Progress"]:
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder
    assert stat.S_IMODE(os.stat(store).st_mode) == 0o600
    # Nothing is written beside the deck, and the repository's decks are not what was studied.
    assert sorted(os.listdir(downloads)) == ["deck.yaml"]

    # The second run finds the same workspace without a word, and the first answer is remembered.
    second = run_installed(prefix, ["due", "--json"], home, environment)
    assert second.returncode == 0, second.stderr
    assert "personal workspace" not in second.stderr
    assert '"mini"' in second.stdout

    # Without XDG_DATA_HOME it goes to ~/.local/share/annals.
    environment.pop("XDG_DATA_HOME")
    third = run_installed(prefix, ["study", "Downloads/deck.yaml"], home, environment, stdin="")
    assert third.returncode == 0, third.stderr
    assert f"made your personal workspace in {home}/.local/share/annals" in third.stderr


def test_a_workspace_above_the_folder_still_wins_over_the_personal_one(prefix, outside):
    home, data, downloads = outside
    project = home / "project"
    (project / "Decks").mkdir(parents=True)
    (project / "Progress").mkdir()
    below = project / "Decks"
    result = run_installed(
        prefix, ["study", str(downloads / "deck.yaml")], below, installed_env(prefix, home, data), stdin="")
    assert result.returncode == 0, result.stderr
    assert "personal workspace" not in result.stderr
    assert os.path.isfile(project / "Progress" / "ana.sqlite")
    assert not os.path.exists(data / "annals")


def test_a_downloaded_deck_still_cannot_quote_files_outside_its_folder(prefix, outside):
    home, data, downloads = outside
    (home / "secret.txt").write_text("The password is swordfish.\n")
    probe = downloads / "probe.yaml"
    probe.write_text(
        "deck:\n  id: probe\n  title: Probe\n  sources:\n    - key: s\n      title: S\n      file: ../secret.txt\n"
        "events:\n  - id: e\n    title: the event\n    summary: The event happened.\n    date: 1901-01-01\n"
        "    source: \"The password is swordfish.\"\n")
    result = run_installed(prefix, ["study", "probe.yaml"], downloads, installed_env(prefix, home, data), stdin="")
    assert result.returncode == 1
    assert "lies outside" in result.stderr
    assert "swordfish" not in result.stdout


def test_the_installed_binary_needs_nothing_from_the_repository(prefix, outside):
    """Runs the installed annals with the repository hidden under an empty tmpfs (a private mount namespace)."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here (needs root or user namespaces): " + probe.stderr.decode())
    home, data, downloads = outside
    script = f'mount -t tmpfs none "{REPO}" && test -z "$(ls -A "{REPO}")" && exec annals study deck.yaml'
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], cwd=downloads, input="1901-01-01\n3\n", capture_output=True,
        text=True, env=installed_env(prefix, home, data), timeout=60)
    assert result.returncode == 0, result.stderr
    assert typed_answers(data / "annals" / "Progress" / "ana.sqlite") == ["1901-01-01"]


def test_the_completions_parse_and_bash_completes_subcommands_and_options(prefix):
    bash = prefix / "share/bash-completion/completions/annals"
    assert subprocess.run(["bash", "-n", str(bash)]).returncode == 0
    script = f"""
        source "{bash}"
        COMP_WORDS=(annals st); COMP_CWORD=1; COMP_LINE="annals st"; COMP_POINT=${{#COMP_LINE}}
        _annals annals st annals; echo "subcommands: ${{COMPREPLY[*]}}"
        COMPREPLY=(); COMP_WORDS=(annals study --comp); COMP_CWORD=2; COMP_LINE="annals study --comp"; COMP_POINT=${{#COMP_LINE}}
        _annals annals --comp study; echo "options: ${{COMPREPLY[*]}}"
        """
    out = subprocess.run(
        ["bash", "-O", "extglob", "-c", script], capture_output=True, text=True,
        env=env(PATH=f"{prefix}/bin:/usr/bin:/bin")).stdout
    assert "study" in out.split("subcommands:")[1].split("\n")[0]
    assert "--complete-names" in out.split("options:")[1]
    zsh, fish = shutil.which("zsh"), shutil.which("fish")
    if zsh:
        assert subprocess.run([zsh, "-n", str(prefix / "share/zsh/site-functions/_annals")]).returncode == 0
    if fish:
        fish_file = prefix / "share/fish/vendor_completions.d/annals.fish"
        assert subprocess.run([fish, "--no-execute", str(fish_file)]).returncode == 0
    # Whatever is installed, each script names the command and its subcommands.
    for f in ["share/zsh/site-functions/_annals", "share/fish/vendor_completions.d/annals.fish"]:
        text = open(prefix / f, encoding="utf-8").read()
        assert "annals" in text and "study" in text and "complete-names" in text


def render_man(page):
    if shutil.which("man"):
        command = ["man", "-l", str(page)]
    else:
        command = ["groff", "-mandoc", "-Tutf8", "-rLL=100n", "-rHY=0", str(page)]
    result = subprocess.run(
        command, capture_output=True, text=True, env=env(MANWIDTH="100", MANPAGER="cat", PAGER="cat"), timeout=60)
    # Bold and underline come as overstrikes (x BACKSPACE x) when the output is not a terminal.
    return result.returncode, re.sub(".\b", "", result.stdout), result.stderr


def test_the_man_page_renders_with_every_command_and_the_personal_workspace(prefix):
    page = prefix / "share/man/man1/annals.1"
    code, text, errors = render_man(page)
    assert code == 0, errors
    if shutil.which("groff"):
        warnings = subprocess.run(["groff", "-mandoc", "-Tutf8", "-ww", "-z", str(page)], capture_output=True, text=True)
        assert warnings.returncode == 0 and warnings.stderr == "", warnings.stderr
    # troff turns hyphens into U+2010 on some devices; compare without them.
    flat = " ".join(text.replace("\u2010", "-").split())
    assert flat.startswith("ANNALS(1)")
    for command in ["study", "quiz", "report", "draft", "diff", "lint", "doctor", "init"]:
        assert f" {command} " in flat, command
    assert "$XDG_DATA_HOME/annals" in flat
    assert "--complete-names" in flat
    # The page is the binary's own help: it changes when a command's help does.
    help_text = subprocess.run([str(prefix / "bin/annals"), "study", "--help"], capture_output=True, text=True).stdout
    assert "Study the cards that are due" in help_text and "Study the cards that are due" in flat


def test_destdir_stages_the_tree_and_uninstall_removes_exactly_the_installed_files(tmp_path):
    stage = tmp_path / "stage"
    result = make("install", "PREFIX=/opt/annals", f"DESTDIR={stage}")
    assert result.returncode == 0, result.stdout + result.stderr
    for f in FILES:
        assert os.path.isfile(stage / "opt/annals" / f), f
    # A file of the user's own beside them stays.
    mine = stage / "opt/annals/share/man/man1/other.1"
    mine.write_text(".TH OTHER 1\n")
    result = make("uninstall", "PREFIX=/opt/annals", f"DESTDIR={stage}")
    assert result.returncode == 0, result.stderr
    for f in FILES:
        assert not os.path.exists(stage / "opt/annals" / f), f
    assert mine.exists()


def test_a_relative_prefix_is_refused(tmp_path):
    result = make("install", "PREFIX=relative/dir")
    assert result.returncode != 0
    assert "PREFIX must be an absolute path" in result.stderr
    assert not os.path.exists(os.path.join(REPO, "relative"))
