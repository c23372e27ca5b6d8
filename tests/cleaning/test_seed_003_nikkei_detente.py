"""Seed 003, Nikkei Asian Review: China inching toward detente with Japan (December 2016).

No kicker (a blank line separates the sprite line from the title). Keep: title, standfirst,
the lead caption, the BEIJING dateline, 30 paragraphs, the "Mixed signals" heading, and the
uncredited in-body caption the manifest marks. Drop: sprite line, sponsored content, paywall.
"""
from datetime import date

from tests.cleaning.support import chrome_in_blocks, clean_seed, texts

FIRST = (
    "China is sending subtle signals that it wants to mend strained ties with Japan, as demonstrated "
    "recently by two Communist Party leaders close to President Xi Jinping indicating a willingness to "
    "expand exchanges between the two countries."
)
LAST = (
    "The outlook for the historically prickly relationship is far from clear. But it looks unlikely to "
    "return to the diplomatic storm that followed Japan's nationalization of the Senkaku Islands in 2012, "
    "which triggered waves of sometimes violent anti-Japanese protests in China."
)
STUDENTS_CAPTION = (
    "Chinese students who took part in a program to visit Japan speak about their experiences at a forum."
)


def article():
    return clean_seed("003")


def test_it_finds_no_kicker_when_a_blank_line_follows_the_sprite_line():
    assert article().kicker is None


def test_it_reads_title_and_standfirst():
    a = article()
    assert (a.title, a.subtitle) == (
        "China inching toward detente with Japan",
        "Thaw may be on the horizon as party officials hint at improved ties",
    )


def test_it_takes_the_dateline_out_of_the_first_paragraph():
    a = article()
    assert (a.dateline, texts(a, "paragraph")[0]) == ("BEIJING", FIRST)


def test_it_keeps_the_last_paragraph_exactly():
    assert texts(article(), "paragraph")[-1] == LAST


def test_it_keeps_thirty_paragraphs():
    assert len(texts(article(), "paragraph")) == 30


def test_it_keeps_the_section_heading():
    assert texts(article(), "heading") == ["Mixed signals"]


def test_it_keeps_the_lead_caption_and_the_manifest_caption_once_each():
    assert texts(article(), "caption") == [
        "Chen Min'er, left, party chief of Guizhou Province, talks with a Japanese government official at a "
        "recent event in Beijing.",
        STUDENTS_CAPTION,
    ]


def test_without_the_manifest_the_uncredited_caption_reads_as_a_paragraph():
    assert STUDENTS_CAPTION in texts(clean_seed("003", with_manifest=False), "paragraph")


def test_it_collapses_trailing_and_inner_nbsp():
    assert not any("\xa0" in text or "  " in text or text != text.strip() for text in texts(article()))


def test_it_takes_the_date_from_the_manifest():
    assert article().published == date(2016, 12, 27)


def test_no_chrome_survives():
    assert chrome_in_blocks(article()) == []
