"""What the reading page needs of the annotations a reader may see on an article: small, plain
views to weave as highlights over the cached body (placed ones) or list beside it (orphans),
each with its thread of replies, and the reader's filters over them.

Two queries: the visible annotations of the article (roots and replies together, so threads are
built without a query per thread; only the columns the views use) and their tags' names. Filters
only narrow what `visible_annotations` allowed; they never widen it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from annotations.models import Annotation
from annotations.presenters import display_name
from annotations.selectors import visible_annotations


@dataclass(frozen=True)
class ReplyView:
    id: int
    parent_id: int
    author: str  # display name
    author_username: str
    created: datetime
    modified: datetime
    body_html: str
    is_own: bool
    deleted: bool

    @property
    def edited(self) -> bool:
        """Changed after it was made (created and modified differ by microseconds on insert)."""
        return bool(self.created and self.modified and (self.modified - self.created).total_seconds() >= 1)


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
    author_username: str = ""
    created: datetime | None = None
    modified: datetime | None = None
    classroom_id: int | None = None
    classroom_name: str = ""
    replies: tuple[ReplyView, ...] = ()  # the thread, oldest first

    edited = ReplyView.edited


@dataclass(frozen=True)
class ReadingAnnotations:
    placed: list[AnnotationView]  # in text order
    orphaned: list[AnnotationView]

    @property
    def count(self) -> int:
        return len(self.placed) + len(self.orphaned)


# What _view and _reply read: an article may have thousands of rows, and every column (the
# author's password hash, the moderation fields...) costs time to load. Reading any other field
# of a row would be a query per row (tests/annotations/test_page_queries.py would fail).
ROW_FIELDS = ("id", "revision_id", "author_id", "parent_id", "root_id", "exact", "start", "end", "state", "body",
              "motivation", "visibility", "classroom_id", "deleted_at", "created", "modified",
              "author__username", "author__first_name", "author__last_name", "classroom__name")


def reading_annotations(user, article) -> ReadingAnnotations:
    visible = visible_annotations(user, article)
    rows = list(visible.select_related("author", "classroom").only(*ROW_FIELDS).order_by("start", "id"))
    tags = _tag_names(visible) if rows else {}
    viewer = user.pk if user is not None else None  # once: request.user is a lazy object
    threads = defaultdict(list)
    for row in sorted((r for r in rows if r.root_id is not None), key=lambda r: (r.created, r.pk)):
        if row.deleted_at is None:
            threads[row.root_id].append(_reply(row, viewer))
    replies = Counter(row.root_id for row in rows if row.root_id is not None)
    placed, orphaned = [], []
    for row in rows:
        if row.parent_id is not None:
            continue
        if row.deleted_at is not None and not replies[row.pk]:
            continue
        view = _view(row, tags.get(row.pk, ()), replies[row.pk], tuple(threads[row.pk]), viewer)
        current = row.revision_id == article.current_revision_id and row.start is not None
        (placed if current else orphaned).append(view)
    return ReadingAnnotations(placed, orphaned)


def _tag_names(visible) -> dict[int, tuple[str, ...]]:
    """The sorted tag names of each of these annotations, as plain values (model instances and a
    queryset per row cost more than the query)."""
    names = defaultdict(list)
    for annotation_id, name in (Annotation.tags.through.objects.filter(annotation__in=visible.values("pk"))
                                .values_list("annotation_id", "tag__name")):
        names[annotation_id].append(name)
    return {pk: tuple(sorted(found)) for pk, found in names.items()}


def _is_own(row, viewer) -> bool:
    return viewer is not None and row.author_id == viewer


def _view(row: Annotation, tags: tuple[str, ...], reply_count: int, replies: tuple, viewer) -> AnnotationView:
    return AnnotationView(
        id=row.pk, start=row.start, end=row.end, exact=row.exact, author=display_name(row.author),
        visibility=row.visibility, tags=tags,
        body_html=row.body_html(), reply_count=reply_count, motivation=row.motivation,
        state=row.state, is_own=_is_own(row, viewer), deleted=row.deleted_at is not None,
        author_username=row.author.get_username(), created=row.created, modified=row.modified,
        classroom_id=row.classroom_id, classroom_name=row.classroom.name if row.classroom_id else "",
        replies=replies,
    )


def _reply(row: Annotation, viewer) -> ReplyView:
    return ReplyView(
        id=row.pk, parent_id=row.parent_id, author=display_name(row.author),
        author_username=row.author.get_username(), created=row.created, modified=row.modified,
        body_html=row.body_html(), is_own=_is_own(row, viewer), deleted=row.deleted_at is not None,
    )


# --- the reader's filters --------------------------------------------------------------------

@dataclass(frozen=True)
class ReadingFilter:
    """What the panel's filter form asks for (GET parameters, so it works without JavaScript)."""

    mine: bool = False
    visibility: str = ""  # private | class | public
    classroom: int | None = None
    tag: str = ""
    person: str = ""  # a username

    @classmethod
    def from_query(cls, query) -> ReadingFilter:
        visibility = query.get("visibility", "")
        classroom = query.get("class", "")
        return cls(
            mine=query.get("mine") in {"1", "on", "true"},
            visibility=visibility if visibility in {v for v, _ in Annotation.VISIBILITIES} else "",
            classroom=int(classroom) if classroom.isdigit() and len(classroom) < 12 else None,
            tag=query.get("tag", "")[:64],
            person=query.get("person", "")[:150],
        )

    @property
    def active(self) -> bool:
        return bool(self.mine or self.visibility or self.classroom or self.tag or self.person)

    def matches(self, view: AnnotationView) -> bool:
        return ((not self.mine or view.is_own)
                and (not self.visibility or view.visibility == self.visibility)
                and (self.classroom is None or view.classroom_id == self.classroom)
                and (not self.tag or self.tag in view.tags)
                and (not self.person or view.author_username == self.person))

    def apply(self, annotations: ReadingAnnotations) -> ReadingAnnotations:
        if not self.active:
            return annotations
        return ReadingAnnotations([v for v in annotations.placed if self.matches(v)],
                                  [v for v in annotations.orphaned if self.matches(v)])


@dataclass(frozen=True)
class Facets:
    """The choices the filter form offers: what occurs among the annotations the reader may see."""

    tags: list[str] = field(default_factory=list)
    people: list[tuple[str, str]] = field(default_factory=list)  # (username, display name)
    classes: list[tuple[int, str]] = field(default_factory=list)  # (id, name)


def facets(annotations: ReadingAnnotations) -> Facets:
    views = annotations.placed + annotations.orphaned
    people = {v.author_username: v.author for v in views if not v.deleted}
    classes = {v.classroom_id: v.classroom_name for v in views if v.classroom_id}
    return Facets(
        tags=sorted({tag for v in views for tag in v.tags}, key=str.casefold),
        people=sorted(people.items(), key=lambda item: item[1].casefold()),
        classes=sorted(classes.items(), key=lambda item: item[1].casefold()),
    )
