"""Events of the edition as plain dataclasses, read from `seeds/apparatus/events.yaml`.

An event has a date with a precision (day, month or year; the date is the first day of the
period), optional place, participants and related events, and curated mentions: quotes of the
article passages that report it (placed by quotes.py). Problems are reported like entries'.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .aliases import SLUG, ApparatusError, Glossary, read_yaml

EVENT_PRECISIONS = ("day", "month", "year")
EVENT_KEYS = {
    "id", "name", "date", "date_end", "precision", "description", "place", "participants",
    "mentions", "related",
}


@dataclass(frozen=True)
class EventMention:
    article: str  # seed file name, e.g. "001_477d697d00413904.txt"
    quote: str  # verbatim text of one cleaned paragraph (white space may differ)


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    date: date
    precision: str
    description: str
    date_end: date | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    related: tuple[str, ...] = ()


def load_events(path: str | Path, glossary: Glossary | None = None) -> tuple[Event, ...]:
    """Events; with a glossary, `place` and `participants` must name its entries."""
    path = Path(path)
    return parse_events(read_yaml(path), glossary, source=path.name)


def parse_events(data, glossary: Glossary | None = None, source: str = "events.yaml"):
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ApparatusError([f"{source}: expected a mapping with an 'events' list"])
    events = []
    for index, raw in enumerate(data["events"], start=1):
        event = _parse_event(raw, f"{source}: event #{index}", problems)
        if event is not None:
            events.append(event)
    _check_event_refs(events, glossary, source, problems)
    if problems:
        raise ApparatusError(problems)
    return tuple(events)


def _parse_event(raw, where: str, problems: list[str]) -> Event | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping, got {type(raw).__name__}")
        return None
    if isinstance(raw.get("id"), str):
        where = f"{where} (id {raw['id']!r})"
    before = len(problems)
    for key in sorted(set(raw) - EVENT_KEYS):
        problems.append(f"{where}: unknown field {key!r}")
    if not isinstance(raw.get("id"), str) or not SLUG.match(raw["id"]):
        problems.append(f"{where}: id must be a lowercase slug, got {raw.get('id')!r}")
    for key in ("name", "description"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            problems.append(f"{where}: {key} is required")
    precision = raw.get("precision")
    if precision not in EVENT_PRECISIONS:
        problems.append(f"{where}: bad precision {precision!r}; expected day, month or year")
    start = _parse_date(raw.get("date"), "date", where, problems)
    end = _parse_date(raw.get("date_end"), "date_end", where, problems, required=False)
    if start and precision in EVENT_PRECISIONS:
        _check_precision(start, precision, where, problems)
    if start and end and end < start:
        problems.append(f"{where}: date_end {end} is before date {start}")
    mentions = tuple(_parse_event_mentions(raw.get("mentions") or [], where, problems))
    lists = {key: raw.get(key) or [] for key in ("participants", "related")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{where}: {key} must be a list of ids")
    if len(problems) > before:
        return None
    return Event(
        id=raw["id"], name=raw["name"].strip(), date=start, precision=precision,
        description=raw["description"].strip(), date_end=end, place=raw.get("place"),
        participants=tuple(lists["participants"]), mentions=mentions,
        related=tuple(lists["related"]),
    )


def _parse_date(value, key, where, problems, required=True) -> date | None:
    if value is None:
        if required:
            problems.append(f"{where}: {key} is required (YYYY-MM-DD)")
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: bad {key} {value!r}; expected an ISO date YYYY-MM-DD")
        return None


def _check_precision(value: date, precision: str, where, problems) -> None:
    if precision == "month" and value.day != 1:
        problems.append(f"{where}: precision month needs the first day of the month, got {value}")
    if precision == "year" and (value.month, value.day) != (1, 1):
        problems.append(f"{where}: precision year needs January 1, got {value}")


def _parse_event_mentions(raw_mentions, where, problems):
    if not isinstance(raw_mentions, list):
        problems.append(f"{where}: mentions must be a list of {{article, quote}}")
        return
    for raw in raw_mentions:
        if (
            not isinstance(raw, dict) or set(raw) != {"article", "quote"}
            or not all(isinstance(raw[k], str) and raw[k] for k in raw)
        ):
            problems.append(f"{where}: each mention needs exactly article and quote, got {raw!r}")
            continue
        yield EventMention(raw["article"], raw["quote"])


def _check_event_refs(events, glossary, source, problems) -> None:
    ids: set[str] = set()
    for event in events:
        if event.id in ids:
            problems.append(f"{source}: duplicate id {event.id!r}")
        ids.add(event.id)
    for event in events:
        for other in event.related:
            if other not in ids:
                problems.append(f"{source}: event {event.id!r}: related refers to unknown event {other!r}")
        if glossary is None:
            continue
        if event.id in glossary.by_id:
            problems.append(f"{source}: event id {event.id!r} is also an entry id")
        refs = ([("place", event.place)] if event.place else []) + [
            ("participants", p) for p in event.participants
        ]
        for key, ref in refs:
            if ref not in glossary.by_id:
                problems.append(f"{source}: event {event.id!r}: {key} refers to unknown entry {ref!r}")
