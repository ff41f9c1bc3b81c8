#!/usr/bin/env python3
"""The real Anki's side of scripts/bench-scale (run with the venv's Python, which has anki==26.9.3):

  bench-scale-anki.py build COLLECTION --cards 50000 --reviews 1000000
      makes a collection with the anki library itself: one Basic note (one card) per card, then the review log
      (reviews spread like Annals' store: each card reviewed about every 30 days, one in nine Again) and each
      card's state as a review card, half of them due today or earlier.
  bench-scale-anki.py open COLLECTION
      what a launch does: open the collection and fetch the first due card; prints its id (timed by the caller,
      process start included).
"""
import argparse
import os
import sys
import time


def build(path, cards, reviews):
    from anki.collection import AddNoteRequest, Collection

    if os.path.exists(path):
        os.remove(path)
    col = Collection(path)
    model = col.models.by_name("Basic")
    deck_id = col.decks.id("Bench")
    requests = []
    for i in range(cards):
        note = col.new_note(model)
        note["Front"] = f"On what date did the operation number {i} near the river take place?"
        note["Back"] = f"April {1 + i % 28}, {1900 + i // 336}"
        requests.append(AddNoteRequest(note=note, deck_id=deck_id))
        if len(requests) == 5000:
            col.add_notes(requests)
            requests = []
    if requests:
        col.add_notes(requests)
    card_ids = col.db.list("select id from cards order by id")
    per_card = max(1, reviews // len(card_ids))
    now_ms = int(time.time() * 1000)
    base = now_ms - (per_card * 30 + 1) * 86_400_000
    rows = []
    next_id = base
    for rnd in range(per_card):
        for index, cid in enumerate(card_ids):
            again = (index + rnd) % 9 == 0
            stamp = base + rnd * 30 * 86_400_000 + index * 1000
            next_id = max(next_id + 1, stamp)
            ivl = 1 if again else 30
            rows.append((next_id, cid, -1, 1 if again else 3, ivl, 30, 2500, 6000, 1))
        if len(rows) >= 100_000:
            col.db.executemany(
                "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,?,?,?,?,?,?,?)",
                rows)
            rows = []
    if rows:
        col.db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,?,?,?,?,?,?,?)", rows)
    today = col.sched.today
    states = [(30, today - (index % 60) + 30, 2500, per_card, cid) for index, cid in enumerate(card_ids)]
    col.db.executemany("update cards set type = 2, queue = 2, ivl = ?, due = ?, factor = ?, reps = ? where id = ?",
                       states)
    col.decks.select(deck_id)  # the deck a launch studies
    col.close()
    print(f"{len(card_ids)} cards, {per_card * len(card_ids)} revlog rows -> {path}")


def open_first(path):
    from anki.collection import Collection

    col = Collection(path)
    card = col.sched.getCard()
    print(card.id if card else "none", flush=True)
    col.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["build", "open"])
    parser.add_argument("collection")
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    if args.mode == "build":
        build(args.collection, args.cards, args.reviews)
    else:
        open_first(args.collection)


if __name__ == "__main__":
    sys.exit(main())
