"""At phone width (390px) the whole flow fits: the toolbar, the editor as a sheet, the panel as a bottom
sheet that gives the text back when an annotation is followed to its highlight; nothing scrolls sideways."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, PHONE, log_in, make_reader, open_panel, select_text, settled

SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def phone_page(live_server, kishida, page):
    page.set_viewport_size(PHONE)
    log_in(page, live_server, make_reader("olive", "Olive Owner"))
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def inside_viewport(locator):
    box = locator.bounding_box()
    return box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5


def test_select_annotate_and_follow_the_note_back_to_the_text_at_phone_width(phone_page):
    select_text(phone_page, "brighter future")
    toolbar = phone_page.get_by_role("toolbar", name="Selected text")
    expect(toolbar).to_be_visible()
    assert inside_viewport(toolbar)
    toolbar.get_by_role("button", name="Annotate").click()
    editor = phone_page.get_by_role("dialog", name="Annotate")
    expect(editor).to_be_visible()
    assert inside_viewport(editor) and phone_page.evaluate(SIDEWAYS) == 0
    editor.get_by_label("Note").fill("On a phone.")
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()
    settled(phone_page)

    saved = Annotation.objects.get()
    panel = phone_page.locator("#annotations")
    expect(panel).to_be_visible()
    box = panel.bounding_box()
    assert box["width"] == PHONE["width"] and abs(box["y"] + box["height"] - PHONE["height"]) < 1  # a bottom sheet
    assert phone_page.evaluate(SIDEWAYS) == 0
    item = panel.locator(f"#ann-{saved.pk}")
    expect(item).to_be_focused()

    item.locator("a.ann-quote").click()

    expect(panel).to_be_hidden()  # the sheet gives the text back
    mark = phone_page.locator(f"#hl-{saved.pk}")
    expect(mark).to_be_focused()
    expect(mark).to_be_in_viewport()

    mark.click()

    expect(item).to_be_focused()


def test_the_toggle_stays_within_reach_and_the_sheet_closes(phone_page):
    phone_page.mouse.wheel(0, 3000)
    toggle = phone_page.get_by_role("button", name="Annotations (0)")
    expect(toggle).to_be_in_viewport()

    panel = open_panel(phone_page)
    expect(panel.get_by_role("heading", name="Annotations (0)")).to_be_focused()
    assert phone_page.evaluate(SIDEWAYS) == 0
    panel.get_by_role("button", name="Close the annotations").click()

    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()
