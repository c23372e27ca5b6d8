"""Small conversions of the HTML the edition stores or renders, for the export writers."""
from __future__ import annotations

import re
from html import escape

import lxml.html
from lxml import etree

LINK_TAGS = re.compile(r"</?a\b[^>]*>")
TAGS = re.compile(r"<[^>]+>")
VOID = {"br", "hr", "img", "wbr"}


def fragments(html: str) -> list:
    """Parse an HTML fragment: a list of its leading text (str) and elements."""
    if not html or not html.strip():
        return []
    parts = lxml.html.fragments_fromstring(html)
    return parts


def xhtml(html: str) -> str:
    """The same fragment as well-formed XHTML (for EPUB): void elements closed, entities resolved."""
    out = []
    for part in fragments(html):
        if isinstance(part, str):
            out.append(escape(part, quote=False))
        else:
            out.append(etree.tostring(part, encoding="unicode", method="xml", with_tail=True))
    return "".join(out)


def unlinked(html: str) -> str:
    """Links unwrapped to their text (for copies of a note that must hold nothing focusable)."""
    return LINK_TAGS.sub("", html or "")


def plain(html: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    parts = fragments(html)
    text = " ".join(p if isinstance(p, str) else p.text_content() for p in parts)
    return " ".join(text.split())


def shorten(text: str, limit: int = 280) -> str:
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit) if " " in text[:limit] else limit].rstrip(" ,;:") + "…"
