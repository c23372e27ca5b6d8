"""Placing curated event quotes in an article's blocks."""
from datetime import date

from edition.linking.events import Event, EventMention
from edition.linking.quotes import event_mentions, locate_quote


def test_it_locates_a_quote_in_the_first_block_that_has_it():
    assert locate_quote(["nothing", "the G20 in Osaka", "Osaka"], "Osaka") == (1, 11, 16)


def test_any_white_space_matches_a_space():
    assert locate_quote(["visit to\u00a0China by"], "visit to China") == (0, 0, 14)


def test_straight_and_curly_quotation_marks_match():
    assert locate_quote(["Tokyo’s “decision”"], "Tokyo's \"decision\"") == (0, 0, 18)


def test_a_missing_quote_is_none():
    assert locate_quote(["Osaka"], "Kyoto") is None


def test_event_mentions_take_only_the_article_and_report_missing_quotes():
    summit = Event("g20", "G20", date(2019, 6, 28), "day", "Summit.", mentions=(
        EventMention("000.txt", "Osaka will\nplay host"), EventMention("000.txt", "Kyoto"),
        EventMention("004.txt", "Osaka")))
    found, missing = event_mentions(["when Osaka will play host"], [summit], "000.txt")
    assert [(m.block, m.start, m.end, m.target_id, m.text) for m in found] == [
        (0, 5, 25, "g20", "Osaka will play host")]
    assert missing == [("g20", "Kyoto")]
