"""Seed 001, Nikkei Asian Review: Trump's pressure pushed Beijing toward Tokyo (October 2018).

Keep: kicker "Trade War", title, standfirst, the lead photo caption, the BEIJING/WASHINGTON
dateline and 18 body paragraphs. Drop: the sprite line, the "Get unique insights" promo,
"Sponsored Content" and the paywall prompts.
"""
from datetime import date

from tests.cleaning.support import chrome_in_blocks, clean_seed, texts

FIRST = (
    "Six years after relations sunk to their lowest in decades, following Tokyo's nationalization of the "
    "Senkaku Islands, Japan and China have vowed to put relations back on track, working toward collaborating "
    "on Beijing's signature Belt and Road Initiative."
)
LAST = (
    "The foremost symbol of the U.S. pressure campaign is its duties on billions of dollars of Chinese goods "
    "as part of the two sides' tariff war -- which Washington has made clear it is prepared to escalate by "
    "slapping tariffs on all imports from China, depending on how Beijing behaves. The Trump administration "
    "reportedly intends to not enter trade talks until and unless China takes concrete action on alleged "
    "intellectual property violations and other issues."
)


def article():
    return clean_seed("001")


def test_it_reads_kicker_title_and_standfirst():
    a = article()
    assert (a.kicker, a.title, a.subtitle) == (
        "Trade War",
        "Trump's pressure pushed Beijing toward Tokyo",
        "Xi and Abe rush toward Belt and Road cooperation despite security concerns",
    )


def test_it_keeps_a_two_city_dateline():
    assert article().dateline == "BEIJING/WASHINGTON"


def test_it_keeps_the_first_paragraph_exactly():
    assert texts(article(), "paragraph")[0] == FIRST


def test_it_keeps_the_last_paragraph_exactly():
    assert texts(article(), "paragraph")[-1] == LAST


def test_it_keeps_eighteen_paragraphs():
    assert len(texts(article(), "paragraph")) == 18


def test_it_keeps_the_lead_caption_once_with_its_nbsp_collapsed():
    assert texts(article(), "caption") == [
        "Japanese Prime Minister Shinzo Abe, first from left, met Chinese President Xi Jinping, first from "
        "right, on Friday as part of the first official visit to China by a sitting Japanese leader in seven years."
    ]


def test_it_drops_the_promo_line_before_the_sponsored_content():
    dropped = {d.text: d.reason for d in article().dropped}
    assert dropped["Get unique insights on Asia, the most dynamic market in the world."] == "nikkei: promo"


def test_it_takes_the_date_from_the_manifest():
    assert article().published == date(2018, 10, 27)


def test_no_chrome_survives():
    assert chrome_in_blocks(article()) == []
