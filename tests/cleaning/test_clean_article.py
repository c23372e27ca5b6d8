"""clean_article as a whole: purity of its input handling and its one error."""
import pytest

from edition.cleaning import CleaningError, clean_article
from edition.cleaning.model import BLOCK_TYPES


def test_it_refuses_a_page_that_is_all_chrome():
    with pytest.raises(CleaningError, match=r"no article body found in menu\.txt"):
        clean_article("Home | News | Sport | Opinion\nAccept all cookies\n© 2024 Example\n", "menu.txt")


def test_it_refuses_a_page_with_only_a_title():
    with pytest.raises(CleaningError, match="no article body found"):
        clean_article("Just a headline\n", "title.txt")


def test_it_accepts_crlf_and_a_bom_in_a_string():
    article = clean_article("\ufeffA title\r\n\r\nThe first paragraph of the article.\r\n", "s.txt")
    assert (article.title, [b.text for b in article.blocks]) == ("A title", ["The first paragraph of the article."])


def test_blocks_are_single_spaced():
    article = clean_article("A title\n\n  Two\u00a0\u00a0spaces \t and a tab.  \n", "s.txt")
    assert article.blocks[0].text == "Two spaces and a tab."


def test_every_block_has_a_known_type():
    article = clean_article("A title\n\nBody text here.\n\nA heading\n\nMore body text.\n", "s.txt")
    assert [b.type for b in article.blocks] == ["paragraph", "heading", "paragraph"]
    assert {b.type for b in article.blocks} <= set(BLOCK_TYPES)


def test_a_quote_marker_makes_a_quote_block():
    article = clean_article("A title\n\nBody text.\n\n> To be or not to be.\n", "s.txt")
    assert article.blocks[-1] == type(article.blocks[0])("quote", "To be or not to be.")


def test_the_canonical_text_joins_blocks_with_blank_lines():
    article = clean_article("A title\n\nOne paragraph here.\n\nAnother paragraph here.\n", "s.txt")
    assert article.canonical_text == "One paragraph here.\n\nAnother paragraph here."
