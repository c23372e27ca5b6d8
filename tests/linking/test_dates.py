"""Finding and resolving date expressions against an article's date."""
from datetime import date

import pytest

from edition.linking.dates import find_date_expressions, resolve_relative_date

SUNDAY = date(2018, 4, 15)  # 000
SATURDAY = date(2018, 10, 27)  # 001
FRIDAY = date(2023, 11, 17)  # 002
DEC_27 = date(2016, 12, 27)  # 003, a Tuesday


@pytest.mark.parametrize("expression, article, expected", [
    ("on Sunday", SUNDAY, (date(2018, 4, 15), "day")),  # the article's own day
    ("on Friday", SATURDAY, (date(2018, 10, 26), "day")),
    ("on Thursday", FRIDAY, (date(2023, 11, 16), "day")),
    ("On Tuesday", FRIDAY, (date(2023, 11, 14), "day")),
    ("Monday", SUNDAY, (date(2018, 4, 9), "day")),
    ("last Friday", date(2018, 10, 26), (date(2018, 10, 19), "day")),
    ("next Friday", date(2018, 10, 26), (date(2018, 11, 2), "day")),
    ("this Friday", SUNDAY, (date(2018, 4, 13), "day")),
])
def test_weekdays(expression, article, expected):
    assert resolve_relative_date(expression, article) == expected


def test_a_weekday_in_the_future_tense_is_the_next_one():
    assert resolve_relative_date("on Monday", SUNDAY, tense="future") == (date(2018, 4, 16), "day")


@pytest.mark.parametrize("expression, article, expected", [
    ("next week", SUNDAY, (date(2018, 4, 16), "week")),
    ("this week", SATURDAY, (date(2018, 10, 22), "week")),
    ("last week", date(2018, 5, 16), (date(2018, 5, 7), "week")),
    ("last month", SUNDAY, (date(2018, 3, 1), "month")),
    ("last month", date(2018, 1, 10), (date(2017, 12, 1), "month")),
    ("next month", date(2018, 12, 10), (date(2019, 1, 1), "month")),
    ("Earlier this month", SATURDAY, (date(2018, 10, 1), "month")),
    ("earlier this year", FRIDAY, (date(2023, 1, 1), "year")),
    ("last year", FRIDAY, (date(2022, 1, 1), "year")),
    ("next year", DEC_27, (date(2017, 1, 1), "year")),
    ("a year ago", FRIDAY, (date(2022, 11, 1), "month")),
    ("two months ago", date(2018, 1, 5), (date(2017, 11, 1), "month")),
    ("3 days ago", FRIDAY, (date(2023, 11, 14), "day")),
    ("yesterday", FRIDAY, (date(2023, 11, 16), "day")),
])
def test_relative_periods(expression, article, expected):
    assert resolve_relative_date(expression, article) == expected


@pytest.mark.parametrize("expression, article, expected", [
    ("This March", SATURDAY, (date(2018, 3, 1), "month")),
    ("in May", SUNDAY, (date(2018, 5, 1), "month")),  # a month ahead stays in the year
    ("In September", DEC_27, (date(2016, 9, 1), "month")),
    ("in late March", date(2018, 5, 15), (date(2018, 3, 1), "month")),
    ("In late August", FRIDAY, (date(2023, 8, 1), "month")),
    ("in mid-April", SUNDAY, (date(2018, 4, 1), "month")),
    ("in December", date(2019, 1, 5), (date(2018, 12, 1), "month")),  # not 11 months ahead
    ("in January", DEC_27, (date(2017, 1, 1), "month")),  # not 11 months back
    ("last March", SUNDAY, (date(2018, 3, 1), "month")),
    ("last March", date(2018, 2, 1), (date(2017, 3, 1), "month")),
    ("next March", SUNDAY, (date(2019, 3, 1), "month")),
    ("June 2019", SUNDAY, (date(2019, 6, 1), "month")),
    ("In December 2017", SATURDAY, (date(2017, 12, 1), "month")),
    ("late March 2018", SATURDAY, (date(2018, 3, 1), "month")),
])
def test_months(expression, article, expected):
    assert resolve_relative_date(expression, article) == expected


@pytest.mark.parametrize("expression, article, expected", [
    ("Dec. 6", DEC_27, (date(2016, 12, 6), "day")),
    ("On Dec. 6", DEC_27, (date(2016, 12, 6), "day")),
    ("April 27", date(2018, 8, 6), (date(2018, 4, 27), "day")),
    ("January 30", date(2018, 8, 6), (date(2018, 1, 30), "day")),  # six months back stays
    ("Dec. 20", date(2019, 1, 5), (date(2018, 12, 20), "day")),
    ("June 12th", date(2018, 5, 15), (date(2018, 6, 12), "day")),
    ("27 April", date(2018, 8, 6), (date(2018, 4, 27), "day")),
    ("October 17, 2007", date(2018, 8, 6), (date(2007, 10, 17), "day")),
    ("May 8, 2008", date(2018, 8, 6), (date(2008, 5, 8), "day")),
    ("27 April 2018", FRIDAY, (date(2018, 4, 27), "day")),
    ("Sept. 11, 2012", FRIDAY, (date(2012, 9, 11), "day")),
])
def test_days_of_the_month(expression, article, expected):
    assert resolve_relative_date(expression, article) == expected


@pytest.mark.parametrize("expression, expected", [
    ("2008", (date(2008, 1, 1), "year")),
    ("in 2012", (date(2012, 1, 1), "year")),
    ("by the year 2025", (date(2025, 1, 1), "year")),
    ("in the 2000s", (date(2000, 1, 1), "decade")),
    ("1960s", (date(1960, 1, 1), "decade")),
    ("in the autumn of 2017", (date(2017, 9, 1), "season")),
    ("winter 2019", (date(2019, 12, 1), "season")),
    ("this summer", (date(2023, 6, 1), "season")),
])
def test_years_decades_and_seasons(expression, expected):
    assert resolve_relative_date(expression, FRIDAY) == expected


@pytest.mark.parametrize("expression", [
    "", "Friday Harbor club", "the May Fourth Movement", "in winter", "Feb. 30", "February 30, 2019",
    "March on", "next door",
])
def test_it_returns_none_for_what_is_not_a_date(expression):
    assert resolve_relative_date(expression, FRIDAY) is None


def test_it_finds_expressions_with_offsets():
    text = "On Dec. 6, Chen traveled; in September, Xi met Abe, and next year too."
    found = find_date_expressions(text)
    assert [e for _, _, e in found] == ["On Dec. 6", "in September", "next year"]
    assert all(text[s:e] == expr for s, e, expr in found)


def test_it_prefers_the_longest_expression():
    found = find_date_expressions("(Xinhua, May 8, 2008) and June 2019 and late March")
    assert [e for _, _, e in found] == ["May 8, 2008", "June 2019", "late March"]


def test_it_does_not_take_may_or_march_alone_for_months():
    assert find_date_expressions("May I ask whether March matters? It may.") == []


def test_it_skips_numbers_that_are_not_years():
    assert find_date_expressions("1.3 million tons, 2.1%, 23 tools, 42% and 06/08/2018") == []


def test_a_bare_season_is_not_a_date():
    assert find_date_expressions("Tokyo in winter is cold") == []
