"""The editorial apparatus: glossary and register entries, events, and their mentions.

Entries and events are loaded from `seeds/apparatus/` (editors may also edit them in the admin);
mentions are derived: rebuilt by the link service on every ingest or apparatus change, with
editors' overrides (suppress one mention, add one) re-applied each time.
"""
from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField

from edition.models.text import Article, Block, Footnote, Revision


class ApparatusState(models.Model):
    """One row: a counter bumped on every apparatus change, part of the woven body's cache key."""

    version = models.PositiveIntegerField(default=0)
    # Bare surnames an editor declared ambiguous even where one person in the edition has them.
    ambiguous_surnames = models.JSONField(default=list, blank=True)

    @classmethod
    def current(cls) -> int:
        row = cls.objects.filter(pk=1).values_list("version", flat=True).first()
        return row or 0

    @classmethod
    def bump(cls) -> None:
        state, _ = cls.objects.get_or_create(pk=1)
        cls.objects.filter(pk=state.pk).update(version=models.F("version") + 1)


class Entry(models.Model):
    KINDS = [("term", "Term"), ("place", "Place"), ("organisation", "Organisation"),
             ("agreement", "Agreement or initiative"), ("person", "Person")]
    GLOSSARY_KINDS = ("term", "agreement")
    REGISTER_KINDS = ("person", "place", "organisation")

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=KINDS)
    name = models.CharField(max_length=300)
    short = models.CharField(max_length=200, help_text="One sentence, shown in the popover.")
    note = MarkdownxField(blank=True, help_text="A longer note in Markdown, on the entry page.")
    see_also = models.ManyToManyField("self", blank=True, symmetrical=False)
    wikidata = models.CharField(max_length=20, blank=True)
    names = models.JSONField(default=list, blank=True,
                             help_text='Disputed places: [{"name": …, "used_by": …}].')
    sort_key = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        ordering = ["sort_key"]
        verbose_name_plural = "entries"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = self.name.casefold()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("edition:entry", args=[self.slug])

    @property
    def in_glossary(self):
        return self.kind in self.GLOSSARY_KINDS


class EntryAlias(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=300)
    case_sensitive = models.BooleanField(default=True)
    whole_word = models.BooleanField(default=True)

    class Meta:
        ordering = ["entry", "text"]
        constraints = [models.UniqueConstraint(fields=["entry", "text"], name="unique_alias_per_entry")]

    def __str__(self):
        return self.text


class Event(models.Model):
    PRECISIONS = [("day", "day"), ("month", "month"), ("year", "year")]

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=300)
    date = models.DateField()
    date_end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=PRECISIONS, default="day")
    description = MarkdownxField(blank=True)
    place = models.ForeignKey(Entry, null=True, blank=True, on_delete=models.SET_NULL, related_name="events_here")
    participants = models.ManyToManyField(Entry, blank=True, related_name="events")
    related = models.ManyToManyField("self", blank=True, symmetrical=False)

    class Meta:
        ordering = ["date", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("edition:event", args=[self.slug])


class Mention(models.Model):
    """A span of one revision's text that names an entry or reports an event (derived data)."""

    SOURCES = [("alias", "matched alias"), ("curated", "curated event link"),
               ("editor", "added by an editor"), ("suggestion", "confirmed suggestion")]

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="mentions")
    # A mention is in a body block (offsets into the canonical text) or in one of the source's
    # footnotes (offsets into the footnote's text, which is not part of the canonical text).
    block = models.ForeignKey(Block, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    footnote = models.ForeignKey(Footnote, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=500)
    entry = models.ForeignKey(Entry, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    source = models.CharField(max_length=20, choices=SOURCES, default="alias")

    class Meta:
        ordering = ["revision", "start"]
        indexes = [models.Index(fields=["entry", "revision"]), models.Index(fields=["event", "revision"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(entry__isnull=False) | models.Q(event__isnull=False),
                                   name="mention_has_target"),
            models.CheckConstraint(condition=models.Q(block__isnull=False) | models.Q(footnote__isnull=False),
                                   name="mention_has_place"),
        ]

    def __str__(self):
        return f"{self.text} → {self.entry or self.event}"


class EventQuote(models.Model):
    """A curated link: the passage of an article (by source file) that reports an event.

    Keyed by the source file name, not the article, so the apparatus can be loaded before the
    articles and survives their re-ingest; the quote is found afresh in each new revision.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="quotes")
    source_file = models.CharField(max_length=255, db_index=True)
    quote = models.CharField(max_length=500)

    class Meta:
        ordering = ["event", "source_file"]
        constraints = [models.UniqueConstraint(fields=["event", "source_file", "quote"], name="unique_event_quote")]

    def __str__(self):
        return f"{self.source_file}: “{self.quote}”"


class MentionOverride(models.Model):
    """An editor's decision about one entry mention, kept across re-linking and new revisions.

    Anchored by quote like an annotation. (Events are linked to passages by EventQuote.)
    """

    ACTIONS = [("suppress", "suppress this mention"), ("add", "add this mention")]

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mention_overrides")
    action = models.CharField(max_length=10, choices=ACTIONS)
    exact = models.CharField(max_length=500)
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    entry = models.ForeignKey(Entry, null=True, blank=True, on_delete=models.CASCADE,
                              help_text="For an added mention: the entry it names.")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.action} “{self.exact}”"


class EventSuggestion(models.Model):
    """A proposed link from a passage to an event, for an editor to confirm or reject."""

    STATUSES = [("pending", "pending"), ("confirmed", "confirmed"), ("rejected", "rejected")]

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="suggestions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_suggestions")
    block_number = models.PositiveIntegerField()
    quote = models.CharField(max_length=500, help_text="The passage's words that triggered it.")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=STATUSES, default="pending")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "-score"]
        constraints = [models.UniqueConstraint(fields=["event", "article", "block_number"],
                                               name="one_suggestion_per_event_passage")]
