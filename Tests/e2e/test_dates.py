"""End-to-end: a deck dated across all of history (44 BC to summer 1992) lints clean, yields a date card for
each date, and `annals check` marks typed dates as a teacher would (issue 13)."""
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = Path(__file__).resolve().parents[2]
DECK = str(ROOT / "Tests/e2e/fixtures/history.yaml")
DIAGNOSTIC = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<message>.+)$")


def annals(*args):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True, timeout=60)


def test_history_deck_lints_clean():
    result = annals("lint", DECK)
    assert result.returncode == 0, result.stderr
    assert "0 errors, 0 warnings" in result.stdout + result.stderr


def test_a_date_card_for_each_date_at_the_deck_precision():
    result = annals("cards", DECK, "--json", "--kind", "date")
    assert result.returncode == 0, result.stderr
    cards = {card["item"]: card for card in map(json.loads, result.stdout.splitlines())}
    expected = {
        "caesar-killed": ("In what year", "44 BC"),
        "romulus-deposed": ("In what year", "AD 476"),
        "hastings": ("On what date", "October 14, 1066"),
        "norman-conquests": ("In what century", "the 11th century"),
        "magna-carta-copied": ("Around when", "circa 1200"),
        "black-death-spreads": ("In which decade", "the 1330s"),
        "glasnost": ("In which decade", "the late 1980s"),
        "summer-offensive": ("In what season and year", "summer 1992"),
        "winter-attempt": ("In what season and year", "winter 1993–1994"),
        "temple-founded": ("In what century", "the early 5th century BC"),
    }
    assert set(cards) == set(expected)
    for item, (opening, answer) in expected.items():
        assert cards[item]["id"] == f"history/{item}/date"
        assert cards[item]["prompt"].startswith(opening), cards[item]["prompt"]
        assert cards[item]["answer"] == answer


def test_an_ordering_card_runs_from_bc_to_ad():
    result = annals("cards", DECK, "--json", "--kind", "order")
    assert result.returncode == 0, result.stderr
    for card in map(json.loads, result.stdout.splitlines()):
        titles = [card["choices"][i] for i in card["correctOrder"]]
        if "The assassination of Julius Caesar" in titles and "The Battle of Hastings" in titles:
            assert titles.index("The assassination of Julius Caesar") < titles.index("The Battle of Hastings")


CASES = [
    ("caesar-killed", "44 BC", "correct"),
    ("caesar-killed", "44 B.C.", "correct"),
    ("caesar-killed", "44 BCE", "correct"),
    ("caesar-killed", "BC 44", "correct"),
    ("caesar-killed", "44 AD", "wrong"),
    ("romulus-deposed", "AD 476", "correct"),
    ("romulus-deposed", "476 AD", "correct"),
    ("romulus-deposed", "476 CE", "correct"),
    ("romulus-deposed", "476", "correct"),
    ("hastings", "14 October 1066", "correct"),
    ("hastings", "1066", "close"),
    ("norman-conquests", "the eleventh century", "correct"),
    ("norman-conquests", "11th c.", "correct"),
    ("norman-conquests", "the 12th century", "close"),
    ("magna-carta-copied", "around 1200", "correct"),
    ("black-death-spreads", "the 1330s", "correct"),
    ("black-death-spreads", "1330's", "correct"),
    ("black-death-spreads", "the 1340s", "close"),
    ("glasnost", "the 1980s", "correct"),
    ("glasnost", "early 1980s", "close"),
    ("glasnost", "the 1990s", "close"),
    ("summer-offensive", "summer 1992", "correct"),
    ("summer-offensive", "the summer of 1992", "correct"),
    ("summer-offensive", "June 1992", "correct"),
    ("summer-offensive", "1992", "close"),
    ("summer-offensive", "summer 1993", "wrong"),
    ("winter-attempt", "winter 1993-94", "correct"),
    ("winter-attempt", "winter 1993", "close"),
]


@pytest.mark.parametrize("item,answer,outcome", CASES)
def test_check_judges_typed_dates(item, answer, outcome):
    result = annals("check", DECK, f"history/{item}/date", answer, "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["outcome"] == outcome, verdict
    grade = {"correct": "good", "close": "hard", "wrong": "again"}[outcome]
    assert verdict["proposedGrade"] == grade


def test_wrong_era_is_explained():
    result = annals("check", DECK, "history/caesar-killed/date", "44 AD", "--json")
    assert json.loads(result.stdout)["explanation"] == "Wrong era: the source says 44 BC."


def test_impossible_dates_are_located_errors_with_hints(tmp_path):
    deck = tmp_path / "bad.yaml"
    deck.write_text(
        "deck:\n  id: bad\n  title: Bad\n  sources:\n    - key: notes\n      title: Notes\n"
        "events:\n"
        "  - id: a\n    title: a\n    date: 0 BC\n    source: x\n"
        "  - id: b\n    title: b\n    date: 1335s\n    source: x\n"
        "  - id: c\n    title: c\n    date: winter 1993\n    source: x\n"
    )
    result = annals("lint", str(deck))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    found = [(m["line"], m["column"], m["message"]) for m in map(DIAGNOSTIC.match, lines) if m]
    assert found == [
        ("10", "11", "impossible date '0 BC': there is no year 0"),
        ("14", "11", "'1335s' is not a decade: a decade is named by a year ending in 0"),
        ("18", "11", "'winter 1993': a winter spans two years"),
    ]
    hints = [line for line in lines if line.startswith("  hint: ")]
    assert hints[2] == "  hint: write winter 1992–1993 or winter 1993–1994 (December to February)"


KALBAJAR = str(ROOT / "Decks/kalbajar.yaml")


@pytest.mark.parametrize("card,answer,outcome", [
    ("kalbajar/recapture-attempt/date", "winter 1993–1994", "correct"),
    ("kalbajar/recapture-attempt/date", "1993–1994", "correct"),
    ("kalbajar/recapture-attempt/date", "winter 1994–1995", "wrong"),
    ("kalbajar/azerbaijani-summer-offensive/date", "the summer of 1992", "correct"),
    ("kalbajar/azerbaijani-summer-offensive/date", "1992", "close"),
    ("kalbajar/secession-request/date", "the 1980s", "correct"),
    ("kalbajar/secession-request/date", "the early 1980s", "close"),
    ("kalbajar/secession-request/date", "1991", "wrong"),
])
def test_kalbajar_dates_at_the_article_precision(card, answer, outcome):
    result = annals("check", KALBAJAR, card, answer, "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["outcome"] == outcome, verdict
    assert verdict["expected"] in ("winter 1993–1994", "summer 1992", "the late 1980s")
