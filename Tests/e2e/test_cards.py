"""End-to-end: `annals cards` and `annals check` on the Kalbajar deck, run as the built binary."""
import json
import re
import os
import subprocess
from collections import Counter
from pathlib import Path

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = Path(__file__).resolve().parents[2]
DECK = str(ROOT / "Decks/kalbajar.yaml")


def annals(*args):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True, timeout=60)


def cards(*args):
    result = annals("cards", DECK, "--json", *args)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cards_json_lines_span_every_kind_with_stable_unique_ids():
    listed = cards()
    assert len(listed) >= 150
    kinds = Counter(card["kind"] for card in listed)
    for kind in ["date", "event", "place", "actor", "quantity", "role", "name", "within", "order", "choice",
                 "cloze", "fact", "hand", "outcome"]:
        assert kinds[kind] > 0, kind
    ids = [card["id"] for card in listed]
    assert len(set(ids)) == len(ids)
    for card in listed:
        for key in ["id", "deck", "kind", "prompt", "answer", "accepted", "choices", "item", "source", "tags"]:
            assert key in card, (key, card["id"])
        assert card["id"].startswith("kalbajar/" + card["item"] + "/")
        assert not re.search(r"\b(the|a|an) (the|a|an)\b", card["prompt"].lower()), card["prompt"]
    assert "kalbajar/capital-falls/date" in ids
    # Same deck in, same cards out.
    assert cards() == listed


def test_kind_filter_and_unknown_kind():
    dates = cards("--kind", "date")
    assert dates and all(card["kind"] == "date" for card in dates)
    result = annals("cards", DECK, "--kind", "dates")
    assert result.returncode != 0
    assert "unknown card kind 'dates'" in result.stderr


def test_check_judges_dates_names_and_numbers():
    def check(card, answer):
        result = annals("check", DECK, card, answer, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert check("kalbajar/capital-falls/date", "3 April 1993")["outcome"] == "correct"
    vague = check("kalbajar/capital-falls/date", "April 1993")
    assert (vague["outcome"], vague["proposedGrade"]) == ("close", "hard")
    assert check("kalbajar/capital-falls/date", "3/4/1993")["hint"]
    assert check("kalbajar/markar-melkonian/name", "Melkonian")["outcome"] == "close"
    assert check("kalbajar/markar-melkonian/name", "Monte Melkonian")["outcome"] == "wrong"
    assert check("kalbajar/turgut-ozal/name", "Ozal")["outcome"] == "correct"
    assert check("kalbajar/displacement/quantity/displaced", "sixty thousand")["outcome"] == "correct"
    assert check("kalbajar/spellings/hand", "Zulufgarli")["outcome"] == "correct"
    assert check("kalbajar/capital-falls/date", "I don't know")["outcome"] == "wrong"


def test_check_unknown_card_suggests_the_nearest_id():
    result = annals("check", DECK, "kalbajar/capital-falls/dat", "x")
    assert result.returncode != 0
    assert "did you mean kalbajar/capital-falls/date?" in result.stderr


def test_control_characters_in_answers_are_never_echoed_raw():
    result = annals("check", DECK, "kalbajar/capital-falls/date", "\x1b[31mApril\x07")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_a_deck_path_with_escape_codes_is_never_echoed_raw(tmp_path):
    hostile = tmp_path / "bad\x1b]0;owned\x07\x1b[31m.yaml"
    hostile.write_text("deck: [unclosed\n")
    for args in (("cards", str(hostile)), ("check", str(hostile), "x/y/date", "1993")):
        result = annals(*args)
        assert result.returncode != 0
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr, result.stderr
        assert "^[" in result.stderr
