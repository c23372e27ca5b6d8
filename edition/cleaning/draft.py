"""The cleaner's working state: the source lines, what each has been decided to be, and the
metadata read so far. Passes (passes.py, header.py, body.py) fill it in; assemble.py turns it
into a CleanArticle.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .rules import Profile
from .text import Line, single_space

MANIFEST_REASON = "manifest override"


@dataclass
class Draft:
    source_file: str
    profile: Profile
    lines: list[Line]
    title: str | None = None
    subtitle: str | None = None
    kicker: str | None = None
    byline: str | None = None
    published: date | None = None
    attribution: str | None = None
    body_start: int = 0  # index into `lines` of the first line below the header

    def drop(self, line: Line, why: str) -> None:
        line.role = "dropped"
        line.reason = f"{self.profile.name}: {why}"

    def open_lines(self, start: int = 0) -> list[Line]:
        return [line for line in self.lines[start:] if line.is_open]

    def index_of(self, line: Line) -> int:
        return next(i for i, candidate in enumerate(self.lines) if candidate is line)

    def apply_overrides(self, keep=(), drop=(), captions=()) -> None:
        """Manifest overrides win over every rule: they are applied first, and the passes only
        ever touch lines that are still open."""
        keep, drop, captions = (tuple(single_space(s) for s in group if s.strip()) for group in (keep, drop, captions))
        for line in self.lines:
            if any(s in line.text for s in drop):
                line.role, line.reason = "dropped", MANIFEST_REASON
            elif any(s in line.text for s in captions):
                line.role = "caption"
            elif any(s in line.text for s in keep):
                line.role = "paragraph"
