"""Convert between UTF-16 code-unit offsets (the browser's DOM Range / JS string indices) and
Unicode code-point offsets (Python ``str`` indices, what the server stores, DESIGN §3).

Pure Python, no Django. The two differ only by one unit per astral character (outside the
Basic Multilingual Plane: emoji, CJK Extension B such as 𠮷), which JavaScript stores as a
surrogate pair, so both directions work from the list of astral positions before the offset.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _astral_positions(text: str) -> list[int]:
    return [match.start() for match in _ASTRAL.finditer(text)]


def codepoint_to_utf16(text: str, cp_offset: int) -> int:
    """The UTF-16 offset of code-point offset ``cp_offset`` (0..len(text)) in ``text``."""
    if not 0 <= cp_offset <= len(text):
        raise ValueError(f"code-point offset {cp_offset} outside 0..{len(text)}")
    # Every astral char before the offset takes two units instead of one.
    return cp_offset + bisect_left(_astral_positions(text), cp_offset)


def utf16_to_codepoint(text: str, utf16_offset: int) -> int:
    """The code-point offset of UTF-16 offset ``utf16_offset`` in ``text``.

    Raises ValueError if the offset is negative, past the end, or between the two halves
    of a surrogate pair (no code-point offset corresponds to it)."""
    if utf16_offset < 0:
        raise ValueError(f"UTF-16 offset {utf16_offset} is negative")
    positions = _astral_positions(text)
    for before, position in enumerate(positions):
        start = position + before  # UTF-16 offset of this astral char's high surrogate
        if utf16_offset <= start:
            return utf16_offset - before
        if utf16_offset == start + 1:
            raise ValueError(f"UTF-16 offset {utf16_offset} is inside a surrogate pair")
    astral = len(positions)
    if utf16_offset - astral > len(text):
        raise ValueError(f"UTF-16 offset {utf16_offset} outside 0..{len(text) + astral}")
    return utf16_offset - astral
