"""The compiled alias matcher: boundaries, longest match, variants, editor overrides."""
import time

import pytest

from edition.linking.aliases import Alias
from edition.linking.matcher import Mention, compile_matcher, find_mentions


def links(blocks, aliases, **kwargs):
    if isinstance(blocks, str):
        blocks = [blocks]
    return [(m.block, m.start, m.end, m.target_id, m.text)
            for m in find_mentions(blocks, compile_matcher(aliases), **kwargs)]


def targets(text, aliases):
    return [(m[4], m[3]) for m in links(text, aliases)]


ABE = Alias("Abe", "abe")
XI = Alias("Xi", "xi")
LI = Alias("Li", "li")


def test_it_links_an_alias_with_offsets():
    assert links("Then Abe spoke.", [ABE]) == [(0, 5, 8, "abe", "Abe")]


def test_it_numbers_blocks_from_zero():
    assert [m[0] for m in links(["no one", "Abe", "Abe and Abe"], [ABE])] == [1, 2, 2]


def test_it_uses_code_point_offsets():
    text = "Détente 😀 — Xi arrived"
    [(_, start, end, _, _)] = links(text, [XI])
    assert text[start:end] == "Xi"
    assert start == text.index("Xi")


def test_the_longest_alias_wins():
    aliases = [Alias("Diaoyu", "senkaku"), Alias("Diaoyu-Senkaku Islands", "senkaku"),
               Alias("Belt and Road", "bri"), Alias("Belt and Road Initiative", "bri")]
    found = targets("the Diaoyu-Senkaku Islands and the Belt and Road Initiative", aliases)
    assert found == [("Diaoyu-Senkaku Islands", "senkaku"), ("Belt and Road Initiative", "bri")]


def test_a_longer_alias_of_another_entry_wins():
    aliases = [Alias("East China Sea", "ecs"),
               Alias("Sino-Japanese Consensus on the East China Sea", "consensus")]
    assert targets("the 2008 Sino-Japanese Consensus on the East China Sea", aliases) == [
        ("Sino-Japanese Consensus on the East China Sea", "consensus")]


def test_it_backs_off_to_a_shorter_alias_when_the_longer_breaks_a_word():
    aliases = [Alias("Belt and Road", "bri"), Alias("Belt and Road Initiative", "bri")]
    assert targets("Belt and Road Initiatives-x", aliases) == [("Belt and Road", "bri")]


def test_the_longest_match_wins_across_case_options():
    aliases = [Alias("Chunxiao", "field-name"),
               Alias("Chunxiao gas field", "field", case_sensitive=False)]
    assert targets("the Chunxiao Gas Field", aliases) == [("Chunxiao Gas Field", "field")]


def test_it_respects_word_boundaries():
    assert targets("Liaoning, Abed, Xinhuaapp, Li2", [LI, ABE, Alias("Xinhua", "x")]) == []


@pytest.mark.parametrize("text, expected", [
    ("the Li-Abe quasi-summit", [("Li", "li"), ("Abe", "abe")]),
    ("before the Abe-Xi meeting", [("Abe", "abe"), ("Xi", "xi")]),
    ("Trump-style protectionism", [("Trump", "trump")]),
])
def test_a_hyphen_is_a_boundary(text, expected):
    assert targets(text, [LI, ABE, XI, Alias("Trump", "trump")]) == expected


@pytest.mark.parametrize("text", ["Xi's column", "Xi’s fears", "Xis", "Xi."])
def test_a_possessive_links_only_the_name(text):
    found = targets(text, [XI])
    assert found == ([] if text == "Xis" else [("Xi", "xi")])


def test_terms_match_their_plurals():
    eez = [Alias("EEZ", "eez", plural=True),
           Alias("exclusive economic zone", "eez", case_sensitive=False, plural=True),
           Alias("mid-point line", "median", plural=True), Alias("gas", "gas", plural=True)]
    assert targets("EEZs, Exclusive Economic Zones, mid-point lines, gases", eez) == [
        ("EEZs", "eez"), ("Exclusive Economic Zones", "eez"), ("mid-point lines", "median"),
        ("gases", "gas")]


def test_names_do_not_match_plurals():
    assert targets("the Abes", [ABE]) == []


def test_aliases_are_case_sensitive_by_default():
    assert targets("TOKYO -- In Tokyo", [Alias("Tokyo", "tokyo")]) == [("Tokyo", "tokyo")]


def test_a_case_insensitive_alias_matches_any_case():
    alias = Alias("high-level economic dialogue", "hled", case_sensitive=False)
    assert targets("a High-Level Economic Dialogue", [alias]) == [
        ("High-Level Economic Dialogue", "hled")]


def test_a_non_whole_word_alias_matches_inside_words():
    alias = Alias("Xinhua", "xinhua", whole_word=False)
    assert targets("Xinhuaapp.com", [alias]) == [("Xinhua", "xinhua")]


def test_straight_and_curly_apostrophes_match_each_other():
    aliases = [Alias("Chen Min'er", "chen"), Alias("People’s Daily", "pd")]
    assert targets("Chen Min’er read People's Daily", aliases) == [
        ("Chen Min’er", "chen"), ("People's Daily", "pd")]


def test_any_white_space_matches_a_space():
    alias = Alias("Sumitomo Corp.", "sumitomo")
    assert targets("at Sumitomo\u00a0Corp., and Sumitomo \n Corp.", [alias]) == [
        ("Sumitomo\u00a0Corp.", "sumitomo"), ("Sumitomo \n Corp.", "sumitomo")]


def test_regex_metacharacters_in_aliases_are_literal():
    aliases = [Alias("Sumitomo Corp.", "s"), Alias("C++", "cpp", whole_word=False),
               Alias("(CCP)", "ccp", whole_word=False)]
    assert targets("Sumitomo Corpx C++ (CCP)", aliases) == [("C++", "cpp"), ("(CCP)", "ccp")]


def test_mentions_never_overlap():
    aliases = [Alias("East China", "a"), Alias("China Sea", "b"), Alias("Sea", "c")]
    found = links("East China Sea", aliases)
    assert [(m[1], m[2]) for m in found] == [(0, 10), (11, 14)]


def test_an_empty_alias_list_matches_nothing():
    assert links("anything at all", []) == []


def test_suppress_drops_one_mention():
    found = links(["Abe met Abe."], [ABE], suppress={(0, 8)})
    assert found == [(0, 0, 3, "abe", "Abe")]


def test_extra_adds_a_mention_and_replaces_what_it_overlaps():
    extra = [Mention(0, 0, 12, "abe-government", "Abe governme")]
    found = links(["Abe government and Abe"], [ABE], extra=extra)
    assert found == [(0, 0, 12, "abe-government", "Abe governme"), (0, 19, 22, "abe", "Abe")]


def test_it_compiles_thousands_of_aliases_quickly():
    aliases = [Alias(f"Name{i} Surname{i % 97}", f"p{i}") for i in range(5000)]
    started = time.perf_counter()
    matcher = compile_matcher(aliases)
    assert time.perf_counter() - started < 5
    text = "Name4321 Surname{} met Name12 Surname12.".format(4321 % 97)
    assert [m.target_id for m in find_mentions([text], matcher)] == ["p4321", "p12"]


def test_an_empty_alias_is_ignored():
    assert links("Abe and", [Alias("", "nothing"), Alias(" ", "blank"), ABE]) == [
        (0, 0, 3, "abe", "Abe")]
