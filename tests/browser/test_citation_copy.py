"""The "Cite" button beside a paragraph copies a full reference to that paragraph."""
import pytest
from playwright.sync_api import expect

from edition.models import Article
from tests.browser.fixtures_edition import ASIANEWS, PHONE


@pytest.fixture
def asianews(edition):
    return Article.objects.get(source_file__startswith=ASIANEWS)


@pytest.fixture
def clipboard_page(page, live_server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    return page


def test_the_cite_button_of_paragraph_3_copies_title_publication_paragraph_and_address(
    live_server, asianews, clipboard_page
):
    page = clipboard_page
    url = live_server.url + asianews.get_absolute_url()
    page.goto(url)
    button = page.locator("#p3 .cite-button")
    expect(button).to_have_text("Cite")

    button.click()

    expect(button).to_have_text("Copied")
    citation = button.get_attribute("data-citation")
    assert f"“{asianews.title}”" in citation
    assert asianews.publication == "AsiaNews" and asianews.publication in citation
    assert asianews.byline in citation and "6 August 2018" in citation
    assert "¶3" in citation
    assert citation.endswith(" " + url + "#p3")
    assert page.evaluate("() => navigator.clipboard.readText()") == citation


def test_the_copy_is_announced_to_screen_readers_and_the_button_resets(live_server, asianews, clipboard_page):
    page = clipboard_page
    page.goto(live_server.url + asianews.get_absolute_url())
    button = page.locator("#p3 .cite-button")

    button.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_have_text("Citation of paragraph 3 copied.")
    expect(button).to_have_text("Copied")
    expect(button).to_have_text("Cite", timeout=5_000)


def test_a_page_opened_at_a_note_still_cites_the_paragraph_address(live_server, asianews, clipboard_page):
    page = clipboard_page
    url = live_server.url + asianews.get_absolute_url()
    page.goto(url + "#note-1")

    page.locator("#p3 .cite-button").click()

    citation = page.evaluate("() => navigator.clipboard.readText()")
    assert citation.endswith(" " + url + "#p3") and "#note-1" not in citation


def test_every_numbered_block_has_a_cite_button_after_its_number(live_server, asianews, page):
    page.goto(live_server.url + asianews.get_absolute_url())

    blocks = page.locator(".article-body .block")
    expect(page.locator(".article-body .block > .pnum + .cite-button")).to_have_count(blocks.count())
    assert blocks.count() == asianews.current_revision.blocks.count()


def test_at_phone_width_the_copied_label_stays_in_the_margin_clear_of_the_text(live_server, asianews, clipboard_page):
    page = clipboard_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + asianews.get_absolute_url())
    button = page.locator("#p3 .cite-button")

    button.click()

    expect(button).to_have_text("Copied")
    box, block = button.bounding_box(), page.locator("#p3").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= block["x"], (box, block)


@pytest.fixture
def touch_phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_on_a_touch_screen_tapping_a_paragraph_number_reveals_its_cite_button(live_server, asianews, touch_phone):
    page = touch_phone
    page.goto(live_server.url + asianews.get_absolute_url())
    button = page.locator("#p3 .cite-button")
    expect(button).to_have_css("opacity", "0")

    page.locator("#p3 > .pnum").tap()
    page.evaluate("() => document.activeElement.blur()")  # no hover, no focus: the :target shows it

    expect(page).to_have_url(live_server.url + asianews.get_absolute_url() + "#p3")
    expect(button).to_have_css("opacity", "1")
