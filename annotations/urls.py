"""The annotation API; config.urls mounts it under "api/"."""
from django.urls import path, re_path

from annotations import api

app_name = "annotations"
urlpatterns = [
    path("annotations/", api.annotation_list, name="list"),
    # An annotation's id is its URL, /api/annotations/<id>; a trailing slash is tolerated.
    re_path(r"^annotations/(?P<pk>[0-9]{1,18})/?$", api.annotation_detail, name="detail"),
]
