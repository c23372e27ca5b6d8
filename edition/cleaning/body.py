"""Classify what is left below the header: paragraphs, headings, captions, quotes, footnotes,
and the byline or date some sites put at the foot of the article.
"""
from __future__ import annotations

import re

from .apparatus import FOOTNOTE
from .dates import parse_date_line
from .draft import Draft
from .header import byline_name
from .rules import first_match
from .text import Line, word_count

HEADING_MAX_WORDS = 10
HEADING_MAX_CHARS = 90
# A heading has no closing punctuation; "?" is allowed ("What next?").
_SENTENCE_END = re.compile(r"[.,;:!…\"”’')\]]$")
QUOTE_PREFIX = "> "
# A line ending like a sentence ends its paragraph; anything else may be hard-wrapped.
_WRAP_STOP = re.compile(r"[.!?:;\"”’')\]]$")
# The second copy of a Japan Times caption adds its credit: "<caption> | POOL / VIA KYODO".
_ADDED_CREDIT = re.compile(r" ?\| ?\S.*")


def classify_body(draft: Draft) -> None:
    body = draft.open_lines(draft.body_start)
    _merge_duplicate_captions(draft, body)
    body = [line for line in body if line.is_open]
    seen_paragraph = any(line.role == "paragraph" for line in draft.lines)
    for position, line in enumerate(body):
        role = _body_role(draft, line, is_last=position == len(body) - 1, seen_paragraph=seen_paragraph)
        if role == "dropped":
            draft.drop(line, "repeated date line")
        else:
            line.role = role
        seen_paragraph = seen_paragraph or role == "paragraph"


def _merge_duplicate_captions(draft: Draft, body: list[Line]) -> None:
    """Keep one copy of a caption the page prints twice, preferring the one with the credit."""
    for first, second in zip(body, body[1:]):
        if not (first.is_open and second.is_open and second.follows(first)):
            continue
        if second.text == first.text:
            draft.drop(second, "duplicate line")
        elif second.text.startswith(first.text) and _ADDED_CREDIT.fullmatch(second.text[len(first.text):]):
            draft.drop(first, "duplicate caption")
            second.role = "caption"


def _body_role(draft: Draft, line: Line, is_last: bool, seen_paragraph: bool) -> str:
    # A "[1] ..." line before any prose is a numbered list, not a note.
    text, profile = line.text, draft.profile
    if seen_paragraph and FOOTNOTE.fullmatch(text):
        return "footnote"
    if first_match(profile.captions, text):
        return "caption"
    if text.startswith(QUOTE_PREFIX):
        return "quote"
    if name := byline_name(text, profile):
        if draft.byline is None:
            draft.byline = name
            return "meta"
    elif day := parse_date_line(text, profile.date_lines):
        if draft.published is None:
            draft.published = day
            return "meta"
        return "dropped"
    if not is_last and looks_like_heading(text):
        return "heading"
    return "paragraph"


def continues(previous: Line, line: Line) -> bool:
    """A hard-wrapped paragraph: the line goes straight on from an unfinished one above it."""
    return (
        previous.role == line.role == "paragraph"
        and line.follows(previous)
        and not _WRAP_STOP.search(previous.text)
        and line.text[0].islower()
    )


def looks_like_heading(text: str) -> bool:
    return (
        word_count(text) <= HEADING_MAX_WORDS
        and len(text) <= HEADING_MAX_CHARS
        and (text[0].isupper() or text[0].isdigit())
        and not _SENTENCE_END.search(text)
    )
