"""Following a note or a citation from the text and coming back, at desktop and phone widths."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures_edition import ASIANEWS, WIDTHS, is_focused, is_target


@pytest.fixture(params=list(WIDTHS))
def reader(request, live_server, edition, page):
    """The AsiaNews article (one source footnote, sixteen citations) open at the top."""
    page.set_viewport_size(WIDTHS[request.param])
    page.goto(live_server.url + edition[ASIANEWS])
    return page


def follow_there_and_back(page, ref_id, target_id):
    """Click the marker #ref_id, check #target_id is shown, click its back link, check the marker is shown."""
    marker = page.locator(f"#{ref_id}")
    target = page.locator(f"#{target_id}")
    expect(target).not_to_be_in_viewport()

    marker.click()

    expect(page).to_have_url(re.compile(f"#{target_id}$"))
    expect(target).to_be_in_viewport()
    assert is_target(target) or is_focused(target)
    expect(marker).not_to_be_in_viewport()

    target.locator(f"a[href='#{ref_id}']").click()

    expect(page).to_have_url(re.compile(f"#{ref_id}$"))
    expect(marker).to_be_in_viewport()
    assert is_target(marker) or is_focused(marker)


def test_the_footnote_marker_leads_to_the_note_and_its_back_link_returns_to_the_marker(reader):
    expect(reader.locator("#ref-1")).to_have_text("1")
    expect(reader.locator("#note-1 a.note-back")).to_have_attribute("href", "#ref-1")

    follow_there_and_back(reader, "ref-1", "note-1")


def test_an_inline_citation_leads_to_its_source_and_the_source_links_back_to_the_citation(reader):
    expect(reader.locator("#citeref-1")).to_have_attribute("href", "#cite-1")

    follow_there_and_back(reader, "citeref-1", "cite-1")


def test_the_note_marker_is_announced_as_a_note_and_its_sidenote_copy_is_not_read_twice(reader):
    marker = reader.locator("#ref-1")
    expect(marker).to_have_attribute("aria-label", "Note 1")
    expect(marker).to_have_attribute("role", "doc-noteref")
    for sidenote in reader.locator(".sidenote").all():
        expect(sidenote).to_have_attribute("aria-hidden", "true")
