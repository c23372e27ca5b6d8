"""Admin for the edition: metadata editable, source texts read-only, notes with markdownx."""
from django import forms
from django.contrib import admin
from markdownx.admin import MarkdownxModelAdmin

from edition import admin_entries  # noqa: F401  (the apparatus: entries, events, mentions)
from edition import admin_apparatus  # noqa: F401  (event-link suggestions)
from edition.models import Article, Block, Citation, EditorialNote, Footnote, Revision
from edition.services.editorial_notes import EditorialNoteError, locate_in_block, place_editorial_note, touch_body


class RevisionInline(admin.TabularInline):
    model = Revision
    fields = ("number", "profile", "fingerprint", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "publication", "published", "current_revision")
    list_filter = ("publication",)
    search_fields = ("title", "subtitle", "byline", "source_file")
    readonly_fields = ("source_file", "current_revision", "created_at", "updated_at")
    fields = ("title", "slug", "subtitle", "kicker", "byline", "dateline", "published",
              "publication", "attribution", "source_url") + readonly_fields
    inlines = [RevisionInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        touch_body(obj)


class BlockInline(admin.TabularInline):
    model = Block
    fields = ("number", "kind", "start", "text")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ("article", "number", "profile", "created_at")
    list_filter = ("profile",)
    readonly_fields = ("article", "number", "fingerprint", "profile", "created_at", "source_text", "text", "cleaning")
    inlines = [BlockInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ("__str__", "revision", "kind")
    list_filter = ("kind",)
    search_fields = ("text",)
    readonly_fields = ("revision", "number", "kind", "start", "text")

    def has_add_permission(self, request):
        return False


@admin.register(Footnote)
class FootnoteAdmin(admin.ModelAdmin):
    list_display = ("marker", "revision", "__str__")
    readonly_fields = ("revision", "marker", "block", "offset", "text")

    def has_add_permission(self, request):
        return False


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ("text", "revision", "block")
    readonly_fields = ("revision", "block", "start", "end", "text")

    def has_add_permission(self, request):
        return False


class EditorialNoteForm(forms.ModelForm):
    """Editors say where a note goes as a paragraph number and the words it is attached to."""

    paragraph = forms.IntegerField(min_value=1, help_text="The paragraph number (¶) in the article.")
    words = forms.CharField(help_text="The exact words in that paragraph the note is attached to.")
    occurrence = forms.IntegerField(min_value=1, initial=1, help_text="Which occurrence, if the words repeat.")

    class Meta:
        model = EditorialNote
        fields = ("article", "body")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        note = self.instance
        if note.pk and note.start is not None and note.article.current_revision_id:
            block = note.article.current_revision.blocks.filter(start__lte=note.start).order_by("-number").first()
            if block:
                self.fields["paragraph"].initial = block.number
            self.fields["words"].initial = note.exact

    def clean(self):
        data = super().clean()
        article = data.get("article")
        if article and data.get("paragraph") and data.get("words"):
            if article.current_revision_id is None:
                raise forms.ValidationError("The article has no text yet.")
            try:
                locate_in_block(article, data["paragraph"], data["words"], data.get("occurrence") or 1)
            except EditorialNoteError as error:
                raise forms.ValidationError(str(error))
        return data


@admin.register(EditorialNote)
class EditorialNoteAdmin(MarkdownxModelAdmin):
    form = EditorialNoteForm
    list_display = ("__str__", "article", "state", "author", "updated_at")
    list_filter = ("state", "article")
    search_fields = ("exact", "body")

    def save_model(self, request, obj, form, change):
        if not obj.author_id:
            obj.author = request.user
        data = form.cleaned_data
        place_editorial_note(obj, data["paragraph"], data["words"], data.get("occurrence") or 1)

    def delete_model(self, request, obj):
        article = obj.article
        super().delete_model(request, obj)
        touch_body(article)
