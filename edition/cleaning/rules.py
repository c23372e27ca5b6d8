"""The vocabulary the profiles are written in: named rules and the shape of a page header.

A rule is data, not code: a name an editor will read in a `dropped` reason, the whole-line
patterns it matches and, for loose patterns, a word limit so that a long body paragraph that
happens to mention "subscription" or "cookies" is never mistaken for chrome.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import word_count


@dataclass(frozen=True)
class Rule:
    name: str
    patterns: tuple[re.Pattern, ...]
    max_words: int | None = None

    def matches(self, text: str) -> bool:
        if self.max_words is not None and word_count(text) > self.max_words:
            return False
        return any(pattern.fullmatch(text) for pattern in self.patterns)


def rule(name: str, *patterns: str, max_words: int | None = None) -> Rule:
    """Build a rule; patterns are case-insensitive and must match the whole (single-spaced) line."""
    return Rule(name, tuple(re.compile(p, re.IGNORECASE) for p in patterns), max_words)


def first_match(rules: tuple[Rule, ...], text: str) -> Rule | None:
    return next((r for r in rules if r.matches(text)), None)


def patterns(*sources: str, flags: int = 0) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(source, flags) for source in sources)


@dataclass(frozen=True)
class HeaderShape:
    """What a profile's pages carry above the first body paragraph, in order.

    kicker: a short section label directly under the site chrome (no blank line between).
    title: the first header line is the headline (Japan Times dumps have none).
    standfirst: the line after the title is the standfirst (CleanArticle.subtitle).
    captions: lines between the standfirst and the dateline paragraph are photo captions.
    max_title_words: a longer first line is prose, not a headline.
    unbounded_standfirst_words: with no dateline paragraph to end the header, a line after the
        title is a standfirst only up to this length (0: never), else it is the first paragraph.
    """

    kicker: bool = False
    title: bool = True
    standfirst: bool = False
    captions: bool = False
    max_title_words: int = 20
    unbounded_standfirst_words: int = 60


@dataclass(frozen=True)
class Profile:
    """Everything the cleaner knows about one source. See profiles.py for the instances."""

    name: str
    publication: str | None
    markers: tuple[re.Pattern, ...]  # any one found on a line identifies the source
    header: HeaderShape
    chrome: tuple[Rule, ...]  # dropped wherever they occur
    list_headings: tuple[Rule, ...]  # dropped together with the list of links under them
    end_markers: tuple[Rule, ...]  # this line and everything after it is not the article
    captions: tuple[Rule, ...]  # a body line matching one is a photo caption
    attribution: Rule | None  # e.g. "culled from Japan Times": kept as metadata, ends the article
    datelines: tuple[re.Pattern, ...]  # must capture (?P<place>...); matched at paragraph start
    date_lines: tuple[re.Pattern, ...] = ()  # header lines holding the date
    byline: re.Pattern | None = None  # must capture (?P<name>...)
