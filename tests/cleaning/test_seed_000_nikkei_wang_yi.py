"""Seed 000, Nikkei Asian Review: China resumes economic talks with Japan (Wang Yi, April 2018).

Keep: kicker, title, standfirst, the lead photo caption, the TOKYO dateline, 14 body
paragraphs and the in-body caption credited "(Photo by Kosaku Mimura)".
Drop: the icon-sprite line, "Sponsored Content" and the paywall prompts after it.
"""
from datetime import date

from tests.cleaning.support import chrome_in_blocks, clean_seed, texts

FIRST = (
    "In resuming long-dormant economic talks with Japan, China appears to be seeking leverage with the U.S. "
    "as tensions flare over trade and Washington grabs the lead on diplomacy with North Korea."
)
LAST = (
    "Many of them served under the president when he governed Zhejiang Province, and Fujian Province before "
    "that. Commerce Minister Zhong Shan and Finance Minister Liu Kun, two such figures, will accompany the "
    "foreign minister on his trip next week for talks with their Japanese counterparts. Chen Min'er, the party "
    "boss of Chongqing rumored to be on track to a top position, is another member of that group."
)


def article():
    return clean_seed("000")


def test_it_uses_the_nikkei_profile():
    assert article().profile == "nikkei"


def test_it_reads_kicker_title_and_standfirst():
    a = article()
    assert (a.kicker, a.title, a.subtitle) == (
        "International relations",
        "China resumes economic talks with Japan as global trade fears flare",
        "First high-level dialogue between nations in eight years",
    )


def test_it_takes_the_dateline_out_of_the_first_paragraph():
    assert article().dateline == "TOKYO"
    assert texts(article(), "paragraph")[0] == FIRST


def test_it_keeps_the_last_paragraph_exactly():
    assert texts(article(), "paragraph")[-1] == LAST


def test_it_keeps_fourteen_paragraphs():
    assert len(texts(article(), "paragraph")) == 14


def test_it_keeps_both_captions_once_in_page_order():
    assert texts(article(), "caption") == [
        "Chinese President Xi Jinping, left, and Japanese Prime Minister Shinzo Abe (Xi's photo from AP)",
        "The order to make nice with Japan apparently came from Wang Qishan, left, President Xi Jinping's "
        "deputy and right-hand man. (Photo by Kosaku Mimura)",
    ]


def test_the_body_caption_stands_between_the_paragraphs_it_interrupts():
    kinds = [block.type for block in article().blocks]
    assert kinds.index("caption", 1) == 11


def test_it_takes_metadata_from_the_manifest():
    a = article()
    assert (a.published, a.publication) == (date(2018, 4, 15), "Nikkei Asian Review")


def test_no_chrome_survives():
    assert chrome_in_blocks(article()) == []


def test_it_drops_the_icon_sprite_line_with_its_rule():
    reasons = {d.reason for d in article().dropped if d.text.startswith("ArrowArtboard")}
    assert reasons == {"nikkei: icon sprite chrome"}


def test_it_drops_the_paywall_prompts_with_their_rule():
    dropped = {d.text: d.reason for d in article().dropped}
    assert dropped["Try 3 months for $9"] == "nikkei: paywall prompt"
