#!/usr/bin/env python3
"""The real Anki's side of scripts/bench-scale (run with the venv's Python, which has anki==26.9.3):

  bench-scale-anki.py build COLLECTION --cards 50000 --reviews 1000000
      makes a collection with the anki library itself: one Basic note (one card) per card, added through
      Collection.add_notes in batches of 5,000, then the review log in one INSERT ... SELECT through col.db
      (reviews spread like Annals' store: each card reviewed about every 30 days, one in nine Again) and each
      card's state as a review card, half of them due today or earlier, in one UPDATE.
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
    card_count = col.db.scalar("select count() from cards")
    per_card = max(1, reviews // card_count)
    now_ms = int(time.time() * 1000)
    base = now_ms - (per_card * 30 + 1) * 86_400_000
    # One INSERT ... SELECT for the whole log: the anki library's executemany sends the backend one statement per
    # row (20,000 rows took 25 s here), so the rows are made by SQLite itself from the card ids and a counter.
    # Review r of the card at index i: at base + r·30 days + i seconds (unique: i seconds < 30 days), Again for one
    # card in nine.
    col.db.execute(
        """
        insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
        with recursive rounds(r) as (select 0 union all select r + 1 from rounds where r + 1 < ?),
          indexed(i, cid) as (select row_number() over (order by id) - 1, id from cards)
        select ? + r * 30 * 86400000 + i * 1000, cid, -1,
          case when (i + r) % 9 = 0 then 1 else 3 end, case when (i + r) % 9 = 0 then 1 else 30 end,
          30, 2500, 6000, 1
        from rounds, indexed order by r, i
        """,
        per_card, base)
    today = col.sched.today
    # Every card a review card; half of them due today or earlier (due = today + 30 - id mod 60).
    col.db.execute(
        "update cards set type = 2, queue = 2, ivl = 30, due = ? + 30 - (id % 60), factor = 2500, reps = ?",
        today, per_card)
    rows = col.db.scalar("select count() from revlog")
    col.decks.select(deck_id)  # the deck a launch studies
    col.close()
    print(f"{card_count} cards, {rows} revlog rows -> {path}")


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
