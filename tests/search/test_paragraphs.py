"""Paragraphs and the source's notes: found by words, phrases and prefixes, linked to #pN."""
import pytest
from django.contrib.auth.models import AnonymousUser

from search.service import Filters, search

from .conftest import found

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()


def block_with(article, words):
    return next(b for b in article.current_revision.blocks.all() if words in b.text)


def test_a_paragraph_is_found_with_a_link_to_its_number(nikkei):
    block = block_with(nikkei, "nationalization of the Senkaku Islands")
    hits = search(ANONYMOUS, "nationalization Senkaku").hits
    hit = next(h for h in hits if h.document.object_id == block.pk)
    assert hit.document.url == f"{nikkei.get_absolute_url()}#p{block.number}"
    assert hit.document.block_number == block.number


def test_the_snippet_marks_the_words_found(kishida):
    hit = search(ANONYMOUS, "seafood").hits[0]
    assert "<mark>seafood</mark>" in hit.snippet.lower()


def test_the_snippet_is_escaped_except_for_the_marks(kishida):
    snippets = [str(h.snippet) for h in search(ANONYMOUS, "Tokyo").hits]
    text = " ".join(snippets)
    assert "<mark>" in text
    assert "<" not in text.replace("<mark>", "").replace("</mark>", "")


def test_a_phrase_is_found_only_with_its_words_in_order(asianews, kishida):
    in_order = found(ANONYMOUS, '"East China Sea"')
    assert in_order
    assert not found(ANONYMOUS, '"Sea China East"')


def test_a_prefix_finds_every_word_it_starts(kishida, nikkei):
    by_prefix = found(ANONYMOUS, "seaf*")
    assert by_prefix and by_prefix == found(ANONYMOUS, "seafood")


def test_stemming_finds_other_forms_of_a_word(kishida):
    assert found(ANONYMOUS, "restriction") & found(ANONYMOUS, "restrictions")


def test_every_word_must_be_found(kishida, nikkei):
    assert not found(ANONYMOUS, "seafood zyzzyva")


def test_a_source_footnote_is_found_with_a_link_to_the_note(asianews):
    hits = search(ANONYMOUS, "Chunxiao").hits
    note = next(h.document for h in hits if h.document.label == "Note 1")
    assert note.url == f"{asianews.get_absolute_url()}#note-1"
    assert note.block_number is None


def test_headings_captions_and_paragraphs_are_all_found(kishida):
    caption = block_with(kishida, "shake hands during the APEC summit")
    assert ("paragraph", caption.pk) in found(ANONYMOUS, '"shake hands"')


def test_only_the_current_revision_is_indexed(edition):
    from search.models import SearchDocument

    for article in edition.values():
        blocks = article.current_revision.blocks.count() + article.current_revision.footnotes.count()
        assert SearchDocument.objects.filter(article=article, kind="paragraph").count() == blocks


def test_results_are_paged_by_twenty(edition):
    first = search(ANONYMOUS, "Japan")
    assert first.total > 20 and len(first.hits) == 20 and first.pages > 1
    second = search(ANONYMOUS, "Japan", Filters(), page=2)
    assert not {h.document.pk for h in first.hits} & {h.document.pk for h in second.hits}


def test_a_page_past_the_end_shows_the_last_page(edition):
    results = search(ANONYMOUS, "seafood", Filters(), page=999)
    assert results.page == results.pages and results.hits
