"""Find the mentions of glossary and register entries in an article's blocks.

All aliases go into one compiled regular expression. Each alias group (case-sensitive or not,
whole word or not) is a character trie rendered as nested alternations, so the engine walks
one branch per character instead of trying thousands of alternatives at every position; at
each trie node the longer continuation is tried before stopping, and the trailing word-boundary
lookahead makes the engine back off to the longest alias that ends on a boundary.

A word character is a letter or a digit: hyphens, apostrophes and dots are boundaries, so
"Li-Abe" yields Li and Abe and "Xi's" yields Xi. Straight and curly apostrophes, and any run
of white space, match each other.

Bare surnames shared by several persons (or listed as ambiguous) are resolved from the nearest
preceding full mention of one of those persons in the same article; a full mention inside a
parenthetical aside that has closed ("Yasuo Fukuda (the son of ... Takeo Fukuda, ...)") yields
to one outside it. With no antecedent the surname is left unlinked.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .aliases import Alias

BEFORE_WORD = r"(?<![^\W_])"
AFTER_WORD = r"(?![^\W_])"
APOSTROPHES = "'\u2019"
SPACE = re.compile(r"\s+")
_APOS, _SPACE = "\x00", "\x01"  # trie tokens for "any apostrophe" and "any white space"
_TOKEN_PATTERNS = {_APOS: "['\u2019]", _SPACE: r"\s+"}


@dataclass(frozen=True)
class Mention:
    block: int  # 0-based index into the blocks given to find_mentions
    start: int  # code-point offsets inside that block's text
    end: int
    target_id: str
    text: str


def _key(text: str, case_sensitive: bool) -> str:
    """The lookup form of an alias or of matched text."""
    text = SPACE.sub(_SPACE, text)
    for apostrophe in APOSTROPHES:
        text = text.replace(apostrophe, _APOS)
    return text if case_sensitive else text.lower()


def _plural_forms(text: str) -> list[str]:
    suffix = "es" if re.search(r"(?:s|x|z|ch|sh)$", text) else "s"
    return [text, text + suffix]


class Matcher:
    """One compiled pattern over all aliases, plus the table from matched text to aliases."""

    GROUPS = (  # (name, case_sensitive, whole_word)
        ("cw", True, True), ("iw", False, True), ("cp", True, False), ("ip", False, False),
    )

    def __init__(self, aliases: Iterable[Alias]):
        self.table: dict[str, dict[str, list[Alias]]] = {name: {} for name, _, _ in self.GROUPS}
        for alias in aliases:
            if not alias.text.strip():
                continue  # an empty alias would match everywhere
            group = self._group_of(alias)
            forms = _plural_forms(alias.text) if alias.plural else [alias.text]
            for form in forms:
                self.table[group].setdefault(_key(form, alias.case_sensitive), []).append(alias)
        self.patterns = {
            name: self._group_pattern(name, case_sensitive, whole_word)
            for name, case_sensitive, whole_word in self.GROUPS
            if self.table[name]
        }
        combined = "|".join(f"(?P<{name}>{p})" for name, p in self.patterns.items())
        self.regex = re.compile(combined or r"(?!x)x")
        self.group_regexes = {name: re.compile(p) for name, p in self.patterns.items()}

    def _group_of(self, alias: Alias) -> str:
        for name, case_sensitive, whole_word in self.GROUPS:
            if (alias.case_sensitive, alias.whole_word) == (case_sensitive, whole_word):
                return name
        raise AssertionError(alias)

    def _group_pattern(self, name: str, case_sensitive: bool, whole_word: bool) -> str:
        trie = _build_trie(self.table[name])
        body = _render(trie)
        if not case_sensitive:
            body = f"(?i:{body})"
        return f"{BEFORE_WORD}{body}{AFTER_WORD}" if whole_word else body

    def candidates(self, text: str) -> Iterator[tuple[int, int, list[Alias]]]:
        """Leftmost-longest, non-overlapping alias matches: (start, end, aliases)."""
        pos = 0
        while (match := self.regex.search(text, pos)) is not None:
            start, end, group = match.start(), match.end(), match.lastgroup
            for other, regex in self.group_regexes.items():
                if other != group and (longer := regex.match(text, start)) and longer.end() > end:
                    end, group = longer.end(), other
            case_sensitive = group.startswith("c")
            aliases = self.table[group].get(_key(text[start:end], case_sensitive))
            if aliases:
                yield start, end, aliases
            pos = end if end > start else start + 1


def compile_matcher(aliases: Iterable[Alias]) -> Matcher:
    return Matcher(aliases)


def _build_trie(keys: Iterable[str]) -> dict:
    root: dict = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = True  # the end of a key
    return root


def _render(node: dict) -> str:
    """Nested alternation for a trie node; longer continuations before stopping here."""
    ends_here = "" in node
    branches = [
        (_TOKEN_PATTERNS.get(char) or re.escape(char)) + _render(node[char])
        for char in sorted(c for c in node if c)
    ]
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


# --- mentions --------------------------------------------------------------------------------


@dataclass
class _Candidate:
    block: int
    start: int
    end: int
    text: str
    aliases: list[Alias]


def find_mentions(
    blocks: list[str],
    matcher: Matcher,
    suppress: set[tuple[int, int]] | frozenset = frozenset(),
    extra: Iterable[Mention] = (),
) -> list[Mention]:
    """Mentions in the blocks of one article, in reading order.

    `suppress` holds (block, start) of automatic mentions an editor rejected; `extra` holds
    mentions an editor added, which replace any automatic mention they overlap. Both count
    (or, when suppressed, do not count) as antecedents for bare surnames.
    """
    extra = list(extra)
    taken: dict[int, list[tuple[int, int]]] = {}
    for mention in extra:
        taken.setdefault(mention.block, []).append((mention.start, mention.end))
    found: list[_Candidate | Mention] = list(extra)
    for index, text in enumerate(blocks):
        spans = taken.get(index, [])
        for start, end, aliases in matcher.candidates(text):
            if (index, start) in suppress or any(s < end and start < e for s, e in spans):
                continue
            found.append(_Candidate(index, start, end, text[start:end], aliases))
    found.sort(key=lambda item: (item.block, item.start))
    return _resolve(found, blocks)


def _resolve(found: list, blocks: list[str]) -> list[Mention]:
    asides = [_parentheticals(text) for text in blocks]
    full: dict[str, list[tuple[int, int]]] = {}  # target -> positions of its full mentions
    mentions = []
    for item in found:
        if isinstance(item, Mention):
            full.setdefault(item.target_id, []).append((item.block, item.start))
            mentions.append(item)
            continue
        targets = sorted({alias.target_id for alias in item.aliases})
        if len(targets) == 1 and not any(a.needs_antecedent for a in item.aliases):
            full.setdefault(targets[0], []).append((item.block, item.start))
            target = targets[0]
        else:
            target = _antecedent(item, targets, full, asides)
        if target is not None:
            mentions.append(Mention(item.block, item.start, item.end, target, item.text))
    return mentions


def _antecedent(item: _Candidate, targets, full, asides) -> str | None:
    """The person whose full mention most nearly precedes; closed asides count last."""
    best = None  # ((in a closed aside?) inverted, position), target
    for target in targets:
        for block, start in full.get(target, []):
            aside = _enclosing(asides[block], start)
            closed = aside is not None and (block < item.block or aside[1] <= item.start)
            rank = (not closed, (block, start))
            if best is None or rank > best[0]:
                best = (rank, target)
    return best[1] if best else None


def _parentheticals(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost round-bracket asides of a block (an unclosed one runs to the end)."""
    spans, depth, opened = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            if depth == 0:
                opened = index
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, index + 1))
    if depth:
        spans.append((opened, len(text)))
    return spans


def _enclosing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return None
