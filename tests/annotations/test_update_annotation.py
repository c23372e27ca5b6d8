"""update_annotation: the author changes body, tags, motivation and audience; nobody else can."""
import pytest

from annotations.errors import AnnotationError, AnnotationGone, NotAuthor
from annotations.models import BODY_MAX_LENGTH
from annotations.services import create_annotation, delete_annotation, update_annotation

from .conftest import annotate

pytestmark = pytest.mark.django_db


def test_the_author_changes_the_body(owner, note):
    assert update_annotation(owner, note, body="Changed.").body == "Changed."


def test_the_author_replaces_the_tags(owner, note):
    updated = update_annotation(owner, note, tags=["a", "b"])
    assert sorted(updated.tags.values_list("name", flat=True)) == ["a", "b"]


def test_the_author_makes_it_public(owner, note):
    assert update_annotation(owner, note, visibility="public").visibility == "public"


def test_the_author_shares_it_with_the_class(owner, note, classroom):
    updated = update_annotation(owner, note, visibility="class", classroom_id=classroom.pk)
    assert (updated.visibility, updated.classroom_id) == ("class", classroom.pk)


def test_a_change_of_audience_reaches_the_authors_own_replies(owner, note):
    reply = create_annotation(owner, parent=note, body="PS")
    update_annotation(owner, note, visibility="public")
    reply.refresh_from_db()
    assert reply.visibility == "public"


def test_the_selectors_are_left_alone(owner, note):
    before = (note.exact, note.start, note.end)
    updated = update_annotation(owner, note, body="Changed.")
    assert (updated.exact, updated.start, updated.end) == before


def test_another_user_may_not_change_it(other, note):
    with pytest.raises(NotAuthor):
        update_annotation(other, note, body="Mine now.")


def test_a_teacher_may_not_change_a_students_annotation(teacher, owner, article, classroom):
    shared = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    with pytest.raises(NotAuthor):
        update_annotation(teacher, shared, body="Corrected.")


def test_it_refuses_a_body_that_is_too_long(owner, note):
    with pytest.raises(AnnotationError, match="too long"):
        update_annotation(owner, note, body="x" * (BODY_MAX_LENGTH + 1))


def test_it_refuses_a_class_the_author_left_or_never_joined(owner, note):
    with pytest.raises(AnnotationError, match="not a member"):
        update_annotation(owner, note, visibility="class", classroom_id=424242)


def test_it_refuses_to_widen_a_thread_others_replied_to(owner, member, article, classroom):
    shared = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    create_annotation(member, parent=shared, body="class-only thoughts")
    with pytest.raises(AnnotationError, match="replies by others|Others have replied"):
        update_annotation(owner, shared, visibility="public")


def test_a_deleted_annotation_cannot_be_changed(owner, member, article, classroom):
    shared = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    create_annotation(member, parent=shared, body="keeps the thread")
    delete_annotation(owner, shared)
    with pytest.raises(AnnotationGone):
        update_annotation(owner, shared, body="back")
