"""Small readers of the apparatus pages' HTML, for the page tests (no HTML library needed)."""
import re
from html import unescape

ENTRY_LINK = re.compile(r'<a href="/entries/([a-z0-9-]+)/" class="entry-name">')


def sections(html: str, marker: str) -> dict[str, str]:
    """The HTML of each `<section {marker}…="key">`, by key, in page order."""
    parts = re.split(rf'<section [^>]*{marker}="([^"]+)"[^>]*>', html)
    return {key: body.split("</section>")[0] for key, body in zip(parts[1::2], parts[2::2])}


def entry_slugs(html: str) -> list[str]:
    return ENTRY_LINK.findall(html)


def text_of(fragment: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", fragment))
