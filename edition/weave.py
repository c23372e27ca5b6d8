"""Weave: a block's text plus its spans -> one nested inline tree (pure Python, no Django).

Spans may overlap (a mention inside a citation, two readers' highlights across each other). The
tree must still nest, so a span that crosses another's boundary is split into fragments; every
fragment keeps the span's kind and attributes plus `part` (0, 1, …) so a renderer can give only
the first fragment an id. Zero-width spans (note markers) become leaf nodes at their offset.
Every output format (HTML page, static site, EPUB, PDF, TEI, Markdown) renders this tree.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Outer kinds first when two spans cover exactly the same text.
KIND_ORDER = {"citation": 0, "editorial": 1, "event": 2, "entry": 3, "highlight": 4}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    attrs: tuple = ()  # (key, value) pairs, hashable so spans can be cached and compared
    key: str = ""  # tells apart spans of one kind on the same text

    def attr(self, name, default=None):
        return dict(self.attrs).get(name, default)


@dataclass
class Node:
    span: Span | None  # None for the root
    part: int = 0
    children: list = field(default_factory=list)  # of Node | str

    @property
    def kind(self):
        return self.span.kind if self.span else "root"


def _order(span: Span):
    return (span.start, -span.end, KIND_ORDER.get(span.kind, 9), span.kind, span.key)


def weave(text: str, spans: list[Span]) -> Node:
    """Return the root Node whose leaves, read in order, are exactly `text` and the point spans."""
    for span in spans:
        if not 0 <= span.start <= span.end <= len(text):
            raise ValueError(f"span {span.kind} {span.start}-{span.end} outside text of {len(text)}")
    ranges = sorted((s for s in spans if s.end > s.start), key=_order)
    points = sorted((s for s in spans if s.end == s.start), key=_order)
    cuts = sorted({0, len(text), *(s.start for s in ranges), *(s.end for s in ranges),
                   *(p.start for p in points)})
    root = Node(span=None)
    stack: list[Node] = [root]
    parts: dict[Span, int] = {}
    point_index = 0
    for left, right in zip(cuts, cuts[1:] + [None]):
        while point_index < len(points) and points[point_index].start == left:
            point = points[point_index]
            _reshape(stack, [s for s in ranges if s.start < left < s.end], parts)
            stack[-1].children.append(Node(span=point))
            point_index += 1
        if right is None:
            break
        _reshape(stack, [s for s in ranges if s.start <= left and s.end >= right], parts)
        stack[-1].children.append(text[left:right])
    return root


def _reshape(stack: list[Node], active: list[Span], parts: dict[Span, int]) -> None:
    """Close and open nodes so the stack holds exactly `active` (in canonical order)."""
    keep = 0
    while keep < len(active) and keep + 1 < len(stack) and stack[keep + 1].span == active[keep]:
        keep += 1
    del stack[keep + 1:]
    for span in active[keep:]:
        part = parts.get(span, -1) + 1
        parts[span] = part
        node = Node(span=span, part=part)
        stack[-1].children.append(node)
        stack.append(node)


def leaves(node: Node):
    """The text and point nodes of a tree in reading order (for checks and plain-text output)."""
    for child in node.children:
        if isinstance(child, str):
            yield child
        elif child.span is not None and child.span.start == child.span.end:
            yield child
        else:
            yield from leaves(child)


def plain_text(node: Node) -> str:
    return "".join(leaf for leaf in leaves(node) if isinstance(leaf, str))
