"""Find date expressions in news prose and resolve them against the article's date.

A resolution is `(date, precision)`; the date is the first day of the period it names.
Precisions: "day", "week" (the date is that week's Monday), "month", "season" (spring = March 1,
summer = June 1, autumn/fall = September 1, winter = December 1), "year", "decade". "early",
"mid-" and "late" do not narrow a month: "late March" is March, precision month.

News conventions:
- A weekday ("on Friday") is the most recent such day on or before the article date; pass
  tense="future" for the next one on or after it ("will hold talks on Monday").
- "last/next Friday" is strictly before/after the article date.
- "next week" is the Monday of the following week, precision week.
- A month or day without a year ("in May", "Dec. 6") is in the article's year, unless that
  would put it more than six months after the article (then the year before) or more than ten
  months before it (then the year after). "this March" is always the article's year; "last
  March" the most recent March before the article's month; "next March" the first after it.
- "a year ago", "two months ago": the same month that long before, precision month.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
ABBREVIATIONS = {
    "Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8, "Sep.": 9,
    "Sept.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12,
}
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_MONTH = (
    "(?:(?:" + "|".join(MONTHS) + r")\b|"
    + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True)) + ")"
)
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]|20)[0-9]{2}(?![0-9])"
_LEAD = r"(?:(?i:on|in|during|since|until|by|from|of|before|after)\s+)?"
_SHADE = r"(?i:early|mid-?|late)\s*"
_NUMBER = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"

# (name, pattern); each is searched on its own and the leftmost-longest matches are kept.
RULES = [
    ("month_day_year", rf"{_LEAD}(?P<month>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})"),
    ("day_month_year", rf"{_LEAD}(?P<day>{_DAY})\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})"),
    ("month_year", rf"{_LEAD}(?:{_SHADE})?(?P<month>{_MONTH}),?\s+(?:(?i:of)\s+)?(?P<year>{_YEAR})"),
    ("month_day", rf"{_LEAD}(?P<month>{_MONTH})\s+(?P<day>{_DAY})"),
    ("day_month", rf"{_LEAD}(?P<day>{_DAY})\s+(?P<month>{_MONTH})"),
    (
        "qualified_month",
        rf"(?:(?P<qual>(?i:this|last|next))\s+|(?i:in|during|since|until|by|from|of)\s+)"
        rf"(?:{_SHADE})?(?P<month>{_MONTH})",
    ),
    ("shaded_month", rf"{_LEAD}{_SHADE}(?P<month>{_MONTH})"),
    ("bare_month", rf"(?P<month>(?!May\b|March\b){_MONTH})"),
    ("weekday", rf"(?:(?P<qual>(?i:this|last|next))\s+|(?i:on)\s+)?(?P<weekday>{_WEEKDAY})\b"),
    (
        "relative",
        r"(?i:(?:(?:earlier|later)\s+)?(?P<qual>this|last|next)\s+(?P<unit>week|month|year))\b",
    ),
    ("ago", rf"(?P<count>{_NUMBER})\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)\b"),
    ("deictic", r"\b(?P<word>(?i:yesterday|today|tomorrow))\b"),
    (
        "season",
        r"(?:(?P<qual>(?i:this|last|next))\s+|(?i:in|during|by)\s+(?i:the\s+)?|(?i:the\s+))?"
        rf"(?P<season>(?i:spring|summer|autumn|fall|winter))"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<year>{_YEAR}))?\b",
    ),
    ("decade", rf"(?:(?i:in\s+)?(?i:the\s+))?(?P<decade>(?:1[89]|20)[0-9]0)s\b"),
    ("year", rf"{_LEAD}(?<![\w/.,-])(?:(?i:the\s+year)\s+)?(?P<year>{_YEAR})"),
]
_COMPILED = [(name, re.compile(rf"(?<![\w-]){pattern}")) for name, pattern in RULES]


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, expression) in text order, longest first where they overlap."""
    found = []
    for name, regex in _COMPILED:
        for match in regex.finditer(text):
            if name in ("season", "relative") and not _has_anchor(match):
                continue
            found.append((match.start(), match.end()))
    found.sort(key=lambda span: (span[0], span[0] - span[1]))
    kept, last_end = [], -1
    for start, end in found:
        if start >= last_end:
            kept.append((start, end, text[start:end]))
            last_end = end
    return kept


def _has_anchor(match: re.Match) -> bool:
    """A bare season ("in winter") is not a date; "this winter" or "winter of 2017" is."""
    groups = match.groupdict()
    return bool(groups.get("qual") or groups.get("year") or "unit" in groups)


def resolve_relative_date(
    expression: str, article_date: date, tense: str = "past"
) -> tuple[date, str] | None:
    """Resolve one expression (as found by find_date_expressions); None if it is not a date."""
    expression = expression.strip()
    for name, regex in _COMPILED:
        match = regex.fullmatch(expression)
        if match and (name not in ("season", "relative") or _has_anchor(match)):
            return _RESOLVERS[name](match.groupdict(), article_date, tense)
    return None


# --- resolvers -------------------------------------------------------------------------------


def _month_number(text: str) -> int:
    return MONTHS.get(text) or ABBREVIATIONS[text]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _safe_date(year: int, month: int, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, article: date) -> int:
    candidate = _safe_date(article.year, month, day) or date(article.year, month, 28)
    if (candidate - article).days > 183:
        return article.year - 1
    if (article - candidate).days > 304:
        return article.year + 1
    return article.year


def _full(g, article, tense):
    value = _safe_date(int(g["year"]), _month_number(g["month"]), _day_number(g["day"]))
    return (value, "day") if value else None


def _month_year(g, article, tense):
    return date(int(g["year"]), _month_number(g["month"]), 1), "month"


def _month_day(g, article, tense):
    month, day = _month_number(g["month"]), _day_number(g["day"])
    value = _safe_date(_nearest_year(month, day, article), month, day)
    return (value, "day") if value else None


def _month(g, article, tense):
    month = _month_number(g["month"])
    qualifier = (g.get("qual") or "").lower()
    if qualifier == "this":
        year = article.year
    elif qualifier == "last":
        year = article.year if month < article.month else article.year - 1
    elif qualifier == "next":
        year = article.year if month > article.month else article.year + 1
    else:
        year = _nearest_year(month, 1, article)
    return date(year, month, 1), "month"


def _weekday(g, article, tense):
    target = WEEKDAYS[g["weekday"]]
    qualifier = (g.get("qual") or "").lower()
    back = (article.weekday() - target) % 7
    ahead = (target - article.weekday()) % 7
    if qualifier == "last":
        return article - timedelta(days=back or 7), "day"
    if qualifier == "next":
        return article + timedelta(days=ahead or 7), "day"
    if qualifier == "this":
        return article - timedelta(days=article.weekday()) + timedelta(days=target), "day"
    if tense == "future":
        return article + timedelta(days=ahead), "day"
    return article - timedelta(days=back), "day"


def _shift_month(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _relative(g, article, tense):
    step = {"this": 0, "last": -1, "next": 1}[g["qual"].lower()]
    unit = g["unit"].lower()
    if unit == "week":
        monday = article - timedelta(days=article.weekday())
        return monday + timedelta(weeks=step), "week"
    if unit == "month":
        return _shift_month(article, step), "month"
    return date(article.year + step, 1, 1), "year"


def _ago(g, article, tense):
    count = NUMBERS.get(g["count"].lower()) or int(g["count"])
    unit = g["unit"].lower()
    if unit == "day":
        return article - timedelta(days=count), "day"
    if unit == "week":
        value = article - timedelta(weeks=count)
        return value - timedelta(days=value.weekday()), "week"
    return _shift_month(article, -count * (12 if unit == "year" else 1)), "month"


def _deictic(g, article, tense):
    step = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
    return article + timedelta(days=step), "day"


def _season(g, article, tense):
    month = SEASONS[g["season"].lower()]
    if g.get("year"):
        return date(int(g["year"]), month, 1), "season"
    step = {"this": 0, "last": -1, "next": 1}[g["qual"].lower()]
    return date(article.year + step, month, 1), "season"


def _decade(g, article, tense):
    return date(int(g["decade"]), 1, 1), "decade"


def _year(g, article, tense):
    return date(int(g["year"]), 1, 1), "year"


_RESOLVERS = {
    "month_day_year": _full, "day_month_year": _full, "month_year": _month_year,
    "month_day": _month_day, "day_month": _month_day, "qualified_month": _month,
    "shaded_month": _month, "bare_month": _month, "weekday": _weekday, "relative": _relative,
    "ago": _ago, "deictic": _deictic, "season": _season, "decade": _decade, "year": _year,
}
