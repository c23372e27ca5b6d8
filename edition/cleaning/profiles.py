"""Source profiles: what each site's dumps look like, as data.

A profile is picked by markers found in the text (the Nikkei icon-sprite line, "(AsiaNews)" in
a dateline, the "culled from Japan Times" attribution) unless the manifest names one. Each
profile lists its own rules first and then the generic ones, so its reasons are the precise
ones and common chrome is still caught. Adding a source means adding a Profile here.
"""
from __future__ import annotations

import re

from . import generic
from .rules import HeaderShape, Profile, patterns, rule
from .text import Line

NIKKEI = Profile(
    name="nikkei",
    publication="Nikkei Asian Review",
    markers=patterns(r"ArrowArtboardCreated with Sketch", r"\{\{numberArticlesLeft\}\}"),
    # "International relations" sits right under the sprite line; 003 has no kicker, and there
    # a blank line separates the sprite line from the title.
    header=HeaderShape(kicker=True, title=True, standfirst=True, captions=True),
    chrome=(
        rule("icon sprite chrome", r".*Created with Sketch\..*"),
        rule("sponsored content", r"sponsored content", r"about sponsored content\b.*"),
        rule(
            "paywall prompt",
            r".*\{\{numberArticlesLeft\}\}.*",
            r"this is your last free article this month",
            r"stay ahead with our exclusives on asia;?(?: the most)?",
            r"(?:the most )?dynamic market in the world\.?",
            r"get trusted insights from experts(?: within asia itself\.?)?",
            r"within asia itself\.?",
            r"get unlimited access",
            r"try \d+ months? for \$\d+",
            r"offer ends \w+ \d{1,2}(?:st|nd|rd|th)?",
            r"you need a subscription to(?:\.\.\.|:)?",
            r"(?:[•*-] )?read all stories with unlimited access",
            r"(?:[•*-] )?use our mobile and tablet apps",
            r"see all offers(?: and subscribe)?",
            r"your (?:trial period|full access to the nikkei asian review) has expired",
            r"nar on print phone, device, and tablet media",
        ),
        rule("promo", r"get unique insights on asia\b.*"),
    )
    + generic.CHROME,
    list_headings=generic.LIST_HEADINGS,
    end_markers=(rule("sponsored content", r"sponsored content"),) + generic.END_MARKERS,
    captions=generic.CAPTIONS,
    attribution=generic.ATTRIBUTION,
    datelines=generic.DATELINES,
    date_lines=generic.DATE_LINES,
    byline=generic.BYLINE,
)

JAPANTIMES = Profile(
    name="japantimes",
    publication="The Japan Times",
    markers=patterns(r"^culled from (?:the )?Japan Times\.?$", r"^© The Japan Times\b", flags=re.IGNORECASE),
    # The dumps start with the first paragraph: the headline lives in the manifest.
    header=HeaderShape(title=False),
    chrome=(rule("advert slug", r"[\w&.'-]+ advert"),) + generic.CHROME,
    list_headings=generic.LIST_HEADINGS,
    end_markers=generic.END_MARKERS,
    captions=generic.CAPTIONS,
    attribution=rule("attribution", r"culled from (?:the )?japan times\.?"),
    datelines=generic.DATELINES,
    date_lines=generic.DATE_LINES,
    byline=generic.BYLINE,
)

ASIANEWS = Profile(
    name="asianews",
    publication="AsiaNews",
    markers=patterns(r"[A-Z][\w .'’-]* \(AsiaNews(?:/[\w ]+)?\) [–—-].*", r"Subscribe to Asia ?News updates.*"),
    header=HeaderShape(title=True, standfirst=True),
    chrome=(
        rule("share links", r"send to a friend", r"printable version"),
        rule("subscription prompt", r"subscribe to asia ?news updates\b.*", r"subscribe now"),
        # The site's motto, in Italian, closes every page.
        rule("site motto", r"[“\"]L[’']Asia: ecco il nostro comune compito.*"),
    )
    + generic.CHROME,
    list_headings=(rule("related-article list", r"see also"),) + generic.LIST_HEADINGS,
    # The share links come twice: under the date (header) and after the footnotes (the end).
    end_markers=(rule("share links", r"send to a friend", r"printable version"),) + generic.END_MARKERS,
    captions=generic.CAPTIONS,
    attribution=generic.ATTRIBUTION,
    datelines=patterns(r"(?P<place>[A-Z][\w .'’-]*?) \(AsiaNews(?:/[\w ]+)?\) (?:–|—|--|-) "),
    # "06/08/2018, 12.57": day first, then a time we have nowhere to keep.
    date_lines=patterns(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4}),? \d{1,2}[.:]\d{2}"),
    byline=re.compile(r"(?i:by) (?P<name>[A-Z][^!?]{0,79}[^.!?\s])"),
)

GENERIC = generic.GENERIC

PROFILES: dict[str, Profile] = {p.name: p for p in (NIKKEI, ASIANEWS, JAPANTIMES, GENERIC)}


def detect_profile(lines: list[Line]) -> Profile:
    """The first profile (in PROFILES order) with a marker on any line; else generic."""
    for profile in PROFILES.values():
        if any(marker.search(line.text) for marker in profile.markers for line in lines):
            return profile
    return GENERIC


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise KeyError(f"unknown cleaning profile {name!r} (known: {known})") from None
