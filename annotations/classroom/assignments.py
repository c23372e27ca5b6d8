"""Assignments: a teacher sets articles (or a paragraph range of one) with a prompt, a due
date and expectations; edits or deletes them. Only the class's teachers write them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from annotations.classroom.membership import is_teacher
from annotations.classroom.models import PROMPT_MAX_LENGTH, Assignment
from annotations.errors import AnnotationError, NotAuthor

MAX_EXPECTED = 1000


@dataclass
class AssignmentDraft:
    title: str
    articles: list  # edition.Article, published
    due: date
    prompt: str = ""
    from_block: int | None = None
    to_block: int | None = None
    min_annotations: int = 3
    min_replies: int = 1


def check(draft: AssignmentDraft) -> None:
    """The rules an assignment keeps, whatever form or script made it."""
    if not draft.title.strip():
        raise AnnotationError("Give the assignment a title.")
    if not draft.articles:
        raise AnnotationError("Choose at least one article.")
    if len(draft.prompt) > PROMPT_MAX_LENGTH:
        raise AnnotationError(f"The prompt is too long (at most {PROMPT_MAX_LENGTH} characters).")
    for value in (draft.min_annotations, draft.min_replies):
        if not 0 <= value <= MAX_EXPECTED:
            raise AnnotationError(f"Expectations are between 0 and {MAX_EXPECTED}.")
    if (draft.from_block is None) != (draft.to_block is None):
        raise AnnotationError("Give both ends of the paragraph range, or neither.")
    if draft.from_block is None:
        return
    if len(draft.articles) != 1:
        raise AnnotationError("A paragraph range needs exactly one article.")
    if not 1 <= draft.from_block <= draft.to_block:
        raise AnnotationError("The range runs from a paragraph to the same or a later one.")
    revision = draft.articles[0].current_revision
    count = revision.blocks.count() if revision else 0
    if draft.to_block > count:
        raise AnnotationError(f"That article has {count} paragraphs.")


def _require_teacher(user, classroom):
    if not is_teacher(user, classroom):
        raise NotAuthor("Only the class's teachers may set assignments.")


def _write(assignment: Assignment, draft: AssignmentDraft) -> Assignment:
    for name in ("title", "due", "prompt", "from_block", "to_block", "min_annotations", "min_replies"):
        setattr(assignment, name, getattr(draft, name))
    assignment.title = draft.title.strip()
    assignment.save()
    assignment.articles.set(draft.articles)
    return assignment


@transaction.atomic
def create_assignment(user, classroom, draft: AssignmentDraft) -> Assignment:
    _require_teacher(user, classroom)
    check(draft)
    return _write(Assignment(classroom=classroom, created_by=user), draft)


@transaction.atomic
def update_assignment(user, assignment: Assignment, draft: AssignmentDraft) -> Assignment:
    _require_teacher(user, assignment.classroom)
    check(draft)
    return _write(assignment, draft)


def delete_assignment(user, assignment: Assignment) -> None:
    _require_teacher(user, assignment.classroom)
    assignment.delete()
