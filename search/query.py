"""The reader's query, parsed into words, "quoted phrases" and prefixes (tarif*).

Pure Python, no Django. Neither engine ever sees what the reader typed: the query is cut into
tokens the way both engines' tokenizers cut text (runs of letters and digits), and each engine
writes its own syntax from those tokens (search.engines), so that ( ) : ^ " * - NEAR AND OR are
only ever punctuation or plain words.

An entry is found by any of its names: a word, a phrase or the whole query that is one of an
entry's names or aliases stands for all of them ("Diaoyu" also looks for "Senkaku Islands").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_LENGTH = 500
MAX_UNITS = 32
MAX_ALTERNATIVES = 12
MIN_PREFIX = 3

# Words in nearly every paragraph: alone they find everything and rank nothing, and at the ends of
# a phrase they add nothing but cost (PostgreSQL's English configuration drops them anyway).
COMMON_WORDS = frozenset("""
a an and are as at be been but by for from had has have he her his i if in into is it its no not
of on or our she so than that the their them then there these they this those to was we were
which who will with you your s t d ll m re ve
""".split())

TOKEN = re.compile(r"[^\W_]+")
QUOTES = '"“”„«»'
QUOTED = re.compile(r'["“”„«»]([^"“”„«»]*)(?:["“”„«»]|$)')


class QueryError(ValueError):
    """A query that cannot be searched for; the message is for the reader."""


@dataclass(frozen=True)
class Unit:
    """One word, phrase or prefix: tokens in order, casefolded; `prefix` marks the last token."""

    tokens: tuple[str, ...]
    prefix: bool = False
    typed: tuple[str, ...] = ()  # the tokens as typed, case kept (to match case-sensitive aliases)

    @property
    def text(self) -> str:
        return " ".join(self.tokens) + ("*" if self.prefix else "")


@dataclass(frozen=True)
class All:
    parts: tuple


@dataclass(frozen=True)
class Any:
    parts: tuple


@dataclass(frozen=True)
class Query:
    text: str
    units: tuple[Unit, ...]
    expression: object  # Unit | All | Any: what the engines search for


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def parse(text: str) -> list[Unit]:
    """The units of `text`; raises QueryError with a message for the reader."""
    text = (text or "").strip()
    if not text:
        raise QueryError("Type a word or a phrase to search for.")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"That search is too long ({len(text):,} characters). "
                         f"Use at most {MAX_QUERY_LENGTH} characters: a few distinctive words work best.")
    units, position = [], 0
    for match in QUOTED.finditer(text):
        units += _words(text[position:match.start()])
        units += _phrase(match.group(1))
        position = match.end()
    units += _words(text[position:])
    if not units:
        raise QueryError("There are no words to search for in that query: "
                         "search for letters or numbers, such as “tariffs” or “2018”.")
    short = next((u for u in units if u.prefix and len(u.tokens[-1]) < MIN_PREFIX), None)
    if short is not None:
        raise QueryError(f"“{short.text}” is too short to search for its continuations: "
                         f"give at least {MIN_PREFIX} letters before the *, such as “tar*”.")
    units = [trimmed for trimmed in map(trim, units) if trimmed is not None]
    if not units:
        raise QueryError("Those words are in nearly every passage: add a less common word, "
                         "such as a name, a place or a subject.")
    if len(units) > MAX_UNITS:
        raise QueryError(f"That search has too many words ({len(units)}); use at most {MAX_UNITS}.")
    unique: dict[tuple, Unit] = {}
    for unit in units:
        unique.setdefault((unit.tokens, unit.prefix), unit)
    return list(unique.values())


def _words(segment: str) -> list[Unit]:
    units = []
    for word in segment.split():
        found = tokens(word)
        if found:
            units.append(_unit(found, prefix=word.rstrip(QUOTES).endswith("*")))
    return units


def _phrase(segment: str) -> list[Unit]:
    found = tokens(segment)
    return [_unit(found, prefix=False)] if found else []


def _unit(found: list[str], prefix: bool) -> Unit:
    return Unit(tuple(t.casefold() for t in found), prefix, tuple(found))


def trim(unit: Unit) -> Unit | None:
    """The unit without common words at its ends ("of the Korean" is "Korean"); None if that
    leaves nothing. A prefix is kept whole."""
    if unit.prefix:
        return unit
    first, last = 0, len(unit.tokens)
    while first < last and unit.tokens[first] in COMMON_WORDS:
        first += 1
    while last > first and unit.tokens[last - 1] in COMMON_WORDS:
        last -= 1
    if first == last:
        return None
    return Unit(unit.tokens[first:last], False, unit.typed[first:last])


# --- names of entries -------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    entry_id: int
    text: str
    case_sensitive: bool = False


class NameIndex:
    """Every entry's names and aliases, to find the entry a word or a phrase names."""

    def __init__(self, names: list[Name]):
        self._by_tokens: dict[tuple[str, ...], list[tuple[Name, tuple[str, ...]]]] = {}
        self._units: dict[int, list[Unit]] = {}
        for name in names:
            typed = tuple(tokens(name.text))
            if not typed:
                continue
            key = tuple(t.casefold() for t in typed)
            self._by_tokens.setdefault(key, []).append((name, typed))
            unit = Unit(key, False, typed)
            if unit not in self._units.setdefault(name.entry_id, []):
                self._units[name.entry_id].append(unit)

    def entries_named(self, unit: Unit) -> list[int]:
        if unit.prefix:
            return []
        found = []
        for name, typed in self._by_tokens.get(unit.tokens, ()):
            if name.case_sensitive and typed != unit.typed:
                continue
            if name.entry_id not in found:
                found.append(name.entry_id)
        return found

    def alternatives(self, unit: Unit) -> list[Unit]:
        """The unit and the other names of every entry it names, at most MAX_ALTERNATIVES. A
        name that contains a shorter one ("Senkaku Islands", "Senkaku") adds no match and is
        left out: every phrase costs the engines a pass over its documents."""
        found = [unit]
        for entry_id in self.entries_named(unit):
            found += [other for other in self._units.get(entry_id, ()) if other.tokens != unit.tokens]
        shortest_first = sorted(found[1:], key=lambda u: len(u.tokens))
        kept = [unit]
        for other in shortest_first:
            if not any(_contains(other.tokens, k.tokens) for k in kept):
                kept.append(other)
        return kept[:MAX_ALTERNATIVES]


def _contains(tokens: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether `part` occurs in `tokens` as a run: then whatever has `tokens` has `part`."""
    return any(tokens[i:i + len(part)] == part for i in range(len(tokens) - len(part) + 1))


def build(text: str, names: NameIndex | None = None) -> Query:
    """Parse `text` and widen it with entries' names: every unit must match (or one of the other
    names of an entry it names); a query that is as a whole an entry's name also finds its aliases."""
    units = parse(text)
    names = names or NameIndex([])
    groups = []
    for unit in units:
        alternatives = names.alternatives(unit)
        groups.append(alternatives[0] if len(alternatives) == 1 else Any(tuple(alternatives)))
    expression = groups[0] if len(groups) == 1 else All(tuple(groups))
    if len(units) > 1 and not any(u.prefix for u in units):
        whole = Unit(tuple(t for u in units for t in u.tokens), False, tuple(t for u in units for t in u.typed))
        others = names.alternatives(whole)[1:]
        if others:
            expression = Any((expression, *others))
    return Query(text.strip(), tuple(units), expression)


def flatten(expression) -> list[Unit]:
    """Every unit in the expression (for highlighting and for tests)."""
    if isinstance(expression, Unit):
        return [expression]
    return [unit for part in expression.parts for unit in flatten(part)]
