"""Parsing the reader's query (pure: no database)."""
import pytest

from search.query import All, Any, Name, NameIndex, QueryError, Unit, build, flatten, parse


def test_words_are_units_casefolded():
    assert parse("Chunxiao Agreement") == [Unit(("chunxiao",), False, ("Chunxiao",)),
                                           Unit(("agreement",), False, ("Agreement",))]


def test_a_quoted_phrase_is_one_unit():
    assert [u.tokens for u in parse('"East China Sea" talks')] == [("east", "china", "sea"), ("talks",)]


def test_typographic_quotes_make_a_phrase_too():
    assert [u.tokens for u in parse("“East China Sea”")] == [("east", "china", "sea")]


def test_an_unclosed_quote_runs_to_the_end():
    assert [u.tokens for u in parse('talks "East China')] == [("talks",), ("east", "china")]


def test_a_trailing_star_makes_a_prefix():
    assert parse("tarif*") == [Unit(("tarif",), True, ("tarif",))]


def test_a_hyphenated_word_is_a_phrase_of_its_parts():
    assert [u.tokens for u in parse("Sino-Japanese")] == [("sino", "japanese")]


def test_operators_and_punctuation_are_only_words_or_nothing():
    assert [u.tokens for u in parse('NEAR( x:y ^c -w (e) NOT *')] == [
        ("near",), ("x", "y"), ("c",), ("w",), ("e",)]


def test_cjk_text_is_kept():
    assert [u.tokens for u in parse("尖閣諸島")] == [("尖閣諸島",)]


def test_repeated_units_count_once():
    assert len(parse("china China CHINA")) == 1


@pytest.mark.parametrize("text", ["", "   ", None])
def test_an_empty_query_asks_for_words(text):
    with pytest.raises(QueryError, match="Type a word"):
        parse(text)


@pytest.mark.parametrize("text", ['"', "(", "*", "-", ":", "^", "((()))", "🙂"])
def test_a_query_of_punctuation_only_says_there_are_no_words(text):
    with pytest.raises(QueryError, match="no words"):
        parse(text)


def test_a_very_long_query_is_refused_with_its_length():
    with pytest.raises(QueryError, match="too long .600 characters"):
        parse("a" * 600)


def test_too_many_words_are_refused():
    with pytest.raises(QueryError, match="too many words"):
        parse(" ".join(f"w{i}" for i in range(40)))


NAMES = NameIndex([Name(1, "Senkaku Islands"), Name(1, "Diaoyu"), Name(1, "Diaoyu Islands"),
                   Name(2, "US", case_sensitive=True), Name(2, "United States")])


def test_a_word_naming_an_entry_stands_for_all_its_names():
    query = build("Diaoyu", NAMES)
    assert isinstance(query.expression, Any)
    assert {u.tokens for u in flatten(query.expression)} == {("diaoyu",), ("senkaku", "islands")}


def test_a_name_containing_a_shorter_one_adds_nothing_and_is_left_out():
    names = NameIndex([Name(1, "Senkaku"), Name(1, "Senkaku Islands"), Name(1, "Diaoyu Islands")])
    assert {u.tokens for u in flatten(build("Senkaku", names).expression)} == {
        ("senkaku",), ("diaoyu", "islands")}


def test_a_whole_query_naming_an_entry_also_finds_its_other_names():
    query = build("Diaoyu Islands", NAMES)
    assert isinstance(query.expression, Any)
    assert isinstance(query.expression.parts[0], All)
    assert ("senkaku", "islands") in {u.tokens for u in flatten(query.expression)}


def test_a_case_sensitive_alias_needs_its_case():
    assert build("US", NAMES).expression != Unit(("us",), False, ("US",))
    assert build("us", NAMES).expression == Unit(("us",), False, ("us",))


def test_a_prefix_never_names_an_entry():
    assert build("Diaoyu*", NAMES).expression == Unit(("diaoyu",), True, ("Diaoyu",))


def test_a_prefix_needs_three_letters():
    with pytest.raises(QueryError, match="give at least 3 letters"):
        parse("ta*")
    assert parse("tar*")[0].prefix


def test_common_words_at_the_ends_of_a_phrase_are_left_out():
    assert [u.tokens for u in parse('"of the Korean" Peninsula')] == [("korean",), ("peninsula",)]
    assert [u.tokens for u in parse('"Treaty of Peace"')] == [("treaty", "of", "peace")]


def test_common_words_alone_are_left_out():
    assert [u.tokens for u in parse("the tariffs of")] == [("tariffs",)]


def test_a_query_of_common_words_only_gets_a_message():
    with pytest.raises(QueryError, match="nearly every passage"):
        parse("the of and")
