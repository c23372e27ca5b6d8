"""render_markdown keeps a parser per thread and remembers short sources: the HTML must be exactly
what a fresh parser gives, whatever was rendered before and on whichever thread."""
import random
import threading

import markdown
import nh3

from edition import markdown as rendering
from edition.markdown import render_markdown

SOURCES = [
    "A *hopeful* phrase.",
    "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language",  # defines an abbreviation
    "HTML again, with no definition here.",  # must not borrow the one above
    "A claim.[^1]\n\n[^1]: The footnote.",
    "Another claim.[^1]\n\n[^1]: Another footnote.",
    "See [the report][r].\n\n[r]: https://example.org/report",
    "A [dangling reference][r].",  # the reference above must not leak
    "- one\n- two\n\n1. first\n3. second",
    "Term\n: its definition",
    "<div markdown=\"1\">*inside*</div>",
    "<script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>",
    "`code` and ```\nfenced\n```",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "",
    "x" * (rendering.CACHED_SOURCE_LENGTH + 10),  # too long to be remembered
]


def fresh(source):
    html = markdown.markdown(source, extensions=rendering.EXTENSIONS, output_format="html")
    return nh3.clean(html, tags=rendering.ALLOWED_TAGS, attributes=rendering.ALLOWED_ATTRIBUTES,
                     url_schemes=rendering.ALLOWED_SCHEMES, link_rel="nofollow noopener noreferrer")


def test_the_html_is_a_fresh_parsers_in_any_order():
    expected = {source: fresh(source) for source in SOURCES}
    order = SOURCES * 3
    random.Random(1).shuffle(order)
    rendering._render_cached.cache_clear()
    for source in order:
        assert render_markdown(source) == expected[source], source


def test_definitions_do_not_leak_from_one_note_to_the_next():
    rendering._render_cached.cache_clear()
    render_markdown(SOURCES[1])
    assert "<abbr" not in render_markdown(SOURCES[2])
    render_markdown(SOURCES[5])
    assert "href" not in render_markdown(SOURCES[6])


def test_short_sources_are_remembered_long_ones_are_not():
    rendering._render_cached.cache_clear()
    render_markdown("A *note*.")
    render_markdown("A *note*.")
    assert rendering._render_cached.cache_info().hits == 1
    render_markdown(SOURCES[-1])
    assert rendering._render_cached.cache_info().currsize == 1


def test_threads_render_side_by_side():
    expected = {source: fresh(source) for source in SOURCES}
    failures = []

    def work(seed):
        order = SOURCES * 20
        random.Random(seed).shuffle(order)
        for source in order:
            if rendering._render(source) != expected[source]:  # the parser, not the memory
                failures.append(source)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_none_is_empty():
    assert render_markdown(None) == ""
