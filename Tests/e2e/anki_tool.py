"""Runs the real Anki (anki==26.9.3) and genanki for the interop tests; run with scripts/interop-venv's python.

  anki_tool.py import PKG            import PKG twice into a new collection (with scheduling), print JSON counts
  anki_tool.py genanki OUT.apkg      write a package with genanki: Basic, type-in, Cloze c1/c2, HTML
  anki_tool.py anki-export OUT.apkg  make a collection with the anki library, review it (FSRS on), reschedule,
                                     reset and cram some cards, and export it in the new format with scheduling
Every command prints one JSON object.
"""
import json
import os
import sys
import tempfile


def new_collection():
    from anki.collection import Collection
    folder = tempfile.mkdtemp(prefix="annals-anki-")
    return Collection(os.path.join(folder, "collection.anki2"))


def import_twice(package):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    col = new_collection()
    logs = []
    for _ in range(2):
        result = col.import_anki_package(ImportAnkiPackageRequest(
            package_path=package, options=ImportAnkiPackageOptions(with_scheduling=True)))
        logs.append({"new": len(result.log.new), "duplicate": len(result.log.duplicate),
                     "conflicting": len(result.log.conflicting)})
    cards = []
    for cid, nid, did, ctype, queue, ivl, reps, data in col.db.all(
            "select id, nid, did, type, queue, ivl, reps, data from cards order by id"):
        memory = json.loads(data) if data else {}
        cards.append({"type": ctype, "queue": queue, "ivl": ivl, "reps": reps,
                      "s": memory.get("s"), "d": memory.get("d"),
                      "fields": col.get_note(nid).fields, "deck": col.decks.name(did)})
    revlog = col.db.all("select ease, ivl, lastIvl, time, type from revlog")
    print(json.dumps({
        "imports": logs, "notes": col.note_count(), "cards": col.card_count(), "cardList": cards,
        "revlog": [{"ease": e, "ivl": i, "lastIvl": l, "time": t, "type": ty} for e, i, l, t, ty in revlog],
        "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
        "models": sorted(m["name"] for m in col.models.all()),
    }))


def write_genanki(out):
    import genanki
    basic = genanki.Model(1607392319, "Simple", fields=[{"name": "Question"}, {"name": "Answer"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Question}}",
                                      "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}])
    typed = genanki.Model(1607392320, "Typed", fields=[{"name": "Front"}, {"name": "Back"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Front}}<br>{{type:Back}}",
                                      "afmt": "{{Front}}<hr id=answer>{{type:Back}}"}])
    deck = genanki.Deck(2059400110, "Medieval Europe::Battles")
    other = genanki.Deck(2059400111, "Medieval Europe")
    deck.add_note(genanki.Note(model=basic, fields=["In which year was the Battle of <b>Hastings</b>?", "1066"],
                               tags=["england", "normans"]))
    deck.add_note(genanki.Note(model=basic, fields=[
        "Who won at Agincourt&nbsp;(1415)?", "<div>the <i>English</i> army</div><br><img src=\"agincourt.png\">"]))
    other.add_note(genanki.Note(model=typed, fields=["Who was crowned emperor in 800?", "Charlemagne"]))
    other.add_note(genanki.Note(model=genanki.CLOZE_MODEL, fields=[
        "The {{c1::Magna Carta}} was sealed in {{c2::1215}} by King John &amp; his barons.", ""], tags=["england"]))
    package = genanki.Package([deck, other])
    package.write_to_file(out)
    print(json.dumps({"notes": 4, "cards": 5}))


def anki_export(out):
    from anki.collection import ExportAnkiPackageOptions
    col = new_collection()
    col.set_config("fsrs", True)
    basic = col.models.by_name("Basic")
    typed = col.models.by_name("Basic (type in the answer)")
    cloze = col.models.by_name("Cloze")
    rome = col.decks.id("Ancient History::Rome")
    greece = col.decks.id("Ancient History::Greece")
    notes = [
        (basic, {"Front": "When was <b>Rome</b> founded, by legend?", "Back": "753&nbsp;BC"}, rome, ["legend"]),
        (typed, {"Front": "Who crossed the Rubicon in 49 BC?", "Back": "Julius Caesar"}, rome, []),
        (cloze, {"Text": "{{c1::Augustus}} became the first emperor in {{c2::27 BC}}."}, rome, ["empire"]),
        (basic, {"Front": "Where was the Battle of Marathon fought?", "Back": "Marathon, in Attica"}, greece, []),
        (typed, {"Front": "Who taught Alexander the Great?", "Back": "Aristotle"}, greece, ["philosophy"]),
    ]
    for model, fields, deck_id, tags in notes:
        note = col.new_note(model)
        for key, value in fields.items():
            note[key] = value
        note.tags = tags
        col.add_note(note, deck_id)
    card_ids = list(col.find_cards(""))
    # Two passes of answers through the real scheduler: learning, then graduated reviews.
    for ease in (3, 3, 1, 3, 4):
        for cid in card_ids:
            card = col.get_card(cid)
            card.start_timer()
            col.sched.answerCard(card, ease)
    # A manual reschedule (revlog type 4 with a factor), a reset to new (type 4, factor 0) and a cram review.
    col.sched.set_due_date([card_ids[0]], "3")
    col.sched.schedule_cards_as_new([card_ids[1]], restore_position=True, reset_counts=False)
    card = col.get_card(card_ids[1])
    card.start_timer()
    col.sched.answerCard(card, 3)
    col.db.execute("insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                   "values (?, ?, -1, 3, 1, 1, 0, 4000, 3)", col.db.scalar("select max(id) from revlog") + 1000,
                   card_ids[2])
    revlog = col.db.all("select cid, ease, type, factor from revlog order by id")
    # What Anki's FSRS reads: ease 1-4, no cram (type 3, factor 0), after each card's last reset (type 4, factor 0).
    expected = 0
    for cid in card_ids:
        rows = [r for r in revlog if r[0] == cid]
        resets = [i for i, r in enumerate(rows) if r[2] == 4 and r[3] == 0]
        start = resets[-1] + 1 if resets else 0
        expected += sum(1 for r in rows[start:] if 1 <= r[1] <= 4 and not (r[2] == 3 and r[3] == 0) and r[2] not in (4, 5))
    col.export_anki_package(out_path=out, options=ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False), limit=None)
    print(json.dumps({"notes": col.note_count(), "cards": col.card_count(), "revlog": len(revlog),
                      "fsrsReviews": expected}))


if __name__ == "__main__":
    command, path = sys.argv[1], sys.argv[2]
    {"import": import_twice, "genanki": write_genanki, "anki-export": anki_export}[command](path)
