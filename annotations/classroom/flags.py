"""Moderation in a class: a member flags an annotation for the teachers; a teacher hides or
restores it (through `annotations.services.moderation`, which decides who may), which resolves
its open flags, or dismisses a flag and leaves the annotation as it is."""
from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from annotations.classroom.models import Flag
from annotations.errors import AnnotationError, NotAuthor
from annotations.models import Annotation, Membership
from annotations.selectors import visible_annotations
from annotations.services.moderation import can_moderate, set_hidden

REASON_MAX_LENGTH = 500


def flag_annotation(user, annotation: Annotation, reason: str = "") -> Flag:
    """A member of the annotation's class asks its teachers to look at it (once while open)."""
    if annotation.classroom_id is None or not Membership.objects.filter(
            user=user, classroom_id=annotation.classroom_id).exists():
        raise NotAuthor("Only members of the class may flag its annotations.")
    if not visible_annotations(user).filter(pk=annotation.pk).exists():
        raise NotAuthor("Only members of the class may flag its annotations.")
    if annotation.author_id == user.pk:
        raise AnnotationError("You cannot flag your own annotation; edit or delete it instead.")
    reason = (reason or "").strip()[:REASON_MAX_LENGTH]
    try:
        with transaction.atomic():
            return Flag.objects.create(annotation=annotation, user=user, reason=reason)
    except IntegrityError:
        raise AnnotationError("You have already flagged this annotation; its teachers will look at it.") from None


@transaction.atomic
def moderate(user, annotation: Annotation, hidden: bool) -> Annotation:
    """Hide (or restore) an annotation of the class and resolve the flags on it."""
    annotation = set_hidden(user, annotation, hidden)
    _resolve(Flag.objects.filter(annotation=annotation, resolved=False), user)
    return annotation


def dismiss_flag(user, flag: Flag) -> None:
    if not can_moderate(user, flag.annotation):
        raise NotAuthor("Only the class's teachers may dismiss a flag.")
    _resolve(Flag.objects.filter(pk=flag.pk, resolved=False), user)


def _resolve(flags, user) -> None:
    flags.update(resolved=True, resolved_by=user, resolved_at=timezone.now())
