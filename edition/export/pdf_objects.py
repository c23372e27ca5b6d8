"""Writing a PDF object by object: the numbered objects of a file, streamed into it as they come.

Streams are written at once; the other objects (dictionaries, arrays) wait in groups that are
written as compressed object streams; the cross-reference stream and the trailer come last. What
is kept until then is where each object is. `serialized` gives an object's PDF syntax, its
references renumbered: `pdf_join` copies the objects of one PDF into another with it.
"""
from __future__ import annotations

import io
import zlib
from array import array

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

OBJECTS_PER_STREAM = 200  # small objects (links, outline items) packed and compressed together


class OutputRef(IndirectObject):
    """A reference already in the output's numbering (not renumbered when written)."""


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
