"""Datelines, footnote anchors and citations on small, hand-made blocks."""
from edition.cleaning.apparatus import anchor_notes, find_citations, split_dateline, take_dateline
from edition.cleaning.generic import DATELINES
from edition.cleaning.model import CleanBlock
from edition.cleaning.profiles import ASIANEWS


def test_it_splits_a_capitalised_dateline_with_a_double_hyphen():
    assert split_dateline("TOKYO -- In resuming talks.", DATELINES) == ("TOKYO", "In resuming talks.")


def test_it_splits_the_asianews_dateline_with_an_en_dash():
    assert split_dateline("Hong Kong (AsiaNews) – A recent thaw.", ASIANEWS.datelines) == ("Hong Kong", "A recent thaw.")


def test_an_opening_word_with_a_dash_is_not_a_dateline():
    assert split_dateline("Meanwhile -- the talks went on.", DATELINES) is None


def test_a_single_hyphen_after_capitals_is_not_a_dateline():
    assert split_dateline("US - China talks resumed on Monday.", DATELINES) is None


def test_only_the_first_paragraph_loses_its_dateline():
    blocks = [CleanBlock("caption", "A photo."), CleanBlock("paragraph", "First."), CleanBlock("paragraph", "SEOUL -- Quoted.")]
    assert take_dateline(blocks, DATELINES) == (None, blocks)


def test_it_removes_a_marker_and_records_its_offset():
    blocks, anchors = anchor_notes([CleanBlock("paragraph", "Opposed in China.[1] Next.")], {"1"})
    assert (blocks[0].text, anchors[0].offset) == ("Opposed in China. Next.", len("Opposed in China."))


def test_it_removes_the_space_before_a_spaced_marker():
    blocks, anchors = anchor_notes([CleanBlock("paragraph", "A claim [2]. More.")], {"2"})
    assert (blocks[0].text, anchors[0].offset) == ("A claim. More.", len("A claim"))


def test_a_marker_without_a_footnote_stays_in_the_text():
    blocks, anchors = anchor_notes([CleanBlock("paragraph", "A claim.[3]")], {"1"})
    assert (blocks[0].text, anchors) == ("A claim.[3]", [])


def test_a_bracketed_gloss_is_not_a_marker():
    blocks, _ = anchor_notes([CleanBlock("paragraph", "the nation’s [collective] memory")], {"1"})
    assert blocks[0].text == "the nation’s [collective] memory"


def test_it_finds_a_citation_with_block_local_offsets():
    (citation,) = find_citations([CleanBlock("paragraph", "x"), CleanBlock("paragraph", "Talks (Xinhua, May 4).")])
    assert (citation.block, citation.start, citation.end) == (1, 6, 21)


def test_a_citation_may_list_several_sources_with_glosses():
    text = "(Apple Daily [Hong Kong], April 23; Xinhuaapp.com, April 4)"
    assert [c.text for c in find_citations([CleanBlock("paragraph", f"Policy {text}.")])] == [text]


def test_an_aside_with_a_comma_is_not_a_citation():
    text = "Fukuda (the son of former prime minister Takeo Fukuda, who signed the Treaty) agreed."
    assert find_citations([CleanBlock("paragraph", text)]) == []
