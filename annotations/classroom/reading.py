"""The class reading page: an article with the class's annotations woven in as highlights and
their threads listed beside it, filtered by student and tag, a page of threads at a time.

A class of hundreds may leave thousands of threads on one article: the threads are filtered,
counted and paged by the database, and only the page's threads are read in full, highlighted
and rendered. A fixed number of queries whatever the class's size: the threads' count and page,
their replies, their tags, the filters' students and tags, the paragraphs, the open flags.
A teacher sees hidden annotations with a mark; a student only their own (the selector decides).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q

from accounts.names import display_name
from annotations.classroom.models import Flag
from annotations.classroom.selectors import class_annotations
from edition.models import Block
from edition.services.reading import Highlight

THREADS_PER_PAGE = 50


@dataclass
class Item:
    id: int
    author_id: int
    author: str
    body_html: str
    tags: tuple[str, ...]
    created: datetime
    hidden: bool
    deleted: bool
    is_own: bool
    open_flags: int = 0
    flagged_by_me: bool = False


@dataclass
class Thread:
    root: Item
    exact: str
    start: int | None
    end: int | None
    block_number: int | None  # None: not placed in the current text
    replies: list[Item] = field(default_factory=list)


@dataclass
class ClassReading:
    threads: list[Thread]  # this page's, after the filters, in text order
    students: list[tuple[int, str]]  # everyone who wrote here (id, name), for the filter
    tags: list[tuple[str, int]]  # the threads' tags here, most used first
    total: int  # threads before the filters
    page: object  # django.core.paginator.Page of the filtered threads

    def highlights(self) -> tuple[Highlight, ...]:
        return tuple(
            Highlight(key=str(t.root.id), start=t.start, end=t.end,
                      css="hl-class" + (" hl-hidden" if t.root.hidden else "") + (" hl-mine" if t.root.is_own else ""),
                      label=f"Class annotation by {t.root.author}" + (" (hidden)" if t.root.hidden else ""))
            for t in self.threads if t.block_number is not None
        )


def class_reading(viewer, classroom, article, *, student: int | None = None, tag: str = "",
                  page: int | str = 1) -> ClassReading:
    visible = class_annotations(viewer, classroom, article)
    roots = _roots(visible)
    shown = roots
    if student is not None:
        shown = shown.filter(Q(author_id=student) | Exists(visible.filter(root=OuterRef("pk"), author_id=student)))
    if tag:
        shown = shown.filter(tags__name=tag)
    ordered = (shown.select_related("author", "author__profile").prefetch_related("tags")
               .order_by(F("start").asc(nulls_last=True), "id"))
    threads_page = Paginator(ordered, THREADS_PER_PAGE).get_page(page)
    rows = list(threads_page.object_list)
    replies = list(visible.filter(root_id__in=[r.pk for r in rows]).select_related("author", "author__profile")
                   .prefetch_related("tags").order_by("created", "id")) if rows else []
    flags = _flags(viewer, classroom, article)
    starts = _block_starts(article)
    threads, by_id = [], {}
    for row in rows:
        current = row.revision_id == article.current_revision_id
        by_id[row.pk] = Thread(_item(row, viewer, flags), row.exact, row.start, row.end,
                               _block_number(starts, row.start) if current else None)
        threads.append(by_id[row.pk])
    for row in replies:
        by_id[row.root_id].replies.append(_item(row, viewer, flags))
    filtered = student is not None or bool(tag)
    return ClassReading(threads=threads, students=_writers(visible), tags=_tags(roots),
                        total=roots.count() if filtered else threads_page.paginator.count, page=threads_page)


def _roots(visible):
    """The threads: roots, and the tombstone of a deleted root only while it holds replies."""
    return visible.filter(parent__isnull=True).filter(
        Q(deleted_at__isnull=True) | Exists(visible.filter(root=OuterRef("pk"))))


def page_of(viewer, classroom, root) -> int:
    """The page of the unfiltered reading page that lists the thread of `root`."""
    roots = _roots(class_annotations(viewer, classroom, root.article))
    if root.start is None:
        before = roots.filter(Q(start__isnull=False) | Q(start__isnull=True, id__lt=root.pk))
    else:
        before = roots.filter(Q(start__lt=root.start) | Q(start=root.start, id__lt=root.pk))
    return before.count() // THREADS_PER_PAGE + 1


def _writers(visible) -> list[tuple[int, str]]:
    people = (visible.values("author_id", "author__username", "author__profile__display_name")
              .distinct().order_by())
    names = {p["author_id"]: (p["author__profile__display_name"] or "").strip() or p["author__username"]
             for p in people}
    return sorted(names.items(), key=lambda item: item[1].casefold())


def _tags(roots) -> list[tuple[str, int]]:
    counts = roots.filter(tags__isnull=False).values("tags__name").annotate(n=Count("pk")).order_by()
    return sorted(((row["tags__name"], row["n"]) for row in counts), key=lambda item: (-item[1], item[0]))


def _item(row, viewer, flags) -> Item:
    mine, count = flags.get(row.pk, (False, 0))
    return Item(
        id=row.pk, author_id=row.author_id, author=display_name(row.author), body_html=row.body_html(),
        tags=tuple(sorted(tag.name for tag in row.tags.all())), created=row.created, hidden=row.hidden,
        deleted=row.deleted_at is not None, is_own=row.author_id == viewer.pk,
        open_flags=count, flagged_by_me=mine,
    )


def _flags(viewer, classroom, article) -> dict[int, tuple[bool, int]]:
    """annotation id -> (flagged by the viewer, open flags), for the class's annotations here."""
    found = defaultdict(lambda: [False, 0])
    open_here = Flag.objects.filter(resolved=False, annotation__classroom=classroom, annotation__article=article)
    for annotation_id, user_id in open_here.values_list("annotation_id", "user_id"):
        found[annotation_id][0] |= user_id == viewer.pk
        found[annotation_id][1] += 1
    return {key: tuple(value) for key, value in found.items()}


def _block_starts(article) -> list[tuple[int, int]]:
    revision = article.current_revision_id
    if revision is None:
        return []
    return list(Block.objects.filter(revision_id=revision).order_by("number").values_list("start", "number"))


def _block_number(starts, offset) -> int | None:
    if offset is None or not starts:
        return None
    index = bisect_right([s for s, _ in starts], offset) - 1
    return starts[index][1] if index >= 0 else None
