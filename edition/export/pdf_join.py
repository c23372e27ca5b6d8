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
import io
import logging
import zlib
from array import array
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import (ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject,
                           StreamObject, TextStringObject)

CROSS_PART = "x-edition-part:"
OBJECTS_PER_STREAM = 200  # small objects (links, outline items) packed and compressed together
NAMES_PER_LEAF = 500
logger = logging.getLogger(__name__)


class OutputRef(IndirectObject):
    """A reference already in the output's numbering (not renumbered when written)."""


@dataclass
class OutlineItem:
    title: bytes  # the PDF string, as written
    dest: bytes  # [page /XYZ left top zoom], the page in the output's numbering
    is_open: bool
    children: list[OutlineItem] = field(default_factory=list)


class ObjectWriter:
    """Numbered objects into a binary file: streams as they come, the others in compressed object
    streams; the cross-reference stream and the trailer at the end."""

    def __init__(self, handle, version: bytes = b"1.7"):
        self.handle, self.written = handle, 0
        # Where object N is, at index N: kind 1 (in the file at offset `first`) or 2 (in object
        # stream `first`, at `second`); kind 0 for numbers never written. Arrays: a book has ~10^6.
        self.kind, self.first, self.second = bytearray(1), array("Q", [0]), array("L", [65535])
        self.pending: list[tuple[int, bytes]] = []
        self._write(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        self.kind.append(0)
        self.first.append(0)
        self.second.append(0)
        return len(self.kind) - 1

    def put(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        if stream is None:
            self.pending.append((number, body))
            if len(self.pending) >= OBJECTS_PER_STREAM:
                self.flush()
        else:
            self._direct(number, body, stream)

    def flush(self) -> None:
        if not self.pending:
            return
        number, heads, bodies, offset = self.reserve(), [], [], 0
        for index, (member, body) in enumerate(self.pending):
            self.kind[member], self.first[member], self.second[member] = 2, number, index
            heads.append(b"%d %d" % (member, offset))
            bodies.append(body)
            offset += len(body) + 1
        head = b" ".join(heads) + b"\n"
        data = zlib.compress(head + b"\n".join(bodies))
        self.pending = []
        self._direct(number, b"<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>"
                     % (len(heads), len(head), len(data)), data)

    def close(self, root: int, info: int | None, ident: bytes) -> None:
        self.flush()
        number = self.reserve()
        start = self.written
        self.kind[number], self.first[number] = 1, start
        width = max(4, (self.written.bit_length() + 7) // 8)
        rows = (self.kind[member].to_bytes(1, "big") + self.first[member].to_bytes(width, "big")
                + self.second[member].to_bytes(4, "big") for member in range(number + 1))
        data = zlib.compress(b"".join(rows))
        hexid = ident.hex().encode()
        info_ref = b"/Info %d 0 R" % info if info else b""
        self._write(b"%d 0 obj\n<</Type/XRef/Size %d/W[1 %d 4]/Root %d 0 R%s/ID[<%s><%s>]/Filter/FlateDecode"
                    b"/Length %d>>\nstream\n" % (number, number + 1, width, root, info_ref, hexid, hexid, len(data)))
        self._write(data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start)

    def _direct(self, number: int, body: bytes, stream: bytes) -> None:
        self.kind[number], self.first[number] = 1, self.written
        self._write(b"%d 0 obj\n%s\nstream\n" % (number, body))
        self._write(stream + b"\nendstream\nendobj\n")

    def _write(self, data: bytes) -> None:
        self.handle.write(data)
        self.written += len(data)


def serialized(obj, number_of) -> bytes:
    """An object's PDF syntax, its references renumbered by `number_of(old number)`."""
    out = io.BytesIO()
    _serialize(obj, out, number_of)
    return out.getvalue()


def _serialize(obj, out, number_of) -> None:
    if isinstance(obj, OutputRef):
        out.write(b"%d 0 R" % obj.idnum)
    elif isinstance(obj, IndirectObject):
        out.write(b"%d 0 R" % number_of(obj.idnum))
    elif isinstance(obj, DictionaryObject):
        out.write(b"<<")
        for key, value in obj.items():
            key.write_to_stream(out)
            out.write(b" ")
            _serialize(value, out, number_of)
        out.write(b">>")
    elif isinstance(obj, ArrayObject):
        out.write(b"[")
        for index, value in enumerate(obj):
            out.write(b" " if index else b"")
            _serialize(value, out, number_of)
        out.write(b"]")
    else:
        obj.write_to_stream(out)


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
