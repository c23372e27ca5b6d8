"""Without JavaScript the page still shows the annotations: highlights woven by the server, the panel
as a section after the article, its filters as a plain form, and the ones that could not be placed."""
import pytest
from playwright.sync_api import expect

from annotations.anchoring import TextQuote
from annotations.services import create_annotation
from edition.models import Article
from tests.browser.fixtures_edition import DESKTOP, KISHIDA, annotate_in_db, log_in, make_reader


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def olive(db):
    return make_reader("olive", "Olive Owner")


@pytest.fixture
def notes(olive, kishida):
    placed = annotate_in_db(olive, kishida, "brighter future", body="A *hopeful* phrase.", tags=["rhetoric"],
                            visibility="public")
    other = annotate_in_db(olive, kishida, "a cautious detente", body="Careful words.", tags=["economy"])
    orphan = create_annotation(olive, article=kishida, quote=TextQuote("words the text lost long ago"),
                               body="A note on *vanished* words.", allow_orphan=True)
    create_annotation(make_reader("mia", "Mia Member"), parent=placed, body="A reply without JavaScript.")
    return placed, other, orphan


@pytest.fixture
def no_js_page(browser, live_server, olive):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, live_server, olive)
    yield page
    context.close()


def test_highlights_and_the_panel_are_there_without_javascript(no_js_page, live_server, kishida, notes):
    placed, other, orphan = notes

    no_js_page.goto(live_server.url + kishida.get_absolute_url())

    expect(no_js_page.locator(f"mark#hl-{placed.pk}")).to_have_text("brighter future")
    expect(no_js_page.locator(f"mark#hl-{other.pk}")).to_have_text("a cautious detente")
    panel = no_js_page.get_by_role("complementary", name="Annotations")
    expect(panel).to_be_visible()
    item = panel.locator(f"#ann-{placed.pk}")
    expect(item.locator(".ann-body em")).to_have_text("hopeful")
    expect(item.locator(".ann-reply .ann-body")).to_have_text("A reply without JavaScript.")
    expect(item.get_by_role("button")).to_have_count(0)  # actions need JavaScript: none are shown
    expect(no_js_page.locator("#annotation-editor")).to_be_hidden()


def test_the_panel_link_and_the_quote_link_lead_to_each_other(no_js_page, live_server, kishida, notes):
    placed = notes[0]
    no_js_page.goto(live_server.url + kishida.get_absolute_url())

    no_js_page.get_by_role("link", name="Annotations (3)").click()
    expect(no_js_page).to_have_url(live_server.url + kishida.get_absolute_url() + "#annotations")
    no_js_page.locator(f"#ann-{placed.pk} a.ann-quote").click()

    expect(no_js_page).to_have_url(live_server.url + kishida.get_absolute_url() + f"#hl-{placed.pk}")
    expect(no_js_page.locator(f"#hl-{placed.pk}")).to_be_in_viewport()


def test_orphans_are_listed_with_their_quotes_and_bodies(no_js_page, live_server, kishida, notes):
    orphan = notes[2]

    no_js_page.goto(live_server.url + kishida.get_absolute_url())

    section = no_js_page.get_by_role("region", name="1 annotation could not be placed")
    expect(section).to_be_visible()
    item = section.locator(f"#ann-{orphan.pk}")
    expect(item.locator(".ann-quote")).to_have_text("words the text lost long ago")
    expect(item.locator(".ann-body em")).to_have_text("vanished")
    expect(no_js_page.locator(f"#hl-{orphan.pk}")).to_have_count(0)


def test_the_filter_form_works_without_javascript(no_js_page, live_server, kishida, notes):
    placed, other, orphan = notes
    no_js_page.goto(live_server.url + kishida.get_absolute_url())
    panel = no_js_page.locator("#annotations")
    panel.get_by_text("Filter annotations").click()

    panel.get_by_label("Tag", exact=True).select_option("economy")
    panel.get_by_role("button", name="Apply").click()

    expect(no_js_page.locator(".ann-list .ann")).to_have_count(1)
    expect(no_js_page.locator(f"#ann-{other.pk}")).to_be_visible()
    expect(no_js_page.locator("mark.hl[id]")).to_have_count(1)
    expect(no_js_page.locator(".ann-orphans")).to_have_count(0)
