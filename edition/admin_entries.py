"""Admin for the apparatus: entries and their aliases, events and their curated quotes, the
derived mentions (read only), and editors' overrides of single mentions.

Mentions are derived data: every save or delete of an entry, alias, event or quote moves the
apparatus version and relinks the edition (`apparatus_changed`); an override relinks its article.
"""
from django import forms
from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from markdownx.admin import MarkdownxModelAdmin

from annotations.anchoring import TextQuote, anchor, make_quote
from edition.models import Entry, EntryAlias, Event, EventQuote, Mention, MentionOverride
from edition.services.editorial_notes import EditorialNoteError, locate_in_block
from edition.services.linking import (
    alias_problems, apparatus_changed, current_matcher, mention_overrides_changed,
)


class RelinksTheEdition:
    """Mixin: after the row and its inlines are saved or deleted, relink the whole edition."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.relink(request)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.relink(request)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self.relink(request)

    def get_deleted_objects(self, objs, request):
        """Deleting an entry or event takes its mentions with it: derived rows, which no one may
        delete one by one, must not stand in the way."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(Mention._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def relink(self, request):
        reports = apparatus_changed()
        missing = [f"{r.article.source_file}: {quote}" for r in reports for quote in r.missing_quotes]
        self.message_user(request, f"Relinked {len(reports)} article(s): "
                          f"{sum(r.mentions for r in reports)} mentions.", messages.INFO)
        if missing:
            self.message_user(request, "Event quotes not found in the current texts: " + "; ".join(missing),
                              messages.WARNING)


class AliasFormSet(BaseInlineFormSet):
    """Refuse aliases the linker cannot use (one claimed by another entry that is not a person)."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        aliases = [(f.cleaned_data["text"], f.cleaned_data.get("case_sensitive", True),
                    f.cleaned_data.get("whole_word", True))
                   for f in self.forms
                   if f.cleaned_data.get("text") and not f.cleaned_data.get("DELETE")]
        entry = self.instance
        if entry.slug and entry.kind:
            problems = alias_problems(entry.slug, entry.kind, aliases)
            if problems:
                raise forms.ValidationError(problems)


class EntryAliasInline(admin.TabularInline):
    model = EntryAlias
    formset = AliasFormSet
    fields = ("text", "case_sensitive", "whole_word")
    extra = 1


@admin.register(Entry)
class EntryAdmin(RelinksTheEdition, MarkdownxModelAdmin):
    list_display = ("name", "kind", "slug", "short")
    list_filter = ("kind",)
    search_fields = ("name", "slug", "short", "aliases__text")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "kind", "short", "note", "see_also", "wikidata", "names")
    filter_horizontal = ("see_also",)
    inlines = [EntryAliasInline]


class EventQuoteInline(admin.TabularInline):
    model = EventQuote
    fields = ("source_file", "quote")
    extra = 1


@admin.register(Event)
class EventAdmin(RelinksTheEdition, MarkdownxModelAdmin):
    list_display = ("name", "date", "precision", "place")
    list_filter = ("precision",)
    list_select_related = ("place",)
    search_fields = ("name", "slug", "description")
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "date", "date_end", "precision", "description", "place", "participants", "related")
    autocomplete_fields = ("place",)
    filter_horizontal = ("participants", "related")
    inlines = [EventQuoteInline]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    """Derived rows, rebuilt on every link: to change one, add a mention override."""

    list_display = ("text", "entry", "event", "revision", "paragraph", "footnote", "start", "end", "source")
    list_filter = ("source", "entry__kind", ("entry", admin.RelatedOnlyFieldListFilter),
                   ("event", admin.RelatedOnlyFieldListFilter), "revision")
    list_select_related = ("entry", "event", "revision__article", "block", "footnote")
    search_fields = ("text",)

    @admin.display(description="¶")
    def paragraph(self, mention):
        return mention.block.number if mention.block_id else None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MentionOverrideForm(forms.ModelForm):
    """Editors say which mention as a paragraph number and its exact words, like an editorial note."""

    paragraph = forms.IntegerField(min_value=1, help_text="The paragraph number (¶) in the article.")
    words = forms.CharField(max_length=500, help_text="The exact words of the mention in that paragraph.")
    occurrence = forms.IntegerField(min_value=1, initial=1, help_text="Which occurrence, if the words repeat.")

    class Meta:
        model = MentionOverride
        fields = ("article", "action", "entry")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        override = self.instance
        if override.pk and override.article.current_revision_id:
            self._initial_place(override)

    def _initial_place(self, override):
        revision = override.article.current_revision
        found = anchor(revision.text, TextQuote(override.exact, override.prefix, override.suffix))
        self.fields["words"].initial = override.exact
        if found is None:
            return
        block = revision.blocks.filter(start__lte=found.start).order_by("-number").first()
        if block:
            self.fields["paragraph"].initial = block.number
            local = found.start - block.start
            self.fields["occurrence"].initial = block.text[:local].count(override.exact) + 1

    def clean(self):
        data = super().clean()
        article, action = data.get("article"), data.get("action")
        if action == "add" and not data.get("entry"):
            self.add_error("entry", "Say which entry the added mention names.")
        if not (article and action and data.get("paragraph") and data.get("words")):
            return data
        if article.current_revision_id is None:
            raise forms.ValidationError("The article has no text yet.")
        try:
            start, end = locate_in_block(article, data["paragraph"], data["words"], data.get("occurrence") or 1)
        except EditorialNoteError as error:
            raise forms.ValidationError(str(error))
        if action == "suppress" and not self._is_candidate(article, data["paragraph"], start, end):
            raise forms.ValidationError(
                f"“{data['words']}” in paragraph {data['paragraph']} is not a mention the apparatus links: "
                "give the exact words of the linked mention.")
        self.quote = make_quote(article.current_revision.text, start, end)
        return data

    @staticmethod
    def _is_candidate(article, paragraph, start, end):
        block = article.current_revision.blocks.get(number=paragraph)
        spans = {(s, e) for s, e, _ in current_matcher().candidates(block.text)}
        return (start - block.start, end - block.start) in spans

    def save(self, commit=True):
        override = super().save(commit=False)
        override.exact, override.prefix, override.suffix = self.quote.exact, self.quote.prefix, self.quote.suffix
        if override.action == "suppress":
            override.entry = None
        if commit:
            override.save()
        return override


@admin.register(MentionOverride)
class MentionOverrideAdmin(admin.ModelAdmin):
    form = MentionOverrideForm
    list_display = ("__str__", "article", "action", "entry", "created_at")
    list_filter = ("action", "article")
    list_select_related = ("article", "entry")
    search_fields = ("exact",)
    autocomplete_fields = ("article", "entry")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        moved_from = form.initial.get("article") if change and "article" in form.changed_data else None
        for article in filter(None, [obj.article, moved_from and type(obj.article).objects.get(pk=moved_from)]):
            self.report(request, mention_overrides_changed(article))

    def delete_model(self, request, obj):
        article = obj.article
        super().delete_model(request, obj)
        self.report(request, mention_overrides_changed(article))

    def delete_queryset(self, request, queryset):
        articles = {override.article for override in queryset.select_related("article")}
        super().delete_queryset(request, queryset)
        for article in articles:
            self.report(request, mention_overrides_changed(article))

    def report(self, request, report):
        if report.unplaced_overrides:
            self.message_user(request, f"{report.article}: overrides not found in the current text: "
                              + "; ".join(report.unplaced_overrides), messages.WARNING)
