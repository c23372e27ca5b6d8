"""The dropping passes: chrome anywhere, link lists under a "See also", everything after the end.

Each pass only touches lines that are still open, so a manifest override or an earlier, more
precise reason is never overwritten.
"""
from __future__ import annotations

import re

from .draft import Draft
from .rules import first_match
from .text import Line, word_count

AFTER_END = "after end of article"

# A related-article list item is a headline (short, no full stop), a timestamp or a bullet.
MAX_LIST_ITEM_WORDS = 16
_TIMESTAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}(?:,? \d{1,2}[:.]\d{2})?")
_BULLET = re.compile(r"[•*▪·–-] ")
# The first item may sit up to two blank lines below its heading; after that the list keeps
# the spacing it started with, so a heading further down is not swallowed.
MAX_FIRST_ITEM_GAP = 3


def drop_chrome(draft: Draft) -> None:
    for line in draft.open_lines():
        matched = first_match(draft.profile.chrome, line.text)
        if matched:
            draft.drop(line, matched.name)


def drop_lists(draft: Draft) -> None:
    """Drop each list heading ("See also", "Read more") with the run of links under it.

    Headings already dropped as chrome still end their list: "Read more" is both.
    """
    lines = draft.lines
    for index, line in enumerate(lines):
        matched = first_match(draft.profile.list_headings, line.text)
        if matched is None:
            continue
        if line.is_open:
            draft.drop(line, matched.name)
        for item in _list_items(lines, index):
            draft.drop(item, matched.name)


def _list_items(lines: list[Line], heading_index: int) -> list[Line]:
    items: list[Line] = []
    previous = lines[heading_index]
    spacing = None
    for line in lines[heading_index + 1:]:
        gap = line.number - previous.number
        allowed = gap <= MAX_FIRST_ITEM_GAP if spacing is None else gap in (1, spacing)
        if not (allowed and line.is_open and _is_list_item(line.text)):
            break
        spacing = spacing or gap
        items.append(line)
        previous = line
    return items


def _is_list_item(text: str) -> bool:
    if _TIMESTAMP.fullmatch(text) or _BULLET.match(text):
        return True
    return word_count(text) <= MAX_LIST_ITEM_WORDS and not text.endswith(".")


def drop_tail(draft: Draft) -> None:
    """Find where the article ends below the header; drop whatever is still open after it.

    An attribution line ("culled from Japan Times") ends the article too, and is kept.
    """
    end = _end_index(draft)
    if end is None:
        return
    for line in draft.lines[end + 1:]:
        if line.is_open:
            draft.drop(line, AFTER_END)


def _end_index(draft: Draft) -> int | None:
    profile = draft.profile
    for index in range(draft.body_start, len(draft.lines)):
        line = draft.lines[index]
        if line.is_open and profile.attribution and profile.attribution.matches(line.text):
            line.role = "meta"
            draft.attribution = line.text
            return index
        marker = first_match(profile.end_markers, line.text)
        if marker:
            if line.is_open:
                draft.drop(line, marker.name)
            return index
    return None
