"""Place the curated event mentions (`{article, quote}` in events.yaml) in an article's blocks.

A quote is verbatim text of one cleaned block, except that any run of white space matches any
other (the source pages scatter no-break spaces) and straight and curly quotation marks match
each other. It links the first block that contains it, at its first occurrence there. A quote
that is missing (the cleaner changed the text, or the quote was mistyped) is returned
separately so that the link service can report it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .events import Event
from .matcher import Mention


_EQUIVALENTS = {"'": "['\u2019]", "\u2019": "['\u2019]", '"': '["\u201c\u201d]',
                "\u201c": '["\u201c\u201d]', "\u201d": '["\u201c\u201d]'}


@lru_cache(maxsize=4096)
def quote_pattern(quote: str) -> re.Pattern:
    parts = []
    for token in re.split(r"(\s+)", quote.strip()):
        if token.isspace():
            parts.append(r"\s+")
        else:
            parts.extend(_EQUIVALENTS.get(char) or re.escape(char) for char in token)
    return re.compile("".join(parts))


def locate_quote(blocks: list[str], quote: str) -> tuple[int, int, int] | None:
    """(block, start, end) of the first occurrence of quote, or None."""
    pattern = quote_pattern(quote)
    for index, text in enumerate(blocks):
        match = pattern.search(text)
        if match:
            return index, match.start(), match.end()
    return None


def event_mentions(
    blocks: list[str], events: Iterable[Event], article: str
) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Mentions of events in one article (target_id is the event id), and the missing quotes
    as (event id, quote)."""
    found, missing = [], []
    for event in events:
        for mention in event.mentions:
            if mention.article != article:
                continue
            place = locate_quote(blocks, mention.quote)
            if place is None:
                missing.append((event.id, mention.quote))
                continue
            block, start, end = place
            found.append(Mention(block, start, end, event.id, blocks[block][start:end]))
    found.sort(key=lambda m: (m.block, m.start))
    return found, missing
