"""Dates for the event-link suggester: the dates a sentence names, and whether one fits an event.

A date expression (edition.linking.dates, resolved against the article's date) and an event are
compatible when the periods they name overlap: "in May" fits an event of 8-11 May 2018 at day
precision, "on May 4" fits an event dated May 2018 at month precision. How much a match says
depends on the coarser of the two precisions: a day that fits is strong evidence, a year weak,
a decade next to none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import find_date_expressions, resolve_relative_date

PRECISION_ORDER = ("day", "week", "month", "season", "year", "decade")
STRENGTH = {"day": 1.0, "week": 0.85, "month": 0.7, "season": 0.5, "year": 0.45, "decade": 0.15}
# A date inside a citation, "(Xinhua, May 4)", dates the source, not the event: half the weight.
CITATION_WEIGHT = 0.5
# "... back to June 2017. That month, Washington deployed ...": a date of the sentence before, in
# the same block, counts at this weight.
CARRIED_WEIGHT = 0.7
_FUTURE = re.compile(r"\b(?:will|would|plans?|planned|expected|to be held|upcoming)\b", re.I)
_CITATION_TAIL = re.compile(r"\([^()]*,\s*$")
_HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


@dataclass(frozen=True)
class NamedDate:
    expression: str
    start: date
    precision: str
    in_citation: bool = False
    carried: bool = False  # named by the sentence before

    @property
    def end(self) -> date:
        return period_end(self.start, self.precision)


def period_end(start: date, precision: str) -> date:
    """The last day of the period that starts on `start` at `precision`."""
    if precision == "day":
        return start
    if precision == "week":
        return start + timedelta(days=6)
    months = {"month": 1, "season": 3, "year": 12, "decade": 120}[precision]
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1) - timedelta(days=1)


def dates_in(sentence: str, article_date: date | None) -> list[NamedDate]:
    """The dates a sentence names; without an article date, only those that give their year."""
    tense = "future" if _FUTURE.search(sentence) else "past"
    found = []
    for start, _end, expression in find_date_expressions(sentence):
        if article_date is None and not _HAS_YEAR.search(expression):
            continue
        resolved = resolve_relative_date(expression, article_date or date(2000, 1, 1), tense)
        if resolved is None:
            continue
        cited = bool(_CITATION_TAIL.search(sentence[:start]))
        found.append(NamedDate(expression.strip(), resolved[0], resolved[1], cited))
    return found


def coarser(a: str, b: str) -> str:
    return a if PRECISION_ORDER.index(a) >= PRECISION_ORDER.index(b) else b


def date_fit(named: NamedDate, start: date, precision: str, end: date | None = None) -> float:
    """How strongly a named date points to an event of that date (0 when they do not overlap)."""
    event_end = period_end(end or start, precision)
    if named.end < start or named.start > event_end:
        return 0.0
    strength = STRENGTH[coarser(named.precision, precision)]
    return strength * (CITATION_WEIGHT if named.in_citation else 1.0) * (CARRIED_WEIGHT if named.carried else 1.0)


def contradicts(named: NamedDate, start: date, precision: str, end: date | None = None) -> bool:
    """The sentence names, in its own words, a definite period that excludes the event's."""
    if named.in_citation or named.carried or named.precision == "decade":
        return False
    return date_fit(named, start, precision, end) == 0.0
