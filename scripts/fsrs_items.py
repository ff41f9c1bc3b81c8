"""Build fsrs-rs training items from a CSV review log, with the same study-day gaps Annals uses.

A review's study day is floor((epoch seconds - rollover_hour * 3600) / 86400) in UTC (the logs used here are read
with --timezone UTC); a card's reviews are sorted by time (ties keep file order); every review after the first with a
gap of at least one study day becomes an FSRSItem holding the card's reviews up to and including it.
"""
import csv
from datetime import datetime


def parse_time(text):
    if text.isdigit():
        return int(text) / 1000.0
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def histories(path, rollover_hour=4):
    """Card id -> list of (rating, gap) in time order; cards in order of their first review."""
    rows = []
    with open(path, newline="") as f:
        for index, row in enumerate(csv.DictReader(f)):
            rows.append((parse_time(row["review_time"]), index, row["card_id"], int(row["review_rating"])))
    rows.sort()
    cards = {}
    last_day = {}
    for seconds, _, card, rating in rows:
        day = int((seconds - rollover_hour * 3600) // 86400)
        gap = 0 if card not in cards else max(0, day - last_day[card])
        cards.setdefault(card, []).append((rating, gap))
        last_day[card] = day
    return cards


def items(cards, fsrs):
    """The FSRSItems of every card (fsrs = the fsrs_rs_python module)."""
    out = []
    for reviews in cards.values():
        objects = [fsrs.FSRSReview(rating, gap) for rating, gap in reviews]
        for j in range(1, len(reviews)):
            if reviews[j][1] > 0:
                out.append(fsrs.FSRSItem(objects[: j + 1]))
    return out
