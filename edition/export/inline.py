"""One article's woven trees as (X)HTML for the static site, the EPUB and the PDF.

Like `edition.render.html` it is a table of small renderers over `edition.weave` trees; unlike the
page it links the apparatus inside the package, not to the server, and it places the markers of
notes and annotations the way each book format wants them:

- "sidenote": the page's markers and margin copies (static site);
- "noteref": EPUB footnote references (`epub:type="noteref"`), the notes being asides;
- "footnote": the note itself inline, floated to the foot of the page by the PDF's CSS.

A marker is a link, and a link may not sit inside another (a mention, a citation): a marker that
falls inside one is held back and written just after it closes.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape

from edition.weave import Node

from .markup import plain, shorten, unlinked

LINKS = {"citation", "entry", "eventref"}


def _attrs(pairs: dict) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in pairs.items() if value is not None)


def last_parts(node: Node, kind: str, found=None) -> dict:
    """The last fragment number of each span of `kind` in a tree (weave splits crossing spans)."""
    found = {} if found is None else found
    for child in node.children:
        if isinstance(child, Node):
            if child.kind == kind:
                found[child.span.key] = max(found.get(child.span.key, 0), child.part)
            last_parts(child, kind, found)
    return found


class InlineHtml:
    def __init__(self, article, *, entry_href: Callable, event_href: Callable, style: str = "sidenote",
                 ids: str = "", epub: bool = False):
        self.style, self.ids, self.epub = style, ids, epub
        self.entry_href, self.event_href = entry_href, event_href
        self.notes = {note.key: note for note in article.body.notes}
        self.annotations = {a.key: a for a in article.placed}
        self.ends = article.annotation_end_blocks()
        self.with_id: set[str] = set()
        self.block_number = None
        self.last: dict = {}
        self.pending: list[str] = []
        self.link_depth = 0
        self.linked: set[str] = set()  # keys of the notes and annotations whose marker is in the text
        self.table = {"citation": self.citation, "note": self.note, "editorial": self.editorial,
                      "entry": self.entry, "event": self.event, "eventref": self.eventref,
                      "highlight": self.highlight}

    # --- walking ---------------------------------------------------------------------------------

    def block(self, block) -> str:
        self.block_number = block.number
        self.last = last_parts(block.tree, "highlight")
        self.margin_notes: list[str] = []
        html = self.render(block.tree)
        if self.margin_notes:  # one float per paragraph: floats sharing a line would overlap
            html = f'<span class="margin-notes">{"".join(self.margin_notes)}</span>{html}'
        return html

    def render(self, node: Node) -> str:
        out = []
        for child in node.children:
            if isinstance(child, str):
                out.append(escape(child, quote=False))
                continue
            is_link = child.kind in LINKS and child.span.start != child.span.end
            self.link_depth += is_link
            inner = self.render(child)
            self.link_depth -= is_link
            render = self.table.get(child.kind)
            out.append(render(child, inner) if render else inner)
            if not self.link_depth and self.pending:
                out.extend(self.pending)
                self.pending.clear()
        return "".join(out)

    def marker(self, html: str) -> str:
        """A marker in place, or held back until the enclosing link closes."""
        if self.link_depth:
            self.pending.append(html)
            return ""
        return html

    # --- the renderers ---------------------------------------------------------------------------

    def citation(self, node, inner):
        key = node.span.key
        ident = f"{self.ids}citeref-{key}" if node.part == 0 else None
        return f'<a{_attrs({"class": "citation", "id": ident, "href": f"#{self.ids}cite-{key}"})}>{inner}</a>'

    def note(self, node, inner):
        note = self.notes.get(node.span.key)
        if note is None:
            return ""
        key, label = f"{self.ids}{note.key}", note.label
        self.linked.add(f"note:{note.key}")
        if self.style == "footnote":
            text = unlinked(node.span.attr("sidenote_html", ""))
            return self.marker(f'<span class="fn fn-{note.kind}" data-label="{escape(label)}">{text}</span>')
        link = {"href": f"#note-{key}", "id": f"ref-{key}", "class": "note-ref",
                "role": "doc-noteref", "aria-label": f"Note {label}"}
        if self.epub:
            link["epub:type"] = "noteref"
        margin = ""
        if self.style == "sidenote":
            sidenote = unlinked(node.span.attr("sidenote_html", ""))
            margin = (f'<span class="sidenote" aria-hidden="true"><span class="sidenote-label">{escape(label)}</span> '
                      f"{sidenote}</span>")
        return self.marker(f"<sup><a{_attrs(link)}>{escape(label)}</a></sup>{margin}")

    def editorial(self, node, inner):
        return f'<span class="editorial-span">{inner}</span>'

    def entry(self, node, inner):
        slug = node.span.attr("ref", "")[len("entry-"):]
        kind = node.span.attr("kind")
        href = self.entry_href(slug)
        if not href:
            return inner
        return f'<a{_attrs({"class": f"mention mention-{kind}", "href": href})}>{inner}</a>'

    def event(self, node, inner):
        return f'<span class="mention-event">{inner}</span>'

    def eventref(self, node, inner):
        slug = node.span.attr("ref", "")[len("event-"):]
        href = self.event_href(slug)
        if not href:
            return ""
        attrs = {"class": "mention event-ref", "href": href, "title": node.span.attr("name"),
                 "aria-label": f"Event: {node.span.attr('name')}"}
        return self.marker(f'<a{_attrs(attrs)}><span aria-hidden="true">◆</span></a>')

    def highlight(self, node, inner):
        key = node.span.key
        annotation = self.annotations.get(key)
        ident = None
        if key not in self.with_id:
            self.with_id.add(key)
            ident = f"{self.ids}hl-{key}"
        css = f"hl {node.span.attr('css', '')}".strip()
        mark = f'<mark{_attrs({"class": css, "id": ident})}>{inner}</mark>'
        if annotation and node.part == self.last.get(key) and self.ends.get(key) == self.block_number:
            self.linked.add(f"annotation:{key}")
            mark += self.marker(self.annotation_marker(annotation))
        return mark

    def annotation_marker(self, annotation) -> str:
        key, label = f"{self.ids}{annotation.key}", annotation.label
        text = escape(shorten(plain(annotation.body_html()) or annotation.motivation))
        who = escape(annotation.author)
        if self.style == "footnote":
            self.margin_notes.append(f'<span class="margin-note"><span class="margin-label">{label}</span> '
                                     f'<span class="margin-author">{who}</span> {text}</span>')
            return f'<sup class="annotation-ref">{label}</sup>'
        link = {"href": f"#ann-{key}", "id": f"annref-{key}", "class": "annotation-ref", "role": "doc-noteref",
                "aria-label": f"Annotation {label} by {annotation.author}"}
        if self.epub:
            link["epub:type"] = "noteref"
        out = f"<sup><a{_attrs(link)}>{label}</a></sup>"
        if self.style == "sidenote":
            out += (f'<span class="sidenote annotation-sidenote" aria-hidden="true"><span class="sidenote-label">'
                    f'{label}</span> <span class="margin-author">{who}:</span> {text}</span>')
        return out
