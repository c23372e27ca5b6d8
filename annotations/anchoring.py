"""Resolve annotation selectors to a character span of an article's canonical text (DESIGN §5).

Pure Python, no Django. Offsets are Unicode code points (Python ``str`` indices); converting
the browser's UTF-16 offsets is ``annotations.offsets``' job, done at the API boundary.

Resolution order, cheapest and most certain first:

1. the position selector, if the quote is there verbatim (unless the position is stale and
   another occurrence matches prefix + exact + suffix verbatim);
2. every verbatim occurrence of the quote, ranked by prefix/suffix agreement and nearness
   to the position hint;
3. the same search on a normalised copy of text and quote (curly vs straight quotes, dashes,
   whitespace runs, compatibility forms, invisible format characters), mapped back to
   original offsets;
4. an approximate match: rapidfuzz's partial alignment finds candidate regions, diff-match-patch's
   bitap places the boundaries; the span must reach ``MIN_SIMILARITY`` to the quote and,
   where context is stored, ``MIN_CONTEXT_AGREEMENT`` on one side.

Stages 3 and 4 return ``exact=False``. ``None`` means the annotation is orphaned (kept, shown).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

PREFIX_SUFFIX_LENGTH = 32

#: An approximate match is accepted only if the matched span's similarity to the (normalised)
#: quote, rapidfuzz ``Levenshtein.normalized_similarity`` = 1 - edits / max(len(a), len(b)),
#: is at least this: at most a quarter of the characters inserted, deleted or substituted.
#: A changed word or a few typos in a sentence stay above it; a rewritten sentence falls
#: below, and is better orphaned than pinned to the wrong words.
MIN_SIMILARITY = 0.75
#: ... and, where the selector stores context, keep at least this much of it on one side
#: (``fuzz.ratio`` / 100 against the same number of chars next to the match).
MIN_CONTEXT_AGREEMENT = 0.6
#: Rough regions (partial alignment, before boundary refinement) below this are not refined.
CANDIDATE_CUTOFF = 60.0
#: At most this many rough regions (best partial scores first) are refined: refinement runs
#: bitap in pure Python, and a short quote partially matches almost everywhere.
MAX_CANDIDATES = 12

# Ranking weights, after Hypothesis' dom-anchor-text-quote: the quote itself counts most, then
# its context; the position hint only separates near-ties, since the text may have shifted.
QUOTE_WEIGHT, CONTEXT_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 2.0

# diff-match-patch's bitap works on patterns of at most this many characters (one machine
# word in the reference implementations), so long quotes are placed by their head and tail.
_BITAP_MAX = 32
_BITAP_THRESHOLD = 0.5  # errors per pattern char plus distance penalty; _similarity decides
_BOUNDARY_SLACK = 2

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD = str.maketrans({**dict.fromkeys(_SINGLE_QUOTES, "'"),
                       **dict.fromkeys(_DOUBLE_QUOTES, '"'), **dict.fromkeys(_DASHES, "-")})
# ASCII other than whitespace is unchanged by normalisation, so only these need a look.
_SPECIAL = re.compile(r"\s+|[^\x00-\x7f]")


@dataclass(frozen=True)
class TextQuote:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextPosition:
    start: int
    end: int


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    exact: bool  # the quote matched verbatim


# A candidate span with the quote's similarity to it (1.0 for a verbatim occurrence).
_Candidate = tuple[int, int, float]


def make_quote(text: str, start: int, end: int, context: int = PREFIX_SUFFIX_LENGTH) -> TextQuote:
    """The quote selector for ``text[start:end]``, with up to ``context`` chars either side."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
    return TextQuote(text[start:end], text[max(0, start - context):start], text[end:end + context])


def anchor(text: str, quote: TextQuote, position: TextPosition | None = None) -> Anchor | None:
    """The span of ``text`` that ``quote`` (and optionally ``position``) selects, or None."""
    exact = quote.exact
    if not exact:
        return None
    hint = position.start if position is not None else None
    if position is not None and 0 <= hint and text[hint:position.end] == exact:
        return _verified_position(text, quote, hint)
    spans = [(i, i + len(exact), 1.0) for i in _occurrences(text, exact)]
    best = _rank(text, spans, quote.prefix, quote.suffix, hint)
    if best is not None:
        return Anchor(best[0], best[1], True)
    return _anchor_normalised(text, quote, position)


def _verified_position(text: str, quote: TextQuote, start: int) -> Anchor:
    # A stale position can land on the same words by chance (a short quote, a common phrase):
    # then an occurrence that matches the whole selector, context too, is the better witness.
    fits = [i + len(quote.prefix) for i in _occurrences(text, quote.prefix + quote.exact + quote.suffix)]
    if fits and start not in fits:
        start = min(fits, key=lambda fit: abs(fit - start))
    return Anchor(start, start + len(quote.exact), True)


def _anchor_normalised(text: str, quote: TextQuote, position: TextPosition | None) -> Anchor | None:
    norm_text, starts, ends = _normalise(text)
    pattern = _normalise(quote.exact)[0]
    if not pattern or not norm_text:
        return None
    # The hint moves with the text: first normalised char at or after the original offset.
    hint = bisect_left(starts, position.start) if position is not None else None
    spans = [(i, i + len(pattern), 1.0) for i in _occurrences(norm_text, pattern)]
    prefix, suffix = _normalise(quote.prefix)[0], _normalise(quote.suffix)[0]
    if not spans:
        spans = [candidate for candidate in _approximate_spans(norm_text, pattern)
                 if _context_plausible(norm_text, candidate, prefix, suffix)]
    best = _rank(norm_text, spans, prefix, suffix, hint)
    if best is None:
        return None
    return Anchor(starts[best[0]], ends[best[1] - 1], False)


def _occurrences(text: str, needle: str) -> Iterator[int]:
    index = text.find(needle)
    while index != -1:
        yield index
        index = text.find(needle, index + 1)


def _rank(text: str, spans: list[_Candidate], prefix: str, suffix: str,
          hint: int | None) -> _Candidate | None:
    """The best candidate; ties go to the earliest, as ``max`` keeps the first maximum."""
    def score(candidate: _Candidate) -> float:
        start, end, similarity = candidate
        context = _prefix_agreement(text, start, prefix) + _suffix_agreement(text, end, suffix)
        return (QUOTE_WEIGHT * similarity + CONTEXT_WEIGHT * context
                + POSITION_WEIGHT * _nearness(start, hint, len(text)))
    return max(spans, key=score, default=None)


def _prefix_agreement(text: str, start: int, prefix: str) -> float:
    # An empty prefix says nothing (no context stored), so it favours no candidate. Otherwise
    # compare it with exactly as many chars before the candidate: suffix-aligned, because the
    # chars next to the quote matter and a short prefix means the quote was near the text start.
    if not prefix:
        return 1.0
    return fuzz.ratio(prefix, text[max(0, start - len(prefix)):start]) / 100


def _suffix_agreement(text: str, end: int, suffix: str) -> float:
    if not suffix:
        return 1.0
    return fuzz.ratio(suffix, text[end:end + len(suffix)]) / 100


def _context_plausible(text: str, candidate: _Candidate, prefix: str, suffix: str) -> bool:
    # A short quote resembles many places once edited ("e Kim administr" ~ "e Xi administr");
    # an approximate match must also keep at least one side of its stored context, where any
    # is stored. Unrelated English scores about 0.3-0.5 here; an edit inside the quote, 1.0.
    sides = ([_prefix_agreement(text, candidate[0], prefix)] if prefix else []) + \
        ([_suffix_agreement(text, candidate[1], suffix)] if suffix else [])
    return not sides or max(sides) >= MIN_CONTEXT_AGREEMENT


def _nearness(start: int, hint: int | None, length: int) -> float:
    if hint is None:
        return 0.0
    return 1.0 - min(abs(start - hint), length) / max(length, 1)


# --- normalisation -------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """What one non-ASCII char becomes: compatibility-decomposed ('…' -> '...', NBSP -> ' ',
    'é' -> 'e' + combining acute, so precomposed and decomposed forms agree), typographic
    quotes and dashes made plain, invisible format chars (soft hyphen, zero-width space) gone."""
    if unicodedata.category(char) == "Cf":
        return ""
    return unicodedata.normalize("NFKD", char).translate(_FOLD)


def _normalise(text: str) -> tuple[str, list[int], list[int]]:
    """Normalised text, and for each of its chars the original span [starts[i], ends[i])."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0

    def emit(piece: str, start: int, end: int) -> None:
        parts.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))

    for match in _SPECIAL.finditer(text):
        if match.start() > done:  # plain ASCII run: kept char for char
            parts.append(text[done:match.start()])
            starts.extend(range(done, match.start()))
            ends.extend(range(done + 1, match.start() + 1))
        piece = match.group()
        if piece.isspace():  # a whitespace run becomes one space covering the whole run
            emit(" ", match.start(), match.end())
        else:
            emit(_fold_char(piece), match.start(), match.end())
        done = match.end()
    parts.append(text[done:])
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    # Folding can itself yield spaces (NBSP, U+2003 ...) next to real ones: collapse those too.
    return _collapse_spaces("".join(parts), starts, ends)


def _collapse_spaces(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    if "  " not in text:
        return text, starts, ends
    keep = [i for i, char in enumerate(text) if not (char == " " and i and text[i - 1] == " ")]
    out_ends = []
    for position, i in enumerate(keep):
        last = keep[position + 1] - 1 if position + 1 < len(keep) else len(text) - 1
        out_ends.append(ends[last])
    return "".join(text[i] for i in keep), [starts[i] for i in keep], out_ends


# --- approximate matching --------------------------------------------------------------------

def _approximate_spans(text: str, pattern: str) -> list[_Candidate]:
    regions = sorted(_rough_regions(text, pattern), key=lambda r: -r[2])[:MAX_CANDIDATES]
    reversed_text = text[::-1]
    found: dict[tuple[int, int], float] = {}
    for low, high, _ in sorted(regions):
        start, end, similarity = _refine(text, reversed_text, pattern, low, high)
        if similarity >= MIN_SIMILARITY:
            found[(start, end)] = similarity
    return [(start, end, similarity) for (start, end), similarity in found.items()]


def _rough_regions(text: str, pattern: str) -> Iterator[tuple[int, int, float]]:
    """Best partial alignment of the pattern in each of a series of overlapping windows.

    Windows are 2*step long and start every step chars, so any span up to step chars (the
    quote grown by edits by up to half) lies whole inside one; each window yields at most one
    region, which keeps the scan linear in the text yet finds repeated edited quotes apart."""
    step = max(len(pattern) + len(pattern) // 2, 64)
    for low in range(0, max(len(text) - step, 0) + 1, step):
        found = fuzz.partial_ratio_alignment(pattern, text[low:low + 2 * step],
                                             score_cutoff=CANDIDATE_CUTOFF)
        if found is not None:
            yield low + found.dest_start, low + found.dest_end, found.score


def _refine(text: str, reversed_text: str, pattern: str, low: int, high: int) -> _Candidate:
    """Place the boundaries of a rough region: the partial alignment is never longer than the
    quote, so an insertion leaves it short. Bitap finds where the quote's head starts and, run
    on the reversed text, where its tail ends; keep whichever boundaries score best."""
    size = min(len(pattern), _BITAP_MAX)
    matcher = diff_match_patch()
    matcher.Match_Threshold = _BITAP_THRESHOLD
    matcher.Match_Distance = max(64, len(pattern))  # the region is near; a wrong one is scored out
    head = matcher.match_main(text, pattern[:size], low)
    tail = matcher.match_main(reversed_text, pattern[-size:][::-1], len(text) - high)
    starts = _around({low} | ({head} if head >= 0 else set()), len(text))
    ends = _around({high} | ({len(text) - tail} if tail >= 0 else set()), len(text))
    options = [(s, e) for s in starts for e in ends if s < e]
    # Most similar first; among equals, the length nearest the quote's, then the leftmost.
    best = max(options, default=None, key=lambda o: (
        _similarity(pattern, text[o[0]:o[1]]), -abs(o[1] - o[0] - len(pattern)), -o[0]))
    if best is None:
        return low, high, 0.0
    return best[0], best[1], _similarity(pattern, text[best[0]:best[1]])


def _around(points: set[int], limit: int) -> list[int]:
    # A changed char at a boundary costs one edit whether included (substitution) or left out
    # (deletion), so bitap may place a boundary a char or two off: look a little wider, and
    # let the tie-break in _refine prefer the length nearest the quote's.
    return sorted({p + d for p in points for d in range(-_BOUNDARY_SLACK, _BOUNDARY_SLACK + 1)
                   if 0 <= p + d <= limit})


def _similarity(pattern: str, candidate: str) -> float:
    return Levenshtein.normalized_similarity(pattern, candidate)
