"""Editors can inspect assignments and flags in the admin."""
import pytest
from django.contrib.auth import get_user_model

from annotations.classroom.flags import flag_annotation

from .conftest import assignment, client_for, note_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", None)


def test_the_admin_lists_assignments(room, teacher, article, editor):
    task = assignment(teacher, room, [article], title="Week 9")
    assert "Week 9" in client_for(editor).get("/admin/annotations/assignment/").content.decode()
    assert client_for(editor).get(f"/admin/annotations/assignment/{task.pk}/change/").status_code == 200


def test_the_admin_lists_flags(room, ann, ben, article, editor):
    flag_annotation(ann, note_in(ben, room, article, 2), "Unkind words")
    assert "Unkind words" in client_for(editor).get("/admin/annotations/flag/").content.decode()


def test_readers_cannot_open_the_admin(room, teacher):
    assert client_for(teacher).get("/admin/annotations/assignment/").status_code == 302
