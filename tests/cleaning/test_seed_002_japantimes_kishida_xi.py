"""Seed 002, The Japan Times: Kishida and Xi meet at APEC in San Francisco (November 2023).

The dump has no headline (the manifest supplies it) and prints each photo caption twice, the
second time with its " | POOL / VIA KYODO" credit. Keep: 35 paragraphs, each caption once with
its credit, the attribution. Drop: the first copy of each caption and the "NNPC Advert" slug.
"""
from datetime import date

from tests.cleaning.support import chrome_in_blocks, clean_seed, texts

FIRST = (
    "In their first meeting in a year, Prime Minister Fumio Kishida and Chinese President Xi Jinping on "
    "Thursday reaffirmed their commitment to “a mutually beneficial relationship” between Japan and China, "
    "despite a spate of deep rifts on issues such as national security and the economy."
)
LAST = (
    "“Japan and China won’t become friends again overnight, as they have too much strategic baggage,” said "
    "the RANE analyst. But there is precedent for Tokyo “holding its nose to maintain and even improve "
    "economic ties with China, even as it deepens security partnerships to counterbalance against China’s "
    "growing military might.”"
)


def article():
    return clean_seed("002")


def test_it_uses_the_japantimes_profile():
    assert article().profile == "japantimes"


def test_it_takes_the_title_from_the_manifest():
    assert article().title == "Kishida and Xi reaffirm 'mutually beneficial' ties in first talks in a year"


def test_without_a_manifest_it_says_the_page_is_untitled():
    assert clean_seed("002", with_manifest=False).title == "Untitled (002_eafb6a902547a699.txt)"


def test_it_keeps_the_first_paragraph_exactly():
    assert texts(article(), "paragraph")[0] == FIRST


def test_it_keeps_the_last_paragraph_exactly():
    assert texts(article(), "paragraph")[-1] == LAST


def test_it_keeps_thirty_five_paragraphs():
    assert len(texts(article(), "paragraph")) == 35


def test_it_keeps_each_caption_once_with_its_credit():
    assert texts(article(), "caption") == [
        "Kishida and Xi shake hands during the APEC summit in San Francisco on Thursday. | POOL / VIA KYODO",
        "Kishida and Xi hold a meeting during the APEC summit in San Francisco on Thursday. | POOL / VIA KYODO",
    ]


def test_it_reports_the_uncredited_copies_as_duplicate_captions():
    duplicates = [d.text for d in article().dropped if d.reason == "japantimes: duplicate caption"]
    assert duplicates == [
        "Kishida and Xi shake hands during the APEC summit in San Francisco on Thursday.",
        "Kishida and Xi hold a meeting during the APEC summit in San Francisco on Thursday.",
    ]


def test_it_drops_the_advert_slug():
    assert ("NNPC Advert", "japantimes: advert slug") in [(d.text, d.reason) for d in article().dropped]


def test_it_keeps_the_attribution_as_metadata():
    a = article()
    assert (a.attribution, a.publication) == ("culled from Japan Times", "The Japan Times")


def test_the_attribution_is_not_a_block():
    assert not any("culled from" in text for text in texts(article()))


def test_it_has_no_dateline():
    assert article().dateline is None


def test_it_takes_the_date_from_the_manifest():
    assert article().published == date(2023, 11, 17)


def test_no_chrome_survives():
    assert chrome_in_blocks(article()) == []
