"""Words for the suggester: sentences, stems, key phrases."""
from edition.linking.suggest_text import key_phrases, sentences, stem, words


def split(text):
    return [text[a:b] for a, b in sentences(text)]


def test_sentences_split_at_full_stops():
    assert split("Abe went. Xi stayed! Did Li? Yes.") == ["Abe went.", "Xi stayed!", "Did Li?", "Yes."]


def test_abbreviations_do_not_end_a_sentence():
    text = "On Dec. 6, U.S. President Donald Trump spoke. Mr. Abe listened."
    assert split(text) == ["On Dec. 6, U.S. President Donald Trump spoke.", "Mr. Abe listened."]


def test_a_closing_quotation_mark_stays_with_its_sentence():
    assert split('He said "no." Then he left.') == ['He said "no."', "Then he left."]


def test_sentence_spans_are_verbatim_slices():
    text = "First one.  Second one."
    assert [text[a:b] for a, b in sentences(text)] == ["First one.", "Second one."]


def test_stems_fold_endings_and_spellings():
    assert stem("visited") == stem("visits") == stem("visit")
    assert stem("nationalisation") == stem("nationalization")
    assert stem("measures") == stem("measure")


def test_cue_words_fold_to_one_form():
    assert stem("trip") == stem("visit")
    assert stem("duties") == stem("tariffs")
    assert stem("talks") == stem("summit") == stem("meeting")


def test_words_drop_stop_words_and_the_editions_own_names():
    assert words("The Japanese and Chinese leaders met in Beijing") == ["summit", "beij"]


def test_us_means_the_united_states():
    assert words("a visit to the U.S. in April") == words("a visit to the United States in April")


def test_key_phrases_join_name_description_and_quotes_without_repeats():
    phrases = key_phrases("Hu Jintao's state visit to Japan", "Hu visited Tokyo.", ("Hu's landmark visit",))
    assert phrases == ("hu", "jintao", "stat", "visit", "tokyo", "landmark")
