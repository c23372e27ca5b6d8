"""Articles and their revisions: the citable text of the edition (DESIGN §3).

An article's canonical text is its blocks' texts joined by "\\n\\n"; every offset stored here is
a code-point offset into the canonical text of one revision. A new source makes a new revision;
nothing here is ever deleted by ingest.
"""
from django.conf import settings
from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField

from edition.cleaning.model import PARAGRAPH_SEPARATOR


class Article(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    source_file = models.CharField(max_length=255, unique=True, help_text="The raw dump's file name.")
    title = models.CharField(max_length=500)
    subtitle = models.TextField(blank=True, help_text="The standfirst.")
    kicker = models.CharField(max_length=200, blank=True)
    dateline = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True)
    publication = models.CharField(max_length=200, blank=True)
    attribution = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    current_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Bumped whenever something woven into the body changes without a new revision
    # (an editorial note added or edited), so the cached body is rebuilt.
    body_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["published", "title"]
        indexes = [models.Index(fields=["published", "title"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("edition:article", args=[self.slug])


class Revision(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the cleaned result.")
    source_text = models.TextField()
    text = models.TextField(help_text="The canonical text: blocks joined by a blank line.")
    profile = models.CharField(max_length=50)
    cleaning = models.JSONField(help_text="The cleaner's JSON (DESIGN §4), with the dropped lines.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_revision_number")
        ]

    def __str__(self):
        return f"{self.article.slug} r{self.number}"


class Block(models.Model):
    KINDS = [(k, k) for k in ("paragraph", "heading", "caption", "quote")]

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="blocks")
    number = models.PositiveIntegerField(help_text="From 1; the paragraph anchor is #p<number>.")
    kind = models.CharField(max_length=20, choices=KINDS)
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the block in the canonical text.")

    class Meta:
        ordering = ["revision", "number"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "number"], name="unique_block_number")
        ]

    def __str__(self):
        return f"¶{self.number} {self.text[:60]}"

    @property
    def end(self):
        return self.start + len(self.text)

    @property
    def anchor(self):
        return f"p{self.number}"


class Footnote(models.Model):
    """A note of the source itself; its marker was removed from the text at `offset`."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="footnotes")
    marker = models.CharField(max_length=20)
    text = models.TextField()
    block = models.ForeignKey(Block, null=True, blank=True, on_delete=models.CASCADE)
    offset = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["revision", "offset", "id"]

    def __str__(self):
        return f"[{self.marker}] {self.text[:60]}"


class Citation(models.Model):
    """An inline citation such as "(Xinhua, May 4)"; it stays in the text as a marked span."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="citations")
    block = models.ForeignKey(Block, on_delete=models.CASCADE)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=500)

    class Meta:
        ordering = ["revision", "start"]

    def __str__(self):
        return self.text


class EditorialNote(models.Model):
    """An editor's note on a span of the text, numbered a, b, c… beside the source's own notes.

    It is anchored by quote like a reader's annotation, so it follows its words into a new revision.
    """

    STATES = [("anchored", "anchored"), ("moved", "moved"), ("orphaned", "orphaned")]

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="editorial_notes")
    body = MarkdownxField(help_text="Markdown.")
    exact = models.TextField(help_text="The words the note is attached to.")
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The revision the offsets refer to.",
    )
    state = models.CharField(max_length=20, choices=STATES, default="anchored")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article", "start", "id"]

    def __str__(self):
        return f"Note on “{self.exact[:40]}”"


def canonical_text(block_texts):
    return PARAGRAPH_SEPARATOR.join(block_texts)
