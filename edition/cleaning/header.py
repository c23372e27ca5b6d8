"""Read the header: date, byline, kicker, title, standfirst and the photo captions that sit
above the first paragraph.

Where the profile has datelines ("TOKYO -- ...") the dateline paragraph bounds the header, so
everything between the standfirst and it can safely be read as captions. Without one, the
header is read more cautiously: no captions, and a standfirst only if the profile allows a
short one (HeaderShape.unbounded_standfirst_words).
"""
from __future__ import annotations

import re

from .apparatus import split_dateline
from .dates import parse_date_line
from .draft import Draft
from .rules import Profile
from .text import Line, word_count

HEADER_WINDOW = 10  # open lines searched for the dateline paragraph
MAX_KICKER_WORDS = 6
MAX_BYLINE_WORDS = 12
# Headlines do not end in a full stop or a comma; a short first sentence of prose does.
_PROSE_END = re.compile(r"[.,;:]$")


def read_header(draft: Draft) -> None:
    candidates = draft.open_lines()[:HEADER_WINDOW]
    dateline_at = next(
        (i for i, line in enumerate(candidates) if split_dateline(line.text, draft.profile.datelines)), None
    )
    bounded = dateline_at is not None
    last = None
    for line in candidates[:dateline_at] if bounded else candidates:
        if not _place(draft, line, bounded):
            break
        last = line
    if last is not None:
        draft.body_start = draft.index_of(last) + 1


def byline_name(text: str, profile: Profile) -> str | None:
    if profile.byline is None or word_count(text) > MAX_BYLINE_WORDS:
        return None
    match = profile.byline.fullmatch(text)
    return match["name"] if match else None


def _place(draft: Draft, line: Line, bounded: bool) -> bool:
    """Read `line` into the draft's metadata; False when it belongs to the body."""
    text = line.text
    if draft.published is None and (day := parse_date_line(text, draft.profile.date_lines)):
        draft.published = day
    elif draft.byline is None and (name := byline_name(text, draft.profile)):
        draft.byline = name
    elif _is_kicker(draft, line):
        draft.kicker = text
    elif _is_title(draft, text):
        draft.title = text
    elif _is_standfirst(draft, text, bounded):
        draft.subtitle = text
    elif draft.profile.header.captions and bounded and draft.subtitle is not None:
        line.role = "caption"
        return True
    else:
        return False
    line.role = "meta"
    return True


def _is_kicker(draft: Draft, line: Line) -> bool:
    """A kicker hangs directly under dropped site chrome, with no blank line between."""
    if not draft.profile.header.kicker or draft.title or draft.kicker or word_count(line.text) > MAX_KICKER_WORDS:
        return False
    index = draft.index_of(line)
    above = draft.lines[index - 1] if index else None
    return above is not None and above.role == "dropped" and line.follows(above)


def _is_title(draft: Draft, text: str) -> bool:
    shape = draft.profile.header
    return (
        shape.title
        and draft.title is None
        and word_count(text) <= shape.max_title_words
        and not _PROSE_END.search(text)
    )


def _is_standfirst(draft: Draft, text: str, bounded: bool) -> bool:
    return (
        draft.profile.header.standfirst
        and draft.title is not None
        and draft.subtitle is None
        and (bounded or word_count(text) <= draft.profile.header.unbounded_standfirst_words)
    )
