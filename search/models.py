"""The search index: one denormalised row per thing a reader can find.

Paragraphs (and the source's footnotes), glossary and register entries, events and annotations
are copied here by `search.indexing`, kept in step through signals, and rebuilt from scratch by
`manage.py rebuild_search_index`. Each engine indexes four text columns:

    heading  names (an entry's or event's name)          highest weight
    text     the words themselves                        ordinary weight
    extra    aliases, an annotation's quote and tags     lower weight
    facets   filter tokens (search.facets), never matched by the reader's words

SQLite keeps an FTS5 table over them (triggers, migration 0002); PostgreSQL a generated tsvector
column with a GIN index (same migration). Neither appears on the model: both are the engine's.

The annotation columns (author, visibility, classroom, hidden) are copies for counting facets
only: who may see an annotation is always decided by `annotations.selectors.visible_annotations`
on the live row, at query time.
"""
from django.conf import settings
from django.db import models


class SearchDocument(models.Model):
    PARAGRAPH, ENTRY, EVENT, ANNOTATION = "paragraph", "entry", "event", "annotation"
    KINDS = [(PARAGRAPH, "Paragraph"), (ENTRY, "Entry"), (EVENT, "Event"), (ANNOTATION, "Annotation")]

    kind = models.CharField(max_length=12, choices=KINDS)
    object_id = models.PositiveBigIntegerField(help_text="Block, footnote, entry, event or annotation id.")
    article = models.ForeignKey("edition.Article", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="+")
    publication = models.CharField(max_length=200, blank=True)
    date = models.DateField(null=True, blank=True, help_text="The article's date; an event's date.")
    block_number = models.PositiveIntegerField(null=True, blank=True)
    url = models.CharField(max_length=600)
    title = models.CharField(max_length=500, help_text="Shown as the result's link.")
    label = models.CharField(max_length=100, blank=True, help_text="Shown beside the title: ¶3, Note 1, Place…")

    heading = models.TextField(blank=True)
    text = models.TextField(blank=True)
    extra = models.TextField(blank=True)
    facets = models.TextField(blank=True)
    tags = models.TextField(blank=True, help_text="An annotation's tags, one a line.")

    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+")
    visibility = models.CharField(max_length=10, blank=True)
    classroom = models.ForeignKey("annotations.Classroom", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="+")
    hidden = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "object_id"], name="searchdoc_kind_object"),
            models.Index(fields=["article", "kind"], name="searchdoc_article_kind"),
            models.Index(fields=["date"], name="searchdoc_date"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title[:60]}"

    @property
    def tag_list(self) -> list[str]:
        return [tag for tag in self.tags.split("\n") if tag]
