"""Anchoring selectors to spans of the canonical text (DESIGN §5): a contract."""
import random
from pathlib import Path

import pytest

from annotations.anchoring import (
    MIN_SIMILARITY,
    PREFIX_SUFFIX_LENGTH,
    Anchor,
    TextPosition,
    TextQuote,
    anchor,
    make_quote,
)

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "004_343d48f420dd351e.txt").read_text("utf-8")
_PARAGRAPHS = SEED.split("\n\n")


def paragraph(opening: str) -> str:
    return next(p for p in _PARAGRAPHS if p.startswith(opening))


RAPPROCHEMENT = paragraph("Hong Kong (AsiaNews)")
LI_VISIT = paragraph("During Premier Li Keqiang")
GAUGE = paragraph("A good gauge")
KOREA = paragraph("The Xi administration also wants")
# The canonical text of a small article: body paragraphs joined by a blank line (DESIGN §3).
ARTICLE = "\n\n".join([RAPPROCHEMENT, LI_VISIT, GAUGE, KOREA])

SENTENCE = "It was Li’s first-ever visit to Japan as Chinese premier."
TREATY = "Treaty of Peace and Friendship"  # in LI_VISIT once, in GAUGE once
SEA = "East China Sea a sea of peace, cooperation and friendship"  # in LI_VISIT and GAUGE


def span_of(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def quote_at(text: str, needle: str, occurrence: int = 0) -> TextQuote:
    return make_quote(text, *span_of(text, needle, occurrence))


def anchored_text(text: str, found: Anchor | None) -> str | None:
    return None if found is None else text[found.start:found.end]


# --- the position selector -----------------------------------------------------------------

def test_position_is_used_when_the_quote_is_there():
    start, end = span_of(ARTICLE, SENTENCE)
    found = anchor(ARTICLE, TextQuote(SENTENCE), TextPosition(start, end))
    assert found == Anchor(start, end, True)


def test_position_wins_over_an_earlier_identical_occurrence():
    start, end = span_of(ARTICLE, TREATY, occurrence=1)
    found = anchor(ARTICLE, TextQuote(TREATY), TextPosition(start, end))
    assert found == Anchor(start, end, True)


def test_stale_position_on_the_same_words_yields_to_the_occurrence_with_matching_context():
    first, second = span_of(ARTICLE, TREATY, 0), span_of(ARTICLE, TREATY, 1)
    assert anchor(ARTICLE, make_quote(ARTICLE, *second), TextPosition(*first)) == Anchor(*second, True)


def test_verified_position_wins_when_no_occurrence_matches_the_whole_context():
    first, second = span_of(ARTICLE, TREATY, 0), span_of(ARTICLE, TREATY, 1)
    quote = make_quote(ARTICLE, *second)
    text = ARTICLE.replace(quote.prefix + TREATY, "the 30th anniversary of the " + TREATY)
    first_in_text = span_of(text, TREATY, 0)
    assert anchor(text, quote, TextPosition(*first_in_text)) == Anchor(*first_in_text, True)


def test_stale_position_falls_back_to_search():
    start, end = span_of(ARTICLE, SENTENCE)
    found = anchor(ARTICLE, make_quote(ARTICLE, start, end), TextPosition(start - 40, end - 40))
    assert found == Anchor(start, end, True)


def test_position_past_the_end_of_the_text_falls_back_to_search():
    start, end = span_of(ARTICLE, SENTENCE)
    found = anchor(ARTICLE, TextQuote(SENTENCE), TextPosition(len(ARTICLE) + 5, len(ARTICLE) + 63))
    assert found == Anchor(start, end, True)


def test_negative_position_falls_back_to_search():
    start, end = span_of(ARTICLE, SENTENCE)
    found = anchor(ARTICLE, TextQuote(SENTENCE), TextPosition(-len(SENTENCE), 0))
    assert found == Anchor(start, end, True)


def test_quote_without_position_is_found_by_search():
    start, end = span_of(ARTICLE, SENTENCE)
    assert anchor(ARTICLE, TextQuote(SENTENCE)) == Anchor(start, end, True)


# --- repeated quotes -----------------------------------------------------------------------

def test_repeated_quote_is_told_apart_by_its_prefix():
    start, end = span_of(ARTICLE, SEA, occurrence=1)
    quote = TextQuote(SEA, prefix=ARTICLE[start - PREFIX_SUFFIX_LENGTH:start])
    assert anchor(ARTICLE, quote) == Anchor(start, end, True)


def test_repeated_quote_is_told_apart_by_its_suffix():
    start, end = span_of(ARTICLE, TREATY, occurrence=1)
    quote = TextQuote(TREATY, suffix=ARTICLE[end:end + PREFIX_SUFFIX_LENGTH])
    assert anchor(ARTICLE, quote) == Anchor(start, end, True)


def test_context_outweighs_a_misleading_position_hint():
    first, second = span_of(ARTICLE, TREATY, 0), span_of(ARTICLE, TREATY, 1)
    quote = make_quote(ARTICLE, *second)
    hint = TextPosition(first[0] + 3, first[1] + 3)
    assert anchor(ARTICLE, quote, hint) == Anchor(*second, True)


def test_repeated_quote_with_equal_contexts_is_told_apart_by_the_position_hint():
    text = "\n\n".join([LI_VISIT] * 3)
    start, end = span_of(text, SENTENCE, occurrence=1)
    quote = make_quote(text, start, end)
    found = anchor(text, quote, TextPosition(start + 25, end + 25))
    assert found == Anchor(start, end, True)


def test_repeated_quote_with_equal_contexts_and_no_hint_takes_the_first():
    text = "\n\n".join([LI_VISIT] * 3)
    start, end = span_of(text, SENTENCE, occurrence=1)
    assert anchor(text, make_quote(text, start, end)) == Anchor(*span_of(text, SENTENCE), True)


def test_repeated_edited_quote_is_told_apart_by_its_context():
    start, end = span_of(ARTICLE, SEA, occurrence=1)
    quote = make_quote(ARTICLE, start, end)
    edited = ARTICLE.replace("cooperation and friendship", "co-operation and friendship")
    new_start = span_of(edited, "East China Sea a sea of peace", occurrence=1)[0]
    found = anchor(edited, quote)
    assert found is not None and not found.exact
    assert (found.start, found.end) == (new_start, new_start + len(SEA) + 1)


# --- the text changes around the quote -----------------------------------------------------

def test_text_inserted_before_the_quote_moves_the_anchor():
    start, end = span_of(ARTICLE, SENTENCE)
    quote, position = make_quote(ARTICLE, start, end), TextPosition(start, end)
    inserted = "Editor’s note: this paragraph was updated on June 8.\n\n"
    text = inserted + ARTICLE
    assert anchor(text, quote, position) == Anchor(start + len(inserted), end + len(inserted), True)


def test_text_removed_before_the_quote_moves_the_anchor():
    start, end = span_of(ARTICLE, SENTENCE)
    quote, position = make_quote(ARTICLE, start, end), TextPosition(start, end)
    text = ARTICLE.replace(RAPPROCHEMENT + "\n\n", "")
    shift = len(RAPPROCHEMENT) + 2
    assert anchor(text, quote, position) == Anchor(start - shift, end - shift, True)


def test_quote_is_found_when_its_context_changed():
    start, end = span_of(ARTICLE, SENTENCE)
    quote = make_quote(ARTICLE, start, end)
    text = ARTICLE.replace("counterpart Shinzo Abe.", "Prime Minister Shinzo Abe.")
    assert anchor(text, quote) == Anchor(*span_of(text, SENTENCE), True)


# --- the quote itself is edited -----------------------------------------------------------

def test_a_changed_word_in_the_quote_anchors_approximately():
    quote = quote_at(ARTICLE, SENTENCE)
    edited = SENTENCE.replace("first-ever", "first")
    text = ARTICLE.replace(SENTENCE, edited)
    found = anchor(text, quote)
    assert found == Anchor(*span_of(text, edited), False)


def test_a_letter_typo_in_the_quote_anchors_approximately():
    quote = quote_at(ARTICLE, SENTENCE)
    edited = SENTENCE.replace("premier", "premeir")
    text = ARTICLE.replace(SENTENCE, edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


def test_a_word_inserted_into_the_quote_anchors_approximately():
    quote = quote_at(ARTICLE, SENTENCE)
    edited = SENTENCE.replace("visit to Japan", "official visit to Japan")
    text = ARTICLE.replace(SENTENCE, edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


def test_a_word_removed_from_the_quote_anchors_approximately():
    quote = quote_at(ARTICLE, SENTENCE)
    edited = SENTENCE.replace(" as Chinese premier", " as premier")
    text = ARTICLE.replace(SENTENCE, edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


def test_an_edited_quote_near_a_stale_position_anchors_approximately():
    start, end = span_of(ARTICLE, SENTENCE)
    quote = make_quote(ARTICLE, start, end)
    edited = SENTENCE.replace("Chinese", "China’s")
    text = "Updated.\n\n" + ARTICLE.replace(SENTENCE, edited)
    assert anchor(text, quote, TextPosition(start, end)) == Anchor(*span_of(text, edited), False)


def test_a_changed_first_character_stays_inside_the_span():
    quote = quote_at(ARTICLE, SENTENCE)
    edited = "i" + SENTENCE[1:]
    text = ARTICLE.replace("Shinzo Abe. " + SENTENCE, "Shinzo Abe; " + edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


def test_a_changed_last_character_stays_inside_the_span():
    quote = quote_at(ARTICLE, SENTENCE)
    edited = SENTENCE[:-1] + ";"
    text = ARTICLE.replace(SENTENCE, edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


def test_a_long_quote_with_a_changed_word_anchors_approximately():
    long_quote = GAUGE[:400]
    quote = quote_at(ARTICLE, long_quote)
    edited = long_quote.replace("amelioration", "improvement")
    assert edited != long_quote
    text = ARTICLE.replace(long_quote, edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


def test_a_long_quote_edited_at_both_ends_anchors_approximately():
    long_quote = KOREA[:KOREA.index("DPRK denuclearization.") + len("DPRK denuclearization.")]
    assert len(long_quote) > 200 and long_quote.startswith("The Xi administration")
    quote = quote_at(ARTICLE, long_quote)
    edited = "The Xi government" + long_quote[len("The Xi administration"):-len("DPRK denuclearization.")] \
        + "DPRK’s denuclearisation."
    text = ARTICLE.replace(long_quote, edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


def test_a_long_quote_with_a_sentence_inserted_anchors_approximately():
    long_quote = RAPPROCHEMENT[:320]
    quote = quote_at(ARTICLE, long_quote)
    edited = long_quote.replace("possible. ", "possible. Few saw it coming. ")
    text = ARTICLE.replace(long_quote, edited)
    assert anchor(text, quote) == Anchor(*span_of(text, edited), False)


# --- typography and whitespace -------------------------------------------------------------

def test_straight_quotes_anchor_to_curly_quotes_in_the_text():
    curly = "“maritime and air liaison mechanism…"
    found = anchor(ARTICLE, TextQuote('"maritime and air liaison mechanism...'))
    assert found == Anchor(*span_of(ARTICLE, curly), False)


def test_curly_quotes_anchor_to_straight_quotes_in_the_text():
    text = ARTICLE.replace(SENTENCE, SENTENCE.replace("’", "'"))
    found = anchor(text, TextQuote(SENTENCE))
    assert found == Anchor(*span_of(text, SENTENCE.replace("’", "'")), False)


def test_a_hyphen_anchors_to_an_em_dash():
    dashed = "dramas—which emphasize"
    found = anchor(SEED, TextQuote("dramas-which emphasize"))
    assert found == Anchor(*span_of(SEED, dashed), False)


def test_an_en_dash_with_spaces_anchors_to_a_spaced_hyphen():
    text = "Hong Kong (AsiaNews) - A recent, unexpected rapprochement"
    assert anchor(text, TextQuote("(AsiaNews) – A recent")) == Anchor(10, 31, False)


def test_changed_whitespace_and_newlines_anchor_to_the_original_span():
    wrapped = "Chinese submarines,\n  naval vessels,   jet-fighters\tand drones"
    text = SEED.replace("Chinese submarines, naval vessels, jet-fighters and drones", wrapped)
    found = anchor(text, TextQuote("Chinese submarines, naval vessels, jet-fighters and drones"))
    assert found == Anchor(*span_of(text, wrapped), False)


def test_a_quote_across_a_paragraph_break_anchors_despite_collapsed_whitespace():
    start = ARTICLE.index("Korean Peninsula.\n\nDuring")
    quote = TextQuote("Korean Peninsula. During Premier")
    assert anchor(ARTICLE, quote) == Anchor(start, start + len("Korean Peninsula.\n\nDuring Premier"), False)


def test_a_non_breaking_space_anchors_to_a_plain_space():
    text = ARTICLE.replace("Shinzo Abe", "Shinzo\u00a0Abe")
    assert anchor(text, TextQuote("counterpart Shinzo Abe")) == Anchor(*span_of(text, "counterpart Shinzo\u00a0Abe"), False)


def test_a_soft_hyphen_in_the_text_is_ignored():
    text = ARTICLE.replace("rapprochement between", "rap\u00adproche\u00adment between")
    found = anchor(text, TextQuote("unexpected rapprochement between"))
    assert found == Anchor(*span_of(text, "unexpected rap\u00adproche\u00adment between"), False)


# --- orphans -------------------------------------------------------------------------------

def test_deleted_quote_is_orphaned():
    quote = quote_at(ARTICLE, SENTENCE)
    assert anchor(ARTICLE.replace(SENTENCE + " ", ""), quote) is None


def test_heavily_rewritten_quote_is_orphaned():
    quote = quote_at(ARTICLE, SENTENCE)
    text = ARTICLE.replace(SENTENCE, "Never before had a premier from Beijing toured the country.")
    assert anchor(text, quote) is None


def test_deleted_short_quote_is_orphaned():
    text = ARTICLE.replace("Shinzo Abe", "the Japanese leader")
    assert anchor(text, TextQuote("Shinzo Abe")) is None


def test_short_quote_edited_past_the_threshold_is_orphaned_not_moved_to_a_similar_phrase():
    start, end = span_of(SEED, "the Kim administration")
    quote = make_quote(SEED, start, end)
    text = SEED.replace("the Kim administration will", "Pyongyang will")
    assert "The Xi administration" in text  # as similar to the quote as 1 - 4/22, but elsewhere
    assert anchor(text, quote, TextPosition(start, end)) is None


def test_approximate_match_needs_some_of_its_stored_context():
    text = "Xi met Abe in Tokyo. Later, Li met Abe at Osaka."
    quote = TextQuote("Li met Abe in Osaka", prefix="In 2019, ", suffix=" for talks.")
    assert anchor(text, quote) is None
    assert anchor(text, TextQuote(quote.exact, prefix="Later, ")) == Anchor(28, 47, False)


def test_empty_exact_is_orphaned():
    assert anchor(ARTICLE, TextQuote("", prefix="Hong", suffix="Kong"), TextPosition(0, 0)) is None


def test_empty_text_orphans_every_quote():
    assert anchor("", TextQuote("Xi"), TextPosition(0, 2)) is None


def test_quote_longer_than_the_text_is_orphaned():
    assert anchor("Li met Abe.", TextQuote(SENTENCE)) is None


def test_whitespace_only_quote_that_is_not_in_the_text_is_orphaned():
    assert anchor("Tokyo", TextQuote("\n\n")) is None


def test_similarity_threshold_is_documented_and_sensible():
    assert 0.5 < MIN_SIMILARITY < 1


# --- characters outside the BMP and combining marks -----------------------------------------

def test_emoji_before_the_quote_count_as_one_code_point():
    text = "👍🏽 " + ARTICLE
    start = text.index(SENTENCE)
    assert start == ARTICLE.index(SENTENCE) + 3
    assert anchor(text, TextQuote(SENTENCE)) == Anchor(start, start + len(SENTENCE), True)


def test_cjk_extension_b_inside_the_quote_counts_as_one_code_point():
    text = "吉野家 and 𠮷野家 are different shops; 𠮷野家 opened later."
    found = anchor(text, TextQuote("𠮷野家 opened", prefix="shops; "))
    start = len("吉野家 and 𠮷野家 are different shops; ")
    assert found == Anchor(start, start + len("𠮷野家 opened"), True) == Anchor(33, 43, True)
    assert text[found.start:found.end] == "𠮷野家 opened"


def test_approximate_match_after_astral_characters_has_code_point_offsets():
    text = "😀𠮷 " + ARTICLE.replace(SENTENCE, SENTENCE.replace("premier", "premeir"))
    found = anchor(text, TextQuote(SENTENCE))
    edited = SENTENCE.replace("premier", "premeir")
    assert found == Anchor(text.index(edited), text.index(edited) + len(edited), False)


def test_approximate_match_with_astral_characters_inside_the_quote():
    text = "Abe posted 🇯🇵🤝🇨🇳 on May 4, and Li replied 👍 the next day."
    found = anchor(text, TextQuote("posted 🇯🇵🤝🇨🇳 on May 9, and Li"))
    assert found == Anchor(4, 33, False)
    assert text[found.start:found.end] == "posted 🇯🇵🤝🇨🇳 on May 4, and Li"


def test_combining_characters_before_the_quote_count_as_code_points():
    text = "De\u0301tente " * 3 + "Tokyo and Beijing"
    assert anchor(text, TextQuote("Tokyo")) == Anchor(27, 32, True)


def test_precomposed_quote_anchors_to_decomposed_text():
    text = "A genuine Sino-Japanese de\u0301tente is in the offing."
    found = anchor(text, TextQuote("Sino-Japanese détente"))
    assert found == Anchor(10, 32, False)


def test_decomposed_quote_anchors_to_precomposed_text():
    found = anchor(GAUGE, TextQuote("Sino-Japanese de\u0301tente"))
    assert found == Anchor(*span_of(GAUGE, "Sino-Japanese détente"), False)


# --- text edges ---------------------------------------------------------------------------

def test_quote_at_the_start_of_the_text():
    assert anchor(ARTICLE, quote_at(ARTICLE, "Hong Kong")) == Anchor(0, 9, True)


def test_quote_at_the_end_of_the_text():
    end = len(ARTICLE)
    assert anchor(ARTICLE, make_quote(ARTICLE, end - 10, end)) == Anchor(end - 10, end, True)


def test_short_prefix_at_the_text_start_picks_the_occurrence_there():
    text = "Xi met Abe at the summit; then Li met Abe at the summit."
    quote = make_quote(text, 3, 10)
    assert quote.prefix == "Xi "
    assert anchor(text, quote) == Anchor(3, 10, True)


def test_short_suffix_at_the_text_end_prefers_the_occurrence_there():
    text = "Xi met Abe. Abe met Xi. Then Xi met Abe"
    quote = make_quote(text, len(text) - 10, len(text))
    assert quote.suffix == ""
    assert anchor(text, TextQuote(quote.exact, quote.prefix, quote.suffix)) == Anchor(29, 39, True)


def test_short_prefix_is_compared_with_the_characters_next_to_the_quote():
    text = "In Osaka: the summit. In Tokyo: the summit."
    assert anchor(text, TextQuote("the summit", prefix="Tokyo: ")) == Anchor(32, 42, True)


def test_quote_spanning_the_whole_text():
    assert anchor(SENTENCE, make_quote(SENTENCE, 0, len(SENTENCE))) == Anchor(0, len(SENTENCE), True)


def test_edited_quote_at_the_end_of_the_text():
    quote = make_quote(ARTICLE, len(ARTICLE) - 60, len(ARTICLE))
    text = ARTICLE[:-5] + "away."
    assert anchor(text, quote) == Anchor(len(ARTICLE) - 60, len(ARTICLE), False)


# --- make_quote ---------------------------------------------------------------------------

def test_make_quote_takes_32_characters_of_context_each_side():
    start, end = span_of(ARTICLE, SENTENCE)
    quote = make_quote(ARTICLE, start, end)
    assert quote == TextQuote(SENTENCE, ARTICLE[start - 32:start], ARTICLE[end:end + 32])
    assert len(quote.prefix) == len(quote.suffix) == PREFIX_SUFFIX_LENGTH == 32


def test_make_quote_context_is_shorter_at_the_text_edges():
    quote = make_quote("Xi met Abe", 3, 6)
    assert quote == TextQuote("met", "Xi ", " Abe")


def test_make_quote_context_length_is_configurable():
    assert make_quote("Xi met Abe", 3, 6, context=1) == TextQuote("met", " ", " ")


def test_make_quote_rejects_a_span_outside_the_text():
    with pytest.raises(ValueError):
        make_quote("Xi met Abe", 5, 11)


def test_make_quote_rejects_a_reversed_span():
    with pytest.raises(ValueError):
        make_quote("Xi met Abe", 6, 3)


# --- properties ---------------------------------------------------------------------------

def random_spans(text: str, count: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    spans = []
    for _ in range(count):
        start = rng.randrange(len(text))
        spans.append((start, min(len(text), start + rng.choice([1, 2, 5, 12, 40, 120, 300]))))
    return spans


def test_make_quote_then_anchor_returns_the_same_span():
    for start, end in random_spans(SEED, 400, seed=20180608):
        assert anchor(SEED, make_quote(SEED, start, end)) == Anchor(start, end, True), (start, end)


def test_make_quote_then_anchor_after_an_insertion_returns_the_shifted_span():
    text = "Correction appended.\n\n" + SEED
    shift = len("Correction appended.\n\n")
    for start, end in random_spans(SEED, 200, seed=7):
        found = anchor(text, make_quote(SEED, start, end), TextPosition(start, end))
        assert found == Anchor(start + shift, end + shift, True), (start, end)


def test_make_quote_then_anchor_after_a_typo_inside_long_quotes_returns_the_span():
    rng = random.Random(42)
    for _ in range(40):
        start = rng.randrange(len(ARTICLE) - 200)
        end = start + rng.randrange(80, 200)
        middle = (start + end) // 2
        text = ARTICLE[:middle] + "#" + ARTICLE[middle + 1:]
        found = anchor(text, make_quote(ARTICLE, start, end), TextPosition(start, end))
        assert found == Anchor(start, end, False), (start, end)
