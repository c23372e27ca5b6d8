"""Reader annotations, classes and API tokens (DESIGN §6).

An annotation targets a span of one article's canonical text, by quote (the words and 32 chars
of context either side) and by code-point offsets into the revision named in `revision`; a
reply targets its parent instead. Who may see what is decided in one place,
`annotations.selectors.visible_annotations`; writes go through `annotations.services`.

Visibility and class are stored on every row, replies included (copied from the thread's root
and kept in step by the services), so that the visibility filter is a plain WHERE on indexed
columns of the annotation itself, with no walk up the thread.
"""
from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from markdownx.models import MarkdownxField

from edition.markdown import render_markdown

BODY_MAX_LENGTH = 10_000
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in class
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class Classroom(models.Model):
    """A class (a group): teachers and students who share annotations of visibility "class"."""

    name = models.CharField(max_length=200)
    join_code = models.CharField(max_length=16, unique=True, default=new_join_code,
                                 help_text="Students join the class with this code.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership",
                                     related_name="classrooms", blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    STUDENT, TEACHER = "student", "teacher"
    ROLES = [(STUDENT, "student"), (TEACHER, "teacher")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=ROLES, default=STUDENT)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["classroom", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "classroom"], name="unique_membership"),
        ]
        # The visibility selector asks "which classes is this user in (as a teacher)?".
        indexes = [models.Index(fields=["user", "role", "classroom"], name="membership_user_role")]

    def __str__(self):
        return f"{self.user} in {self.classroom} ({self.role})"


class Tag(models.Model):
    name = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Annotation(models.Model):
    # Motivations (W3C vocabulary).
    HIGHLIGHTING, COMMENTING, REPLYING, TAGGING = "highlighting", "commenting", "replying", "tagging"
    MOTIVATIONS = [(m, m) for m in (HIGHLIGHTING, COMMENTING, REPLYING, TAGGING)]
    # Visibility.
    PRIVATE, CLASS, PUBLIC = "private", "class", "public"
    VISIBILITIES = [(v, v) for v in (PRIVATE, CLASS, PUBLIC)]
    # Anchor state after the last (re-)anchoring.
    ANCHORED, MOVED, ORPHANED = "anchored", "moved", "orphaned"
    STATES = [(s, s) for s in (ANCHORED, MOVED, ORPHANED)]

    article = models.ForeignKey("edition.Article", on_delete=models.CASCADE, related_name="annotations")
    revision = models.ForeignKey("edition.Revision", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", help_text="The revision the offsets refer to.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="annotations")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies",
                               help_text="A reply targets its parent annotation.")
    root = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="thread",
                             help_text="The first annotation of the thread (empty for a root).")

    # Selectors (replies have none). Offsets are code points into `revision.text`.
    exact = models.TextField(blank=True)
    prefix = models.CharField(max_length=200, blank=True)
    suffix = models.CharField(max_length=200, blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=STATES, default=ANCHORED)

    body = MarkdownxField(blank=True, max_length=BODY_MAX_LENGTH, help_text="Markdown.")
    tags = models.ManyToManyField(Tag, blank=True, related_name="annotations")
    motivation = models.CharField(max_length=20, choices=MOTIVATIONS, default=COMMENTING)
    visibility = models.CharField(max_length=10, choices=VISIBILITIES, default=PRIVATE)
    classroom = models.ForeignKey(Classroom, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="annotations", help_text="Only for visibility 'class'.")

    # Moderation (no UI yet): hidden ones are seen only by their author and the class's teachers.
    hidden = models.BooleanField(default=False)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    hidden_at = models.DateTimeField(null=True, blank=True)
    # A deleted root that has replies stays as a tombstone (no body, no tags) to hold its thread.
    deleted_at = models.DateTimeField(null=True, blank=True)

    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article_id", "start", "id"]  # by column: no join to the article for its ordering
        indexes = [
            models.Index(fields=["article", "visibility"], name="annotation_article_vis"),
            models.Index(fields=["article", "state"], name="annotation_article_state"),
            models.Index(fields=["author", "article"], name="annotation_author_article"),
            models.Index(fields=["classroom", "visibility"], name="annotation_class_vis"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility="class", classroom__isnull=False)
                | (~Q(visibility="class") & Q(classroom__isnull=True)),
                name="annotation_class_iff_class_visibility",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True) | Q(start__lte=models.F("end")),
                name="annotation_start_before_end",
            ),
        ]

    def __str__(self):
        if self.parent_id:
            return f"Reply to #{self.parent_id}"
        return f"“{self.exact[:40]}” ({self.state})"

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def thread_root_id(self) -> int:
        return self.root_id or self.pk

    def body_html(self) -> str:
        """The body rendered from Markdown and sanitised (rendered on read, so a tightened
        sanitiser policy applies to every stored body at once)."""
        return render_markdown(self.body)


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A key for scripts: `Authorization: Token <key>`. Only its SHA-256 is stored; the key is
    shown once, when `create_api_token` makes it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(max_length=8, editable=False, help_text="Enough to tell tokens apart.")
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["user", "-created"]

    def __str__(self):
        return f"{self.key_prefix}… ({self.user})"

    @classmethod
    def issue(cls, user) -> tuple["ApiToken", str]:
        """A new token for `user` and its key, which is not stored and cannot be shown again."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, key_hash=hash_token(key), key_prefix=key[:8])
        return token, key


from annotations.classroom.models import Assignment, Flag  # noqa: E402,F401  (the app loads its models from here)
