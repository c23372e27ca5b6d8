"""Reads about classes that carry rules. A class, its roster, its assignments and its
annotations are shown to its members only; to anyone else the class does not exist (404).

`class_annotations` is the one way the class pages reach annotations: it starts from
`visible_annotations`, so a private annotation never shows here (not even to a teacher), and a
hidden one only to the class's teachers and its author.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from annotations.classroom.models import Assignment
from annotations.models import Annotation, Classroom, Membership
from annotations.selectors import visible_annotations


@dataclass(frozen=True)
class Seat:
    """A member's place in a class, as the views need it."""

    classroom: Classroom
    membership: Membership

    @property
    def is_teacher(self) -> bool:
        return self.membership.role == Membership.TEACHER


def classes_of(user) -> QuerySet[Classroom]:
    """The classes `user` is in, each with `role` (theirs) and `member_count`."""
    if user is None or not user.is_authenticated:
        return Classroom.objects.none()
    role = Membership.objects.filter(classroom=OuterRef("pk"), user=user).values("role")[:1]
    mine = Membership.objects.filter(user=user).values("classroom_id")
    return (Classroom.objects.filter(pk__in=mine)
            .annotate(role=Subquery(role), member_count=Count("memberships"))
            .order_by("name", "id"))


def seat_or_404(user, classroom_id) -> Seat:
    """The user's membership of the class, or 404 (not signed in, not a member, no such class)."""
    if user is None or not user.is_authenticated:
        raise Http404("No such class.")
    membership = (Membership.objects.select_related("classroom")
                  .filter(user=user, classroom_id=classroom_id).first())
    if membership is None:
        raise Http404("No such class.")
    return Seat(membership.classroom, membership)


def roster(user, classroom) -> QuerySet[Membership]:
    """The members of the class (teachers first, then by name), for its members only."""
    if not Membership.objects.filter(user=user, classroom=classroom).exists():
        return Membership.objects.none()
    return (Membership.objects.filter(classroom=classroom)
            .select_related("user", "user__profile")
            .order_by("-role", "user__username"))


def students_of(classroom) -> QuerySet[Membership]:
    """The class's students, for pages already checked to be a teacher's."""
    return (Membership.objects.filter(classroom=classroom, role=Membership.STUDENT)
            .select_related("user", "user__profile").order_by("user__username"))


def assignments_for(user, classroom) -> QuerySet[Assignment]:
    """The class's assignments, for its members only, soonest due first."""
    return (Assignment.objects.filter(classroom=classroom, classroom__memberships__user=user)
            .prefetch_related("articles").order_by("due", "id"))


def assignment_or_404(user, classroom, pk) -> Assignment:
    assignment = assignments_for(user, classroom).filter(pk=pk).first()
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment


def class_annotations(user, classroom, article=None) -> QuerySet[Annotation]:
    """The annotations of the class that `user` may see (of `article` if given)."""
    return visible_annotations(user, article).filter(visibility=Annotation.CLASS, classroom=classroom)


def counted(annotations: QuerySet[Annotation]) -> QuerySet[Annotation]:
    """What counts as engagement: neither moderated away nor deleted."""
    return annotations.filter(Q(hidden=False), Q(deleted_at__isnull=True),
                              Q(root__isnull=True) | Q(root__hidden=False))
