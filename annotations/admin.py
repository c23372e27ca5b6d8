"""Admin for annotations, classes and API tokens. Editors inspect and moderate here; readers
write through the API. Token keys are never shown: `create_api_token` prints a new one once."""
from django.contrib import admin
from markdownx.admin import MarkdownxModelAdmin

from annotations.models import Annotation, ApiToken, Classroom, Membership


class OrphanFilter(admin.SimpleListFilter):
    title = "orphans"
    parameter_name = "orphan"

    def lookups(self, request, model_admin):
        return [("yes", "Orphans only"), ("no", "Placed in the text")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(state=Annotation.ORPHANED, parent__isnull=True)
        if self.value() == "no":
            return queryset.exclude(state=Annotation.ORPHANED)
        return queryset


@admin.register(Annotation)
class AnnotationAdmin(MarkdownxModelAdmin):
    list_display = ("id", "article", "author", "exact_preview", "state", "visibility", "motivation",
                    "hidden", "created")
    list_filter = (OrphanFilter, "state", "visibility", "motivation", "hidden", "article")
    list_select_related = ("article", "author")
    search_fields = ("exact", "body", "author__username")
    raw_id_fields = ("author", "parent", "root", "classroom", "hidden_by")
    readonly_fields = ("article", "revision", "exact", "prefix", "suffix", "start", "end", "state",
                       "parent", "root", "created", "modified", "deleted_at")
    fields = ("article", "revision", "exact", "prefix", "suffix", "start", "end", "state", "author",
              "parent", "root", "body", "tags", "motivation", "visibility", "classroom", "hidden",
              "hidden_by", "hidden_at", "deleted_at", "created", "modified")
    filter_horizontal = ("tags",)
    date_hierarchy = "created"

    @admin.display(description="quote")
    def exact_preview(self, obj):
        return obj.exact[:60] if obj.parent_id is None else f"↳ reply to #{obj.parent_id}"

    def has_add_permission(self, request):
        return False  # an annotation needs anchoring: the API and the import do that


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ("user",)
    extra = 1


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ("name", "join_code", "created_by", "created_at")
    search_fields = ("name", "join_code")
    raw_id_fields = ("created_by",)
    inlines = [MembershipInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("key_prefix", "user", "created", "last_used")
    search_fields = ("user__username", "key_prefix")
    readonly_fields = ("user", "key_prefix", "created", "last_used")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False  # `manage.py create_api_token USER` prints the key once


# --- Classes: assignments and flags (annotations.classroom) ---------------------------------------

from annotations.classroom.models import Assignment, Flag  # noqa: E402


@admin.register(Assignment)
class AssignmentAdmin(MarkdownxModelAdmin):
    list_display = ("title", "classroom", "due", "from_block", "to_block", "min_annotations", "min_replies")
    list_filter = ("due",)
    list_select_related = ("classroom",)
    search_fields = ("title", "classroom__name")
    raw_id_fields = ("classroom", "created_by")
    filter_horizontal = ("articles",)
    date_hierarchy = "due"


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ("id", "annotation", "user", "reason", "created", "resolved")
    list_filter = ("resolved",)
    list_select_related = ("annotation", "user")
    search_fields = ("reason", "user__username")
    raw_id_fields = ("annotation", "user", "resolved_by")
    readonly_fields = ("created", "resolved_at")
