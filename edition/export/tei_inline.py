"""Woven trees and Markdown-made HTML as TEI P5 elements (lxml), for `edition.export.tei`.

The renderer table maps span kinds to TEI: entry mentions to persName / placeName / orgName /
term, each with @ref to its record in the standOff; events to rs type="event"; citations to
bibl; source and editorial notes to note at their place; a reader's annotation to an anchor where
its words begin and one where they end, followed by a note with @resp, @target and @targetEnd.
"""
from __future__ import annotations

import lxml.html
from lxml import etree

from .inline import last_parts

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ENTRY_TAGS = {"person": "persName", "place": "placeName", "organisation": "orgName", "term": "term",
              "agreement": "term"}


def t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def sub(parent, name: str, text: str | None = None, **attrs):
    """A TEI child element; attributes that are None or "" are left out; `xml_id` is xml:id."""
    element = etree.SubElement(parent, t(name))
    for key, value in attrs.items():
        if value not in (None, ""):
            element.set(XML_ID if key == "xml_id" else key, str(value))
    if text:
        element.text = text
    return element


def add_text(parent, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


# --- Markdown-made HTML (editorial notes, annotation bodies, entry notes) -------------------------

PHRASES = {"em": ("hi", "italic"), "i": ("hi", "italic"), "strong": ("hi", "bold"), "b": ("hi", "bold"),
           "sup": ("hi", "sup"), "sub": ("hi", "sub"), "code": ("code", None), "del": ("del", None),
           "abbr": ("abbr", None)}
BLOCKS = {"p", "ul", "ol", "blockquote", "pre", "dl", "h3", "h4", "h5", "h6", "hr"}


def html_blocks(parent, html: str) -> None:
    """Append the HTML's paragraphs (and lists, quotations) to `parent` as TEI."""
    loose = None
    for part in lxml.html.fragments_fromstring(html) if html and html.strip() else []:
        if isinstance(part, str) or part.tag not in BLOCKS:
            loose = loose if loose is not None else sub(parent, "p")
            _phrase(loose, part)
            continue
        loose = None
        _block(parent, part)
        if part.tail and part.tail.strip():
            loose = sub(parent, "p", part.tail.strip())


def _block(parent, element) -> None:
    tag = element.tag
    if tag == "hr":
        return
    if tag in ("ul", "ol"):
        target = sub(parent, "list", rend="numbered" if tag == "ol" else "bulleted")
        for item in element.iterfind("li"):
            _children(sub(target, "item"), item)
    elif tag == "dl":
        target = sub(parent, "list", type="gloss")
        for child in element:
            _children(sub(target, "label" if child.tag == "dt" else "item"), child)
    elif tag == "blockquote":
        html_blocks(sub(parent, "quote"), lxml.html.tostring(element, encoding="unicode")
                    .removeprefix("<blockquote>").removesuffix("</blockquote>"))
    else:  # p, pre, headings
        _children(sub(parent, "p", rend=None if tag == "p" else tag), element)


def _children(target, element) -> None:
    add_text(target, element.text or "")
    for child in element:
        _phrase(target, child)


def _phrase(parent, part) -> None:
    if isinstance(part, str):
        add_text(parent, part)
        return
    tag = part.tag
    if tag == "br":
        sub(parent, "lb")
    elif tag == "a" and part.get("href"):
        _children(sub(parent, "ref", target=part.get("href")), part)
    elif tag in PHRASES:
        name, rend = PHRASES[tag]
        _children(sub(parent, name, rend=rend), part)
    else:
        _children(parent, part)
    add_text(parent, part.tail or "")


# --- woven trees ----------------------------------------------------------------------------------

class TeiInline:
    def __init__(self, article, edition, ids: str):
        self.ids, self.edition = ids, edition
        self.apparatus = edition.apparatus
        self.notes = {note.key: note for note in article.body.notes}
        self.annotations = {a.key: a for a in article.placed}
        self.ends = article.annotation_end_blocks()
        self.started: set[str] = set()
        self.block_number, self.last = None, {}
        self.table = {"entry": self.entry, "event": self.event, "citation": self.citation,
                      "note": self.note, "highlight": self.highlight, "eventref": lambda parent, node: None}

    def block(self, parent, block) -> None:
        self.block_number = block.number
        self.last = last_parts(block.tree, "highlight")
        self.fill(parent, block.tree)

    def fill(self, parent, node) -> None:
        for child in node.children:
            if isinstance(child, str):
                add_text(parent, child)
            elif child.kind in self.table:
                self.table[child.kind](parent, child)
            else:
                self.fill(parent, child)

    def entry(self, parent, node):
        slug = node.span.attr("ref", "")[len("entry-"):]
        kind = node.span.attr("kind")
        if self.apparatus.entry(slug) is None:
            return self.fill(parent, node)
        self.fill(sub(parent, ENTRY_TAGS.get(kind, "rs"), ref=f"#entry-{slug}",
                      type="agreement" if kind == "agreement" else None), node)

    def event(self, parent, node):
        slug = node.span.attr("ref", "")[len("event-"):]
        if self.apparatus.event(slug) is None:
            return self.fill(parent, node)
        self.fill(sub(parent, "rs", type="event", ref=f"#event-{slug}"), node)

    def citation(self, parent, node):
        self.fill(sub(parent, "bibl", type="citation"), node)

    def note(self, parent, node):
        note = self.notes.get(node.span.key)
        if note is None:
            return
        element = sub(parent, "note", type=note.kind, n=note.label, place="foot",
                      resp="#editor" if note.kind == "editorial" else None, xml_id=f"{self.ids}note-{note.key}")
        if note.tree is not None:
            self.fill(element, note.tree)
        else:
            html_blocks(element, note.html)

    def highlight(self, parent, node):
        key = node.span.key
        annotation = self.annotations.get(key)
        if annotation and key not in self.started:
            self.started.add(key)
            sub(parent, "anchor", xml_id=f"{self.ids}{key}-start")
        self.fill(parent, node)
        if annotation and node.part == self.last.get(key) and self.ends.get(key) == self.block_number:
            sub(parent, "anchor", xml_id=f"{self.ids}{key}-end")
            annotation_note(parent, annotation, self.edition, target=f"#{self.ids}{key}-start",
                            target_end=f"#{self.ids}{key}-end")


def annotation_note(parent, annotation, edition, *, target=None, target_end=None, reply=False):
    """A reader's annotation as a TEI note: who (@resp), on what (@target … @targetEnd), its body,
    its tags, and the replies as notes inside it."""
    note = sub(parent, "note", type="reply" if reply else "annotation", n=annotation.label or None,
               subtype=annotation.motivation, resp=f"#{annotation.reader.key}", target=target, targetEnd=target_end)
    label = f"{annotation.author}, {annotation.visibility}, {annotation.created:%Y-%m-%d}"
    sub(note, "label", label)
    if not annotation.placed and not reply:
        sub(sub(note, "p"), "quote", annotation.exact)
    if annotation.row.deleted_at is not None:
        sub(note, "p", "(Deleted by its author; the replies remain.)")
    else:
        html_blocks(note, annotation.body_html())
    if annotation.tags:
        tags = sub(note, "list", type="tags")
        for tag in annotation.tags:
            sub(tags, "item", tag)
    for child in annotation.replies:
        annotation_note(note, child, edition, reply=True)
    return note
