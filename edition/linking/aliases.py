"""The editorial apparatus as plain dataclasses: glossary/register entries and their aliases.

`load_entries` reads `seeds/apparatus/entries.yaml` and checks it; every problem is reported
with the file, the record and the field, all at once, so that an editor fixes a file in one
pass. Events (`load_events`, `Event`) live in events.py and are importable from here too. No
Django here: the link service turns these into rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

KINDS = ("term", "place", "organisation", "agreement", "person")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
SHORT_LIMIT = 200
ALIAS_KEYS = {"text", "case_sensitive", "whole_word"}
ENTRY_KEYS = {"id", "kind", "name", "aliases", "short", "note", "see_also", "wikidata", "names"}


class ApparatusError(ValueError):
    """One or more problems in an apparatus file; `problems` lists them, one precise line each."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Alias:
    text: str
    target_id: str
    case_sensitive: bool = True
    whole_word: bool = True
    plural: bool = False  # also match a regular English plural ("EEZs"); set for terms
    needs_antecedent: bool = False  # a bare surname: linked only after a full mention


@dataclass(frozen=True)
class PlaceName:
    name: str
    used_by: str


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    name: str
    short: str
    note: str = ""
    aliases: tuple[Alias, ...] = ()
    see_also: tuple[str, ...] = ()
    wikidata: str | None = None
    names: tuple[PlaceName, ...] = ()  # for disputed places: who uses which name


@dataclass(frozen=True)
class Glossary:
    """All entries, plus the bare surnames that need an antecedent (listed and derived)."""

    entries: tuple[Entry, ...]
    ambiguous_surnames: frozenset[str] = frozenset()
    by_id: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self.by_id.update({entry.id: entry for entry in self.entries})

    def aliases(self) -> list[Alias]:
        return [alias for entry in self.entries for alias in entry.aliases]


def load_entries(path: str | Path) -> Glossary:
    path = Path(path)
    return parse_entries(read_yaml(path), source=path.name)


def read_yaml(path: Path):
    try:
        # libyaml's C loader when PyYAML has it: the apparatus is read on every ingest.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise ApparatusError([f"{path.name}: not valid YAML: {exc}"]) from exc


# --- entries ---------------------------------------------------------------------------------


def parse_entries(data, source: str = "entries.yaml") -> Glossary:
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ApparatusError([f"{source}: expected a mapping with an 'entries' list"])
    entries = []
    for index, raw in enumerate(data["entries"], start=1):
        entry = _parse_entry(raw, f"{source}: entry #{index}", problems)
        if entry is not None:
            entries.append(entry)
    _check_ids(entries, source, problems)
    listed = data.get("ambiguous_surnames") or []
    if not isinstance(listed, list) or not all(isinstance(s, str) for s in listed):
        problems.append(f"{source}: ambiguous_surnames must be a list of strings")
        listed = []
    ambiguous = _ambiguous_surnames(entries, set(listed), source, problems)
    if problems:
        raise ApparatusError(problems)
    return Glossary(tuple(_mark_aliases(entry, ambiguous) for entry in entries), ambiguous)


def _parse_entry(raw, where: str, problems: list[str]) -> Entry | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping, got {type(raw).__name__}")
        return None
    entry_id = raw.get("id")
    if isinstance(entry_id, str):
        where = f"{where} (id {entry_id!r})"
    before = len(problems)
    for key in sorted(set(raw) - ENTRY_KEYS):
        problems.append(f"{where}: unknown field {key!r}")
    if not isinstance(entry_id, str) or not SLUG.match(entry_id):
        problems.append(f"{where}: id must be a lowercase slug, got {entry_id!r}")
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: bad kind {kind!r}; expected one of {', '.join(KINDS)}")
    for key in ("name", "short"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            problems.append(f"{where}: {key} is required")
    short = raw.get("short") or ""
    if isinstance(short, str) and len(short) > SHORT_LIMIT:
        problems.append(f"{where}: short is {len(short)} characters; the limit is {SHORT_LIMIT}")
    wikidata = raw.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and WIKIDATA.match(wikidata)):
        problems.append(f"{where}: wikidata must look like 'Q123', got {wikidata!r}")
    aliases = tuple(_parse_aliases(raw.get("aliases") or [], entry_id, where, problems))
    names = tuple(_parse_names(raw.get("names") or [], kind, where, problems))
    see_also = raw.get("see_also") or []
    if not isinstance(see_also, list) or not all(isinstance(s, str) for s in see_also):
        problems.append(f"{where}: see_also must be a list of ids")
        see_also = []
    if len(problems) > before:
        return None
    return Entry(
        id=entry_id, kind=kind, name=raw["name"].strip(), short=short.strip(),
        note=(raw.get("note") or "").strip(), aliases=aliases, see_also=tuple(see_also),
        wikidata=wikidata, names=names,
    )


def _parse_aliases(raw_aliases, target_id, where, problems):
    if not isinstance(raw_aliases, list):
        problems.append(f"{where}: aliases must be a list")
        return
    seen = set()
    for raw in raw_aliases:
        if isinstance(raw, str):
            raw = {"text": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
            problems.append(f"{where}: alias {raw!r} needs a non-empty text")
            continue
        for key in sorted(set(raw) - ALIAS_KEYS):
            problems.append(f"{where}: alias {raw['text']!r} has unknown field {key!r}")
        flags = {key: raw.get(key, True) for key in ("case_sensitive", "whole_word")}
        for key, value in flags.items():
            if not isinstance(value, bool):
                problems.append(f"{where}: alias {raw['text']!r}: {key} must be true or false")
        if raw["text"] in seen:
            problems.append(f"{where}: alias {raw['text']!r} is listed twice")
        seen.add(raw["text"])
        yield Alias(raw["text"], target_id, **flags)


def _parse_names(raw_names, kind, where, problems):
    if raw_names and kind != "place":
        problems.append(f"{where}: names (who uses which name) is for places only")
    if not isinstance(raw_names, list):
        problems.append(f"{where}: names must be a list of {{name, used_by}}")
        return
    for raw in raw_names:
        if not isinstance(raw, dict) or set(raw) != {"name", "used_by"}:
            problems.append(f"{where}: each of names needs exactly name and used_by, got {raw!r}")
            continue
        yield PlaceName(str(raw["name"]), str(raw["used_by"]))


def _check_ids(entries: list[Entry], source: str, problems: list[str]) -> None:
    ids: set[str] = set()
    for entry in entries:
        if entry.id in ids:
            problems.append(f"{source}: duplicate id {entry.id!r}")
        ids.add(entry.id)
    for entry in entries:
        for other in entry.see_also:
            if other not in ids:
                problems.append(f"{source}: entry {entry.id!r}: see_also refers to unknown id {other!r}")
            elif other == entry.id:
                problems.append(f"{source}: entry {entry.id!r}: see_also refers to itself")


def _ambiguous_surnames(entries, listed: set[str], source, problems) -> frozenset[str]:
    """Alias texts owned by several persons, plus the listed ones; any other clash is an error."""
    owners: dict[str, list[tuple[Entry, Alias]]] = {}
    for entry in entries:
        for alias in entry.aliases:
            owners.setdefault(alias.text.lower(), []).append((entry, alias))
    ambiguous = set(listed)
    for text, claims in owners.items():
        entry_ids = sorted({entry.id for entry, _ in claims})
        if len(entry_ids) < 2:
            continue
        exact = len({alias.text for _, alias in claims}) == 1
        insensitive = any(not alias.case_sensitive for _, alias in claims)
        if not (exact or insensitive):
            continue  # "Shell" and "shell", both case-sensitive, do not clash
        if all(entry.kind == "person" for entry, _ in claims) and exact:
            ambiguous.add(claims[0][1].text)
        else:
            problems.append(
                f"{source}: alias {claims[0][1].text!r} is claimed by {', '.join(entry_ids)}; "
                "only persons may share an alias (a bare surname)"
            )
    person_aliases = {a.text for e in entries if e.kind == "person" for a in e.aliases}
    for surname in sorted(listed - person_aliases):
        problems.append(f"{source}: ambiguous_surnames: {surname!r} is not an alias of any person")
    return frozenset(ambiguous)


def _mark_aliases(entry: Entry, ambiguous: frozenset[str]) -> Entry:
    marked = tuple(
        replace(
            alias,
            plural=entry.kind == "term" and alias.whole_word,
            needs_antecedent=entry.kind == "person" and alias.text in ambiguous,
        )
        for alias in entry.aliases
    )
    return replace(entry, aliases=marked)


def __getattr__(name: str):
    """`load_events` and the event dataclasses, from events.py (imported lazily: no cycle)."""
    if name in {"Event", "EventMention", "load_events", "parse_events", "EVENT_PRECISIONS"}:
        from . import events

        return getattr(events, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
