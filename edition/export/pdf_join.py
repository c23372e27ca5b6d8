"""One PDF made of several, written as it is read: the PDF book's parts joined (pypdf).

The PDF writer (`pdf.py`) lays a long book out as several WeasyPrint documents, the parts. Here
each part's pages and all they use (contents, fonts, images, links) are read with pypdf and
copied object by object, renumbered, straight into the output; what is kept until the end is
small: where each object starts, the pages, the named destinations and the outline. A PdfWriter
would hold every part's objects at once, and its merge looks names up in a list (quadratic in a
book of 100,000 destinations); this stays near the size of one part.

The joined file keeps what makes the book navigable: every part's named destinations (the ids of
chapters, paragraphs, entries…), the outline, and the links. A link to an id of another part is
one WeasyPrint would drop, so the PDF writer hands it over as a URI `CROSS_PART + id`; here it
becomes a link to that named destination again, or is dropped when no part has the id, as
WeasyPrint drops a link to a missing anchor. Page labels say how viewers number the pages.
"""
from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import (ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject,
                           StreamObject, TextStringObject)

from .pdf_objects import ObjectWriter, OutputRef, serialized

CROSS_PART = "x-edition-part:"
NAMES_PER_LEAF = 500
logger = logging.getLogger(__name__)


@dataclass
class OutlineItem:
    title: bytes  # the PDF string, as written
    dest: bytes  # [page /XYZ left top zoom], the page in the output's numbering
    is_open: bool
    children: list[OutlineItem] = field(default_factory=list)


def cross_part_target(annotation) -> str | None:
    """The id a link to another part points at, or None for any other annotation."""
    action = annotation.get("/A")
    action = action.get_object() if action is not None else None
    if annotation.get("/Subtype") != "/Link" or not isinstance(action, DictionaryObject):
        return None
    uri = action.get("/URI")
    return str(uri)[len(CROSS_PART):] if action.get("/S") == "/URI" and str(uri or "").startswith(CROSS_PART) else None


def named_destinations(reader) -> Iterable[tuple[TextStringObject, ArrayObject]]:
    names = reader.trailer["/Root"].get("/Names")
    tree = names.get_object().get("/Dests") if names is not None else None
    stack = [tree.get_object()] if tree is not None else []
    while stack:
        node = stack.pop()
        stack.extend(kid.get_object() for kid in reversed(node.get("/Kids", [])))
        pairs = node.get("/Names", [])
        for index in range(0, len(pairs) - 1, 2):
            dest = pairs[index + 1].get_object()
            dest = dest["/D"] if isinstance(dest, DictionaryObject) else dest
            yield TextStringObject(pairs[index]), dest.get_object()


def outline_of(node, dest_of) -> list[OutlineItem]:
    items, item = [], node.get("/First")
    while item is not None:
        item = item.get_object()
        dest = item.get("/Dest")
        if dest is None and "/A" in item:
            dest = item["/A"].get_object().get("/D")
        dest = dest.get_object() if dest is not None else None
        if isinstance(dest, ArrayObject) and dest and isinstance(dest[0], IndirectObject):
            items.append(OutlineItem(serialized(item["/Title"], None), dest_of(dest),
                                     item.get("/Count", 0) >= 0, outline_of(item, dest_of)))
        item = item.get("/Next")
    return items


class Book:
    """The output being joined: copies the parts in, one after the other, then writes the page
    tree, the outline, the named destinations and the catalog."""

    def __init__(self, handle, known_names: set[str]):
        self.out = ObjectWriter(handle)
        self.root, self.pages_root = self.out.reserve(), self.out.reserve()
        self.known_names = known_names
        self.pages: list[int] = []
        self.dests: dict[bytes, tuple[bytes, bytes]] = {}  # name -> (name, destination), as written
        self.outline: list[OutlineItem] = []
        self.info: bytes | None = None
        self.lang: bytes | None = None
        self.dropped = 0

    def add(self, reader: PdfReader) -> None:
        numbers: dict[int, int] = {}
        queue: deque[int] = deque()

        def number_of(old: int) -> int:
            if old not in numbers:
                numbers[old] = self.out.reserve()
                queue.append(old)
            return numbers[old]

        pages = {page.indirect_reference.idnum for page in reader.pages}
        self.pages += [number_of(page.indirect_reference.idnum) for page in reader.pages]
        while queue:
            old = queue.popleft()
            self._copy(IndirectObject(old, 0, reader).get_object(), numbers[old], old in pages, number_of)

        def dest_of(array) -> bytes:
            return serialized(ArrayObject([OutputRef(numbers[array[0].idnum], 0, None), *array[1:]]), None)

        for name, dest in named_destinations(reader):
            key = name.get_encoded_bytes()
            if key not in self.dests and isinstance(dest[0], IndirectObject) and dest[0].idnum in numbers:
                self.dests[key] = (serialized(name, None), dest_of(dest))
        root = reader.trailer["/Root"]
        if "/Outlines" in root:
            self.outline += outline_of(root["/Outlines"].get_object(), dest_of)
        if self.info is None:
            info = reader.trailer.get("/Info")
            info = info.get_object() if info is not None else {}
            self.info = serialized(DictionaryObject({key: value.get_object() for key, value in info.items()}), None)
            self.lang = serialized(root["/Lang"], None) if "/Lang" in root else None

    def _copy(self, obj, number: int, is_page: bool, number_of) -> None:
        if isinstance(obj, DictionaryObject) and obj.get("/Type") in ("/Pages", "/Catalog"):
            raise ValueError(f"a part's page refers to its {obj['/Type']}: cannot copy it alone")
        if is_page:
            obj = self._page(obj)
        elif isinstance(obj, DictionaryObject) and cross_part_target(obj) is not None:
            obj = self._link(obj)
        if isinstance(obj, StreamObject):  # its data as it is in the part, still encoded
            head = DictionaryObject(obj)
            head[NameObject("/Length")] = NumberObject(len(obj._data))
            self.out.put(number, serialized(head, number_of), obj._data)
        else:
            self.out.put(number, serialized(obj, number_of))

    def _page(self, page) -> DictionaryObject:
        page = DictionaryObject(page)
        page[NameObject("/Parent")] = OutputRef(self.pages_root, 0, None)
        if "/Annots" in page:
            kept = ArrayObject()
            for annotation in page["/Annots"].get_object():
                target = cross_part_target(annotation.get_object())
                if target is None or target in self.known_names:
                    kept.append(annotation)
                else:
                    self.dropped += 1
            page[NameObject("/Annots")] = kept
        return page

    @staticmethod
    def _link(annotation) -> DictionaryObject:
        link = DictionaryObject({key: value for key, value in annotation.items() if key != "/A"})
        link[NameObject("/Dest")] = TextStringObject(cross_part_target(annotation))
        return link

    def close(self, labels: Sequence[tuple[int, str]]) -> None:
        out = self.out
        kids = b" ".join(b"%d 0 R" % page for page in self.pages)
        out.put(self.pages_root, b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, len(self.pages)))
        catalog = b"<</Type/Catalog/Pages %d 0 R" % self.pages_root
        if self.outline:
            catalog += b"/Outlines %d 0 R" % self._write_outline()
        if self.dests:
            catalog += b"/Names<</Dests %d 0 R>>" % self._write_names()
        if labels:
            nums = b" ".join(b"%d<</S%s>>" % (start, style.encode()) for start, style in labels)
            catalog += b"/PageLabels<</Nums[%s]>>" % nums
        if self.lang is not None:
            catalog += b"/Lang" + self.lang
        out.put(self.root, catalog + b">>")
        info = out.reserve()
        out.put(info, self.info or b"<<>>")
        out.close(self.root, info, hashlib.md5((self.info or b"") + b"%d" % len(self.pages)).digest())
        if self.dropped:
            logger.error("%d links to ids that no part has were dropped", self.dropped)

    def _write_names(self) -> int:
        """The named destinations as a name tree: sorted leaves under one root."""
        ordered = [self.dests[key] for key in sorted(self.dests)]
        leaves = []
        for start in range(0, len(ordered), NAMES_PER_LEAF):
            chunk = ordered[start:start + NAMES_PER_LEAF]
            pairs = b" ".join(name + b" " + dest for name, dest in chunk)
            leaf = self.out.reserve()
            self.out.put(leaf, b"<</Names[%s]/Limits[%s %s]>>" % (pairs, chunk[0][0], chunk[-1][0]))
            leaves.append(leaf)
        root = self.out.reserve()
        self.out.put(root, b"<</Kids[%s]>>" % b" ".join(b"%d 0 R" % leaf for leaf in leaves))
        return root

    def _write_outline(self) -> int:
        root = self.out.reserve()
        first, last, count = self._outline_level(self.outline, root)
        self.out.put(root, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (first, last, count))
        return root

    def _outline_level(self, items: list[OutlineItem], parent: int) -> tuple[int, int, int]:
        """Writes the items and their children under `parent`: (first, last, visible count)."""
        numbers = [self.out.reserve() for _ in items]
        visible = len(items)
        for index, (item, number) in enumerate(zip(items, numbers)):
            entry = b"<</Title %s/Parent %d 0 R/Dest %s" % (item.title, parent, item.dest)
            if index:
                entry += b"/Prev %d 0 R" % numbers[index - 1]
            if index + 1 < len(items):
                entry += b"/Next %d 0 R" % numbers[index + 1]
            if item.children:
                first, last, count = self._outline_level(item.children, number)
                entry += b"/First %d 0 R/Last %d 0 R/Count %d" % (first, last, count if item.is_open else -count)
                visible += count if item.is_open else 0
            self.out.put(number, entry + b">>")
        return numbers[0], numbers[-1], visible


def join_parts(paths: Sequence, handle, labels: Sequence[tuple[int, str]] = ()) -> int:
    """Write the parts, in order, as one PDF into `handle`; `labels`: (first page index, style)
    for the page labels, style /D (1, 2…) or /r (i, ii…). Returns the number of pages."""
    known = set()
    for path in paths:
        known.update(str(name) for name, _ in named_destinations(PdfReader(path)))
    book = Book(handle, known)
    for path in paths:
        book.add(PdfReader(path))  # one part's reader at a time: freed before the next is read
    book.close(labels)
    return len(book.pages)
