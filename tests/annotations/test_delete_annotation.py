"""delete_annotation: gone if alone; a tombstone (no body, no tags) if it holds a thread."""
import pytest

from annotations.errors import AnnotationGone, NotAuthor
from annotations.models import Annotation
from annotations.services import create_annotation, delete_annotation

from .conftest import annotate

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(owner, member, article, classroom):
    root = annotate(owner, article, "brighter future", body="Root", tags=["t"],
                    visibility="class", classroom_id=classroom.pk)
    reply = create_annotation(member, parent=root, body="Reply")
    return root, reply


def test_an_annotation_without_replies_is_deleted(owner, note):
    assert delete_annotation(owner, note) == "deleted"
    assert not Annotation.objects.filter(pk=note.pk).exists()


def test_a_root_with_replies_becomes_a_tombstone(owner, thread):
    root, reply = thread
    assert delete_annotation(owner, root) == "tombstoned"
    root.refresh_from_db()
    assert root.deleted_at is not None and root.body == "" and not root.tags.exists()
    assert Annotation.objects.filter(pk=reply.pk).exists()


def test_the_tombstone_keeps_its_place_in_the_text(owner, thread):
    root, _ = thread
    delete_annotation(owner, root)
    root.refresh_from_db()
    assert (root.exact, root.start) == ("brighter future", root.start) and root.start is not None


def test_the_tombstone_goes_with_its_last_reply(owner, member, thread):
    root, reply = thread
    delete_annotation(owner, root)
    delete_annotation(member, reply)
    assert not Annotation.objects.filter(pk=root.pk).exists()


def test_another_user_may_not_delete_it(other, note):
    with pytest.raises(NotAuthor):
        delete_annotation(other, note)
    assert Annotation.objects.filter(pk=note.pk).exists()


def test_the_thread_root_author_may_not_delete_a_reply(owner, thread):
    _, reply = thread
    with pytest.raises(NotAuthor):
        delete_annotation(owner, reply)


def test_a_tombstone_cannot_be_deleted_again(owner, thread):
    root, _ = thread
    delete_annotation(owner, root)
    with pytest.raises(AnnotationGone):
        delete_annotation(owner, root)
