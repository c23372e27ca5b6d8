"""Text normalisation shared by the reader (source.py) and the cleaner.

Everything here is idempotent, so `clean_article` can normalise again whatever it is given
without caring whether the text came through `read_source` or from a test string.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

BOM = "\ufeff"

# Invisible characters that only ever get into dumps by accident; they would otherwise split
# words for search and shift offsets for no visible reason. ZWJ/ZWNJ are left alone: they carry
# meaning in some scripts.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
# `\s` in a str pattern covers NBSP and the other Unicode spaces the seeds are full of.
_SPACE_RUN = re.compile(r"\s+")
_WORD = re.compile(r"\S+")


def normalise_text(text: str) -> str:
    """Strip a BOM, turn CRLF/CR into LF and compose to NFC."""
    if text.startswith(BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def single_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE_RUN.sub(" ", _INVISIBLE.sub("", text)).strip()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass
class Line:
    """One non-blank source line while the cleaner decides what it is.

    `role` stays None until a pass claims the line; a claimed line is never reconsidered.
    """

    number: int  # 1-based line number in the source, so adjacency survives blank-line removal
    text: str  # single-spaced
    role: str | None = None  # "dropped", "meta", "footnote" or a block type
    reason: str | None = None  # why it was dropped

    @property
    def is_open(self) -> bool:
        return self.role is None

    def follows(self, other: Line) -> bool:
        """True when this line comes directly after `other`, with no blank line between."""
        return self.number == other.number + 1


def split_lines(text: str) -> list[Line]:
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        cleaned = single_space(raw)
        if cleaned:
            lines.append(Line(number=number, text=cleaned))
    return lines
