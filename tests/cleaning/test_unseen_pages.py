"""Pages the cleaner was not written against (tests/fixtures/unseen): the generic profile must
still produce a readable article from them."""
from datetime import date

from tests.cleaning.support import chrome_in_blocks, clean_unseen, texts

PAYWALL = "a_paywall_cookies_read_more.txt"
SHARE = "b_byline_at_end_share_block.txt"
PLAIN = "c_no_chrome.txt"
MESSY = "d_crlf_related_copyright.txt"


def test_unknown_pages_fall_back_to_the_generic_profile():
    assert {clean_unseen(name).profile for name in (PAYWALL, SHARE, PLAIN, MESSY)} == {"generic"}


def test_it_reads_title_byline_date_and_dateline_under_a_cookie_banner():
    a = clean_unseen(PAYWALL)
    assert (a.title, a.byline, a.published, a.dateline) == (
        "Japan and South Korea agree to expand youth exchanges", "Hana Kim", date(2024, 3, 12), "SEOUL"
    )


def test_it_drops_the_cookie_notice_and_the_menu():
    reasons = [d.reason for d in clean_unseen(PAYWALL).dropped[:4]]
    assert reasons == ["generic: cookie notice"] * 3 + ["generic: site menu"]


def test_it_drops_the_read_more_list_with_its_links():
    listed = [d.text for d in clean_unseen(PAYWALL).dropped if d.reason == "generic: related-article list"]
    assert listed[0] == "Read more:" and len(listed) == 4


def test_a_paywall_prompt_mid_page_does_not_end_the_article():
    last = texts(clean_unseen(PAYWALL), "paragraph")[-1]
    assert last.startswith("The next round of talks is expected in Tokyo in the autumn")


def test_it_keeps_five_paragraphs_of_the_paywalled_page():
    assert len(texts(clean_unseen(PAYWALL), "paragraph")) == 5


def test_it_reads_a_byline_at_the_foot_of_the_page():
    assert clean_unseen(SHARE).byline == "Mei Tanaka, Staff Writer"


def test_it_reads_the_standfirst_above_a_dateline():
    assert clean_unseen(SHARE).subtitle == "Officials discuss coast guard communication and fishing incidents"


def test_it_drops_the_share_block():
    shared = [d.text for d in clean_unseen(SHARE).dropped if d.reason == "generic: share links"]
    assert shared == ["Share this article", "Facebook", "X", "Email", "Print"]


def test_it_keeps_a_section_heading_on_an_unknown_page():
    assert texts(clean_unseen(SHARE), "heading") == ["Coast guard cooperation"]


def test_a_page_without_chrome_keeps_every_paragraph():
    a = clean_unseen(PLAIN)
    assert (a.title, len(a.blocks), a.dropped) == ("Mongolia hosts regional talks on Northeast Asian energy links", 5, [])


def test_a_short_first_paragraph_is_not_taken_for_a_standfirst_without_a_dateline():
    assert clean_unseen(PLAIN).subtitle is None


def test_a_short_quoted_paragraph_stays_a_paragraph():
    assert '"Energy can connect us where politics divides us," she said.' in texts(clean_unseen(PLAIN), "paragraph")


def test_it_reads_an_agency_dateline_with_a_single_hyphen():
    a = clean_unseen(MESSY)
    assert a.dateline == "SEOUL" and texts(a)[0].startswith("The leaders of South Korea, Japan and China")


def test_it_strips_the_bom_and_reads_the_title():
    assert clean_unseen(MESSY).title == "Trilateral summit to resume as Seoul hosts regional leaders"


def test_it_reads_a_day_month_year_date_line():
    assert clean_unseen(MESSY).published == date(2024, 5, 26)


def test_it_collapses_tabs_nbsp_and_zero_width_spaces():
    assert texts(clean_unseen(MESSY))[1].startswith(
        "The three governments are expected to issue a joint declaration on trade, supply chains and "
        "people-to-people exchanges. Officials said a free trade agreement among the three countries was also "
        "on the agenda, although"
    )


def test_it_joins_a_hard_wrapped_paragraph():
    assert texts(clean_unseen(MESSY))[2] == (
        "Diplomats from the three countries spent several weeks negotiating the wording of the declaration, "
        "which will also address cooperation on ageing societies and on public health emergencies."
    )


def test_it_composes_decomposed_characters_to_nfc():
    assert texts(clean_unseen(MESSY))[3].endswith("World Expo in \u014csaka.")


def test_it_drops_the_related_articles_list_and_the_copyright_footer():
    reasons = [d.reason for d in clean_unseen(MESSY).dropped]
    assert reasons == ["generic: related-article list"] * 3 + ["generic: copyright footer"]


def test_no_chrome_survives_on_any_unseen_page():
    assert [chrome_in_blocks(clean_unseen(name)) for name in (PAYWALL, SHARE, PLAIN, MESSY)] == [[]] * 4
