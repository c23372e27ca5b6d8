"""Markdown for notes written by editors and readers: rendered, then sanitised with nh3.

Sanitising after rendering is what makes raw HTML, `javascript:` links and event handlers in the
source inert, whatever the Markdown parser lets through.

Rendering is on read (so a tightened policy applies to every stored text at once), and a page may
show a thousand notes: each thread keeps one parser (building one costs more than most notes take
to convert), and each process remembers the HTML of the last few thousand short sources. Both
give exactly what a fresh `markdown.markdown()` + `nh3.clean()` gives; the memory is per process,
so a new policy takes effect when the site restarts, as any code change does.
"""
import threading
from functools import lru_cache

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr", "sup", "sub", "del", "abbr", "dl", "dt", "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


EXTENSIONS = ["extra", "sane_lists"]
#: Sources up to this many characters are remembered (most notes); longer ones are rendered each time.
CACHED_SOURCE_LENGTH = 1000
CACHED_SOURCES = 4096  # at most ~4096 x (1,000 + its HTML) characters, ~10 million, per process

_local = threading.local()


def _parser() -> md.Markdown:
    """This thread's parser (a Markdown instance is not safe to share between threads)."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = md.Markdown(extensions=EXTENSIONS, output_format="html")
    return parser


def render_markdown(source: str) -> str:
    source = source or ""
    if len(source) <= CACHED_SOURCE_LENGTH:
        return _render_cached(source)
    return _render(source)


@lru_cache(maxsize=CACHED_SOURCES)
def _render_cached(source: str) -> str:
    return _render(source)


def _render(source: str) -> str:
    # reset() clears what the last document defined (abbreviations, footnotes, references).
    html = _parser().reset().convert(source)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


INLINE_TAGS = {"em", "strong", "code", "a", "sup", "sub", "del", "abbr", "br"}


def render_markdown_inline(source: str) -> str:
    """The same Markdown with block elements unwrapped, for places inside a paragraph (sidenotes)."""
    html = render_markdown(source).replace("</p>\n<p>", " ").replace("</li>", " ")
    return nh3.clean(html, tags=INLINE_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=ALLOWED_SCHEMES, link_rel="nofollow noopener noreferrer").strip()
