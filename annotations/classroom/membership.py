"""Who is in a class: create it, rotate its join code, join, leave, remove a member, add a
co-teacher. Removing a member deletes the membership row, and the visibility rule reads that
row on every request, so a removed student loses access at once. A class always keeps a teacher.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from annotations.errors import AnnotationError, NotAuthor
from annotations.models import Classroom, Membership, new_join_code
from annotations.services.classrooms import create_classroom, join_classroom

__all__ = ["add_teacher", "create_classroom", "is_teacher", "join_classroom", "leave_classroom",
           "remove_member", "rotate_join_code"]

CODE_ATTEMPTS = 5


def is_teacher(user, classroom) -> bool:
    return Membership.objects.filter(user=user, classroom=classroom, role=Membership.TEACHER).exists()


def _require_teacher(user, classroom) -> None:
    if not is_teacher(user, classroom):
        raise NotAuthor("Only the class's teachers may do this.")


def rotate_join_code(user, classroom: Classroom) -> str:
    """A new join code (and so a new join link); the old one stops working at once."""
    _require_teacher(user, classroom)
    for _ in range(CODE_ATTEMPTS):  # a clash of random codes is rare; draw again rather than fail
        code = new_join_code()
        try:
            with transaction.atomic():
                Classroom.objects.filter(pk=classroom.pk).update(join_code=code)
        except IntegrityError:
            continue
        classroom.join_code = code
        return code
    raise AnnotationError("Could not make a unique join code; try again.")


@transaction.atomic
def remove_member(user, classroom: Classroom, member) -> None:
    """A teacher removes someone else (a student or a co-teacher) from the class."""
    _require_teacher(user, classroom)
    if member.pk == user.pk:
        raise AnnotationError("To leave the class yourself, use Leave.")
    membership = Membership.objects.select_for_update().filter(classroom=classroom, user=member).first()
    if membership is None:
        raise AnnotationError("That person is not in this class.")
    membership.delete()


@transaction.atomic
def leave_classroom(user, classroom: Classroom) -> None:
    membership = Membership.objects.select_for_update().filter(classroom=classroom, user=user).first()
    if membership is None:
        raise AnnotationError("You are not in this class.")
    if membership.role == Membership.TEACHER and not (
            Membership.objects.filter(classroom=classroom, role=Membership.TEACHER).exclude(pk=membership.pk).exists()):
        raise AnnotationError("A class needs a teacher: add a co-teacher before you leave.")
    membership.delete()


@transaction.atomic
def add_teacher(user, classroom: Classroom, username: str) -> Membership:
    """Make the person with this username a teacher of the class (a student is promoted)."""
    _require_teacher(user, classroom)
    username = (username or "").strip()
    other = get_user_model().objects.filter(username=username, is_active=True).first() if username else None
    if other is None:
        raise AnnotationError(f"No reader has the username {username!r}.")
    membership, created = Membership.objects.get_or_create(
        user=other, classroom=classroom, defaults={"role": Membership.TEACHER})
    if not created and membership.role != Membership.TEACHER:
        membership.role = Membership.TEACHER
        membership.save(update_fields=["role"])
    return membership
