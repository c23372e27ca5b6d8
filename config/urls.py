from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "China–Japan Relations: editing"
admin.site.site_title = "Edition editing"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("markdownx/", include("markdownx.urls")),
    path("accounts/", include("accounts.urls")),
    path("api/", include("annotations.urls")),
    path("search/", include("search.urls")),
    path("classes/", include("annotations.urls_classes")),
    path("", include("edition.urls")),
]
