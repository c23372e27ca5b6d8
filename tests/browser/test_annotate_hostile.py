"""Hostile annotation bodies, saved through the API, run nothing on the page: no dialog opens, no flag
is set, the Content-Security-Policy has nothing to block, and the panel holds no script or handler."""
import json

import pytest
from playwright.sync_api import expect

from annotations.anchoring import make_quote
from annotations.models import Annotation
from edition.models import Article
from tests.annotations.test_hostile_bodies import HOSTILE
from tests.browser.fixtures_edition import KISHIDA, api_client, log_in, make_reader, open_panel, select_text, settled

# Bodies that would leave a trace instead of a dialog, in case an alert were suppressed.
FLAGGING = [
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<script>window.__pwned = 'script'</script>",
    "<svg><animate onbegin=\"window.__pwned = 'svg'\" attributeName=x dur=1s>",
    "[click](javascript:window.__pwned='link')",
    "<a href=\"#\" onfocus=\"window.__pwned='focus'\" autofocus>x</a>",
]
INSPECT = """() => {
  const panel = document.getElementById('annotations'), bodies = '.ann-body';
  const handlers = [...panel.querySelectorAll('*')].flatMap(el => [...el.attributes].filter(a => /^on/i.test(a.name)).map(a => el.tagName + ' ' + a.name));
  // As the browser resolves each link (entities decoded, tabs and newlines dropped): its scheme.
  const hrefs = [...panel.querySelectorAll('.ann-body a[href]')].map(a => new URL(a.href).protocol);
  const risky = 'script, iframe, object, embed, style, svg, math, form, input, img, meta, base, link, details, template, noscript';
  return {scripts: panel.querySelectorAll(`${bodies} :is(${risky})`).length, handlers, hrefs,
          pwned: window.__pwned === undefined ? null : String(window.__pwned)};
}"""


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def hostile_notes(live_server, kishida):
    """Every hostile body of the unit tests, posted to the API as public annotations on words of the text."""
    client = api_client(make_reader("mallory"))
    text = kishida.current_revision.text
    for index, body in enumerate(HOSTILE + FLAGGING):
        start = 40 * index % (len(text) - 20)
        quote = make_quote(text, start, start + 12)
        payload = {"type": "Annotation", "body": [{"type": "TextualBody", "value": body, "format": "text/markdown"}],
                   "target": {"source": live_server.url + kishida.get_absolute_url(), "selector": [
                       {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix},
                       {"type": "TextPositionSelector", "start": start, "end": start + 12}]},
                   "visibility": "public"}
        response = client.post("/api/annotations/", json.dumps(payload), content_type="application/ld+json")
        assert response.status_code == 201, response.content
    return Annotation.objects.count()


@pytest.fixture
def watched_page(page):
    """The page with a record of every dialog and every message of the console (CSP violations)."""
    page.dialogs, page.console_messages = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: page.console_messages.append(message.text))
    return page


def check_nothing_ran(page):
    page.wait_for_timeout(600)  # time for an onerror, an onbegin or an autofocus handler to fire
    found = page.evaluate(INSPECT)
    assert page.dialogs == []
    assert found["pwned"] is None
    assert found["scripts"] == 0 and found["handlers"] == []
    assert set(found["hrefs"]) <= {"http:", "https:", "mailto:"}, found["hrefs"]
    assert not [m for m in page.console_messages if "Content Security Policy" in m], page.console_messages


def test_hostile_bodies_run_nothing_for_an_anonymous_reader(live_server, kishida, hostile_notes, watched_page):
    watched_page.goto(live_server.url + kishida.get_absolute_url())
    panel = open_panel(watched_page)

    expect(panel.locator(".ann-list > li > .ann")).to_have_count(hostile_notes)
    for link in panel.locator(".ann-body a").all()[:10]:
        link.focus()  # an onfocus would fire now
    check_nothing_ran(watched_page)


def test_hostile_bodies_run_nothing_for_a_logged_in_reader_and_after_a_refresh_of_the_panel(
    live_server, kishida, hostile_notes, watched_page
):
    log_in(watched_page, live_server, make_reader("olive"))
    watched_page.goto(live_server.url + kishida.get_absolute_url())
    select_text(watched_page, "semiconductors")

    watched_page.keyboard.press("Alt+H")  # the panel is fetched again and swapped in

    settled(watched_page)
    expect(open_panel(watched_page).locator(".ann-list > li > .ann")).to_have_count(hostile_notes + 1)
    check_nothing_ran(watched_page)


def test_a_hostile_preview_runs_nothing(live_server, kishida, watched_page):
    log_in(watched_page, live_server, make_reader("olive"))
    watched_page.goto(live_server.url + kishida.get_absolute_url())
    select_text(watched_page, "semiconductors")
    watched_page.keyboard.press("Alt+A")
    editor = watched_page.get_by_role("dialog", name="Annotate")
    editor.get_by_label("Note").fill("\n\n".join(HOSTILE[:12] + FLAGGING))

    editor.get_by_role("tab", name="Preview").click()

    preview = editor.get_by_role("tabpanel", name="Preview")
    expect(preview).not_to_have_text("Loading the preview…")
    watched_page.wait_for_timeout(600)
    assert watched_page.dialogs == [] and watched_page.evaluate("() => window.__pwned === undefined")
    assert preview.locator("script, img, svg, iframe, [onerror], [onclick]").count() == 0
