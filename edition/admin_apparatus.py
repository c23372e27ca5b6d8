"""Admin for event-link suggestions: read, filter, and confirm or reject in bulk.

The suggestions themselves are made by the ingest command (edition.services.suggestions); editors
usually decide them on /editing/suggestions/, which shows each passage with its quote highlighted.
"""
from django.contrib import admin, messages

from edition.models import EventSuggestion
from edition.services.suggestions import SuggestionError, confirm, reject


@admin.register(EventSuggestion)
class EventSuggestionAdmin(admin.ModelAdmin):
    list_display = ("event", "article", "block_number", "score", "status", "decided_at")
    list_filter = ("status", "article")
    search_fields = ("quote", "event__name", "article__title")
    list_select_related = ("event", "article")
    readonly_fields = ("event", "article", "block_number", "quote", "score", "reasons", "status", "decided_at")
    actions = ("confirm_selected", "reject_selected")

    def has_add_permission(self, request):
        return False

    @admin.action(description="Confirm the selected suggestions (make them curated links)")
    def confirm_selected(self, request, queryset):
        self._decide(request, queryset, confirm, "confirmed")

    @admin.action(description="Reject the selected suggestions")
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, reject, "rejected")

    def _decide(self, request, queryset, decide, done):
        decided, skipped = 0, 0
        for suggestion in queryset.select_related("event", "article"):
            try:
                decide(suggestion, request.user)
                decided += 1
            except SuggestionError:
                skipped += 1
        self.message_user(request, f"{decided} suggestion(s) {done}.", messages.SUCCESS)
        if skipped:
            self.message_user(request, f"{skipped} had been decided already and were left as they were.",
                              messages.WARNING)
