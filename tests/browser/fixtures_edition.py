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
