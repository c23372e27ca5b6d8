"""Invariants the database itself keeps."""
import pytest
from django.db import IntegrityError

from annotations.models import Annotation, Membership

from .conftest import annotate

pytestmark = pytest.mark.django_db


def test_a_class_annotation_must_name_its_class(note):
    note.visibility = "class"
    with pytest.raises(IntegrityError):
        note.save()


def test_a_non_class_annotation_must_not_name_a_class(note, classroom):
    note.classroom = classroom
    with pytest.raises(IntegrityError):
        note.save()


def test_a_span_cannot_end_before_it_starts(note):
    note.start, note.end = 10, 5
    with pytest.raises(IntegrityError):
        note.save()


def test_a_user_is_in_a_class_once(classroom, member):
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=member, classroom=classroom, role="teacher")


def test_an_annotation_names_its_quote(note):
    assert str(note) == "“brighter future” (anchored)"


def test_deleting_an_article_deletes_its_annotations(note, article):
    article.delete()
    assert not Annotation.objects.exists()


def test_body_html_is_rendered_and_sanitised(owner, article):
    annotation = annotate(owner, article, "Kishida", body="**b** <script>x</script>")
    assert annotation.body_html().startswith("<p><strong>b</strong>") and "<script" not in annotation.body_html()
