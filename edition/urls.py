from django.urls import path

from edition import views

app_name = "edition"
urlpatterns = [
    path("", views.contents, name="contents"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("articles/<slug:slug>/cleaning/", views.cleaning_report, name="cleaning_report"),
]
