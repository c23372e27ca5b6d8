"""Which annotations an export carries, and under what names.

An annotation set is one of: none; public (what an anonymous reader sees); mine (the threads the
user started, with the replies the user may see); class (a class's annotations, for its teachers
only). Every set is a filter on `visible_annotations(user)`, so an export can never hold what its
user could not read on the site: another reader's private note cannot get in by any path.

Readers are named once per export, in the order of their first annotation, so "Reader 3" is the
same person in every format. Anonymised, the labels replace names everywhere, and the names (and
usernames) of the readers are also blanked out of the annotation bodies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Min, Q

from accounts.models import display_name
from annotations.models import Annotation, Classroom, Membership
from annotations.selectors import visible_annotations

SETS = ("none", "public", "mine", "class")


class ExportForbidden(PermissionDenied):
    """The user may not export this annotation set (a 403 on the page, an error in the command)."""


@dataclass(frozen=True)
class AnnotationSet:
    kind: str
    user: object = None
    classroom: Classroom | None = None

    def describe(self) -> str:
        return {
            "none": "Without annotations",
            "public": "With the public annotations",
            "mine": "With the exporting reader’s own annotations",
            "class": f"With the annotations of the class {self.classroom.name if self.classroom else ''}",
        }[self.kind]


def is_teacher(user, classroom) -> bool:
    return bool(user is not None and user.is_authenticated and classroom is not None
                and Membership.objects.filter(user=user, classroom=classroom, role=Membership.TEACHER).exists())


def choose_set(kind: str, user=None, classroom=None) -> AnnotationSet:
    """The set `kind` for `user`, or ExportForbidden if the user may not have it."""
    if kind not in SETS:
        raise ValueError(f"Unknown annotation set {kind!r}; use one of {', '.join(SETS)}.")
    if kind == "mine" and (user is None or not user.is_authenticated):
        raise ExportForbidden("Sign in to export your own annotations.")
    if kind == "class" and not is_teacher(user, classroom):
        raise ExportForbidden("Only the class's teachers may export its annotations.")
    return AnnotationSet(kind, user if kind in ("mine", "class") else None, classroom if kind == "class" else None)


def selected(aset: AnnotationSet):
    """The annotations (roots and replies) of the set, through the visibility rule."""
    if aset.kind == "none":
        return Annotation.objects.none()
    if aset.kind == "public":
        return visible_annotations(None).filter(visibility=Annotation.PUBLIC)
    if aset.kind == "mine":
        user = aset.user
        return visible_annotations(user).filter(Q(author=user, root__isnull=True) | Q(root__author=user))
    # A class handout leaves out what the teachers hid (they still see it on the site).
    return (visible_annotations(aset.user)
            .filter(visibility=Annotation.CLASS, classroom=aset.classroom, hidden=False)
            .filter(Q(root__isnull=True) | Q(root__hidden=False)))


@dataclass(frozen=True)
class Reader:
    key: str  # "reader-3": an id for formats that point at people (TEI @resp)
    label: str  # what the export shows: a display name, or "Reader 3" / "Teacher 1"


class Readers:
    """The readers of an export, named consistently; anonymised, with their names scrubbed."""

    def __init__(self, users, anonymise: bool, teachers=frozenset()):
        self.anonymise, self.teachers = anonymise, teachers
        self.by_user: dict[int, Reader] = {}
        self.counts = {"Teacher": 0, "Reader": 0}
        self._names: dict[str, str] = {}
        self._pattern = None
        for user in users:
            self.add(user)

    def add(self, user) -> Reader:
        role = "Teacher" if user.pk in self.teachers else "Reader"
        self.counts[role] += 1
        label = f"{role} {self.counts[role]}" if self.anonymise else display_name(user)
        reader = self.by_user[user.pk] = Reader(f"reader-{len(self.by_user) + 1}", label)
        for name in _names_of(user):
            self._names.setdefault(name.casefold(), label)
        ordered = sorted(self._names, key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ordered)) + r")(?!\w)",
                                   re.IGNORECASE) if self.anonymise and ordered else None
        return reader

    def __iter__(self):
        return iter(self.by_user.values())

    def __len__(self):
        return len(self.by_user)

    def of(self, user) -> Reader:
        """The reader for `user`; one who annotated after the export began is named on the spot."""
        return self.by_user.get(user.pk) or self.add(user)

    def scrub(self, text: str) -> str:
        """Anonymised: every reader's name or username in `text` becomes that reader's label."""
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(lambda match: self._names[match.group(0).casefold()], text)


def _names_of(user) -> list[str]:
    names = [user.get_username(), display_name(user), user.get_full_name(), user.first_name, user.last_name]
    return [name.strip() for name in names if name and len(name.strip()) >= 2]


def readers_of(annotations, anonymise: bool, classroom=None) -> Readers:
    """The authors of `annotations`, in the order of their first annotation."""
    firsts = (annotations.order_by().values("author_id").annotate(first=Min("created"))
              .order_by("first", "author_id").values_list("author_id", flat=True))
    order = list(firsts)
    users = get_user_model().objects.filter(pk__in=order).select_related("profile")
    by_id = {user.pk: user for user in users}
    teachers = frozenset()
    if classroom is not None:
        teachers = frozenset(Membership.objects.filter(classroom=classroom, role=Membership.TEACHER)
                             .values_list("user_id", flat=True))
    return Readers([by_id[pk] for pk in order if pk in by_id], anonymise, teachers)
