"""Printing an article for a class: the text with its paragraph numbers and notes, without the site around it."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures_edition import ASIANEWS


@pytest.fixture
def article_page(live_server, edition, page):
    page.goto(live_server.url + edition[ASIANEWS])
    expect(page.locator(".cite-button").first).to_be_attached()  # cite.js has run: its buttons must not print
    return page


def test_on_screen_the_site_header_and_footer_are_shown(article_page):
    expect(article_page.locator(".site-header")).to_be_visible()
    expect(article_page.locator(".site-footer")).to_be_visible()


def test_in_print_the_site_header_navigation_footer_and_cite_buttons_are_hidden(article_page):
    article_page.emulate_media(media="print")

    for selector in (".site-header", ".site-nav", ".site-footer", ".skip-link", ".note-back"):
        expect(article_page.locator(selector).first).to_be_hidden()
    for button in article_page.locator(".cite-button").all():
        expect(button).to_be_hidden()


def test_in_print_paragraph_numbers_title_and_endnotes_are_visible(article_page):
    article_page.emulate_media(media="print")

    expect(article_page.get_by_role("heading", level=1)).to_be_visible()
    for number in (1, 3, 11):
        expect(article_page.locator(f"#p{number} > .pnum")).to_be_visible()
        expect(article_page.locator(f"#p{number} > .pnum")).to_have_text(str(number))
    expect(article_page.locator("#ref-1")).to_be_visible()
    expect(article_page.locator(".endnotes")).to_be_visible()
    expect(article_page.locator("#note-1")).to_be_visible()
    expect(article_page.locator(".sources-cited")).to_be_visible()


def test_in_print_paragraph_numbers_stay_on_the_page_and_clear_of_the_text(article_page):
    article_page.emulate_media(media="print")

    for number in (1, 3, 11):
        pnum = article_page.locator(f"#p{number} > .pnum").bounding_box()
        block = article_page.locator(f"#p{number}").bounding_box()
        assert pnum["x"] >= 0, number
        assert pnum["x"] + pnum["width"] <= block["x"], number


def test_the_article_prints_to_a_pdf_of_several_pages(article_page):
    article_page.emulate_media(media="print")

    pdf = article_page.pdf(format="A4")

    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) >= 2
