"""Helpers shared by the reading-experience browser tests (the `edition` fixture is in conftest.py)."""
from django.conf import settings
from django.test import Client

DESKTOP = {"width": 1440, "height": 1000}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}

ASIANEWS = "004_"  # the AsiaNews article: a source footnote and inline citations


def log_in(page, live_server, user):
    """Give the page's browser context a logged-in session for `user` (no login form involved)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def hash_of(page):
    return page.evaluate("() => location.hash")


def is_target(locator):
    return locator.evaluate("el => el.matches(':target')")


def is_focused(locator):
    return locator.evaluate("el => el === document.activeElement")


def focused_element(page):
    """A short description of document.activeElement: tag, id, classes and text."""
    return page.evaluate(
        """() => { const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: el.textContent.trim().slice(0, 40),
                href: el.getAttribute('href')}; }"""
    )


# --- the apparatus (tests/browser/test_apparatus.py) ---------------------------------------------

def forget_compiled_matcher():
    """The link service caches its compiled matcher per process under the apparatus version, and a
    flushed test database starts that version again: call before ingesting the seeds."""
    from edition.services import linking

    linking._matcher_cache.clear()


def open_context(browser, **options):
    """A fresh browser context (own cookies and storage) with the harness's defaults, and its page."""
    settings = {"locale": "en-GB", "viewport": DESKTOP, **options}
    context = browser.new_context(**settings)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def popover(page):
    return page.locator(".popover[role='dialog']")


def focus_by_tab(page, selector, start, limit=60):
    """Focus `start`, then press Tab until the focused element matches `selector`; return it."""
    page.locator(start).first.focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        index = page.evaluate("s => [...document.querySelectorAll(s)].indexOf(document.activeElement)", selector)
        if index >= 0:
            return page.locator(selector).nth(index)
    raise AssertionError(f"Tab never reached {selector} from {start}: last {focused_element(page)}")


# --- reader annotations (tests/browser/test_annotate_*.py) ----------------------------------------

KISHIDA = "002_"  # the Japan Times article on the Kishida–Xi talks: the one the annotation tests annotate

# Select from the start of `first` to the end of `last` (default: `first`) in the article body (or the
# element `within` names), as a mouse drag would: a DOM Range on the text nodes, whatever elements (links, marks) lie between.
SELECT_TEXT = """([first, last, occurrence, within]) => {
  const body = document.querySelector(within);
  const nodes = [], walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let text = '', starts = [];
  for (const node of nodes) { starts.push(text.length); text += node.data; }
  const locate = (at, isEnd) => { for (let i = nodes.length - 1; i >= 0; i--) {
      if (isEnd ? starts[i] < at : starts[i] <= at) return [nodes[i], at - starts[i]]; } };
  let from = -1;
  for (let n = 0; n < occurrence; n++) { from = text.indexOf(first, from + 1); if (from < 0) return false; }
  const to = text.indexOf(last, from) + last.length;
  if (to < last.length) return false;
  const range = document.createRange();
  range.setStart(...locate(from, false));
  range.setEnd(...locate(to, true));
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}"""


def select_text(page, first, last=None, occurrence=1, within=".article-body"):
    assert page.evaluate(SELECT_TEXT, [first, last or first, occurrence, within]), f"{first!r} not in {within}"


def make_reader(username, name=""):
    """A reader account (no password: tests log in with `log_in`)."""
    from django.contrib.auth import get_user_model

    first, _, last = name.partition(" ")
    return get_user_model().objects.create_user(username=username, password=None, first_name=first, last_name=last)


def annotate_in_db(user, article, words, occurrence=1, **kwargs):
    """An annotation saved earlier through the service (for tests about something else)."""
    from annotations.anchoring import make_quote
    from annotations.services import create_annotation

    text = article.current_revision.text
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return create_annotation(user, article=article, quote=make_quote(text, start, start + len(words)), **kwargs)


def api_client(user):
    """A Django test client logged in as `user`, speaking to the annotation API in-process."""
    client = Client()
    client.force_login(user)
    return client


def open_panel(page):
    """Open the annotations drawer (or sheet) with its toggle, unless it is open already."""
    toggle = page.locator(".annotations-toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    panel = page.locator("#annotations")
    panel.wait_for(state="visible")
    return panel


def settled(page):
    """Wait until the annotation panel is not busy (a save or a reload of the list is over). The test
    database is one SQLite connection shared by the live server's threads: the test must not query it
    while the page's requests are still running."""
    from playwright.sync_api import expect

    expect(page.locator("#annotations")).not_to_have_attribute("aria-busy", "true")
    return page
