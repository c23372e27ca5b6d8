from django.urls import path

from edition import apparatus_views, editing_views, export_views, views

app_name = "edition"
urlpatterns = [
    path("", views.contents, name="contents"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("articles/<slug:slug>/cleaning/", views.cleaning_report, name="cleaning_report"),
    path("glossary/", apparatus_views.glossary, name="glossary"),
    path("register/", apparatus_views.register, name="register"),
    path("entries/<slug:slug>/", apparatus_views.entry, name="entry"),
    path("events/", apparatus_views.events, name="events"),
    path("events/<slug:slug>/", apparatus_views.event, name="event"),
    path("timeline/", apparatus_views.timeline, name="timeline"),
    path("export/", export_views.export_page, name="export"),
    path("api/events/", apparatus_views.events_api, name="events_api"),
    path("api/entries/", apparatus_views.entries_api, name="entries_api"),
    path("editing/suggestions/", editing_views.suggestions, name="suggestions"),
    path("editing/suggestions/<int:pk>/decide/", editing_views.suggestion_decide, name="suggestion_decide"),
]
