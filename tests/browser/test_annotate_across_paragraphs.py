"""A selection across two paragraphs is one annotation: its quote holds the paragraph break, and
both paragraphs show its highlight (the paragraph numbers and cite buttons in between are not text)."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, log_in, make_reader, select_text, settled


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def reader_page(live_server, kishida, page):
    log_in(page, live_server, make_reader("olive"))
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def annotate_across(page):
    select_text(page, "with the two countries appearing", "In his opening remarks")
    page.keyboard.press("Alt+A")
    editor = page.get_by_role("dialog", name="Annotate")
    expect(editor.locator(".editor-quote")).to_contain_text("economic ties.")
    editor.get_by_label("Note").fill("From economics to rhetoric.")
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()
    settled(page)


def test_the_quote_spans_the_paragraph_break(reader_page, kishida):
    annotate_across(reader_page)

    saved = Annotation.objects.get()
    text = kishida.current_revision.text
    assert saved.exact == "with the two countries appearing to prioritize an improvement in economic ties.\n\nIn his opening remarks"
    assert text[saved.start:saved.end] == saved.exact


def test_both_paragraphs_are_highlighted_at_once_and_after_a_reload(reader_page):
    annotate_across(reader_page)
    saved = Annotation.objects.get()

    for page_state in ("now", "reloaded"):
        if page_state == "reloaded":
            reader_page.reload()
        marks = reader_page.locator(f"mark[data-annotation='{saved.pk}']")
        expect(reader_page.locator(f"#p2 mark[data-annotation='{saved.pk}']").first).to_be_attached()
        expect(reader_page.locator(f"#p3 mark[data-annotation='{saved.pk}']").first).to_be_attached()
        assert "".join(marks.all_text_contents()) == saved.exact.replace("\n\n", "")
        expect(reader_page.locator(f"#hl-{saved.pk}")).to_have_count(1)
        expect(reader_page.locator("#p3 .pnum")).to_have_text("3")  # not inside a highlight
        assert reader_page.locator("#p3 .pnum").evaluate("el => !el.closest('mark')")
