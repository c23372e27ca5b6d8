"""The panel's threads are rendered once and remembered by their whole value
(edition/templatetags/annotation_panel.py): a change shows at once, one reader's view never
reaches another, and the HTML is the item template's."""
import pytest
from django.template.loader import get_template
from django.test import Client

from annotations.reading import reading_annotations
from annotations.services import create_annotation, update_annotation
from edition.templatetags.annotation_panel import RenderedItems, rendered_items

from .conftest import annotate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget():
    rendered_items.clear()
    yield
    rendered_items.clear()


def page(user, article):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_an_edit_shows_on_the_next_page(owner, article):
    note = annotate(owner, article, "brighter future", body="First *thought*.", visibility="public")
    assert "First <em>thought</em>." in page(None, article)
    update_annotation(owner, note, body="Second *thought*.")
    html = page(None, article)
    assert "Second <em>thought</em>." in html and "First" not in html


def test_a_new_reply_shows_on_the_next_page(owner, other, article):
    note = annotate(owner, article, "brighter future", body="A note.", visibility="public")
    page(None, article)
    create_annotation(other, parent=note, body="A *reply*.")
    assert "A <em>reply</em>." in page(None, article)


def test_what_the_author_sees_does_not_reach_other_readers(owner, other, article):
    note = annotate(owner, article, "brighter future", body="Mine.", visibility="public")
    mine = page(owner, article)
    assert f'id="ann-{note.pk}" data-annotation="{note.pk}" data-visibility="public" data-replies="0" data-own' in mine
    assert '<span class="ann-you">(you)</span>' in mine and 'data-action="edit"' in mine
    for reader in (other, None):
        theirs = page(reader, article)
        assert "data-own" not in theirs and "(you)" not in theirs and 'data-action="edit"' not in theirs


def test_only_signed_in_readers_get_a_reply_button(owner, other, article):
    annotate(owner, article, "brighter future", body="A note.", visibility="public")
    assert 'data-action="reply"' in page(other, article)
    assert 'data-action="reply"' not in page(None, article)


def test_the_html_is_the_item_templates(owner, member, classroom, article):
    root = annotate(owner, article, "brighter future", body="A *note*.", tags=["tone"], visibility="class",
                    classroom_id=classroom.pk)
    create_annotation(member, parent=root, body="A reply.")
    html = page(owner, article)
    (view,) = reading_annotations(owner, article).placed
    expected = get_template("edition/_annotation_item.html").render({"a": view, "placed": True, "signed_in": True})
    assert expected in html and len(rendered_items) == 1


def test_the_memory_is_bounded_in_characters():
    items = RenderedItems(max_characters=100)
    for i in range(10):
        items.put(i, "x" * 30)
    assert items.characters <= 100 and len(items) == 3
    assert items.get(9) == "x" * 30 and items.get(0) is None
    items.get(7)  # used: kept
    items.put("new", "y" * 30)
    assert items.get(7) is not None and items.get(8) is None
