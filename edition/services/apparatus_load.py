"""Load the editorial sources in `seeds/apparatus/` into Entry, Event and EventQuote rows.

Idempotent: a record that is already as the file says is not written, and the apparatus
version (part of every woven body's cache key) moves only when something changed. Records that
editors created in the admin, and are not in the files, are left alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from edition.linking.aliases import load_entries
from edition.linking.events import load_events
from edition.models import ApparatusState, Entry, EntryAlias, Event, EventQuote
from edition.signals import apparatus_changed

ENTRY_FIELDS = ("kind", "name", "short", "note", "wikidata", "names")
EVENT_FIELDS = ("name", "date", "date_end", "precision", "description")


@dataclass
class LoadReport:
    entries: int = 0
    events: int = 0
    changed: int = 0


def apparatus_folder(seeds: Path) -> Path | None:
    folder = seeds / "apparatus"
    return folder if (folder / "entries.yaml").is_file() else None


@transaction.atomic
def load_apparatus(folder: Path) -> LoadReport:
    """Raises edition.linking.aliases.ApparatusError listing every problem in the files."""
    glossary = load_entries(folder / "entries.yaml")
    events_path = folder / "events.yaml"
    events = load_events(events_path, glossary) if events_path.is_file() else ()
    report = LoadReport(entries=len(glossary.entries), events=len(events))
    # Everything is read up front and compared in memory: an unchanged apparatus costs a few queries.
    existing = {e.slug: e for e in Entry.objects.prefetch_related("aliases", "see_also")}
    rows = {entry.id: _upsert_entry(entry, existing.get(entry.id), report) for entry in glossary.entries}
    for entry in glossary.entries:
        _sync_many(rows[entry.id].see_also, [rows[i] for i in entry.see_also if i in rows], report)
    state, _ = ApparatusState.objects.get_or_create(pk=1)
    listed = sorted(glossary.ambiguous_surnames)
    if state.ambiguous_surnames != listed:
        ApparatusState.objects.filter(pk=1).update(ambiguous_surnames=listed)
        report.changed += 1
    existing_events = {e.slug: e for e in Event.objects.prefetch_related("participants", "related", "quotes")}
    event_rows = {event.id: _upsert_event(event, existing_events.get(event.id), rows, report) for event in events}
    for event in events:
        _sync_many(event_rows[event.id].related, [event_rows[i] for i in event.related if i in event_rows], report)
    if report.changed:
        ApparatusState.bump()
        apparatus_changed.send(sender=LoadReport)
    return report


def _upsert_entry(entry, row, report) -> Entry:
    values = {"kind": entry.kind, "name": entry.name, "short": entry.short, "note": entry.note,
              "wikidata": entry.wikidata or "", "names": [{"name": n.name, "used_by": n.used_by} for n in entry.names]}
    row = _upsert(Entry, entry.id, row, values, report)
    wanted = {(a.text, a.case_sensitive, a.whole_word) for a in entry.aliases}
    have = {(a.text, a.case_sensitive, a.whole_word) for a in row.aliases.all()}
    if wanted != have:
        row.aliases.all().delete()
        EntryAlias.objects.bulk_create(EntryAlias(entry=row, text=t, case_sensitive=c, whole_word=w) for t, c, w in wanted)
        report.changed += 1
    return row


def _upsert_event(event, row, entries, report) -> Event:
    values = {"name": event.name, "date": event.date, "date_end": event.date_end,
              "precision": event.precision, "description": event.description,
              "place_id": entries[event.place].pk if event.place in entries else None}
    row = _upsert(Event, event.id, row, values, report)
    _sync_many(row.participants, [entries[i] for i in event.participants if i in entries], report)
    wanted = {(m.article, m.quote) for m in event.mentions}
    have = {(q.source_file, q.quote) for q in row.quotes.all()}
    if wanted != have:
        row.quotes.all().delete()
        EventQuote.objects.bulk_create(EventQuote(event=row, source_file=f, quote=q) for f, q in wanted)
        report.changed += 1
    return row


def _upsert(model, slug, row, values, report):
    if row is None:
        report.changed += 1
        return model.objects.create(slug=slug, **values)
    if any(getattr(row, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
        report.changed += 1
    return row


def _sync_many(manager, wanted, report) -> None:
    if {o.pk for o in wanted} != {o.pk for o in manager.all()}:
        manager.set(wanted)
        report.changed += 1
