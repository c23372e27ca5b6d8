"""The apparatus in the browser: popovers by keyboard and touch, 'also reported in', the switch,
the no-JavaScript fallback, and the apparatus pages passing axe."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.fixtures_edition import (
    ASIANEWS, PHONE, focus_by_tab, forget_compiled_matcher, is_focused, is_target, open_context, popover,
)

PERSON = "a.mention-person[data-ref='entry-li-keqiang']"
VISIT = "a.event-ref[data-ref='event-li-keqiang-visit-japan-2018']"


@pytest.fixture
def seeds(live_server, transactional_db):
    forget_compiled_matcher()
    return live_server


@pytest.fixture
def asianews(seeds, edition, page):
    page.goto(seeds.url + edition[ASIANEWS])
    return page


def paragraph_of(page, selector):
    return page.locator(selector).first.evaluate("el => el.closest('.block').id")


def test_a_person_mention_opens_its_definition_by_keyboard(asianews):
    page = asianews
    mention = focus_by_tab(page, PERSON, "#p2 a.pnum")
    expect(mention).to_have_attribute("aria-haspopup", "dialog")
    expect(mention).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")

    dialog = popover(page)
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-label", "Li Keqiang")
    expect(dialog).to_contain_text("Premier of the People's Republic of China from 2013 to 2023")
    expect(mention).to_have_attribute("aria-expanded", "true")
    assert dialog.evaluate("el => el.contains(document.activeElement)")
    expect(page).to_have_url(re.compile(r"/articles/[^/]+/$"))  # the link was not followed


def test_escape_closes_the_popover_and_returns_focus_to_the_mention(asianews):
    page = asianews
    mention = focus_by_tab(page, PERSON, "#p2 a.pnum")
    page.keyboard.press("Enter")
    expect(popover(page)).to_be_visible()

    page.keyboard.press("Escape")

    expect(popover(page)).to_have_count(0)
    assert is_focused(mention)
    expect(mention).to_have_attribute("aria-expanded", "false")


def test_tab_past_the_end_of_the_popover_goes_on_from_the_mention(asianews):
    page = asianews
    mention = focus_by_tab(page, PERSON, "#p2 a.pnum")
    page.keyboard.press("Tab")
    after = page.evaluate("() => document.activeElement.outerHTML")  # the stop after the mention
    mention.focus()
    page.keyboard.press("Enter")
    expect(popover(page)).to_be_visible()
    stops = popover(page).locator("a[href], button")
    stops.last.focus()

    page.keyboard.press("Tab")

    expect(popover(page)).to_have_count(0)
    assert page.evaluate("() => document.activeElement.outerHTML") == after


def test_the_popover_opens_above_a_mention_near_the_bottom_of_the_window(asianews):
    page = asianews
    mention = page.locator("a.mention-person").last  # far enough down the page to scroll to
    mention.scroll_into_view_if_needed()
    page.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 4)",
                  mention.element_handle())
    link = mention.bounding_box()
    page.mouse.click(link["x"] + 10, link["y"] + link["height"] - 5)  # as is: a locator click would scroll
    box = popover(page).bounding_box()
    assert box["y"] + box["height"] <= link["y"]
    assert box["y"] >= 0


def test_also_reported_in_leads_to_the_paragraph_of_another_article(asianews, edition):
    page = asianews
    start = f"#{paragraph_of(page, VISIT)} a.pnum"
    focus_by_tab(page, VISIT, start)
    page.keyboard.press("Enter")

    dialog = popover(page)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Also reported in")
    reports = dialog.locator(".def-reports a")
    expect(reports).to_have_count(2)  # the Nikkei articles of April and October 2018
    first = reports.first
    href = first.get_attribute("href")
    assert re.fullmatch(r"/articles/[^/]+/#p\d+", href) and not href.startswith(edition[ASIANEWS])
    first.focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    target = page.locator(href[href.index("#"):])
    expect(target).to_be_in_viewport()
    assert is_target(target)
    expect(target.locator("mark, .mention-event").first).to_be_attached()


def test_the_switch_hides_the_apparatus_and_takes_mentions_out_of_the_tab_order(asianews):
    page = asianews
    switch = page.locator("button.apparatus-toggle")
    expect(switch).to_have_attribute("aria-pressed", "true")
    mention = page.locator(PERSON).first
    assert mention.evaluate("el => getComputedStyle(el).textDecorationLine") == "underline"

    switch.click()

    expect(switch).to_have_attribute("aria-pressed", "false")
    assert mention.evaluate("el => getComputedStyle(el).textDecorationLine") == "none"
    expect(page.locator(VISIT).first).to_be_hidden()
    assert page.locator("a.mention[href]").count() == 0  # plain text: not a link, not a tab stop
    page.locator("#p2 a.pnum").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        assert not page.evaluate("() => document.activeElement.matches('a.mention')")


def test_switching_the_apparatus_back_on_restores_the_links(asianews):
    page = asianews
    switch = page.locator("button.apparatus-toggle")
    links = page.locator("a.mention[href]").count()
    switch.click()
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert page.locator("a.mention[href]").count() == links
    expect(page.locator(PERSON).first).to_have_attribute("aria-haspopup", "dialog")


def test_the_switch_is_remembered_across_a_reload(asianews):
    page = asianews
    page.locator("button.apparatus-toggle").click()
    page.reload()
    expect(page.locator("button.apparatus-toggle")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("article.edition-article")).to_have_class(re.compile(r"\bapparatus-off\b"))
    page.locator("button.apparatus-toggle").click()
    page.reload()
    expect(page.locator("button.apparatus-toggle")).to_have_attribute("aria-pressed", "true")


def test_with_the_apparatus_off_a_mention_opens_nothing(asianews):
    page = asianews
    page.locator("button.apparatus-toggle").click()
    page.locator(PERSON).first.focus()
    page.keyboard.press("Enter")
    expect(popover(page)).to_have_count(0)


def test_a_tap_opens_the_popover_at_phone_width(browser, seeds, edition):
    context, page = open_context(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page.goto(seeds.url + edition[ASIANEWS])
        page.locator(PERSON).first.tap()
        dialog = popover(page)
        expect(dialog).to_be_visible()
        box = dialog.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        page.locator("#p1").tap(position={"x": 40, "y": 10})
        expect(dialog).to_have_count(0)
    finally:
        context.close()


def test_without_javascript_a_mention_is_a_link_to_its_entry(browser, seeds, edition):
    context, page = open_context(browser, java_script_enabled=False)
    try:
        page.goto(seeds.url + edition[ASIANEWS])
        mention = page.locator(PERSON).first
        expect(mention).to_have_attribute("href", "/entries/li-keqiang/")
        expect(mention).not_to_have_attribute("aria-haspopup", "dialog")
        expect(page.locator("a[data-apparatus-toggle]")).to_have_attribute("href", "?apparatus=off")
        mention.click()
        expect(page).to_have_url(re.compile(r"/entries/li-keqiang/$"))
        expect(page.locator("h1")).to_have_text("Li Keqiang")
    finally:
        context.close()


def test_the_timeline_scrolls_inside_its_figure_at_phone_width(seeds, edition, page):
    page.set_viewport_size(PHONE)
    page.goto(seeds.url + "/timeline/")
    figure = page.locator("figure.timeline")
    assert figure.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("path", ["/glossary/", "/register/", "/entries/senkaku-islands/",
                                  "/events/li-keqiang-visit-japan-2018/", "/timeline/", "/events/"])
def test_the_apparatus_pages_pass_axe(seeds, edition, page, path):
    page.goto(seeds.url + path)
    assert_no_axe_violations(page)


def test_an_article_with_an_open_popover_passes_axe(asianews):
    page = asianews
    page.locator(VISIT).first.focus()
    page.keyboard.press("Enter")
    expect(popover(page)).to_be_visible()
    assert_no_axe_violations(page)
