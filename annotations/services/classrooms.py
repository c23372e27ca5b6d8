"""Classes and their members. The classroom pages come later; these are what they will call."""
from __future__ import annotations

from django.db import IntegrityError, transaction

from annotations.errors import AnnotationError
from annotations.models import Classroom, Membership


@transaction.atomic
def create_classroom(user, name: str) -> Classroom:
    """A new class with `user` as its teacher."""
    name = (name or "").strip()
    if not name:
        raise AnnotationError("Give the class a name.")
    for _ in range(5):  # a clash of random join codes is rare; try again rather than fail
        try:
            with transaction.atomic():
                classroom = Classroom.objects.create(name=name, created_by=user)
            break
        except IntegrityError:
            continue
    else:
        raise AnnotationError("Could not make a unique join code; try again.")
    Membership.objects.create(user=user, classroom=classroom, role=Membership.TEACHER)
    return classroom


def join_classroom(user, join_code: str) -> Membership:
    """Join the class with this code as a student (a member already keeps their role)."""
    classroom = Classroom.objects.filter(join_code=(join_code or "").strip().upper()).first()
    if classroom is None:
        raise AnnotationError("No class has that join code.")
    membership, _ = Membership.objects.get_or_create(
        user=user, classroom=classroom, defaults={"role": Membership.STUDENT})
    return membership
