"""Filter tokens: what a document is (kind, article, publication, date, tags, author) written as
words in the index's `facets` column, so that every filter is one more term of the full-text
query and each engine intersects it inside its own index (FTS5 doclists, GIN posting lists)
instead of looking up every matching row.

Pure Python. A token is a private-use character (MARK) and letters and digits (free text such as
publications and tags is hashed). SQLite's tokenizer keeps the mark as part of the token, and
neither the reader's words (search.query keeps only letters and digits) nor indexed text (its
private-use characters are removed) can have it: the reader's words never match a filter token,
without restricting them to columns (which FTS5 pays for on every matching row). PostgreSQL's
parser drops the mark; its filter tokens are kept apart by weight instead (search.engines.postgres).

A date range becomes the fewest year, month and day tokens that cover it exactly (a trie of dates).
"""
from __future__ import annotations

import calendar
import hashlib
from datetime import date, timedelta

MARK = "\ue010"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def kind_token(kind: str) -> str:
    return f"{MARK}k{kind}"


def article_token(article_id: int) -> str:
    return f"{MARK}a{article_id}"


def publication_token(publication: str) -> str:
    return f"{MARK}p{_digest(publication)}"


def tag_token(tag: str) -> str:
    return f"{MARK}t{_digest(tag)}"


def author_token(user_id: int) -> str:
    return f"{MARK}u{user_id}"


def visibility_token(visibility: str) -> str:
    return f"{MARK}v{visibility}"


def date_tokens(day: date) -> list[str]:
    return [f"{MARK}y{day.year}", f"{MARK}m{day.year}{day.month:02d}", f"{MARK}d{day.year}{day.month:02d}{day.day:02d}"]


def document_tokens(kind, article_id=None, publication="", day=None, tags=(), author_id=None,
                    visibility="") -> str:
    found = [kind_token(kind)]
    if article_id is not None:
        found.append(article_token(article_id))
    if publication:
        found.append(publication_token(publication))
    if day is not None:
        found += date_tokens(day)
    found += [tag_token(tag) for tag in tags]
    if author_id is not None:
        found.append(author_token(author_id))
    if visibility:
        found.append(visibility_token(visibility))
    return " ".join(found)


def date_range_tokens(start: date, end: date) -> list[str]:
    """Year, month and day tokens that together cover exactly start..end (inclusive)."""
    found, day = [], start
    while day <= end:
        year_end = date(day.year, 12, 31)
        month_end = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        if (day.month, day.day) == (1, 1) and year_end <= end:
            found.append(f"{MARK}y{day.year}")
            day = year_end + timedelta(days=1)
        elif day.day == 1 and month_end <= end:
            found.append(f"{MARK}m{day.year}{day.month:02d}")
            day = month_end + timedelta(days=1)
        else:
            found.append(f"{MARK}d{day.year}{day.month:02d}{day.day:02d}")
            day += timedelta(days=1)
    return found
