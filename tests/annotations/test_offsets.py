"""UTF-16 (browser) <-> code-point (server) offsets."""
import pytest

from annotations.offsets import codepoint_to_utf16, utf16_to_codepoint

MIXED = "Xi 习近平 met 😀 Abe in 𠮷野家, cafe\u0301 👍🏽!"


def js_length(text: str) -> int:
    """What JavaScript's String.length reports."""
    return len(text.encode("utf-16-le")) // 2


def test_ascii_offsets_are_the_same_in_both_units():
    text = "Tokyo and Beijing"
    assert [codepoint_to_utf16(text, i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert [utf16_to_codepoint(text, i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_bmp_characters_take_one_code_unit_each():
    text = "Asia’s 中国 détente"
    assert codepoint_to_utf16(text, len(text)) == len(text)
    assert utf16_to_codepoint(text, len(text)) == len(text)


def test_an_emoji_before_the_offset_adds_one_code_unit():
    assert codepoint_to_utf16("😀 Abe", 2) == 3
    assert utf16_to_codepoint("😀 Abe", 3) == 2


def test_cjk_extension_b_character_takes_two_code_units():
    assert codepoint_to_utf16("𠮷野家", 1) == 2
    assert utf16_to_codepoint("𠮷野家", 2) == 1


def test_combining_characters_count_as_one_code_unit_each():
    text = "cafe\u0301 x"
    assert codepoint_to_utf16(text, 5) == 5
    assert utf16_to_codepoint(text, 5) == 5


def test_end_of_text_converts_to_javascript_length():
    assert codepoint_to_utf16(MIXED, len(MIXED)) == js_length(MIXED)
    assert utf16_to_codepoint(MIXED, js_length(MIXED)) == len(MIXED)


def test_every_code_point_offset_round_trips():
    for offset in range(len(MIXED) + 1):
        assert utf16_to_codepoint(MIXED, codepoint_to_utf16(MIXED, offset)) == offset


def test_utf16_offsets_agree_with_encoding_the_prefix():
    for offset in range(len(MIXED) + 1):
        assert codepoint_to_utf16(MIXED, offset) == js_length(MIXED[:offset])


def test_offset_inside_a_surrogate_pair_is_rejected():
    with pytest.raises(ValueError, match="surrogate"):
        utf16_to_codepoint("a😀b", 2)


def test_offset_inside_the_second_of_two_adjacent_surrogate_pairs_is_rejected():
    with pytest.raises(ValueError, match="surrogate"):
        utf16_to_codepoint("😀𠮷", 3)


def test_offset_between_two_adjacent_surrogate_pairs_is_accepted():
    assert utf16_to_codepoint("😀𠮷", 2) == 1


def test_negative_utf16_offset_is_rejected():
    with pytest.raises(ValueError):
        utf16_to_codepoint("abc", -1)


def test_negative_code_point_offset_is_rejected():
    with pytest.raises(ValueError):
        codepoint_to_utf16("abc", -1)


def test_utf16_offset_past_the_end_is_rejected():
    with pytest.raises(ValueError):
        utf16_to_codepoint("a😀", 4)


def test_code_point_offset_past_the_end_is_rejected():
    with pytest.raises(ValueError):
        codepoint_to_utf16("a😀", 3)


def test_empty_text_has_only_offset_zero():
    assert utf16_to_codepoint("", 0) == 0
    assert codepoint_to_utf16("", 0) == 0
    with pytest.raises(ValueError):
        utf16_to_codepoint("", 1)
