"""What the reading page needs of the annotations a reader may see on an article: small, plain
views to weave as highlights over the cached body (placed ones) or list beside it (orphans).

Two queries: the visible annotations of the article (roots and replies together, so replies are
counted without a query per thread) and their tags.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotations.models import Annotation
from annotations.presenters import display_name
from annotations.selectors import visible_annotations


@dataclass(frozen=True)
class AnnotationView:
    id: int
    start: int | None  # code points into the current canonical text; None for an orphan
    end: int | None
    exact: str
    author: str  # display name
    visibility: str
    tags: tuple[str, ...]
    body_html: str  # rendered and sanitised
    reply_count: int  # replies in the thread that the reader may see
    motivation: str
    state: str
    is_own: bool
    deleted: bool


@dataclass(frozen=True)
class ReadingAnnotations:
    placed: list[AnnotationView]  # in text order
    orphaned: list[AnnotationView]


def reading_annotations(user, article) -> ReadingAnnotations:
    rows = list(
        visible_annotations(user, article)
        .select_related("author")
        .prefetch_related("tags")
        .order_by("start", "id")
    )
    replies = Counter(row.root_id for row in rows if row.root_id is not None)
    placed, orphaned = [], []
    for row in rows:
        if row.parent_id is not None:
            continue
        if row.deleted_at is not None and not replies[row.pk]:
            continue
        view = _view(row, replies[row.pk], user)
        current = row.revision_id == article.current_revision_id and row.start is not None
        (placed if current else orphaned).append(view)
    return ReadingAnnotations(placed, orphaned)


def _view(row: Annotation, reply_count: int, user) -> AnnotationView:
    return AnnotationView(
        id=row.pk, start=row.start, end=row.end, exact=row.exact, author=display_name(row.author),
        visibility=row.visibility, tags=tuple(sorted(tag.name for tag in row.tags.all())),
        body_html=row.body_html(), reply_count=reply_count, motivation=row.motivation,
        state=row.state, is_own=bool(user is not None and row.author_id == user.pk),
        deleted=row.deleted_at is not None,
    )
