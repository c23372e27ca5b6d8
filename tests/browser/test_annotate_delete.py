"""A reader deletes their own annotation after confirming: it leaves the panel and the text."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from annotations.services import create_annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, annotate_in_db, log_in, make_reader, open_panel, settled


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def owner(db):
    return make_reader("olive", "Olive Owner")


@pytest.fixture
def note(owner, kishida):
    return annotate_in_db(owner, kishida, "brighter future", body="A *hopeful* phrase.", visibility="public")


@pytest.fixture
def owner_page(live_server, kishida, owner, note, page):
    log_in(page, live_server, owner)
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def ask_to_delete(page, annotation):
    open_panel(page).locator(f"#ann-{annotation.pk}").get_by_role("button", name="Delete").first.click()
    confirm = page.get_by_role("alertdialog", name="Delete this annotation?")
    expect(confirm).to_be_visible()
    return confirm


def test_delete_asks_first_and_cancel_keeps_the_annotation(owner_page, note):
    confirm = ask_to_delete(owner_page, note)
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()  # the safe choice

    confirm.get_by_role("button", name="Cancel").click()

    expect(confirm).to_be_hidden()
    assert Annotation.objects.filter(pk=note.pk).exists()
    expect(owner_page.locator(f"#hl-{note.pk}")).to_be_visible()
    expect(owner_page.locator(f"#ann-{note.pk}").get_by_role("button", name="Delete")).to_be_focused()


def test_confirmed_delete_removes_the_annotation_its_highlight_and_its_item(owner_page, note, kishida):
    confirm = ask_to_delete(owner_page, note)

    confirm.get_by_role("button", name="Delete").click()

    expect(owner_page.locator(f"#ann-{note.pk}")).to_have_count(0)
    settled(owner_page)
    assert not Annotation.objects.filter(pk=note.pk).exists()
    expect(owner_page.locator("mark.hl")).to_have_count(0)
    expect(owner_page.locator("#p3")).to_contain_text("to build a brighter future in bilateral relations.")
    expect(owner_page.locator("#annotation-status")).to_have_text("Annotation deleted.")
    expect(owner_page.locator("#annotations-h")).to_be_focused()

    owner_page.reload()

    expect(owner_page.locator("mark.hl")).to_have_count(0)


def test_deleting_an_annotation_with_replies_keeps_its_thread(owner_page, note):
    answer = create_annotation(make_reader("mia", "Mia Member"), parent=note, body="A reply.")
    owner_page.reload()
    confirm = ask_to_delete(owner_page, note)

    confirm.get_by_role("button", name="Delete").click()

    item = owner_page.locator(f"#ann-{note.pk}")
    expect(item.locator(".ann-author").first).to_have_text("Deleted annotation")
    expect(item.locator(f"#ann-{answer.pk} .ann-body")).to_have_text("A reply.")
    settled(owner_page)


def test_a_reader_can_delete_their_reply(owner_page, note, owner):
    answer = create_annotation(owner, parent=note, body="An afterthought.")
    owner_page.reload()
    confirm = ask_to_delete(owner_page, answer)

    confirm.get_by_role("button", name="Delete").click()

    expect(owner_page.locator(f"#ann-{answer.pk}")).to_have_count(0)
    expect(owner_page.locator(f"#ann-{note.pk}")).to_be_focused()
    expect(owner_page.locator(f"#hl-{note.pk}")).to_be_visible()
    settled(owner_page)
    assert not Annotation.objects.filter(pk=answer.pk).exists()
