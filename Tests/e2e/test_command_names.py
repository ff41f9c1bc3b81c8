"""Every command of `annals` names itself, and each name is the one `annals --help` lists.

A command without `commandName` is named by ArgumentParser from `String(describing:)` of its type, whose
reflection scans every protocol conformance in the binary; it ran on every launch, before the first card.
"""
import os
import re
import subprocess
from pathlib import Path

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
SOURCES = Path(__file__).resolve().parents[2] / "Sources" / "annals"
COMMAND = re.compile(r"struct (\w+): (?:Async)?ParsableCommand\b")
CONFIGURATION = re.compile(r"static let configuration = CommandConfiguration\(\s*(\w+):")


def test_every_command_configuration_starts_with_its_command_name():
    commands = 0
    for path in sorted(SOURCES.glob("*.swift")):
        text = path.read_text()
        found = COMMAND.findall(text)
        configurations = CONFIGURATION.findall(text)
        commands += len(found)
        assert len(configurations) == len(found), f"{path.name}: {found} but {len(configurations)} configurations"
        for label in configurations:
            assert label == "commandName", f"{path.name}: a CommandConfiguration starts with {label}:, not commandName:"
    assert commands > 30


def test_the_fsrs_subcommands_keep_their_names():
    result = subprocess.run([ANNALS, "fsrs", "--help"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    listed = re.findall(r"^  ([a-z][a-z-]+)\s", result.stdout, re.M)
    for name in ["replay", "optimize", "evaluate", "retention", "parameters", "import-log"]:
        assert name in listed, result.stdout
