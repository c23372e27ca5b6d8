"""The page maps selections to the server's offsets (DESIGN §3): the text read from the page is the
canonical text of every article, and UTF-16 offsets become code points, astral characters included."""
import pytest

from edition.models import Article

MODULE = "/static/js/reader/selection.js"


@pytest.fixture
def first_page(live_server, edition, page):
    page.goto(live_server.url + edition["002_"])
    return page


def run(page, script, arg=None):
    """Evaluate `script` (a function body with `m`, the selection module, and `arg`) in the page."""
    return page.evaluate(f"async (arg) => {{ const m = await import('{MODULE}'); {script} }}", arg)


def test_the_text_read_from_the_page_is_the_canonical_text_of_every_article(live_server, edition, page):
    for article in Article.objects.select_related("current_revision"):
        page.goto(live_server.url + article.get_absolute_url())

        text = run(page, "return m.canonicalText(document.querySelector('.article-body'));")

        assert text == article.current_revision.text, article.source_file


def test_offsets_convert_between_utf16_and_code_points(first_page):
    results = run(first_page, """
      const text = 'a𠮷b😀c';  // two astral characters: two UTF-16 units each
      return [m.utf16ToCodePoint(text, 3), m.codePointToUtf16(text, 2), m.codePointToUtf16(text, 4), m.codePointLength(text)];
    """)

    assert results == [2, 3, 6, 5]


def test_a_selection_after_astral_characters_and_furniture_gets_code_point_offsets(first_page):
    """A block made in the page: its text holds astral characters, a paragraph number, a note marker
    and a margin note; the selectors must count code points of the text alone."""
    text = "Ab 𠮷 cd.\n\nThe 😀 end and more."
    found = run(first_page, """
      const root = document.createElement('div');
      root.innerHTML = '<p class="block" data-start="0"><a class="pnum">1</a>Ab 𠮷 <em>cd</em>.'
        + '<sup><a class="note-ref">1</a></sup><span class="sidenote">a note</span></p>'
        + '<p class="block" data-start="10"><a class="pnum">2</a>The 😀 end and more.</p>';
      document.body.append(root);
      const second = root.querySelectorAll('.block')[1].lastChild;  // "The 😀 end and more."
      const range = document.createRange();
      range.setStart(root.querySelector('em').firstChild, 1);       // "d"
      range.setEnd(second, 'The 😀 end'.length);
      const selectors = m.selectorsFor(root, range);
      const pieces = m.segmentsFor(root, selectors.start, selectors.end).map(p => p.node.data.slice(p.from, p.to));
      root.remove();
      return {selectors, pieces, text: m.canonicalText(root)};
    """)

    assert found["text"] == text
    selectors = found["selectors"]
    assert (selectors["start"], selectors["end"]) == (6, 19)
    assert text[6:19] == selectors["exact"] == "d.\n\nThe 😀 end"
    assert selectors["prefix"] == "Ab 𠮷 c" and selectors["suffix"] == " and more."
    assert found["pieces"] == ["d", ".", "The 😀 end"]


def test_a_selection_starting_between_paragraphs_moves_to_the_next_words(first_page):
    found = run(first_page, """
      const body = document.querySelector('.article-body');
      const range = document.createRange();
      range.setStartBefore(document.getElementById('p3'));
      range.setEnd(document.getElementById('p3').querySelector('.pnum').nextSibling.nextSibling, 6);
      return m.selectorsFor(body, range);
    """)

    article = Article.objects.get(source_file__startswith="002_")
    block = article.current_revision.blocks.get(number=3)
    assert (found["start"], found["exact"]) == (block.start, block.text[:6])
