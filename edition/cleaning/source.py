"""Read a raw page dump from disk into normalised text, or say exactly why it cannot be read.

The messages are for editors who dropped a file into seeds/: each names the file and the
reason, and gives the number that matters (size and limit, byte offset).
"""
from __future__ import annotations

import codecs
from pathlib import Path

from .text import normalise_text

# Share of control bytes (other than tab, newline, carriage return, form feed) above which a
# file is treated as binary. Real text has none; a few stray ones should not reject a page.
CONTROL_BYTE_LIMIT = 0.10
_ALLOWED_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
_SNIFF_BYTES = 8192


class SourceError(Exception):
    """A source file that cannot be read as a UTF-8 text page."""


def read_source(path: Path, max_bytes: int) -> str:
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if not path.is_file():
        raise SourceError(f"{path}: not a regular file (is it a directory?)")
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError(_too_large(path, size, max_bytes))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return decode_source(data, str(path), max_bytes)


def decode_source(data: bytes, name: str, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise SourceError(_too_large(name, len(data), max_bytes))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError(f"{name}: is UTF-16 encoded; save it as UTF-8")
    _reject_binary(data, name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(_not_utf8(name, data, exc)) from exc
    if not text.strip():
        raise SourceError(f"{name}: is empty (no text besides whitespace)")
    return normalise_text(text)


def _reject_binary(data: bytes, name: str) -> None:
    if not data.strip():
        raise SourceError(f"{name}: is empty (no text besides whitespace)")
    nul = data.find(b"\x00")
    if nul != -1:
        raise SourceError(f"{name}: looks binary, not text (NUL byte at offset {nul})")
    sample = data[:_SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _ALLOWED_CONTROLS)
    if controls / len(sample) > CONTROL_BYTE_LIMIT:
        raise SourceError(
            f"{name}: looks binary, not text ({controls} control bytes in the first {len(sample)})"
        )


def _not_utf8(name: str, data: bytes, exc: UnicodeDecodeError) -> str:
    byte = data[exc.start]
    message = f"{name}: is not valid UTF-8 (byte 0x{byte:02x} at offset {exc.start})"
    # The usual culprit is a page saved from an old Windows editor; saying so saves a guess.
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return message
    return message + "; it may be Windows-1252: re-save it as UTF-8"


def _too_large(name: Path | str, size: int, max_bytes: int) -> str:
    return f"{name}: is {size} bytes, over the limit of {max_bytes} bytes"
