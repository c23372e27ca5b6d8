"""Highlight only: one click (or Alt+H) on a selection saves a private highlight without a note."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, log_in, make_reader, open_panel, select_text, settled


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def reader_page(live_server, kishida, page):
    log_in(page, live_server, make_reader("olive", "Olive Owner"))
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def test_the_highlight_button_saves_a_private_highlight_and_draws_it(reader_page, kishida):
    select_text(reader_page, "a cautious detente")

    reader_page.get_by_role("toolbar", name="Selected text").get_by_role("button", name="Highlight").click()

    mark = reader_page.locator("mark.hl")
    expect(mark).to_have_text("a cautious detente")
    saved = Annotation.objects.get(pk=int(settled(reader_page).locator("mark.hl").get_attribute("data-annotation")))
    assert (saved.motivation, saved.visibility, saved.body) == ("highlighting", "private", "")
    assert kishida.current_revision.text[saved.start:saved.end] == "a cautious detente"
    expect(mark).to_have_attribute("id", f"hl-{saved.pk}")
    expect(mark).to_have_class("hl hl-private hl-mine")
    status = reader_page.locator("#annotation-status")
    expect(status).to_have_text("Highlighted. It is private: only you can see it.")
    expect(status).to_have_attribute("role", "status")
    expect(reader_page.locator(".annotations-toggle")).to_have_text("Annotations (1)")


def test_alt_h_highlights_the_selection(reader_page):
    select_text(reader_page, "a cautious detente")
    expect(reader_page.locator(".annotation-toolbar")).to_be_visible()

    reader_page.keyboard.press("Alt+H")

    expect(reader_page.locator("mark.hl")).to_have_text("a cautious detente")
    expect(reader_page.locator(".annotation-toolbar")).to_be_hidden()


def test_a_highlight_is_listed_in_the_panel_and_survives_a_reload(reader_page):
    select_text(reader_page, "a cautious detente")
    reader_page.keyboard.press("Alt+H")
    expect(reader_page.locator("mark.hl")).to_have_count(1)
    settled(reader_page)
    saved = Annotation.objects.get()

    reader_page.reload()

    expect(reader_page.locator(f"mark#hl-{saved.pk}")).to_have_text("a cautious detente")
    item = open_panel(reader_page).locator(f"#ann-{saved.pk}")
    expect(item.locator(".ann-quote")).to_have_text("a cautious detente")
    expect(item.locator(".badge")).to_have_text("Private")


def test_a_selection_with_a_space_at_either_end_highlights_only_the_words(reader_page, kishida):
    select_text(reader_page, " a cautious detente ")
    reader_page.keyboard.press("Alt+H")

    expect(reader_page.locator("mark.hl")).to_have_text("a cautious detente")
    settled(reader_page)
    assert Annotation.objects.get().exact == "a cautious detente"


def test_a_selection_over_a_note_marker_and_a_paragraph_number_keeps_them_out_of_the_quote(
    live_server, edition, page
):
    """The AsiaNews article has a source footnote: its marker and margin copy are not text."""
    asianews = Article.objects.select_related("current_revision").get(source_file__startswith="004_")
    log_in(page, live_server, make_reader("olive"))
    page.goto(live_server.url + asianews.get_absolute_url())
    block = page.locator(".block:has(.note-ref)").first
    page.evaluate("""(id) => { const block = document.getElementById(id), r = document.createRange();
      r.selectNodeContents(block); getSelection().removeAllRanges(); getSelection().addRange(r); }""",
                  block.get_attribute("id"))
    page.keyboard.press("Alt+H")
    expect(page.locator("mark.hl").first).to_be_attached()
    settled(page)

    saved = Annotation.objects.get()
    number = int(block.get_attribute("id")[1:])
    expected = asianews.current_revision.blocks.get(number=number).text
    assert saved.exact == expected.strip()
    assert page.locator(".block:has(.note-ref) .note-ref").first.evaluate("el => !el.closest('mark')")
