"""Assignments and flags: what a class adds to annotations.

Loaded from `annotations.models` (the app's model module), so they belong to the annotations app
and its migrations. Relations are by name ("annotations.Classroom") to keep this module free of
an import cycle with `annotations.models`.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from markdownx.models import MarkdownxField

from edition.markdown import render_markdown

PROMPT_MAX_LENGTH = 10_000


class Assignment(models.Model):
    """Articles (or a paragraph range of one article) to read and annotate by a date.

    A student's annotations count toward it when they belong to the class and sit in the
    assigned text; replies count when their thread's root does (see `classroom.progress`)."""

    classroom = models.ForeignKey("annotations.Classroom", on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(max_length=200)
    articles = models.ManyToManyField("edition.Article", related_name="assignments")
    from_block = models.PositiveIntegerField(
        null=True, blank=True, help_text="First paragraph of the range (one article only).")
    to_block = models.PositiveIntegerField(
        null=True, blank=True, help_text="Last paragraph of the range, included.")
    prompt = MarkdownxField(blank=True, max_length=PROMPT_MAX_LENGTH, help_text="Markdown.")
    due = models.DateField()
    min_annotations = models.PositiveIntegerField(default=3)
    min_replies = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["classroom", "due", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_block__isnull=True, to_block__isnull=True)
                | Q(from_block__isnull=False, to_block__isnull=False, from_block__lte=models.F("to_block")),
                name="assignment_block_range",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def has_range(self) -> bool:
        return self.from_block is not None

    def prompt_html(self) -> str:
        return render_markdown(self.prompt)


class Flag(models.Model):
    """A member asks the class's teachers to look at an annotation. Resolved when a teacher
    hides or restores it, or dismisses the flag."""

    annotation = models.ForeignKey("annotations.Annotation", on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "id"]
        # The teacher's view asks for a class's open flags: few rows, found without a scan.
        indexes = [models.Index(fields=["resolved", "annotation"], name="flag_open")]
        constraints = [
            # One open flag per person and annotation: flagging again is not a louder flag.
            models.UniqueConstraint(fields=["annotation", "user"], condition=Q(resolved=False),
                                    name="one_open_flag_per_user"),
        ]

    def __str__(self):
        return f"Flag on #{self.annotation_id} by {self.user}"
