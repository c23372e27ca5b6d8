"""Markdown for notes written by editors and readers: rendered, then sanitised with nh3.

Sanitising after rendering is what makes raw HTML, `javascript:` links and event handlers in the
source inert, whatever the Markdown parser lets through.
"""
import markdown as md
import nh3

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr", "sup", "sub", "del", "abbr", "dl", "dt", "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def render_markdown(source: str) -> str:
    html = md.markdown(source or "", extensions=["extra", "sane_lists"], output_format="html")
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
