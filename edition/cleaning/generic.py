"""The generic profile: chrome that every news site has, and the fallback for unknown sources.

The named source profiles reuse these rules after their own, so a cookie banner or a copyright
footer is dropped from a Nikkei page as well. Loose patterns carry a word limit: chrome lines
are short, and a long paragraph that mentions a newsletter is still prose.
"""
from __future__ import annotations

import re

from .rules import HeaderShape, Profile, patterns, rule

SHARE_WORDS = r"(?:share|print|e-?mail|tweet|facebook|twitter|linkedin|whatsapp|reddit|x|copy link|save|comments?)"

CHROME = (
    rule(
        "cookie notice",
        r".*\bcookies?\b.*\b(?:accept|consent|agree|policy|settings|preferences|experience|browsing)\b.*",
        r"(?:accept|reject|decline|allow)(?: all)?(?: cookies)?",
        r"manage (?:cookie )?(?:preferences|settings|options)",
        max_words=60,
    ),
    rule(
        "share links",
        rf"(?:{SHARE_WORDS}(?: (?:this|the))?(?: article| story| page| link)?(?: on \w+)?\s*[|•·/:,]?\s*)+",
        r"send to a friend|printable version|print this page",
        max_words=12,
    ),
    rule(
        "subscription prompt",
        r"(?:subscribe|sign up|sign in|log ?in|register|already a (?:subscriber|member)"
        r"|become a (?:member|subscriber)|start (?:your )?(?:free )?trial)\b.*",
        r".*\b(?:subscribers? only|subscription (?:required|needed)|for subscribers)\b.*",
        max_words=25,
    ),
    rule(
        "paywall prompt",
        r".*\b(?:free (?:articles?|stories) (?:left|remaining)|you(?: have|'ve|’ve) (?:read|reached)\b.*\b(?:free|limit)"
        r"|article limit|paywall|unlimited (?:digital )?access|to (?:continue|keep) reading"
        r"|(?:trial|access)\b.*\bhas expired)\b.*",
        max_words=30,
    ),
    rule(
        "advert slug",
        r"(?:advertisement|advertising|advert|sponsored(?: content| links?)?|paid (?:content|partner)"
        r"|promoted(?: content)?|ad|[\w&.'-]+ advert(?:isement)?|advertisement ?[:-] ?.{0,40})",
        max_words=6,
    ),
    rule(
        "site menu",
        r"(?:[^|•·»]{1,30}\s*[|•·»]\s*){2,}[^|•·»]{1,30}",
        r"menu|search|home|skip to (?:main )?content|back to top|close|toggle navigation",
        max_words=20,
    ),
    rule(
        "copyright footer",
        r"(?:©|\(c\)|copyright\b).*",
        r".*\ball rights reserved\b.*",
        max_words=30,
    ),
    # A bare "Read more" is a list heading (LIST_HEADINGS), so that its links go with it.
    rule("read-more link", r"(?:read the full (?:story|article)|click here\b.*)\s*[:.»>…]*", max_words=8),
)

LIST_HEADINGS = (
    rule(
        "related-article list",
        r"(?:read more|related(?: articles| stories| coverage| news| content| links| reading)?|see also"
        r"|more (?:on this(?: story)?|from \w+(?: \w+)?|stories|news)|you (?:may|might) also (?:like|be interested in)"
        r"|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed)|further reading"
        r"|also read|trending(?: now)?|latest (?:news|stories))\s*[:»>]?",
        max_words=8,
    ),
)

END_MARKERS = (
    rule(
        "comments section",
        r"(?:comments?|\d+ comments?|leave a (?:comment|reply)|join the conversation|show comments"
        r"|comments are closed\b.*)\s*:?",
        max_words=8,
    ),
)

CAPTIONS = (
    # A trailing parenthesis that credits a photo: "(Photo by Kosaku Mimura)", "(Xi's photo from AP)".
    rule("photo credit", r".*\([^()]*\bphoto(?:s|graph)?\b[^()]*\)", max_words=60),
    # The Japan Times style: caption text, then " | POOL / VIA KYODO".
    rule("photo credit", r".*\S \| [A-Z][A-Z0-9 /.,&'’-]+", max_words=60),
    rule("photo credit", r"(?:photo|image|picture|file photo)s? ?:\s+.+", max_words=60),
    rule("photo credit", r".*\((?:AP|AFP|Reuters|Kyodo|Getty Images|EPA|Bloomberg|Yonhap)\)", max_words=60),
)

ATTRIBUTION = rule(
    "attribution",
    r"(?:culled from|originally published (?:in|by|on|at)"
    r"|this (?:article|story) (?:was )?(?:first|originally) (?:appeared|published) (?:in|on|by))\s+.+",
    max_words=20,
)

DATELINES = patterns(
    # "TOKYO -- ", "BEIJING/WASHINGTON -- ". A single hyphen is not enough here: "US - China
    # talks ..." must not lose "US".
    r"(?P<place>[A-Z]{2}[A-Z.'/-]*(?: [A-Z][A-Z.'/-]*)*) (?:--|–|—) ",
    # "Hong Kong (Reuters) - ": mixed case only with a news agency, or "Meanwhile -- " would match.
    r"(?P<place>[A-Z][\w.'’/-]*(?: [A-Z][\w.'’/-]*){0,3}) \((?:AP|AFP|Reuters|Kyodo|Yonhap|Xinhua|AsiaNews|Bloomberg)\) (?:--|–|—|-) ",
)

_PREFIX = r"(?:(?:published|updated|posted|first published)(?: on)?:? )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?"
DATE_LINES = patterns(
    _PREFIX + r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[ T,|].*)?",
    _PREFIX + r"(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>\d{4})(?:[ ,|].*)?",
    _PREFIX + r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3,9})\.? (?P<year>\d{4})(?:[ ,|].*)?",
    flags=re.IGNORECASE,
)

BYLINE = re.compile(r"(?i:by|written by|reporting by|words by):? (?P<name>[A-Z][^!?]{0,79}[^.!?\s])")

GENERIC = Profile(
    name="generic",
    publication=None,
    markers=(),
    # A standfirst only where a dateline paragraph ends the header: on an unknown page a short
    # first paragraph under the title is more often body than standfirst.
    header=HeaderShape(title=True, standfirst=True, max_title_words=16, unbounded_standfirst_words=0),
    chrome=CHROME,
    list_headings=LIST_HEADINGS,
    end_markers=END_MARKERS,
    captions=CAPTIONS,
    attribution=ATTRIBUTION,
    datelines=DATELINES,
    date_lines=DATE_LINES,
    byline=BYLINE,
)
