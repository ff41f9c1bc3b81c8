"""`annals simulate` and `annals report` (learner and class) on the real binary."""
import csv
import io
import json
import os
import subprocess
import xml.dom.minidom

import pexpect

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# A copy of Decks/kalbajar.yaml (with its source text): reports and simulations build its cards as `annals study` does.
DECK = os.path.join(ROOT, "Tests", "ReportsTests", "Fixtures", "kalbajar", "kalbajar.yaml")
NOW = "2026-04-30T12:00:00Z"


def run(*args, env=None):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True, env=env)


def simulate(path, seed=7, days=40, retention="0.9"):
    result = run("simulate", "--store", str(path), "--deck", DECK, "--days", str(days), "--seed", str(seed),
                 "--retention", retention, "--start", "2026-03-01")
    assert result.returncode == 0, result.stderr
    return result


def test_simulate_prints_the_cost_and_refuses_an_existing_store(tmp_path):
    store = tmp_path / "ada.sqlite"
    out = simulate(store).stdout
    assert "answers:" in out and "a day" in out and "true retention" in out
    assert "Reviews a day, month by month" in out and "2026-03" in out
    again = run("simulate", "--store", str(store), "--deck", DECK)
    assert again.returncode != 0 and "already exists" in again.stderr


def test_same_seed_same_json_report(tmp_path):
    simulate(tmp_path / "a.sqlite", seed=3)
    simulate(tmp_path / "b.sqlite", seed=3)
    a = json.loads(run("report", "--store", str(tmp_path / "a.sqlite"), "--format", "json", "--now", NOW).stdout)
    b = json.loads(run("report", "--store", str(tmp_path / "b.sqlite"), "--format", "json", "--now", NOW).stdout)
    a.pop("learner"), b.pop("learner")
    for report in (a, b):
        for quiz in report["quizzes"]:
            quiz.pop("id")
    assert a == b
    assert a["activity"]["totalReviews"] > 0 and a["states"]["new"] + a["states"]["mature"] + a["states"]["young"] > 0


def test_text_report_fits_width_and_has_no_colour_in_a_pipe(tmp_path):
    store = tmp_path / "ada.sqlite"
    simulate(store)
    result = run("report", "--store", str(store), "--catalog", DECK, "--now", NOW, "--width", "72")
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 72
    for heading in ("Cards by state", "Retention", "Knowledge", "Reviews per day", "Due in the next 30 days",
                    "Mastery", "Weakest facts", "Quizzes"):
        assert heading in result.stdout


def test_colour_on_a_terminal_unless_no_color(tmp_path):
    store = tmp_path / "ada.sqlite"
    simulate(store)
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(ANNALS, ["report", "--store", str(store), "--now", NOW], env=env, encoding="utf-8",
                          dimensions=(50, 90))
    coloured = child.read()
    assert "\x1b[1m" in coloured
    env["NO_COLOR"] = "1"
    child = pexpect.spawn(ANNALS, ["report", "--store", str(store), "--now", NOW], env=env, encoding="utf-8",
                          dimensions=(50, 90))
    plain = child.read()
    assert "\x1b[" not in plain and "Cards by state" in plain


def test_html_is_self_contained_and_its_svg_parses(tmp_path):
    store = tmp_path / "ada.sqlite"
    simulate(store)
    page = tmp_path / "report.html"
    result = run("report", "--store", str(store), "--catalog", DECK, "--now", NOW, "--format", "html", "--out", str(page))
    assert result.returncode == 0, result.stderr
    html = page.read_text()
    assert "<script" not in html.lower() and "https://" not in html
    svgs = 0
    rest = html
    while "<svg" in rest:
        start = rest.index("<svg")
        end = rest.index("</svg>", start) + len("</svg>")
        xml.dom.minidom.parseString(rest[start:end])
        svgs += 1
        rest = rest[end:]
    assert svgs >= 5


def test_csv_tables_parse(tmp_path):
    store = tmp_path / "ada.sqlite"
    simulate(store)
    cards = run("report", "--store", str(store), "--catalog", DECK, "--now", NOW, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(cards.stdout, newline="")))
    built = run("cards", DECK, "--json")  # one JSON object a line, one line a card
    assert built.returncode == 0, built.stderr
    assert len(rows) == len(built.stdout.splitlines()) and rows[0]["prompt"]
    assert rows[0]["state"] in {"new", "learning", "young", "mature"}
    # Categories come from the card kinds: no person-only or "other"-heavy guessing.
    categories = {row["category"] for row in rows}
    assert {"dates", "people", "places", "numbers"} <= categories
    assert all(row["category"] == "places" for row in rows if row["kind"] == "within")
    days = subprocess.run([ANNALS, "report", "--store", str(store), "--now", NOW, "--format", "csv", "--table", "days"],
                          capture_output=True)
    assert days.stdout.startswith(b"date,reviews,seconds\r\n")  # RFC 4180 line ends
    bad = run("report", "--store", str(store), "--format", "csv", "--table", "nope")
    assert bad.returncode != 0 and "choose one of" in bad.stderr


def test_class_report_names_a_corrupt_store_and_changes_nothing(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for seed, name in enumerate(["amir", "bella", "chen"]):
        simulate(folder / f"{name}.sqlite", seed=seed + 1, days=30)
    (folder / "dmitri.sqlite").write_bytes(os.urandom(4096))
    before = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith("-shm")}
    result = run("report", "--class", str(folder), "--catalog", DECK, "--now", NOW, "--width", "100")
    after = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith("-shm")}
    assert result.returncode == 0, result.stderr
    assert before == after
    assert "dmitri.sqlite: corrupt" in result.stdout
    for name in ("amir", "bella", "chen"):
        assert name in result.stdout
    items = run("report", "--class", str(folder), "--catalog", DECK, "--now", NOW, "--format", "csv", "--table", "items")
    rows = list(csv.DictReader(io.StringIO(items.stdout, newline="")))
    assert rows and float(rows[0]["overall_correct"]) < float(rows[-1]["overall_correct"])


def test_a_catalog_must_be_a_deck_file(tmp_path):
    store = tmp_path / "ada.sqlite"
    simulate(store, days=3)
    old = tmp_path / "catalog.json"
    old.write_text('{"deckID": "k", "deckTitle": "K", "cards": []}')
    result = run("report", "--store", str(store), "--catalog", str(old))
    assert result.returncode != 0 and "not a deck file" in result.stderr and "catalog.json" in result.stderr


def test_missing_store_is_a_clear_error(tmp_path):
    result = run("report", "--store", str(tmp_path / "nobody.sqlite"))
    assert result.returncode != 0
    assert "no progress store" in result.stderr and "annals simulate" in result.stderr


def test_class_report_names_a_locked_store(tmp_path):
    import sqlite3
    folder = tmp_path / "class"
    folder.mkdir()
    simulate(folder / "amir.sqlite", seed=1, days=10)
    simulate(folder / "bella.sqlite", seed=2, days=10)
    # Another program holds bella's store in exclusive locking mode with a write pending.
    holder = sqlite3.connect(str(folder / "bella.sqlite"), isolation_level=None, timeout=1)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE settings SET fuzz = fuzz")
    try:
        result = run("report", "--class", str(folder), "--now", NOW, "--width", "120")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 0, result.stderr
    assert "bella.sqlite: locked" in result.stdout
    assert "amir" in result.stdout.split("Stores not read")[0]


def test_simulate_a_real_deck_and_report_its_text_without_a_catalog(tmp_path):
    import sqlite3
    store = tmp_path / "deck.sqlite"
    result = subprocess.run([ANNALS, "simulate", "--store", str(store), "--deck", "Decks/kalbajar.yaml", "--days", "6",
                             "--seed", "4", "--start", "2026-03-01"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    db = sqlite3.connect(str(store))
    verdicts = {row[0] for row in db.execute("SELECT DISTINCT verdict FROM review")}
    ids = [row[0] for row in db.execute("SELECT id FROM card LIMIT 3")]
    db.close()
    assert verdicts <= {"correct", "close", "wrong", "dont-know"} and "correct" in verdicts
    assert all(card_id.startswith("kalbajar/") for card_id in ids)  # the ids annals study gives
    # The store remembers the deck file it was synced from: the report shows the questions without --catalog.
    cards = subprocess.run([ANNALS, "report", "--store", str(store), "--now", NOW, "--format", "csv"],
                           capture_output=True, text=True, cwd=ROOT)
    rows = list(csv.DictReader(io.StringIO(cards.stdout, newline="")))
    studied = [row for row in rows if row["state"] != "new"]
    assert studied and all(row["prompt"] and row["answer"] for row in studied)


def test_simulate_without_deck_studies_the_workspace_decks_as_study_does(tmp_path):
    import shutil
    import sqlite3
    root = tmp_path / "ws"
    (root / "Decks").mkdir(parents=True)
    (root / "Progress").mkdir()
    shutil.copytree(os.path.dirname(DECK), root / "Decks", dirs_exist_ok=True)
    shutil.copy(os.path.join(ROOT, "Tests", "e2e", "fixtures", "mini.yaml"), root / "Decks" / "mini.yaml")
    result = run("simulate", "--workspace", str(root), "--learner", "sim", "--days", "2", "--new-per-day", "700",
                 "--start", "2026-03-01")
    assert result.returncode == 0, result.stderr
    db = sqlite3.connect(root / "Progress" / "sim.sqlite")
    try:
        decks = [row[0] for row in db.execute("SELECT id FROM deck ORDER BY id")]
        studied = {row[0] for row in db.execute(
            "SELECT DISTINCT c.deck_id FROM review r JOIN card c ON c.id = r.card_id")}
    finally:
        db.close()
    assert decks == ["kalbajar", "mini"]
    assert studied == {"kalbajar", "mini"}
    # Outside a workspace and without --deck, it says what to give.
    lost = run("simulate", "--store", str(tmp_path / "x.sqlite"), "--workspace", str(tmp_path / "nowhere"))
    assert lost.returncode != 0 and "Error" in lost.stderr
