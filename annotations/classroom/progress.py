"""How far each student is with each assignment, in one aggregate query for a whole page.

An assignment's scope is its articles, or a paragraph range of its one article. A root
annotation is in scope when it starts inside the range in the article's current revision; a
reply when its thread's root is. Only annotations of the class count (a private one is never
counted, so progress tells a teacher nothing about private notes), and neither hidden nor
deleted ones. The counts are one query with two conditional counts per assignment, grouped by
author: the cost grows with the assignments on the page, never with the students.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import Length
from django.utils import timezone

from annotations.classroom.selectors import class_annotations, counted
from edition.models import Block

COMPLETE, STARTED, NOT_STARTED = "complete", "started", "not started"


@dataclass(frozen=True)
class Progress:
    annotations: int
    replies: int
    min_annotations: int
    min_replies: int
    due: date

    @property
    def status(self) -> str:
        if self.annotations >= self.min_annotations and self.replies >= self.min_replies:
            return COMPLETE
        return STARTED if self.annotations or self.replies else NOT_STARTED

    @property
    def css(self) -> str:
        return self.status.replace(" ", "-")

    @property
    def is_complete(self) -> bool:
        return self.status == COMPLETE

    @property
    def overdue(self) -> bool:
        return not self.is_complete and self.due < timezone.localdate()

    @property
    def percent(self) -> int:
        needed = self.min_annotations + self.min_replies
        if not needed:
            return 100
        done = min(self.annotations, self.min_annotations) + min(self.replies, self.min_replies)
        return round(100 * done / needed)


def range_offsets(assignments) -> dict[int, tuple[int, int, int]]:
    """assignment id -> (current revision id, first offset, end offset) of its paragraph range.
    One query for all the ranged assignments given (their `articles` prefetched)."""
    ranged = [a for a in assignments if a.has_range and a.articles.all()]
    if not ranged:
        return {}
    revisions = {a.pk: a.articles.all()[0].current_revision_id for a in ranged}
    wanted = Q()
    for a in ranged:
        wanted |= Q(revision_id=revisions[a.pk], number__in=(a.from_block, a.to_block))
    edges = {(row["revision_id"], row["number"]): row for row in
             Block.objects.filter(wanted).values("revision_id", "number", "start", length=Length("text"))}
    offsets = {}
    for a in ranged:
        first, last = edges.get((revisions[a.pk], a.from_block)), edges.get((revisions[a.pk], a.to_block))
        if first and last:
            offsets[a.pk] = (revisions[a.pk], first["start"], last["start"] + last["length"])
    return offsets


def scope(assignment, offsets) -> Q:
    """The annotations in the assigned text (roots and replies alike)."""
    article_ids = [article.pk for article in assignment.articles.all()]
    if not assignment.has_range:
        return Q(article_id__in=article_ids)
    if assignment.pk not in offsets:
        return Q(pk__in=[])  # the range no longer exists in the current text
    revision, low, high = offsets[assignment.pk]
    own = Q(parent__isnull=True, revision_id=revision, start__gte=low, start__lt=high)
    thread = Q(parent__isnull=False, root__revision_id=revision, root__start__gte=low, root__start__lt=high)
    return Q(article_id__in=article_ids) & (own | thread)


def progress_by_student(viewer, classroom, assignments, author_ids=None) -> dict[tuple[int, int], Progress]:
    """(student id, assignment id) -> Progress, for the students given (default: everyone with
    class annotations); a student without an entry has done nothing yet. One query (plus one for
    paragraph ranges, if any)."""
    assignments = list(assignments)
    if not assignments:
        return {}
    return progress_from(by_author(viewer, classroom, assignments, author_ids), assignments)


def by_author(viewer, classroom, assignments, author_ids=None, **extra) -> dict[int, dict]:
    """author id -> one row of counts: per assignment, "a<id>" annotations and "r<id>" replies in
    its scope, and any `extra` aggregates, all in one query over the class's counted annotations."""
    offsets = range_offsets(assignments)
    counts = dict(extra)
    for a in assignments:
        in_scope = scope(a, offsets)
        counts[f"a{a.pk}"] = Count("pk", filter=in_scope & Q(parent__isnull=True))
        counts[f"r{a.pk}"] = Count("pk", filter=in_scope & Q(parent__isnull=False))
    rows = counted(class_annotations(viewer, classroom))
    if author_ids is not None:
        rows = rows.filter(author_id__in=list(author_ids))
    return {row["author_id"]: row for row in rows.values("author_id").annotate(**counts).order_by()}


def progress_from(rows: dict[int, dict], assignments) -> dict[tuple[int, int], Progress]:
    return {(author, a.pk): Progress(row[f"a{a.pk}"], row[f"r{a.pk}"], a.min_annotations, a.min_replies, a.due)
            for author, row in rows.items() for a in assignments}


def progress_of(progress: dict, student_id: int, assignment) -> Progress:
    return progress.get((student_id, assignment.pk)) or Progress(
        0, 0, assignment.min_annotations, assignment.min_replies, assignment.due)

