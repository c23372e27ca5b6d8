"""The whole flow by keyboard alone: reach a paragraph, select words with Shift+arrows, Alt+A, write
the note, save, find the annotation in the panel by Tab, and go from it to the text and back."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, annotate_in_db, focused_element, log_in, make_reader, settled


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def owner(db):
    return make_reader("olive", "Olive Owner")


@pytest.fixture
def owner_page(live_server, kishida, owner, page):
    log_in(page, live_server, owner)
    page.goto(live_server.url + kishida.get_absolute_url() + "#p3")  # a link to the paragraph: Tab starts there
    return page


def press(page, key, times=1):
    for _ in range(times):
        page.keyboard.press(key)


def test_shift_arrows_from_a_paragraph_number_select_its_first_words(owner_page):
    owner_page.keyboard.press("Tab")
    assert focused_element(owner_page)["cls"] == "pnum" and focused_element(owner_page)["href"] == "#p3"

    press(owner_page, "Control+Shift+ArrowRight", 3)

    assert owner_page.evaluate("() => String(getSelection())").strip() == "In his opening"
    expect(owner_page.locator(".annotation-toolbar")).to_be_visible()
    expect(owner_page.locator("#annotation-status")).to_contain_text("Selected: In his opening")


def test_shift_arrows_from_a_link_in_the_paragraph_select_from_the_link(owner_page):
    press(owner_page, "Tab", 3)  # number, Cite, then the "Kishida" register link
    assert focused_element(owner_page)["text"] == "Kishida"

    press(owner_page, "Shift+ArrowRight", 7)

    assert owner_page.evaluate("() => String(getSelection())") == "Kishida"


def test_the_keyboard_only_flow_saves_an_annotation_and_finds_it_in_the_panel(owner_page, kishida):
    owner_page.keyboard.press("Tab")
    press(owner_page, "Control+Shift+ArrowRight", 3)
    owner_page.keyboard.press("Alt+A")
    editor = owner_page.get_by_role("dialog", name="Annotate")
    expect(editor.get_by_label("Note")).to_be_focused()
    owner_page.keyboard.type("Kishida _opens_ the talks.")
    owner_page.keyboard.press("Tab")  # the Write and Preview tabs come before the note: next is the tags
    expect(editor.get_by_label("Tags")).to_be_focused()
    owner_page.keyboard.type("opening")
    owner_page.keyboard.press("Tab")
    expect(editor.get_by_label("Who can see it")).to_be_focused()
    owner_page.keyboard.press("ArrowDown")  # Only me -> Everyone
    owner_page.keyboard.press("Tab")
    expect(editor.get_by_role("button", name="Save")).to_be_focused()
    owner_page.keyboard.press("Enter")
    expect(editor).to_be_hidden()
    settled(owner_page)

    saved = Annotation.objects.get()
    assert (saved.exact, saved.body, saved.visibility) == ("In his opening", "Kishida _opens_ the talks.", "public")
    assert kishida.current_revision.text[saved.start:saved.end] == "In his opening"
    item = owner_page.locator(f"#ann-{saved.pk}")
    expect(item).to_be_focused()
    owner_page.keyboard.press("Tab")  # the quote: a link to the highlight
    expect(item.locator("a.ann-quote")).to_be_focused()
    press(owner_page, "Tab", 2)  # the tag, then Reply
    expect(item.get_by_role("button", name="Reply")).to_be_focused()
    owner_page.keyboard.press("Tab")
    expect(item.get_by_role("button", name="Edit")).to_be_focused()


def test_enter_on_a_highlight_shows_its_annotation_and_the_quote_leads_back(live_server, owner, kishida, page):
    note = annotate_in_db(owner, kishida, "brighter future", body="Back and forth.")
    log_in(page, live_server, owner)
    page.goto(live_server.url + kishida.get_absolute_url() + "#p3")
    press(page, "Tab", 4)  # number, Cite, Kishida, then the highlight
    mark = page.locator(f"#hl-{note.pk}")
    expect(mark).to_be_focused()
    assert mark.get_attribute("aria-describedby") == f"ann-{note.pk}-meta"

    page.keyboard.press("Enter")

    item = page.locator(f"#ann-{note.pk}")
    expect(item).to_be_focused()
    expect(item).to_be_in_viewport()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the quote
    expect(mark).to_be_focused()
    expect(mark).to_be_in_viewport()


def test_escape_in_the_editor_cancels_and_returns_the_focus(owner_page):
    owner_page.keyboard.press("Tab")
    press(owner_page, "Control+Shift+ArrowRight", 2)
    owner_page.keyboard.press("Alt+A")
    expect(owner_page.get_by_role("dialog", name="Annotate")).to_be_visible()

    owner_page.keyboard.press("Escape")

    expect(owner_page.get_by_role("dialog", name="Annotate")).to_be_hidden()
    assert focused_element(owner_page)["href"] == "#p3"
    assert not Annotation.objects.exists()
