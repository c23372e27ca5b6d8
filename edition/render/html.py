"""Render a woven tree (edition.weave) as HTML for the reading page and the static site."""
from __future__ import annotations

import re
from html import escape

from edition.weave import Node


def _attrs(pairs: dict) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in pairs.items() if value is not None)


def _citation(node: Node, inner: str) -> str:
    key = node.span.key
    ident = f"citeref-{key}" if node.part == 0 else None
    return f'<a{_attrs({"class": "citation", "id": ident, "href": f"#cite-{key}"})}>{inner}</a>'


LINK_TAGS = re.compile(r"</?a\b[^>]*>")


def _note_ref(node: Node, inner: str) -> str:
    """A note marker: the number links to the note, and a sidenote copy sits in the margin.

    The margin copy is hidden from screen readers (the endnote is the note), so it must hold
    nothing focusable: its links are unwrapped to plain text; the endnote keeps them.
    """
    key, label = node.span.key, node.span.attr("label")
    sidenote = LINK_TAGS.sub("", node.span.attr("sidenote_html", ""))
    link = _attrs({"href": f"#note-{key}", "id": f"ref-{key}", "class": "note-ref",
                   "role": "doc-noteref", "aria-label": f"Note {label}"})
    margin = (
        f'<span class="sidenote" aria-hidden="true"><span class="sidenote-label">{escape(label)}</span> '
        f"{sidenote}</span>" if sidenote else ""
    )
    return f"<sup><a{link}>{escape(label)}</a></sup>{margin}"


def _editorial(node: Node, inner: str) -> str:
    return f'<span class="editorial-span" data-note="{escape(node.span.key)}">{inner}</span>'


def _entry(node: Node, inner: str) -> str:
    span = node.span
    attrs = {"class": f"mention mention-{span.attr('kind')}", "href": span.attr("href"),
             "data-ref": span.attr("ref")}
    return f"<a{_attrs(attrs)}>{inner}</a>"


def _event(node: Node, inner: str) -> str:
    return f'<span class="mention-event" data-ref="{escape(node.span.attr("ref"))}">{inner}</span>'


def _event_ref(node: Node, inner: str) -> str:
    """The marker after an event's words: it opens the event's popover (or its page)."""
    span = node.span
    attrs = {"class": "mention event-ref", "href": span.attr("href"), "data-ref": span.attr("ref"),
             "aria-label": f"Event: {span.attr('name')}"}
    return f'<a{_attrs(attrs)}><span aria-hidden="true">◆</span></a>'


def _highlight(node: Node, inner: str) -> str:
    span = node.span
    attrs = {"class": f"hl {span.attr('css', '')}".strip(), "data-annotation": span.key,
             "id": f"hl-{span.key}" if node.part == 0 and not span.attr("continued") else None}
    return f"<mark{_attrs(attrs)}>{inner}</mark>"


def _plain(node: Node, inner: str) -> str:
    return inner


RENDERERS = {
    "citation": _citation,
    "note": _note_ref,
    "editorial": _editorial,
    "entry": _entry,
    "event": _event,
    "eventref": _event_ref,
    "highlight": _highlight,
}


def render_tree(node: Node, renderers: dict | None = None) -> str:
    table = renderers or RENDERERS
    out = []
    for child in node.children:
        if isinstance(child, str):
            out.append(escape(child, quote=False))
        else:
            render = table.get(child.kind, _plain)
            out.append(render(child, render_tree(child, table)))
    return "".join(out)
