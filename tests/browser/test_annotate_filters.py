"""The panel's filters (mine, visibility, class, tag, person) are a GET form: they narrow the list and
the highlights alike, are kept in the address, and a tag in an item is a link to its filter."""
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from annotations.models import Classroom, Membership
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, annotate_in_db, log_in, make_reader, open_panel


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def olive(db):
    return make_reader("olive", "Olive Owner")


@pytest.fixture
def notes(olive, kishida):
    mia = make_reader("mia", "Mia Member")
    room = Classroom.objects.create(name="Modern East Asia")
    for member in (olive, mia):
        Membership.objects.create(user=member, classroom=room)
    return {
        "mine_private": annotate_in_db(olive, kishida, "a cautious detente", body="Mine, private.", tags=["economy"]),
        "mine_public": annotate_in_db(olive, kishida, "brighter future", body="Mine, public.", tags=["rhetoric"],
                                      visibility="public"),
        "mia_public": annotate_in_db(mia, kishida, "Xi struck a similar note", body="Mia's, public.",
                                     tags=["rhetoric"], visibility="public"),
        "mia_class": annotate_in_db(mia, kishida, "San Francisco", body="Mia's, for the class.", visibility="class",
                                    classroom_id=room.pk),
        "mia_private": annotate_in_db(mia, kishida, "semiconductors", body="Mia's, private."),
    }


@pytest.fixture
def olive_page(live_server, kishida, olive, notes, page):
    log_in(page, live_server, olive)
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def shown(page):
    """The ids of the annotations in the panel and of the highlights in the text."""
    listed = page.locator(".ann-list > li > .ann").evaluate_all("els => els.map(el => +el.dataset.annotation)")
    marked = page.locator("mark.hl[id]").evaluate_all("els => els.map(el => +el.dataset.annotation)")
    return sorted(listed), sorted(marked)


def apply_filter(page, **choices):
    panel = open_panel(page)
    panel.get_by_text("Filter annotations").click()
    for label, value in choices.items():
        field = panel.get_by_label(label, exact=True)
        if value is True:
            field.check()
        else:
            field.select_option(value)
    panel.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    return panel


def ids(notes, *names):
    return sorted(notes[name].pk for name in names)


def test_without_filters_everything_the_reader_may_see_is_listed(olive_page, notes):
    expected = ids(notes, "mine_private", "mine_public", "mia_public", "mia_class")
    assert shown(olive_page) == (expected, expected)


def test_only_mine_keeps_the_readers_own_annotations(olive_page, notes):
    panel = apply_filter(olive_page, **{"Only mine": True})

    expected = ids(notes, "mine_private", "mine_public")
    expect(panel.locator(".ann-list > li")).to_have_count(2)
    assert shown(olive_page) == (expected, expected)
    assert urlsplit(olive_page.url).query == "mine=1"  # empty fields are left out of the address
    expect(panel.locator(".filter-status")).to_have_text("Showing 2 of 4 annotations.")
    expect(olive_page.locator(".annotations-toggle")).to_have_text("Annotations (2)")
    expect(panel.get_by_label("Only mine")).to_be_checked()  # the form shows the filter in force


def test_public_keeps_the_public_annotations_of_everyone(olive_page, notes):
    apply_filter(olive_page, Visibility="public")

    expected = ids(notes, "mine_public", "mia_public")
    assert shown(olive_page) == (expected, expected)


def test_class_keeps_the_annotations_shared_with_that_class(olive_page, notes):
    apply_filter(olive_page, Class="Modern East Asia")

    expected = ids(notes, "mia_class")
    assert shown(olive_page) == (expected, expected)


def test_tag_and_person_combine(olive_page, notes):
    apply_filter(olive_page, Tag="rhetoric", Person="Mia Member")

    expected = ids(notes, "mia_public")
    assert shown(olive_page) == (expected, expected)


def test_a_tag_in_an_item_filters_by_that_tag_and_show_all_comes_back(olive_page, notes):
    open_panel(olive_page).locator(f"#ann-{notes['mine_private'].pk}").get_by_role("link", name="economy").click()
    olive_page.wait_for_load_state()

    expected = ids(notes, "mine_private")
    assert shown(olive_page) == (expected, expected)
    open_panel(olive_page).get_by_role("link", name="Show all").click()
    olive_page.wait_for_load_state()
    expect(olive_page.locator(".ann-list > li")).to_have_count(4)


def test_a_filter_that_matches_nothing_says_so(olive_page, notes):
    panel = apply_filter(olive_page, **{"Only mine": True}, Tag="economy", Visibility="public")

    expect(panel.locator(".ann-empty")).to_have_text("No annotation matches these filters.")
    expect(olive_page.locator("mark.hl")).to_have_count(0)
