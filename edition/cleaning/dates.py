"""Turn a header date line into a `date`, using the named groups of the profile's pattern.

Patterns name their groups (day, month, year), so "06/08/2018" is read day-first only because
the AsiaNews pattern says so; the generic patterns never guess at an all-numeric order.
"""
from __future__ import annotations

import re
from datetime import date

from .text import word_count

# A date line is short: "Published: March 3, 2024 10:32 JST". Longer text is prose that
# merely starts with a date.
MAX_DATE_LINE_WORDS = 12

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text.lower().rstrip("."))


def parse_date_line(text: str, date_patterns: tuple[re.Pattern, ...]) -> date | None:
    if word_count(text) > MAX_DATE_LINE_WORDS:
        return None
    for pattern in date_patterns:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = month_number(match["month"])
        if month is None:
            continue
        try:
            return date(int(match["year"]), month, int(match["day"]))
        except ValueError:  # 31 February and friends: not a date line after all
            continue
    return None
