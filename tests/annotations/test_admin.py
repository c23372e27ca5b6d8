"""The admin pages for annotations, classes and tokens open, and filter orphans."""
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from annotations.models import Annotation, ApiToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("editor", "", None)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", ["/admin/annotations/annotation/", "/admin/annotations/classroom/",
                                 "/admin/annotations/apitoken/", "/admin/annotations/annotation/?orphan=yes",
                                 "/admin/annotations/annotation/?state__exact=moved&visibility__exact=class"])
def test_the_lists_open(editor, note, classroom, owner, url):
    ApiToken.issue(owner)
    assert editor.get(url).status_code == 200


def test_the_orphans_filter_shows_only_orphans(editor, note, owner, article):
    from .conftest import annotate
    orphan = annotate(owner, article, "Kishida", body="lost")
    Annotation.objects.filter(pk=orphan.pk).update(state="orphaned", start=None, end=None)
    page = editor.get("/admin/annotations/annotation/?orphan=yes").content.decode()
    assert f"/admin/annotations/annotation/{orphan.pk}/change/" in page
    assert f"/admin/annotations/annotation/{note.pk}/change/" not in page


def test_an_annotation_and_a_class_open_for_editing(editor, note, classroom):
    assert editor.get(f"/admin/annotations/annotation/{note.pk}/change/").status_code == 200
    assert editor.get(f"/admin/annotations/classroom/{classroom.pk}/change/").status_code == 200


def test_tokens_cannot_be_added_in_the_admin(editor):
    assert editor.get("/admin/annotations/apitoken/add/").status_code == 403


def test_annotations_cannot_be_added_in_the_admin(editor):
    assert editor.get("/admin/annotations/annotation/add/").status_code == 403
