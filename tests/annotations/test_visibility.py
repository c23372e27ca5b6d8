"""visible_annotations: the rules the matrix does not show, and its cost."""
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.models import Classroom, Membership
from annotations.selectors import orphaned_annotations, visible_annotations
from annotations.services import create_annotation, set_hidden
from annotations.errors import NotAuthor

from .conftest import annotate, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(owner, article, classroom):
    return annotate(owner, article, "brighter future", body="b", visibility="class", classroom_id=classroom.pk)


def ids(user, article=None):
    return set(visible_annotations(user, article).values_list("pk", flat=True))


def test_a_teacher_never_sees_a_students_private_annotation(owner, teacher, article, classroom):
    private = annotate(owner, article, "brighter future")
    assert private.pk not in ids(teacher)


def test_a_class_annotation_is_not_seen_by_another_class(shared, article):
    outsider = make_user("ivy")
    other_room = Classroom.objects.create(name="Another class")
    Membership.objects.create(user=outsider, classroom=other_room, role=Membership.TEACHER)
    assert shared.pk not in ids(outsider)


def test_an_author_still_sees_their_class_annotation_after_leaving_the_class(owner, shared, classroom):
    Membership.objects.filter(user=owner, classroom=classroom).delete()
    assert shared.pk in ids(owner)


def test_a_hidden_annotation_is_seen_by_its_author_and_the_teachers_only(owner, member, teacher, shared):
    set_hidden(teacher, shared)
    assert shared.pk in ids(owner)
    assert shared.pk in ids(teacher)
    assert shared.pk not in ids(member)


def test_replies_in_a_hidden_thread_are_hidden_with_it(owner, member, teacher, other, shared, classroom):
    reply = create_annotation(owner, parent=shared, body="me again")
    set_hidden(teacher, shared)
    assert reply.pk not in ids(member)
    assert reply.pk in ids(teacher)


def test_a_hidden_public_annotation_is_seen_by_its_author_only(owner, other, article):
    public = annotate(owner, article, "brighter future", visibility="public")
    public.hidden = True
    public.save()
    assert public.pk in ids(owner)
    assert public.pk not in ids(other)
    assert public.pk not in ids(None)


def test_only_a_teacher_of_the_class_may_hide(member, shared):
    with pytest.raises(NotAuthor):
        set_hidden(member, shared)


def test_anonymous_readers_see_public_annotations_only(owner, article, classroom):
    public = annotate(owner, article, "brighter future", visibility="public")
    annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    annotate(owner, article, "brighter future")
    assert ids(AnonymousUser()) == {public.pk} == ids(None)


def test_it_limits_to_the_article_when_given(owner, article, other_article):
    here = annotate(owner, article, "brighter future")
    text = other_article.current_revision.text
    there = annotate(owner, other_article, text[10:40])
    assert ids(owner, article) == {here.pk}
    assert ids(owner) == {here.pk, there.pk}


def test_it_is_one_query_however_many_annotations(owner, member, article, classroom):
    for visibility in ("private", "public", "class", "class"):
        annotate(owner, article, "brighter future", visibility=visibility,
                 classroom_id=classroom.pk if visibility == "class" else None)
    with CaptureQueriesContext(connection) as queries:
        rows = list(visible_annotations(member, article))
    assert len(rows) == 3
    assert len(queries) == 1


def test_the_query_reads_the_rows_own_columns(member, article):
    sql = str(visible_annotations(member, article).query)
    assert '"visibility"' in sql and '"classroom_id" IN (SELECT' in sql


def test_orphaned_annotations_lists_visible_orphans_only(owner, other, article):
    mine = annotate(owner, article, "brighter future", visibility="public")
    secret = annotate(owner, article, "brighter future")
    type(mine).objects.filter(pk__in=[mine.pk, secret.pk]).update(state="orphaned", start=None, end=None)
    assert set(orphaned_annotations(other, article).values_list("pk", flat=True)) == {mine.pk}
    assert set(orphaned_annotations(owner, article).values_list("pk", flat=True)) == {mine.pk, secret.pk}
