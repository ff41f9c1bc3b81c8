"""Private by default: under umask 022 a learner's store, its -wal and -shm, the line-editing history and a report
written with --out are created 0600; a class report names the stores it may not read instead of failing."""
import os
import shutil
import stat
import subprocess
import tempfile

import pexpect
import pytest

from studyhelpers import ANNALS, FIXTURES, env, workspace

PROMPT = "\r\n> "
GRADE = r"grade \[\w+\]> "


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def umask022():
    os.umask(0o022)


def test_store_wal_shm_history_and_report_are_0600_under_umask_022(tmp_path):
    root, deck = workspace(tmp_path)
    progress = root / "Progress"
    child = pexpect.spawn(
        ANNALS, ["study", deck, "--workspace", str(root), "--learner", "ada"], env=env(), encoding="utf-8",
        timeout=15, dimensions=(40, 100), preexec_fn=umask022)
    child.expect(PROMPT)
    child.send("1901-01-01\r")
    child.expect(GRADE)
    child.send("3\r")
    child.expect(PROMPT)
    # While the session is open the write-ahead log and its index exist beside the store.
    for name in ["ada.sqlite", "ada.sqlite-wal", "ada.sqlite-shm", "ada.history"]:
        assert mode(progress / name) == 0o600, f"{name} is {oct(mode(progress / name))}"
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert mode(progress / "ada.sqlite") == 0o600 and mode(progress / "ada.history") == 0o600

    out = tmp_path / "ada-report.html"
    result = subprocess.run(
        [ANNALS, "report", "--workspace", str(root), "--learner", "ada", "--format", "html", "--out", str(out)],
        capture_output=True, env=env(), preexec_fn=umask022)
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o600 and b"<html" in out.read_bytes()


def test_class_report_names_a_store_it_may_not_read(tmp_path):
    # A folder every user can enter (pytest's tmp_path is private to root).
    base = tempfile.mkdtemp(prefix="annals-class-", dir="/tmp")
    try:
        os.chmod(base, 0o755)
        root, deck = workspace(tmp_path)
        for learner, answer in [("ada", "1901-01-01"), ("bob", "1901")]:
            result = subprocess.run(
                [ANNALS, "study", deck, "--workspace", str(root), "--learner", learner],
                input=f"{answer}\n\n".encode(), capture_output=True, env=env(), preexec_fn=umask022)
            assert result.returncode == 0, result.stderr
        shutil.copytree(root / "Progress", os.path.join(base, "class"))
        os.chmod(os.path.join(base, "class"), 0o755)
        command = [ANNALS, "report", "--class", os.path.join(base, "class"), "--format", "csv", "--table",
                   "unreadable"]
        if os.geteuid() == 0:
            # Root reads everything: run the report as nobody, who owns ada's store but not bob's (0600, root's).
            os.chown(os.path.join(base, "class", "ada.sqlite"), 65534, 65534)
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        else:
            os.chmod(os.path.join(base, "class", "bob.sqlite"), 0)
        result = subprocess.run(command, capture_output=True, text=True, env=env())
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            "file,problem,reason",
            'bob.sqlite,permission-denied,"you may not read this file (its owner, or an administrator, can let you)"',
        ]
        students = subprocess.run(command[:-4] + ["--format", "csv", "--table", "students"], capture_output=True,
                                  text=True, env=env())
        assert students.returncode == 0 and "ada" in students.stdout and "bob" not in students.stdout
    finally:
        shutil.rmtree(base, ignore_errors=True)
