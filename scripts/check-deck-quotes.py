#!/usr/bin/env python3
"""Check a deck's data against its source text, independently of the Swift parser.

Usage: scripts/check-deck-quotes.py [Decks/kalbajar.yaml]

Checks: every `source:` quote is a verbatim substring of the source file (whitespace runs collapsed), ids are
unique across the deck, every referenced id (era, places, actors, within) exists, dates are well formed and real,
a fact's term appears in its statement, a cloze has a {{blank}}, quantities have numeric values and known
qualifiers. Prints `file:line: message` per problem and a summary; exits 1 when there is a problem.
Needs PyYAML.
"""
import os
import re
import sys

import yaml

QUALIFIERS = {"exact", "about", "estimated", "nearly", "more-than", "as-many-as", "at-least", "several-hundred"}
ANSWER_TYPES = {"text", "name", "date", "number"}
HAND_KINDS = {"typed", "choice", "ordering", "cloze"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class LineLoader(yaml.SafeLoader):
  """A SafeLoader that records each mapping's 1-based line under the key `__line__`."""


def _construct_mapping(loader, node, deep=False):
  mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
  mapping["__line__"] = node.start_mark.line + 1
  return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def collapse(text):
  return re.sub(r"\s+", " ", text).strip()


ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth"]
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
ERA_RE = re.compile(r"^(?:(?P<pre>ad|ce|bc|bce) )?(?P<body>.+?)(?: (?P<post>ad|ce|bc|bce))?$")


def leap(year):
  """Proleptic Gregorian, `year` astronomical (1 BC is 0)."""
  return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in(month, year):
  return 29 if month == 2 and leap(year) else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]


def date_bounds(text):
  """(first, last) as comparable (year, month, day) with astronomical years, or an error message string."""
  lowered = re.sub(r"\.", "", text.strip().lower())
  m = ERA_RE.match(lowered)
  pre, body, post = m["pre"], m["body"], m["post"]
  bc = (pre or post) in ("bc", "bce")
  if pre and post:
    return f"bad date {text!r}"
  body = re.sub(r"^the ", "", body)
  part = None
  pm = re.match(r"^(early|mid|late)[ -](.+)$", body)
  if pm:
    part, body = pm.group(1), pm.group(2)

  def astro(year):
    if year == 0:
      raise ValueError("there is no year 0")
    return -year + 1 if bc else year

  def narrow(first, length):
    if part is None:
      return first, first + length - 1
    cuts = [0, 4, 7, 10] if length == 10 else [0, 33, 66, 100]
    i = ["early", "mid", "late"].index(part)
    return first + cuts[i], first + cuts[i + 1] - 1

  try:
    cm = re.match(r"^(\d+)(?:st|nd|rd|th)? century$", body) or re.match(r"^(\w+(?:-\w+)?) century$", body)
    if cm:
      word = cm.group(1)
      n = int(word) if word.isdigit() else (ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else None)
      if not n:
        return f"bad date {text!r}"
      first = astro(n * 100) if bc else (n - 1) * 100 + 1
      lo, hi = narrow(first, 100)
      return (lo, 1, 1), (hi, 12, 31)
    dm = re.match(r"^(\d+)'?s$", body)
    if dm:
      n = int(dm.group(1))
      if n % 10 or n == 0:
        return f"bad decade {text!r}"
      first = astro(n + 9) if bc else n
      lo, hi = narrow(first, 10)
      return (lo, 1, 1), (hi, 12, 31)
    if part:
      return f"bad date {text!r}: early/mid/late go with a decade or a century"
    sm = re.match(r"^(spring|summer|autumn|fall|winter) (?:of )?(\d+)(?:\s*[-\u2013]\s*(\d+))?$", body)
    if sm:
      season, first, second = sm.group(1), astro(int(sm.group(2))), sm.group(3)
      month = SEASON_MONTHS[season]
      if season == "winter":
        if second is None or astro(int(second)) != first + 1:
          return f"bad winter {text!r}: write both years, e.g. winter 1993\u20131994"
        return (first, 12, 1), (first + 1, 2, days_in(2, first + 1))
      if second is not None:
        return f"bad date {text!r}"
      return (first, month, 1), (first, month + 2, days_in(month + 2, first))
    im = re.match(r"^(\d+)(?:-(\d{2})(?:-(\d{2}))?)?$", body)
    if not im:
      return f"bad date {text!r} (write 1993, 1993-04, 1993-04-03, 44 BC, summer 1992, 1330s or 11th century)"
    year, month, day = astro(int(im.group(1))), im.group(2), im.group(3)
    if month is None:
      return (year, 1, 1), (year, 12, 31)
    month = int(month)
    if not 1 <= month <= 12:
      raise ValueError(f"there is no month {month}")
    if day is None:
      return (year, month, 1), (year, month, days_in(month, year))
    day = int(day)
    if not 1 <= day <= days_in(month, year):
      raise ValueError("day is out of range for month")
    return (year, month, day), (year, month, day)
  except ValueError as error:
    return f"impossible date {text!r}: {error}"


def check_date(value):
  """Returns an error message or None for a date such as `by 1993-03-29`, `44 BC/14` or `late 1980s`."""
  text = re.sub(r"^(by|circa|before|after) ", "", str(value).strip())
  parts = text.split("/")
  if len(parts) > 2:
    return f"bad date span {text!r}"
  bounds = []
  for part in parts:
    found = date_bounds(part)
    if isinstance(found, str):
      return found
    bounds.append(found)
  if len(bounds) == 2 and bounds[1][1] < bounds[0][0]:
    return f"date span {text!r} ends before it starts"
  return None


def main(argv):
  deck_path = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Decks", "kalbajar.yaml")
  deck_path = os.path.normpath(deck_path)
  problems = []

  def problem(line, message):
    problems.append(f"{deck_path}:{line}: {message}")

  with open(deck_path, encoding="utf-8") as handle:
    data = yaml.load(handle, Loader=LineLoader)

  meta = data.get("deck") or {}
  sources = {}
  for source in meta.get("sources") or []:
    path = os.path.join(os.path.dirname(deck_path), source["file"]) if source.get("file") else None
    text = None
    if path:
      with open(path, encoding="utf-8") as handle:
        text = collapse(handle.read())
    sources[source["key"]] = text
  default_key = (meta.get("sources") or [{}])[0].get("key")

  ids = {}
  eras = set()
  for era in meta.get("eras") or []:
    if era["id"] in ids:
      problem(era["__line__"], f"duplicate id {era['id']!r} (first at line {ids[era['id']]})")
    ids[era["id"]] = era["__line__"]
    eras.add(era["id"])
    for key in ("from", "to"):
      if key in era:
        message = check_date(era[key])
        if message:
          problem(era["__line__"], f"era {era['id']}: {message}")

  sections = ("people", "places", "units", "organisations", "events", "facts", "cards")
  for section in sections:
    for item in data.get(section) or []:
      item_id = item.get("id")
      if not item_id or not ID_RE.match(str(item_id)):
        problem(item["__line__"], f"{section}: bad or missing id {item_id!r}")
        continue
      if item_id in ids:
        problem(item["__line__"], f"duplicate id {item_id!r} (first at line {ids[item_id]})")
      ids[item_id] = item["__line__"]
  place_ids = {i["id"] for i in data.get("places") or []}
  actor_ids = {i["id"] for s in ("people", "units", "organisations") for i in data.get(s) or []}

  quotes = 0

  def check_quote(owner, line, source):
    nonlocal quotes
    if source is None:
      problem(line, f"{owner}: no source quote")
      return
    if isinstance(source, dict):
      text, key = source.get("quote"), source.get("cite", default_key)
    else:
      text, key = source, default_key
    if key not in sources:
      problem(line, f"{owner}: unknown cite {key!r}")
      return
    if not isinstance(text, str) or not text.strip():
      problem(line, f"{owner}: empty quote")
      return
    quotes += 1
    if re.search(r"\[\d+\]|\[[a-z]\]", text):
      problem(line, f"{owner}: quote contains a citation marker: {text!r}")
    if sources[key] is not None and collapse(text) not in sources[key]:
      problem(line, f"{owner}: quote not found verbatim in source {key!r}: {text!r}")

  for section in ("people", "places", "units", "organisations"):
    for item in data.get(section) or []:
      owner = f"{section[:-1]} {item.get('id')}"
      check_quote(owner, item["__line__"], item.get("source"))
      if not item.get("name"):
        problem(item["__line__"], f"{owner}: no name")
      within = item.get("within")
      if within and within not in place_ids:
        problem(item["__line__"], f"{owner}: within {within!r} is not a known place id (within takes places only)")
      if section in ("people", "organisations") and not item.get("role"):
        problem(item["__line__"], f"{owner}: no role")
      if section in ("places", "units") and not item.get("type"):
        problem(item["__line__"], f"{owner}: no type")

  for event in data.get("events") or []:
    owner = f"event {event.get('id')}"
    line = event["__line__"]
    check_quote(owner, line, event.get("source"))
    title = event.get("title", "")
    if not title:
      problem(line, f"{owner}: no title")
    elif title[0].isupper() and title.split()[0] in {"The", "A", "An"}:
      problem(line, f"{owner}: title should start lower case: {title!r}")
    for key in ("date", "end"):
      if key in event:
        message = check_date(event[key])
        if message:
          problem(line, f"{owner}: {message}")
    if event.get("era") and event["era"] not in eras:
      problem(line, f"{owner}: unknown era {event['era']!r}")
    for place in event.get("places") or []:
      if place not in place_ids:
        problem(line, f"{owner}: unknown place {place!r}")
    for actor in event.get("actors") or []:
      if actor not in actor_ids:
        problem(line, f"{owner}: unknown actor {actor!r}")
    quantity_ids = set()
    for quantity in event.get("quantities") or []:
      q_owner = f"{owner} quantity {quantity.get('id')}"
      q_line = quantity["__line__"]
      if quantity.get("id") in quantity_ids:
        problem(q_line, f"{q_owner}: duplicate quantity id")
      quantity_ids.add(quantity.get("id"))
      if not isinstance(quantity.get("value"), (int, float)) or isinstance(quantity.get("value"), bool):
        problem(q_line, f"{q_owner}: value must be a plain number")
      if quantity.get("qualifier", "exact") not in QUALIFIERS:
        problem(q_line, f"{q_owner}: unknown qualifier {quantity.get('qualifier')!r}")
      if not quantity.get("counts") and not quantity.get("question"):
        problem(q_line, f"{q_owner}: needs counts or question")
      check_quote(q_owner, q_line, quantity.get("source", event.get("source")))

  for fact in data.get("facts") or []:
    owner = f"fact {fact.get('id')}"
    line = fact["__line__"]
    check_quote(owner, line, fact.get("source"))
    if str(fact.get("term", "")) not in str(fact.get("statement", "")):
      problem(line, f"{owner}: term {fact.get('term')!r} not in statement")
    if fact.get("type", "text") not in ANSWER_TYPES:
      problem(line, f"{owner}: unknown type {fact.get('type')!r}")
    if fact.get("era") and fact["era"] not in eras:
      problem(line, f"{owner}: unknown era {fact['era']!r}")

  for card in data.get("cards") or []:
    owner = f"card {card.get('id')}"
    line = card["__line__"]
    kind = card.get("kind")
    if kind not in HAND_KINDS:
      problem(line, f"{owner}: unknown kind {kind!r}")
    if "source" in card:
      check_quote(owner, line, card["source"])
    if kind == "cloze" and not re.search(r"\{\{[^}]+\}\}", card.get("question", "")):
      problem(line, f"{owner}: cloze without a {{{{blank}}}}")
    if kind in ("typed", "choice") and not card.get("answer"):
      problem(line, f"{owner}: no answer")
    if kind == "choice" and len(card.get("choices") or []) < 2:
      problem(line, f"{owner}: a choice card needs at least two wrong options")
    if kind == "ordering" and len(card.get("order") or []) < 2:
      problem(line, f"{owner}: an ordering card needs at least two items")
    if card.get("era") and card["era"] not in eras:
      problem(line, f"{owner}: unknown era {card['era']!r}")

  for message in problems:
    print(message)
  counts = {s: len(data.get(s) or []) for s in sections}
  counts["quantities"] = sum(len(e.get("quantities") or []) for e in data.get("events") or [])
  summary = ", ".join(f"{n} {s}" for s, n in counts.items())
  print(f"{deck_path}: {summary}; {quotes} quotes checked; {len(problems)} problem(s)")
  return 1 if problems else 0


if __name__ == "__main__":
  sys.exit(main(sys.argv))
