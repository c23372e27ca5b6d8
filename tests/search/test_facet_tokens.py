"""Filter tokens and date ranges as tokens (pure: no database)."""
from datetime import date

from search.facets import MARK, date_range_tokens, document_tokens, publication_token, tag_token


def marked(*tokens):
    return [MARK + token for token in tokens]


def test_a_whole_year_is_one_token():
    assert date_range_tokens(date(2018, 1, 1), date(2018, 12, 31)) == marked("y2018")


def test_whole_months_and_loose_days_cover_a_range_exactly():
    assert date_range_tokens(date(2017, 11, 30), date(2019, 2, 2)) == marked(
        "d20171130", "m201712", "y2018", "m201901", "d20190201", "d20190202")


def test_a_single_day_is_a_day_token():
    assert date_range_tokens(date(2020, 2, 29), date(2020, 2, 29)) == marked("d20200229")


def test_an_empty_range_has_no_tokens():
    assert date_range_tokens(date(2020, 3, 1), date(2020, 2, 1)) == []


def test_free_text_is_hashed_into_letters_and_digits_after_the_mark():
    for token in (publication_token("The Japan Times"), tag_token("élan vital: (2)")):
        assert token[0] == MARK and token[1:].isalnum() and token[1:].isascii()


def test_the_readers_words_never_make_a_filter_token():
    from search.query import parse

    assert [u.tokens for u in parse(f"{MARK}kparagraph")] == [("kparagraph",)]


def test_a_document_carries_a_token_for_each_thing_it_can_be_filtered_by():
    tokens = document_tokens("annotation", 7, "AsiaNews", date(2018, 8, 6), ["rhetoric"], 3, "class").split()
    assert tokens == [*marked("kannotation", "a7"), publication_token("AsiaNews"),
                      *marked("y2018", "m201808", "d20180806"), tag_token("rhetoric"), *marked("u3", "vclass")]
