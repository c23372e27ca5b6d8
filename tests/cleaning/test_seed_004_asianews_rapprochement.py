"""Seed 004, AsiaNews (Jamestown Foundation's China Brief): Tokyo and Beijing try rapprochement.

Keep: the page date 06/08/2018 (day first), title, byline, the standfirst with its
"Courtesy of the Jamestown Foundation." note, the "Hong Kong" dateline, 11 paragraphs, the
footnote [1] with its anchor, the inline citations (in the text, and as spans). Drop: "Send
to a friend" (twice), "Printable version", the "See also" list, the subscribe prompts and the
Italian motto.
"""
from datetime import date

import pytest

from tests.cleaning.support import chrome_in_blocks, clean_seed, texts

FIRST = (
    "A recent, unexpected rapprochement between China and Japan has emerged more quickly than many "
    "observers thought possible. And unlike previous instances since the two countries recognized each other "
    "in 1972, the initiative this time seems to have come from the Chinese side. It must be noted, however, "
    "that links between Asia’s two richest countries are still far from the previous high point in relations "
    "reached during former president Hu Jintao’s landmark visit to Japan in 2008. Moreover, the major reasons "
    "behind the warming up of ties have to do with the deteriorating relationship between China and the US as "
    "well as dramatic developments in the Korean Peninsula."
)
LAST_ENDS = (
    "it remains to be seen whether the traditional symbiotic relationship between the two neighbors can be revived."
)
CITATIONS = [
    "(HKO1.com, May 4)",
    "(Xinhua, May 4)",
    "(NHK News, April 19; Asahi Shimbun, January 30)",
    "(Xinhua, May 2)",
    "(See China Brief, October 17, 2007)",
    "(Xinhua, May 8, 2008)",
    "(Apple Daily [Hong Kong], April 23; Xinhuaapp.com, April 4)",
    "(Hindustan Times, March 9; Reuters, March 9)",
    "(United Daily News [Taiwan], May 4)",
    "(South China Morning Post, April 29)",
    "(Korea Herald, April 27)",
    "(South China Morning Post, March 28; Japan Times, March 28)",
    "(Xinhua, May 8)",
    "(Lianhe Zaobao [SingaporeIi], May 8)",
    "(Japan Times, May 1; Stripes.com, March 15)",
    "(Apple Daily, May 11; People’s Daily, December 3, 2004)",
]


def article():
    return clean_seed("004")


def test_it_uses_the_asianews_profile_even_without_a_manifest():
    assert clean_seed("004", with_manifest=False).profile == "asianews"


def test_it_reads_the_page_date_day_first():
    assert clean_seed("004", with_manifest=False).published == date(2018, 8, 6)


def test_it_reads_title_and_byline():
    a = article()
    assert (a.title, a.byline) == ("Tokyo and Beijing: the two Asian giants try rapprochement", "Willy Wo-Lap Lam")


def test_it_keeps_the_jamestown_courtesy_in_the_standfirst():
    assert article().subtitle.endswith("China wants to be a superpower. Courtesy of the Jamestown Foundation.")


def test_it_takes_the_hong_kong_dateline_out_of_the_first_paragraph():
    a = article()
    assert (a.dateline, texts(a, "paragraph")[0]) == ("Hong Kong", FIRST)


def test_it_keeps_the_last_paragraph():
    assert texts(article(), "paragraph")[-1].endswith(LAST_ENDS)


def test_it_keeps_eleven_paragraphs_and_nothing_else():
    assert [block.type for block in article().blocks] == ["paragraph"] * 11


def test_it_keeps_the_footnote():
    (note,) = article().footnotes
    assert note.marker == "1"
    assert note.text.startswith("One reason why the Hu-Fukuda agreement has never come to fruition")
    assert note.text.endswith("Ocean Development and International Law, Vol. 42, 2011, Issue 1-2, pp. 53-65.")


def test_it_removes_the_footnote_marker_from_the_text():
    assert not any("[1]" in text for text in texts(article()))


def test_it_anchors_the_footnote_right_after_the_sentence_that_carried_it():
    a = article()
    (anchor,) = a.note_anchors
    text = a.blocks[anchor.block].text
    assert anchor.marker == "1"
    assert text[:anchor.offset].endswith("due to vehement opposition from anti-Japanese nationalists in China.")


def test_it_records_every_inline_citation_in_order():
    assert [c.text for c in article().citations] == CITATIONS


def test_citations_stay_in_the_text_at_their_offsets():
    a = article()
    assert all(a.blocks[c.block].text[c.start:c.end] == c.text for c in a.citations)


@pytest.mark.parametrize("aside", ["(hereafter “the Treaty”)", "(1966-76)", "(CCP)"])
def test_parenthetical_asides_are_not_citations(aside):
    assert aside not in [c.text for c in article().citations]


def test_it_drops_the_see_also_list_with_its_dates():
    dropped = {d.text: d.reason for d in article().dropped}
    assert dropped["See also"] == dropped["12/02/2016 15:14"] == "asianews: related-article list"


def test_it_drops_the_italian_motto():
    assert [d.reason for d in article().dropped if d.text.startswith("“L’Asia")] == ["asianews: site motto"]


def test_it_drops_send_to_a_friend_at_the_top_and_the_bottom():
    assert [d.reason for d in article().dropped if d.text == "Send to a friend"] == ["asianews: share links"] * 2


def test_no_chrome_survives():
    assert chrome_in_blocks(article()) == []
