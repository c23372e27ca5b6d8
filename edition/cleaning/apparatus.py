"""Datelines, footnote anchors and inline citations: the facts that need character offsets.

All offsets are code-point offsets into the final block text (DESIGN §3), so these run last,
on the assembled blocks, after nothing else will change the text.
"""
from __future__ import annotations

import re

from .model import Citation, CleanBlock, NoteAnchor

FOOTNOTE = re.compile(r"\[(?P<marker>\d{1,3})\] ?(?P<text>\S.*)")
_NOTE_MARKER = re.compile(r"\[(?P<marker>\d{1,3})\]")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# A source may carry a bracketed gloss ("Apple Daily [Hong Kong]") but no comma of its own:
# the comma is what separates it from the date.
_SOURCE = r"[^\s()\[\];,](?:[^()\[\];,]|\[[^\[\]]*\]){0,60}"
_ENTRY = rf"{_SOURCE}, {_MONTH} (?:\d{{1,2}}(?:, \d{{4}})?|\d{{4}})"
# "(Xinhua, May 4)", "(NHK News, April 19; Asahi Shimbun, January 30)", "(See China Brief,
# October 17, 2007)". An aside such as "(the son of ..., who signed ...)" has no date after
# its comma and so is not a citation.
CITATION = re.compile(rf"\({_ENTRY}(?:; {_ENTRY})*\)")


def split_dateline(text: str, datelines: tuple[re.Pattern, ...]) -> tuple[str, str] | None:
    """("TOKYO", "In resuming ...") for "TOKYO -- In resuming ..."; None when there is none."""
    for pattern in datelines:
        match = pattern.match(text)
        if match and text[match.end():].strip():
            return match["place"].strip(), text[match.end():].lstrip()
    return None


def take_dateline(blocks: list[CleanBlock], datelines) -> tuple[str | None, list[CleanBlock]]:
    """Move the dateline out of the first paragraph; it becomes CleanArticle.dateline.

    Only the first paragraph can open with one: later "WASHINGTON -- " lines are quoted text.
    """
    for index, block in enumerate(blocks):
        if block.type != "paragraph":
            continue
        found = split_dateline(block.text, datelines)
        if found is None:
            return None, blocks
        place, rest = found
        return place, blocks[:index] + [CleanBlock(block.type, rest)] + blocks[index + 1:]
    return None, blocks


def anchor_notes(blocks: list[CleanBlock], markers: set[str]) -> tuple[list[CleanBlock], list[NoteAnchor]]:
    """Remove "[1]" markers that have a footnote and record where they stood.

    A marker with no footnote is left in the text: there is nothing to link it to, and
    removing it would hide the gap from the editor.
    """
    anchors: list[NoteAnchor] = []
    result: list[CleanBlock] = []
    for index, block in enumerate(blocks):
        text, found = _remove_markers(block.text, markers)
        anchors.extend(NoteAnchor(marker, index, offset) for marker, offset in found)
        result.append(CleanBlock(block.type, text))
    return result, anchors


def _remove_markers(text: str, markers: set[str]) -> tuple[str, list[tuple[str, int]]]:
    out, found, position = [], [], 0
    for match in _NOTE_MARKER.finditer(text):
        if match["marker"] not in markers:
            continue
        # "word [1] next" must not become "word  next", nor "word [1]." become "word .".
        out.append(text[position:match.start()].rstrip(" "))
        found.append((match["marker"], sum(len(part) for part in out)))
        position = match.end()
    out.append(text[position:])
    return "".join(out), found


def find_citations(blocks: list[CleanBlock]) -> list[Citation]:
    return [
        Citation(match.group(), index, match.start(), match.end())
        for index, block in enumerate(blocks)
        for match in CITATION.finditer(block.text)
    ]
