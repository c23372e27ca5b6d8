"""reading_annotations: what the reading page weaves (placed) and lists (orphans)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.models import Annotation
from annotations.reading import reading_annotations
from annotations.services import create_annotation, delete_annotation

from .conftest import annotate

pytestmark = pytest.mark.django_db


def test_a_view_carries_what_the_page_needs(owner, note, article):
    (view,) = reading_annotations(owner, article).placed
    text = article.current_revision.text
    assert text[view.start:view.end] == "brighter future"
    assert (view.id, view.author, view.visibility, view.tags) == (note.pk, "Olive Owner", "private", ("rhetoric",))
    assert view.body_html == "<p>A <em>hopeful</em> phrase.</p>"
    assert view.reply_count == 0 and view.is_own and not view.deleted


def test_replies_are_counted_not_listed(owner, note, article):
    first = create_annotation(owner, parent=note, body="one")
    create_annotation(owner, parent=first, body="two")
    (view,) = reading_annotations(owner, article).placed
    assert view.reply_count == 2


def test_placed_annotations_come_in_text_order(owner, article):
    later = annotate(owner, article, "brighter future")
    earlier = annotate(owner, article, "In their first")
    assert [v.id for v in reading_annotations(owner, article).placed] == [earlier.pk, later.pk]


def test_orphans_are_listed_apart(owner, note, article):
    Annotation.objects.filter(pk=note.pk).update(state="orphaned", start=None, end=None)
    result = reading_annotations(owner, article)
    assert result.placed == [] and [v.id for v in result.orphaned] == [note.pk]


def test_another_reader_gets_nothing_private(other, note, article):
    result = reading_annotations(other, article)
    assert result.placed == [] and result.orphaned == []


def test_an_anonymous_reader_gets_the_public_ones(owner, article):
    public = annotate(owner, article, "brighter future", visibility="public")
    (view,) = reading_annotations(None, article).placed
    assert view.id == public.pk and not view.is_own


def test_a_tombstone_without_replies_is_not_shown_but_one_holding_a_thread_is(owner, member, article, classroom):
    root = annotate(owner, article, "brighter future", body="x", visibility="class", classroom_id=classroom.pk)
    reply = create_annotation(member, parent=root, body="y")
    delete_annotation(owner, root)
    (view,) = reading_annotations(member, article).placed
    assert view.deleted and view.body_html == "" and view.reply_count == 1
    Annotation.objects.filter(pk=reply.pk).delete()
    assert reading_annotations(member, article).placed == []


def test_it_costs_two_queries(owner, article):
    for words in ("brighter future", "Kishida", "In their first"):
        annotate(owner, article, words, tags=["a", "b"])
    with CaptureQueriesContext(connection) as queries:
        reading_annotations(owner, article)
    assert len(queries) == 2


def test_authors_go_by_the_name_they_chose(owner, note, article):
    from accounts.models import Profile

    Profile.objects.create(user=owner, display_name="Olive O.")
    (view,) = reading_annotations(owner, article).placed
    assert view.author == "Olive O."
