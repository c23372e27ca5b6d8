"""A reader replies to an annotation from the panel: the reply joins its thread, at once and after a
reload, and takes the thread's visibility."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, annotate_in_db, log_in, make_reader, open_panel, settled


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def public_note(kishida):
    author = make_reader("olive", "Olive Owner")
    return annotate_in_db(author, kishida, "brighter future", body="A *hopeful* phrase.", visibility="public")


@pytest.fixture
def replier_page(live_server, kishida, public_note, page):
    log_in(page, live_server, make_reader("mia", "Mia Member"))
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def reply(page, note, text):
    item = open_panel(page).locator(f"#ann-{note.pk}")
    item.get_by_role("button", name="Reply").click()
    editor = page.get_by_role("dialog", name="Reply")
    expect(editor.locator(".editor-quote")).to_have_text("brighter future")
    expect(editor.get_by_label("Who can see it")).to_be_hidden()  # a reply takes its thread's
    editor.get_by_label("Note").fill(text)
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()
    settled(page)
    return item


def test_a_reply_joins_the_thread_and_gets_the_focus(replier_page, public_note):
    item = reply(replier_page, public_note, "Hopeful, or *diplomatic*?")

    saved = Annotation.objects.get(parent=public_note)
    assert (saved.author.username, saved.body, saved.visibility, saved.motivation) == (
        "mia", "Hopeful, or *diplomatic*?", "public", "replying")
    answer = item.locator(f"#ann-{saved.pk}")
    expect(answer).to_be_focused()
    expect(answer.locator(".ann-author")).to_have_text("Mia Member")
    expect(answer.locator(".ann-body em")).to_have_text("diplomatic")
    expect(item.locator(".ann-thread-h")).to_have_text("1 reply")


def test_after_a_reload_the_reply_is_in_the_thread_with_its_author(replier_page, public_note):
    reply(replier_page, public_note, "Hopeful, or *diplomatic*?")

    replier_page.reload()

    thread = open_panel(replier_page).locator(f"#ann-{public_note.pk} .ann-replies")
    expect(thread.locator(".ann-reply")).to_have_count(1)
    expect(thread.locator(".ann-author")).to_have_text("Mia Member")
    expect(thread.locator(".ann-body")).to_have_text("Hopeful, or diplomatic?")


def test_the_author_sees_the_reply_under_the_annotation(live_server, replier_page, public_note, kishida, browser):
    reply(replier_page, public_note, "A reply.")
    author_page = browser.new_context().new_page()
    log_in(author_page, live_server, public_note.author)

    author_page.goto(live_server.url + kishida.get_absolute_url())

    expect(open_panel(author_page).locator(f"#ann-{public_note.pk} .ann-reply .ann-body")).to_have_text("A reply.")
    author_page.context.close()


def test_an_empty_reply_is_refused_before_it_is_sent(replier_page, public_note):
    open_panel(replier_page).locator(f"#ann-{public_note.pk}").get_by_role("button", name="Reply").click()
    editor = replier_page.get_by_role("dialog", name="Reply")

    editor.get_by_role("button", name="Save").click()

    expect(editor.get_by_role("alert")).to_have_text("Write something first.")
    expect(editor.get_by_label("Note")).to_be_focused()
    assert not Annotation.objects.filter(parent=public_note).exists()
