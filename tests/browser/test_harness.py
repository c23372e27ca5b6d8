"""The browser harness itself: chromium starts, talks to live_server, logs in; axe runs under CSP."""
import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations, run_axe

PASSWORD = "harness-Pa55word-not-common"


def test_admin_login_through_the_browser(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("harness", "harness@example.org", PASSWORD)

    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill("harness")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url(live_server.url + reverse("admin:index"))
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_wrong_password_stays_on_the_login_page(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("harness", "harness@example.org", PASSWORD)

    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill("harness")
    page.get_by_label("Password").fill("wrong-" + PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page.locator(".errornote")).to_be_visible()
    assert page.url.startswith(live_server.url + reverse("admin:login"))


def test_axe_runs_on_a_page_served_with_csp(live_server, page):
    response = page.goto(live_server.url + reverse("admin:login"))
    # The page keeps its Content-Security-Policy: axe must work without bypass_csp.
    assert "script-src 'self'" in response.headers["content-security-policy"]
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.inlineRan = true")
    assert page.evaluate("() => window.inlineRan") is None

    results = run_axe(page)

    assert results["testEngine"]["name"] == "axe-core"
    assert results["url"] == page.url
    assert isinstance(results["violations"], list)


def test_axe_helper_reports_violations_with_their_nodes(page):
    page.set_content('<html lang="en"><title>t</title><main><img src="data:," id="bare"></main></html>')

    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page)

    message = str(failure.value)
    assert "image-alt" in message and "#bare" in message


def test_axe_helper_passes_a_clean_page(page):
    page.set_content(
        '<html lang="en"><head><title>Clean</title></head>'
        '<body><main><h1>Clean</h1><p>Text.</p><img src="data:," alt="nothing"></main></body></html>'
    )
    assert_no_axe_violations(page)
