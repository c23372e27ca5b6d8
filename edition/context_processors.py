"""Template context shared by every page.

`links` and `assets`: the site's fixed URLs and static paths for base.html and the article page.
They cannot change while a process runs (the URLconf and the static manifest are read once), yet a
`{% url %}` or `{% static %}` tag resolves them again on every render: about a dozen of them were a
fifth of the article page's cost. So they are resolved once per process (and again when a test
changes the settings they depend on).
"""
from __future__ import annotations

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse

# Template name (`{{ links.<name> }}`) -> URL name.
LINKS = {
    "contents": "edition:contents",
    "glossary": "edition:glossary",
    "register": "edition:register",
    "events": "edition:events",
    "timeline": "edition:timeline",
    "export": "edition:export",
    "suggestions": "edition:suggestions",
    "admin": "admin:index",
    "classes": "classes:mine",
    "profile": "accounts:profile",
    "login": "accounts:login",
    "logout": "accounts:logout",
    "signup": "accounts:signup",
    "search": "search:results",
}

# Template name (`{{ assets.<name> }}`) -> static path.
ASSETS = {
    "css_edition": "css/edition.css",
    "css_forms": "css/forms.css",
    "css_print": "css/print.css",
    "css_annotations": "css/annotations.css",
    "js_cite": "js/reader/cite.js",
    "js_popover": "js/reader/popover.js",
    "js_apparatus_toggle": "js/reader/apparatus-toggle.js",
    "js_annotate": "js/reader/annotate.js",
}


@functools.cache
def _resolved(prefix: str) -> dict[str, dict[str, str]]:
    # `prefix` (the script prefix the site is mounted under) is part of the key: reverse() uses it.
    return {
        "links": {name: reverse(url_name) for name, url_name in LINKS.items()},
        "assets": {name: static(path) for name, path in ASSETS.items()},
    }


def site_links(request) -> dict[str, dict[str, str]]:
    return _resolved(get_script_prefix())


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "STATIC_URL", "STORAGES", "FORCE_SCRIPT_NAME"}:
        _resolved.cache_clear()
