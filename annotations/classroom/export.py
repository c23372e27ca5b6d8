"""The class's annotations as CSV, for its teachers: one row per annotation or reply that the
teacher may see in the class (hidden ones included, marked).

Anonymised, every author becomes "Student N" (teachers "Teacher N"), numbered by first
appearance in the export's own order (created, then id), so the same person has the same label
throughout the export. The members' and authors' usernames and display names are also replaced
by "[name]" in the bodies, as whole words.

Cells that a spreadsheet would read as a formula (starting with = + - @, tab or carriage
return) are prefixed with a single quote.
"""
from __future__ import annotations

import csv
import io
import re
from bisect import bisect_right
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.names import display_name
from annotations.classroom.selectors import class_annotations
from annotations.models import Annotation, Membership
from annotations.presenters import iso
from edition.models import Article, Block

COLUMNS = ["annotation id", "article", "paragraph", "quote", "body", "tags", "author", "created",
           "parent id", "hidden"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Pseudonyms:
    """Labels given in order of first appearance: "Student 1", "Student 2", … by role."""

    def __init__(self, roles: dict[int, str]):
        self.roles = roles
        self.labels: dict[int, str] = {}
        self.counts: dict[str, int] = defaultdict(int)

    def __call__(self, user_id: int) -> str:
        if user_id not in self.labels:
            kind = "Teacher" if self.roles.get(user_id) == Membership.TEACHER else "Student"
            self.counts[kind] += 1
            self.labels[user_id] = f"{kind} {self.counts[kind]}"
        return self.labels[user_id]


class NameScrubber:
    """Replaces people's usernames and display names in a text, as whole words, in any case.

    A class has hundreds of names: the alternation is tried only on texts that contain one of
    the names' first words, which most texts do not."""

    WORD = re.compile(r"\w+")

    def __init__(self, names):
        names = {name.strip() for name in names if name and name.strip()}
        self.first_words = {self.WORD.findall(name.casefold())[0] for name in names if self.WORD.search(name)}
        alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if names else None

    def __call__(self, text: str) -> str:
        if not self.pattern or not text or self.first_words.isdisjoint(self.WORD.findall(text.casefold())):
            return text
        return self.pattern.sub("[name]", text)


ROW_FIELDS = ("pk", "article__title", "article__current_revision_id", "parent_id", "exact", "start", "revision_id",
              "root__start", "root__revision_id", "body", "author_id", "created", "hidden")


def class_csv_rows(teacher, classroom, *, anonymise: bool = False):
    """The header, then one row per annotation (lists of neutralised strings), read in chunks as
    plain values: building model instances for every row would cost more than all the rest."""
    annotations = class_annotations(teacher, classroom)
    roles = dict(Membership.objects.filter(classroom=classroom).values_list("user_id", "role"))
    people = {user.pk: user for user in get_user_model().objects.select_related("profile").filter(
        Q(pk__in=annotations.values("author_id")) | Q(pk__in=list(roles)))}
    names = {pk: display_name(user) for pk, user in people.items()}
    pseudonym = Pseudonyms(roles)
    # Former members' annotations stay in the class: their names are scrubbed too.
    scrub = NameScrubber([n for u in people.values() for n in (u.get_username(), names[u.pk])]) if anonymise else None
    tags = defaultdict(list)
    for annotation_id, name in (Annotation.tags.through.objects.filter(annotation__in=annotations.values("pk"))
                                .order_by("tag__name").values_list("annotation_id", "tag__name")):
        tags[annotation_id].append(name)
    starts = _block_starts(classroom)
    yield COLUMNS
    for (pk, title, current, parent_id, exact, start, revision, root_start, root_revision, body, author_id,
         created, hidden) in annotations.order_by("created", "id").values_list(*ROW_FIELDS).iterator(chunk_size=CHUNK):
        placed = (start, revision) if parent_id is None else (root_start, root_revision)
        yield [neutralise(value) for value in (
            pk, title, _paragraph(starts, current, *placed), exact if parent_id is None else "",
            scrub(body) if scrub else body, ", ".join(tags.get(pk, ())),
            pseudonym(author_id) if anonymise else names.get(author_id, ""),
            iso(created), parent_id or "", "yes" if hidden else "no",
        )]


def class_csv(teacher, classroom, *, anonymise: bool = False) -> str:
    """The whole export as one string (tests and scripts; the view streams the rows)."""
    out = io.StringIO()
    csv.writer(out).writerows(class_csv_rows(teacher, classroom, anonymise=anonymise))
    return out.getvalue()


def _block_starts(classroom) -> dict[int, tuple[list[int], list[int]]]:
    """current revision id -> (block starts, block numbers), for the articles the class annotated."""
    revisions = Article.objects.filter(annotations__classroom=classroom).values("current_revision_id")
    starts = defaultdict(lambda: ([], []))
    for revision_id, start, number in (Block.objects.filter(revision_id__in=revisions)
                                       .order_by("revision_id", "number").values_list("revision_id", "start", "number")):
        starts[revision_id][0].append(start)
        starts[revision_id][1].append(number)
    return dict(starts)


def _paragraph(starts, current_revision, start, revision) -> str:
    blocks = starts.get(current_revision)
    if not blocks or start is None or revision != current_revision:
        return ""
    index = bisect_right(blocks[0], start) - 1
    return str(blocks[1][index]) if index >= 0 else ""
