"""Browser tests: Playwright (sync API) driving Debian's chromium against pytest-django's live_server.

Every test in this folder is marked `browser` and runs after all other tests. Without
/usr/bin/chromium the tests are skipped on a developer's machine, but fail when CI is set.

    from tests.browser.axe import assert_no_axe_violations

    def test_something(live_server, page):
        page.goto(live_server.url + "/")
        assert_no_axe_violations(page)
"""
import os
from pathlib import Path

import pytest

from tests.environment import in_ci

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",  # chromium refuses to run as root without it
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # the machine's network is closed: no calls home
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent
MISSING = f"chromium not installed ({CHROMIUM} not found): apt-get install chromium"


def pytest_collection_modifyitems(config, items):
    """Mark the tests of this folder `browser` and move them to the end of the run: while the
    Playwright session is open an event loop runs in the main thread (see `browser` below)."""
    ours, others = [], []
    for item in items:
        (ours if HERE in item.path.parents else others).append(item)
    for item in ours:
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists() and not in_ci():
            item.add_marker(pytest.mark.skip(reason=MISSING))
    items[:] = others + ours


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{MISSING}. CI must run the browser tests, not skip them.", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django refuse
    # ORM calls from the test itself (SynchronousOnlyOperation). The ORM use here is synchronous.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()


@pytest.fixture
def page(browser):
    """A page in a fresh context (no cookies or storage from other tests), CSP enforced."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def edition(transactional_db):
    """The seed edition, ingested and committed so that live_server's thread can read it.

    Returns the articles' paths by source-file prefix: edition["004_"] is the AsiaNews article."""
    import io

    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command

    from edition.models import Article

    cache.clear()  # woven bodies cached by earlier tests under the same keys
    call_command("ingest", str(Path(settings.BASE_DIR) / "seeds"), stdout=io.StringIO())
    return {article.source_file[:4]: article.get_absolute_url() for article in Article.objects.all()}
