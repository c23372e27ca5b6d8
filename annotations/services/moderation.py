"""Moderation by a class's teachers (no pages yet): hide an annotation from everyone but its
author and the class's teachers, or show it again. Only class annotations have moderators."""
from __future__ import annotations

from django.utils import timezone

from annotations.errors import NotAuthor
from annotations.models import Annotation, Membership


def can_moderate(user, annotation: Annotation) -> bool:
    return bool(
        user is not None and user.is_authenticated and annotation.classroom_id is not None
        and Membership.objects.filter(user=user, classroom_id=annotation.classroom_id,
                                      role=Membership.TEACHER).exists()
    )


def set_hidden(user, annotation: Annotation, hidden: bool = True) -> Annotation:
    if not can_moderate(user, annotation):
        raise NotAuthor("Only the class's teachers may hide or show this annotation.")
    annotation.hidden = hidden
    annotation.hidden_by, annotation.hidden_at = (user, timezone.now()) if hidden else (None, None)
    annotation.save(update_fields=["hidden", "hidden_by", "hidden_at"])
    return annotation
