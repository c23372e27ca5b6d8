"""Replies target their parent and follow their thread's audience."""
import pytest

from annotations.errors import AnnotationError
from annotations.models import Annotation
from annotations.services import create_annotation, delete_annotation

from .conftest import annotate

pytestmark = pytest.mark.django_db


@pytest.fixture
def class_note(owner, article, classroom):
    return annotate(owner, article, "brighter future", body="Why?", visibility="class", classroom_id=classroom.pk)


def test_a_reply_inherits_visibility_and_class_from_its_parent(class_note, member):
    reply = create_annotation(member, parent=class_note, body="Because.")
    assert (reply.visibility, reply.classroom_id) == ("class", class_note.classroom_id)
    assert reply.motivation == Annotation.REPLYING
    assert reply.article_id == class_note.article_id


def test_a_reply_to_a_reply_belongs_to_the_same_thread(class_note, member, owner):
    first = create_annotation(member, parent=class_note, body="Because.")
    second = create_annotation(owner, parent=first, body="Thanks.")
    assert second.parent == first and second.root == class_note


def test_a_reply_has_no_selectors(class_note, member):
    reply = create_annotation(member, parent=class_note, body="Because.")
    assert reply.start is None and reply.exact == ""


def test_nobody_replies_to_what_they_cannot_see(owner, other, article):
    private = annotate(owner, article, "brighter future", body="mine")
    with pytest.raises(AnnotationError, match="Unknown parent"):
        create_annotation(other, parent=private, body="sneaky")


def test_a_reply_cannot_claim_another_motivation(class_note, member):
    with pytest.raises(AnnotationError, match="replying"):
        create_annotation(member, parent=class_note, body="x", motivation="commenting")


def test_nobody_replies_to_a_deleted_annotation(class_note, member, owner):
    create_annotation(member, parent=class_note, body="first")
    delete_annotation(owner, class_note)
    class_note.refresh_from_db()
    with pytest.raises(AnnotationError, match="deleted"):
        create_annotation(member, parent=class_note, body="late")
