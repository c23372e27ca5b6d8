"""Search in the browser: the header's box, the results page by keyboard, axe."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.fixtures_edition import DESKTOP, PHONE, focused_element, is_target, log_in

MAX_TABS = 80


def tab_to(page, selector):
    """Press Tab until the focus is on an element matching `selector`; fail after MAX_TABS."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{MAX_TABS} Tabs did not reach {selector}; focus is on {focused_element(page)}")


def test_a_reader_searches_from_the_header_and_opens_a_paragraph_by_keyboard(live_server, edition, page):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + edition["002_"])
    box = page.get_by_role("search", name="Search the edition").get_by_role("searchbox")
    box.click()
    page.keyboard.type('"blanket ban"')
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=%22blanket\+ban%22$"))
    expect(page.get_by_role("heading", level=1)).to_have_text('1 result for "blanket ban"')
    first = page.locator(".result-title a").first
    href = first.get_attribute("href")
    assert re.search(r"#p\d+$", href)

    tab_to(page, ".result-title a")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == href
    page.keyboard.press("Enter")

    anchor = href.rsplit("#", 1)[1]
    expect(page).to_have_url(re.compile(rf"{re.escape(edition['002_'])}#{anchor}$"))
    paragraph = page.locator(f"#{anchor}")
    assert is_target(paragraph)
    expect(paragraph).to_contain_text("blanket ban")


def test_facets_are_reached_and_followed_by_keyboard(live_server, edition, page):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/search/?q=Japan")
    tab_to(page, ".facet-publication a")
    label = page.evaluate("() => document.activeElement.textContent")
    page.keyboard.press("Enter")
    expect(page.locator(".search-active")).to_contain_text(f"Publication: {label}")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violations_on_the_results_page(live_server, edition, page, django_user_model, viewport):
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "unused")
    log_in(page, live_server, reader)
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/search/?q=Japan&date_from=2016-01-01")
    expect(page.locator(".result").first).to_be_visible()

    assert_no_axe_violations(page)


def test_axe_finds_no_violations_on_a_message_page(live_server, edition, page):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/search/?q=%28")
    expect(page.locator(".search-message")).to_contain_text("no words to search for")

    assert_no_axe_violations(page)


def test_the_results_page_fits_a_phone(live_server, edition, page):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(live_server.url + "/search/?q=Senkaku")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
