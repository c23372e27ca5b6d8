"""The figures of the teacher's view: who engaged with what, in a fixed number of queries.

Per student: annotations, replies, words, most used tags, last activity and assignment
progress, each an aggregate grouped by author, so a class of 300 costs what a class of 3 does.
Open questions: thread roots tagged "question" that nobody has answered yet.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Q, Window

from annotations.classroom.models import Flag
from annotations.classroom.progress import Progress, by_author, progress_from, progress_of
from annotations.classroom.selectors import class_annotations, counted, students_of
from annotations.models import Annotation
from accounts.names import display_name

QUESTION_TAG = "question"
TOP_TAGS = 3
OPEN_QUESTIONS_SHOWN = 50


def words_by_author(annotations) -> Counter:
    """author id -> words in their bodies, as `len(body.split())` counts them. Counted in Python
    from the bodies: the same in SQL (normalise whitespace, collapse runs, count the gaps) costs
    the database several times more than reading the text."""
    words = Counter()
    for author_id, body in annotations.exclude(body="").values_list("author_id", "body").order_by():
        words[author_id] += len(body.split())
    return words


@dataclass
class StudentRow:
    user_id: int
    name: str
    username: str
    annotations: int = 0
    replies: int = 0
    words: int = 0
    last_activity: datetime | None = None
    tags: list[tuple[str, int]] = field(default_factory=list)
    progress: list[tuple[object, Progress]] = field(default_factory=list)  # (assignment, progress)

    @property
    def complete(self) -> int:
        return sum(1 for _, p in self.progress if p.is_complete)


def student_rows(teacher, classroom, assignments) -> list[StudentRow]:
    """One row per student of the class, by name. Four queries whatever the class's size (and
    one more if an assignment has a paragraph range)."""
    rows = {m.user_id: StudentRow(m.user_id, display_name(m.user), m.user.get_username())
            for m in students_of(classroom)}
    figures = by_author(teacher, classroom, assignments,
                        roots=Count("pk", filter=Q(parent__isnull=True)),
                        replies=Count("pk", filter=Q(parent__isnull=False)),
                        last=Max("modified"))
    words = words_by_author(counted(class_annotations(teacher, classroom)))
    for author_id, figure in figures.items():
        row = rows.get(author_id)
        if row:
            row.annotations, row.replies = figure["roots"], figure["replies"]
            row.words, row.last_activity = words[author_id], figure["last"]
    tag_counts = defaultdict(Counter)
    tagged = counted(class_annotations(teacher, classroom)).filter(tags__isnull=False)
    for tag in tagged.values("author_id", "tags__name").annotate(n=Count("pk")).order_by():
        tag_counts[tag["author_id"]][tag["tags__name"]] = tag["n"]
    progress = progress_from(figures, assignments)
    for row in rows.values():
        row.tags = sorted(tag_counts[row.user_id].items(), key=lambda item: (-item[1], item[0]))[:TOP_TAGS]
        row.progress = [(a, progress_of(progress, row.user_id, a)) for a in assignments]
    return sorted(rows.values(), key=lambda r: (r.name.casefold(), r.username))


def open_questions(teacher, classroom):
    """Thread roots tagged "question" that nobody has answered (newest first, the first
    OPEN_QUESTIONS_SHOWN of them) and how many there are: one query, the total a window count."""
    tagged = Annotation.tags.through.objects.filter(tag__name__iexact=QUESTION_TAG).values("annotation_id")
    answered = Annotation.objects.filter(parent=OuterRef("pk"), deleted_at__isnull=True, hidden=False)
    questions = (counted(class_annotations(teacher, classroom)).filter(parent__isnull=True)
                 .filter(pk__in=tagged).filter(~Exists(answered))
                 .annotate(total=Window(Count("pk")))
                 .select_related("author", "author__profile", "article")
                 .order_by("-created", "-id"))
    shown = list(questions[:OPEN_QUESTIONS_SHOWN])
    return shown, shown[0].total if shown else 0


def open_flags(teacher, classroom):
    """Flags not yet resolved on the class's annotations that the teacher may see. One query,
    driven by the few open flags (index flag_open), each checked against the visibility rule."""
    seen = class_annotations(teacher, classroom).filter(pk=OuterRef("annotation_id"))
    return list(Flag.objects.filter(resolved=False).filter(Exists(seen))
                .select_related("user", "user__profile", "annotation", "annotation__author",
                                "annotation__author__profile", "annotation__article")
                .order_by("created", "id"))
