"""The weave: text plus overlapping spans -> one nested tree that every format renders."""
import pytest

from edition.render.html import render_tree
from edition.weave import Node, Span, leaves, plain_text, weave


def shape(node: Node):
    """A compact picture of a tree: strings as they are, nodes as (kind+key, part, children)."""
    return [
        child if isinstance(child, str) else (f"{child.kind}{child.span.key}", child.part, shape(child))
        for child in node.children
    ]


def test_it_returns_the_text_unchanged_without_spans():
    assert shape(weave("plain text", [])) == ["plain text"]


def test_it_wraps_a_single_span():
    assert shape(weave("abcdef", [Span(2, 4, "entry", key="x")])) == ["ab", ("entryx", 0, ["cd"]), "ef"]


def test_it_nests_a_span_inside_another():
    tree = weave("abcdef", [Span(0, 6, "citation", key="c"), Span(2, 4, "entry", key="e")])
    assert shape(tree) == [("citationc", 0, ["ab", ("entrye", 0, ["cd"]), "ef"])]


def test_it_splits_a_span_that_crosses_another():
    tree = weave("abcdefgh", [Span(0, 5, "highlight", key="a"), Span(3, 8, "highlight", key="b")])
    assert shape(tree) == [
        ("highlighta", 0, ["abc", ("highlightb", 0, ["de"])]),
        ("highlightb", 1, ["fgh"]),
    ]


def test_it_keeps_the_text_in_order_whatever_the_overlaps():
    text = "The Senkaku Islands, which China claims as the Diaoyu."
    spans = [Span(0, 30, "highlight", key="1"), Span(4, 19, "entry", key="s"), Span(10, 50, "highlight", key="2"),
             Span(25, 25, "note", key="n"), Span(45, 53, "entry", key="d")]
    assert plain_text(weave(text, spans)) == text


def test_it_places_a_point_span_at_its_offset():
    tree = weave("abcdef", [Span(3, 3, "note", key="1")])
    assert shape(tree) == ["abc", ("note1", 0, []), "def"]


def test_it_places_a_point_at_the_end_of_the_text():
    tree = weave("abc", [Span(3, 3, "note", key="1")])
    assert shape(tree) == ["abc", ("note1", 0, [])]


def test_it_places_a_point_inside_the_span_that_contains_it():
    tree = weave("abcdef", [Span(0, 6, "editorial", key="e"), Span(3, 3, "note", key="1")])
    assert shape(tree) == [("editoriale", 0, ["abc", ("note1", 0, []), "def"])]


def test_it_puts_a_point_at_a_span_end_outside_the_span():
    tree = weave("abcdef", [Span(0, 3, "editorial", key="e"), Span(3, 3, "note", key="1")])
    assert shape(tree) == [("editoriale", 0, ["abc"]), ("note1", 0, []), "def"]


def test_it_orders_identical_ranges_by_kind():
    tree = weave("abc", [Span(0, 3, "entry", key="e"), Span(0, 3, "citation", key="c")])
    assert shape(tree) == [("citationc", 0, [("entrye", 0, ["abc"])])]


def test_it_rejects_a_span_outside_the_text():
    with pytest.raises(ValueError, match="outside text"):
        weave("abc", [Span(2, 5, "entry")])


def test_it_counts_code_points_not_utf16_units():
    text = "𠮷野家 and Xi"
    tree = weave(text, [Span(8, 10, "entry", key="x")])
    assert shape(tree) == ["𠮷野家 and ", ("entryx", 0, ["Xi"])]


def test_leaves_yield_points_in_reading_order():
    tree = weave("ab", [Span(1, 1, "note", key="1")])
    assert [leaf if isinstance(leaf, str) else leaf.span.key for leaf in leaves(tree)] == ["a", "1", "b"]


def test_the_html_renderer_escapes_text_and_gives_an_id_to_the_first_fragment_only():
    tree = weave("<b>x</b> & y", [Span(0, 12, "citation", key="3"), Span(4, 6, "highlight", key="h")])
    html = render_tree(tree)
    assert "&lt;b&gt;" in html and "&amp;" in html
    assert html.count('id="citeref-3"') == 1


def test_the_html_renderer_links_a_note_marker_both_ways():
    tree = weave("text", [Span(4, 4, "note", (("label", "1"), ("sidenote_html", "A note")), key="1")])
    html = render_tree(tree)
    assert 'href="#note-1"' in html and 'id="ref-1"' in html and "A note" in html


def test_the_margin_copy_of_a_note_holds_no_link():
    sidenote = 'See <a class="mention" href="/entries/x/">Chunxiao</a>.'
    tree = weave("text", [Span(4, 4, "note", (("label", "1"), ("sidenote_html", sidenote)), key="1")])
    margin = render_tree(tree).split('class="sidenote"', 1)[1]
    assert "<a" not in margin and "Chunxiao" in margin


def test_a_highlight_across_paragraphs_has_one_id():
    from edition.services.reading import BlockView, Highlight, add_highlights

    blocks = [BlockView(1, "paragraph", "First one.", 0), BlockView(2, "paragraph", "Second.", 12)]
    add_highlights(blocks, [Highlight(key="7", start=6, end=18)])
    html = "".join(render_tree(weave(b.text, b.spans)) for b in blocks)
    assert html.count('id="hl-7"') == 1 and html.count('data-annotation="7"') == 2
