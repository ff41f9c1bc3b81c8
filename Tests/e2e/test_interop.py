"""End-to-end: Anki packages and TimelineJS files both ways, checked against the real tools.

The real Anki (anki==26.9.3) and genanki (0.13.1) run in .venv-interop/, made once by scripts/interop-venv.
Packages are made in a temporary folder for each test; nothing generated is committed.
"""
import csv
import datetime
import io
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = Path(__file__).resolve().parents[2]
DECK = str(ROOT / "Decks/kalbajar.yaml")
FIXTURES = ROOT / "Tests/e2e/fixtures/timeline"
TOOL = str(ROOT / "Tests/e2e/anki_tool.py")


def annals(*args, cwd=None):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.fixture(scope="session")
def anki_python():
    result = subprocess.run([str(ROOT / "scripts/interop-venv")], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def tool(python, command, path):
    result = subprocess.run([python, TOOL, command, str(path)], capture_output=True, text=True, timeout=300,
                            cwd="/tmp")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def kalbajar_cards():
    result = annals("cards", DECK, "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def workspace(tmp_path):
    (tmp_path / "Decks").mkdir()
    (tmp_path / "Progress").mkdir()
    return tmp_path


def lint_clean(path):
    result = annals("lint", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout, result.stdout


# MARK: - Export to Anki


def test_real_anki_imports_every_kalbajar_card_and_a_second_import_adds_none(tmp_path, anki_python):
    cards = kalbajar_cards()
    package = tmp_path / "kalbajar.apkg"
    result = annals("export", "anki", DECK, "-o", str(package))
    assert result.returncode == 0, result.stderr
    assert f"{len(cards)} notes, {len(cards)} cards" in result.stdout
    anki = tool(anki_python, "import", package)
    assert anki["cards"] == len(cards) and anki["notes"] == len(cards)
    assert anki["imports"][0]["new"] == len(cards)
    assert anki["imports"][1] == {"new": 0, "duplicate": len(cards), "conflicting": 0}
    assert "Battle of Kalbajar::The battle" in anki["decks"]
    assert {"Annals typed", "Annals cloze", "Annals choice"} <= set(anki["models"])
    # Every note carries its card id, the deck title and the source sentence; one subdeck per era.
    by_id = {c["fields"][-1]: c for c in anki["cardList"]}
    assert set(by_id) == {c["id"] for c in cards}
    falls = by_id["kalbajar/capital-falls/date"]
    assert falls["fields"][0] == "When did the provincial capital of Kalbajar fall?" or "Kalbajar" in falls["fields"][0]
    assert falls["fields"][-2] == "Battle of Kalbajar"
    assert "the provincial capital fell on April 3, 1993" in falls["fields"][3]
    assert falls["deck"].startswith("Battle of Kalbajar::")
    clozes = [c for c in anki["cardList"] if "{{c1::" in c["fields"][0]]
    assert len(clozes) == sum(1 for c in cards if c["prompt"].startswith("Fill in the blank: "))
    assert len(clozes) > sum(1 for c in cards if c["kind"] == "cloze")  # hand-written clozes too
    choices = [c for c in cards if c["correctChoice"] is not None]
    sample = by_id[choices[0]["id"]]
    assert all(option.replace("&", "&amp;") in sample["fields"][1] for option in choices[0]["choices"])


def test_a_learners_export_arrives_in_anki_with_its_revlog_and_fsrs_memory(tmp_path, anki_python):
    store = tmp_path / "sim.sqlite"
    start = (datetime.date.today() - datetime.timedelta(days=40)).isoformat()
    result = annals("simulate", "--deck", DECK, "--store", str(store), "--days", "35", "--start", start,
                    "--new-per-day", "10")
    assert result.returncode == 0, result.stderr
    package = tmp_path / "learner.apkg"
    result = annals("export", "anki", DECK, "-o", str(package), "--store", str(store))
    assert result.returncode == 0, result.stderr
    studied, reviews = [int(w) for w in result.stdout.split(", ")[-1].replace(" studied cards with ", " ")
                        .replace(" reviews", "").split()]
    assert studied > 50 and reviews > studied
    anki = tool(anki_python, "import", package)
    assert len(anki["revlog"]) == reviews
    assert {row["ease"] for row in anki["revlog"]} <= {1, 2, 3, 4}
    assert {row["type"] for row in anki["revlog"]} >= {0, 1}
    assert all(row["time"] <= 60000 for row in anki["revlog"])
    seen = [c for c in anki["cardList"] if c["type"] != 0]
    assert len(seen) == studied
    review_cards = [c for c in seen if c["type"] == 2]
    assert review_cards and all(c["ivl"] >= 1 and c["s"] > 0 and 1 <= c["d"] <= 10 for c in review_cards)
    assert anki["imports"][1]["new"] == 0


# MARK: - Import from Anki


def test_a_genanki_package_imports_every_note_and_card(tmp_path, anki_python):
    package = tmp_path / "medieval.apkg"
    made = tool(anki_python, "genanki", package)
    ws = workspace(tmp_path)
    result = annals("import", "anki", str(package), "-o", str(ws / "Decks/medieval.yaml"))
    assert result.returncode == 0, result.stderr
    assert f"{made['notes']} notes, {made['cards']} cards, 0 reviews" in result.stdout
    assert "agincourt.png" in result.stdout
    lint_clean(ws / "Decks/medieval.yaml")
    listed = [json.loads(l) for l in annals("cards", str(ws / "Decks/medieval.yaml"), "--json").stdout.splitlines()]
    assert len(listed) == made["cards"]
    prompts = {c["prompt"]: c for c in listed}
    assert prompts["In which year was the Battle of Hastings?"]["answer"] == "1066"
    assert prompts["In which year was the Battle of Hastings?"]["tags"] == ["england", "normans"]
    assert prompts["Who won at Agincourt (1415)?"]["answer"] == "the English army"
    assert prompts["Who was crowned emperor in 800?"]["answer"] == "Charlemagne"
    clozes = sorted(c["answer"] for c in listed if c["prompt"].startswith("Fill in the blank"))
    assert clozes == ["1215", "Magna Carta"]
    assert any("King John & his barons" in c["prompt"] for c in listed)
    check = annals("check", str(ws / "Decks/medieval.yaml"), prompts["Who was crowned emperor in 800?"]["id"],
                   "charlemagne", "--json")
    assert json.loads(check.stdout)["outcome"] == "correct", check.stdout


def test_a_package_anki_itself_exported_imports_with_every_note_card_and_review(tmp_path, anki_python):
    package = tmp_path / "ancient.apkg"
    made = tool(anki_python, "anki-export", package)
    with zipfile.ZipFile(package) as z:
        assert {"meta", "collection.anki21b"} <= set(z.namelist())
    ws = workspace(tmp_path)
    result = annals("import", "anki", str(package), "-o", "Decks/ancient.yaml", "--learner", "ana", cwd=ws)
    assert result.returncode == 0, result.stderr
    assert f"{made['notes']} notes, {made['cards']} cards, {made['revlog']} reviews in the package (latest format)" \
        in result.stdout
    assert f"history: {made['fsrsReviews']} reviews recorded" in result.stdout
    lint_clean(ws / "Decks/ancient.yaml")
    deck_text = (ws / "Decks/ancient.yaml").read_text()
    assert "753 BC" in deck_text and "<b>" not in deck_text and "&nbsp;" not in deck_text
    report = json.loads(annals("report", "--learner", "ana", "--format", "json", "--all-cards", cwd=ws).stdout)
    assert report["activity"]["totalReviews"] == made["fsrsReviews"]
    studied = [c for c in report["cards"] if c["reviews"] > 0]
    assert len(studied) == made["cards"]
    assert all(c["stability"] and c["difficulty"] for c in studied)


# MARK: - TimelineJS


@pytest.mark.parametrize("name, events, eras", [("apollo.csv", 4, 2), ("apollo.json", 3, 1), ("rome.csv", 4, 2)])
def test_timelinejs_files_become_decks_that_lint_clean_and_yield_date_cards(tmp_path, name, events, eras):
    ws = workspace(tmp_path)
    out = ws / "Decks" / (name.replace(".", "-") + ".yaml")
    result = annals("import", "timeline", str(FIXTURES / name), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"{events} events, {eras} eras" in result.stdout
    lint_clean(out)
    dates = [json.loads(l) for l in annals("cards", str(out), "--kind", "date", "--json").stdout.splitlines()]
    assert len(dates) == events
    text = out.read_text()
    assert "<p>" not in text and "<b>" not in text and "&amp;" not in text
    if name == "rome.csv":
        answers = {c["item"]: c["answer"] for c in dates}
        assert answers["the-founding-of-rome"] == "753 BC"
        assert answers["the-murder-of-julius-caesar"] == "March 15, 44 BC"
        assert "AD 476" in answers["the-deposition-of-romulus-augustulus"]
    if name == "apollo.csv":
        assert "tags: [lunar]" in text and "era: lunar-flights" in text


def test_the_kalbajar_timeline_export_is_valid_timelinejs_json_and_reads_back(tmp_path):
    out = tmp_path / "kalbajar.json"
    result = annals("export", "timeline", DECK, "-o", str(out))
    assert result.returncode == 0, result.stderr
    timeline = json.loads(out.read_text())
    assert set(timeline) <= {"title", "events", "eras", "scale"}
    assert timeline["title"]["text"]["headline"] == "Battle of Kalbajar"
    assert len(timeline["events"]) >= 20
    slide_keys = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "unique_id"}
    date_keys = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
    for slide in timeline["events"]:
        assert set(slide) <= slide_keys
        for key in ("start_date", "end_date"):
            if key in slide:
                date = slide[key]
                assert set(date) <= date_keys and isinstance(date["year"], int)
                assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31
                assert all(isinstance(date[k], int) for k in date if k != "display_date")
        assert slide["text"]["headline"] and slide["text"]["text"]
    assert [s["unique_id"] for s in timeline["events"]].count("capital-falls") == 1
    for era in timeline["eras"]:
        assert set(era) == {"start_date", "end_date", "text"} and isinstance(era["start_date"]["year"], int)
    ws = workspace(tmp_path)
    back = annals("import", "timeline", str(out), "-o", str(ws / "Decks/kb.yaml"))
    assert back.returncode == 0, back.stderr
    lint_clean(ws / "Decks/kb.yaml")


# MARK: - CSV


def test_csv_export_has_a_row_per_card_in_rfc4180_with_formulas_defused(tmp_path):
    cards = kalbajar_cards()
    result = subprocess.run([ANNALS, "export", "csv", DECK], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    raw = result.stdout.decode()
    assert raw.count("\r\n") >= len(cards) + 1
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0] == ["id", "deck", "kind", "question", "choices", "answer", "accepted", "source", "tags", "era"]
    assert [r[0] for r in rows[1:]] == [c["id"] for c in cards]
    falls = next(r for r in rows if r[0] == "kalbajar/capital-falls/date")
    assert falls[5] == next(c["answer"] for c in cards if c["id"] == "kalbajar/capital-falls/date")
    deck = tmp_path / "formula.yaml"
    deck.write_text("deck:\n  id: formula\n  title: Formula\ncards:\n  - id: sum\n    kind: typed\n"
                    "    question: \"=HYPERLINK(\\\"http://x\\\")\"\n    answer: \"@SUM(1)\"\n")
    out = tmp_path / "formula.csv"
    result = annals("export", "csv", str(deck), "-o", str(out))
    assert result.returncode == 0, result.stderr
    row = list(csv.reader(io.StringIO(out.read_text(), newline="")))[1]
    assert row[3] == "'=HYPERLINK(\"http://x\")" and row[5] == "'@SUM(1)"


# MARK: - Bad input


def refused(tmp_path, args, *expected):
    ws = workspace(tmp_path) if not (tmp_path / "Decks").exists() else tmp_path
    before = sorted(p for p in tmp_path.rglob("*"))
    result = annals(*args, "-o", str(ws / "Decks/out.yaml"), cwd=ws)
    assert result.returncode != 0
    for text in expected:
        assert text in result.stderr, result.stderr
    assert sorted(p for p in tmp_path.rglob("*")) == before, "nothing may be written"
    return result.stderr


def test_a_zip_bomb_is_refused_naming_the_file_and_entry(tmp_path):
    bomb = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("collection.anki2", b"\0" * (100 << 20))
    assert bomb.stat().st_size < 1 << 20
    refused(tmp_path, ["import", "anki", str(bomb)], "bomb.apkg", "entry collection.anki2", "zip bomb")


def test_a_media_name_with_dotdot_is_refused(tmp_path, anki_python):
    package = tmp_path / "good.apkg"
    tool(anki_python, "genanki", package)
    evil = tmp_path / "evil.apkg"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.namelist():
            dst.writestr(item, src.read(item) if item != "media" else b'{"0": "../../etc/evil.png"}')
        dst.writestr("0", b"x")
    refused(tmp_path, ["import", "anki", str(evil)], "evil.apkg", "entry media, key 0", "unsafe media name")


def test_a_package_that_is_not_sqlite_is_refused(tmp_path):
    package = tmp_path / "fake.apkg"
    with zipfile.ZipFile(package, "w") as z:
        z.writestr("collection.anki2", b"this is plain text, not a database")
    refused(tmp_path, ["import", "anki", str(package)], "fake.apkg", "not an SQLite database")
    (tmp_path / "notzip.apkg").write_text("hello")
    refused(tmp_path, ["import", "anki", str(tmp_path / "notzip.apkg")], "notzip.apkg", "not a zip archive")


def test_a_csv_with_an_unknown_column_is_refused_naming_it(tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("Year,Month,Heading,Text\n1969,7,Landing,Eagle landed.\n")
    err = refused(tmp_path, ["import", "timeline", str(sheet)], "bad.csv", "row 1, column 3", "unknown column 'Heading'")
    assert "Headline" in err
    sheet.write_text("Year,Headline\n19x9,Landing\n")
    refused(tmp_path, ["import", "timeline", str(sheet)], "bad.csv", "row 2, Year", "'19x9' is not a year")


def test_json_nested_ten_thousand_deep_is_refused_quickly(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"events": ' + "[" * 10000 + "]" * 10000 + "}")
    refused(tmp_path, ["import", "timeline", str(deep)], "deep.json", "nested too deeply")
    missing = tmp_path / "missing.json"
    missing.write_text('{"events": [{"text": {"headline": "x"}}]}')
    refused(tmp_path, ["import", "timeline", str(missing)], "missing.json", "events[0].start_date")
