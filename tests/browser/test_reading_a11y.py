"""The reading pages are accessible: axe finds nothing, the keyboard reaches everything, no JavaScript needed."""
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.fixtures_edition import ASIANEWS, DESKTOP, WIDTHS, focused_element, is_target, log_in

# Where the focus is, and how it is drawn: the outline as computed while :focus-visible applies.
FOCUS_STATE = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {cls: el.className, label: el.getAttribute('aria-label'), focusVisible: el.matches(':focus-visible'),
          outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), outlineColor: style.outlineColor};
}"""


# axe

def test_axe_finds_no_violations_on_the_contents_page(live_server, edition, page):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + reverse("edition:contents"))
    expect(page.locator(".article-card")).to_have_count(5)

    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_axe_finds_no_violations_on_an_article_page(live_server, edition, page, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(live_server.url + edition[ASIANEWS])
    expect(page.locator(".cite-button").first).to_be_attached()  # cite.js has run

    assert_no_axe_violations(page)


def test_axe_finds_no_violations_on_an_article_page_opened_at_a_note(live_server, edition, page):
    """The :target highlight must keep the note's text readable."""
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + edition[ASIANEWS] + "#note-1")

    assert_no_axe_violations(page)


def test_axe_finds_no_violations_on_the_cleaning_report_for_staff(live_server, edition, page, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "unused", is_staff=True)
    log_in(page, live_server, editor)
    page.set_viewport_size(DESKTOP)
    slug = edition[ASIANEWS].rstrip("/").rsplit("/", 1)[-1]

    page.goto(live_server.url + reverse("edition:cleaning_report", args=[slug]))
    expect(page.get_by_role("table")).to_be_visible()

    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", [320, 390])
def test_at_phone_widths_no_page_scrolls_sideways(live_server, edition, page, width):
    """WCAG 1.4.10 reflow: the contents page and every article fit 320 CSS pixels."""
    page.set_viewport_size({"width": width, "height": 844})
    for path in [reverse("edition:contents"), *edition.values()]:
        page.goto(live_server.url + path)
        widest = page.evaluate("() => document.documentElement.scrollWidth")
        assert widest <= width, f"{path} is {widest}px wide at {width}px"


# Keyboard

def test_the_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_the_main_content(live_server, edition, page):
    page.goto(live_server.url + edition[ASIANEWS])

    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # shown while focused, not left off-screen

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile("#main$"))
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)"), focused_element(page)


def test_tabbing_through_the_article_reaches_paragraph_numbers_and_cite_buttons_with_a_visible_outline(
    live_server, edition, page
):
    page.goto(live_server.url + edition[ASIANEWS])
    expect(page.locator(".cite-button").first).to_be_attached()

    reached = {}
    for _ in range(80):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        for kind in ("pnum", "cite-button"):
            if kind in state["cls"].split() and kind not in reached:
                reached[kind] = state
                if kind == "cite-button":
                    # shown while it has the focus (it fades in: wait for the end of the transition)
                    expect(page.locator(".cite-button:focus")).to_have_css("opacity", "1")
        if len(reached) == 2:
            break

    assert set(reached) == {"pnum", "cite-button"}, f"Tab never reached {({'pnum', 'cite-button'} - set(reached))}"
    assert reached["pnum"]["label"] == "Paragraph 1"
    assert reached["cite-button"]["label"].startswith("Cite paragraph 1")  # the visible word starts the name
    for kind, state in reached.items():
        assert state["focusVisible"], kind
        assert state["outlineStyle"] == "solid" and state["outlineWidth"] >= 2, (kind, state)
        assert state["outlineColor"] not in {"transparent", "rgba(0, 0, 0, 0)"}, (kind, state)


# Without JavaScript

@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False, locale="en-GB", viewport=DESKTOP)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_paragraph_anchors_navigate_and_notes_are_linked(live_server, edition, page_without_js):
    page = page_without_js
    url = live_server.url + edition[ASIANEWS]

    page.goto(url + "#p3")

    p3 = page.locator("#p3")
    expect(p3).to_be_in_viewport()
    assert is_target(p3)
    expect(page.locator(".cite-button")).to_have_count(0)  # the script did not run; nothing is missing

    page.locator("#p7 > a.pnum").click()
    expect(page).to_have_url(url + "#p7")
    expect(page.locator("#p7")).to_be_in_viewport()

    page.locator("#ref-1").click()
    expect(page).to_have_url(url + "#note-1")
    expect(page.locator("#note-1")).to_be_in_viewport()

    page.locator("#note-1 a.note-back").click()
    expect(page).to_have_url(url + "#ref-1")
    expect(page.locator("#ref-1")).to_be_in_viewport()
