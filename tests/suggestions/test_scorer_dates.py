"""Date evidence: a date named in the passage fits an event at the event's precision."""
from datetime import date

import pytest

from edition.linking.suggest_dates import NamedDate, contradicts, date_fit, dates_in, period_end

ARTICLE = date(2018, 10, 27)  # a Saturday


def named(day, precision, **kw):
    return NamedDate("x", day, precision, **kw)


@pytest.mark.parametrize("precision, start, end", [
    ("day", date(2018, 5, 4), date(2018, 5, 4)),
    ("week", date(2018, 10, 22), date(2018, 10, 28)),
    ("month", date(2018, 2, 1), date(2018, 2, 28)),
    ("season", date(2017, 9, 1), date(2017, 11, 30)),
    ("year", date(2008, 1, 1), date(2008, 12, 31)),
    ("decade", date(1960, 1, 1), date(1969, 12, 31)),
])
def test_period_end_is_the_last_day_of_the_period(precision, start, end):
    assert period_end(start, precision) == end


def test_a_day_fits_an_event_of_that_day_strongly():
    assert date_fit(named(date(2018, 5, 4), "day"), date(2018, 5, 4), "day") == 1.0


def test_a_different_day_does_not_fit_a_day_event():
    assert date_fit(named(date(2018, 5, 5), "day"), date(2018, 5, 4), "day") == 0.0


def test_a_day_fits_an_event_of_month_precision_in_that_month():
    assert 0 < date_fit(named(date(2016, 12, 13), "day"), date(2016, 12, 1), "month") < 1.0


def test_a_month_fits_a_day_event_in_it_and_not_one_outside():
    may = named(date(2018, 5, 1), "month")
    assert date_fit(may, date(2018, 5, 9), "day") > 0
    assert date_fit(may, date(2018, 6, 12), "day") == 0


def test_a_year_fits_weakly_and_only_its_own_year():
    year = named(date(2008, 1, 1), "year")
    assert 0 < date_fit(year, date(2008, 5, 7), "day") < date_fit(named(date(2008, 5, 7), "day"), date(2008, 5, 7), "day")
    assert date_fit(year, date(2006, 10, 8), "day") == 0


def test_a_year_fits_an_event_that_spans_it():
    assert date_fit(named(date(1940, 1, 1), "year"), date(1937, 1, 1), "year", date(1945, 1, 1)) > 0


def test_a_day_inside_an_event_range_fits():
    assert date_fit(named(date(2018, 10, 26), "day"), date(2018, 10, 25), "day", date(2018, 10, 27)) == 1.0


def test_a_citation_date_counts_half():
    assert date_fit(named(date(2018, 5, 4), "day", in_citation=True), date(2018, 5, 4), "day") == 0.5


def test_a_named_year_contradicts_an_event_of_another_year_but_a_citation_does_not():
    assert contradicts(named(date(2008, 1, 1), "year"), date(2006, 10, 8), "day")
    assert not contradicts(named(date(2008, 1, 1), "year", in_citation=True), date(2006, 10, 8), "day")


def test_relative_dates_resolve_against_the_article_date():
    found = dates_in("Abe met Xi on Friday, a month after Pence spoke earlier this month.", ARTICLE)
    assert (found[0].start, found[0].precision) == (date(2018, 10, 26), "day")


def test_a_future_sentence_resolves_a_weekday_forward():
    found = dates_in("He will hold a high-level economic dialogue on Monday.", date(2018, 4, 15))
    assert found[0].start == date(2018, 4, 16)


def test_a_year_ago_is_the_same_month_a_year_before():
    found = dates_in("since the two leaders met in Bangkok a year ago.", date(2023, 11, 17))
    assert (found[0].start, found[0].precision) == (date(2022, 11, 1), "month")


def test_a_date_in_a_citation_is_marked():
    found = dates_in("Xi and Abe spoke by phone (Xinhua, May 4).", date(2018, 8, 6))
    assert found[0].in_citation


def test_without_an_article_date_only_dates_with_a_year_count():
    found = dates_in("On Friday, in May 2018, they met.", None)
    assert [(d.start, d.precision) for d in found] == [(date(2018, 5, 1), "month")]
