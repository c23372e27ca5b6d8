"""Who sees what on the article page: another reader sees the first reader's public annotation and not
their private one, in the text and in the panel; a class annotation reaches classmates only."""
import pytest
from playwright.sync_api import expect

from annotations.models import Classroom, Membership
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, annotate_in_db, log_in, make_reader, open_panel


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def first(db):
    return make_reader("olive", "Olive Owner")


@pytest.fixture
def notes(first, kishida):
    public = annotate_in_db(first, kishida, "brighter future", body="Shared with everyone.", visibility="public")
    private = annotate_in_db(first, kishida, "a cautious detente", body="Just for me.")
    return public, private


def test_a_second_reader_sees_the_public_annotation_and_not_the_private_one(live_server, kishida, notes, page):
    public, private = notes
    log_in(page, live_server, make_reader("oscar"))

    page.goto(live_server.url + kishida.get_absolute_url())

    expect(page.locator(f"#hl-{public.pk}")).to_have_text("brighter future")
    expect(page.locator(f"#hl-{private.pk}")).to_have_count(0)
    panel = open_panel(page)
    expect(panel.locator(f"#ann-{public.pk} .ann-body")).to_have_text("Shared with everyone.")
    expect(panel.locator(f"#ann-{private.pk}")).to_have_count(0)
    expect(panel).not_to_contain_text("Just for me.")
    expect(page.locator(".annotations-toggle")).to_have_text("Annotations (1)")
    expect(page.locator(f"#hl-{public.pk}")).to_have_class("hl hl-public")  # not "mine"


def test_the_author_sees_both(live_server, kishida, notes, first, page):
    public, private = notes
    log_in(page, live_server, first)

    page.goto(live_server.url + kishida.get_absolute_url())

    expect(page.locator("mark.hl[id]")).to_have_count(2)
    expect(open_panel(page).locator(".ann-list > li")).to_have_count(2)


def test_an_anonymous_reader_sees_the_public_one_and_an_invitation_to_log_in(live_server, kishida, notes, page):
    public, private = notes

    page.goto(live_server.url + kishida.get_absolute_url())

    expect(page.locator("mark.hl[id]")).to_have_count(1)
    panel = open_panel(page)
    expect(panel.locator(f"#ann-{public.pk}")).to_be_visible()
    login = panel.get_by_role("link", name="Log in to annotate")
    expect(login).to_have_attribute("href", "/accounts/login/?next=" + kishida.get_absolute_url().replace("/", "%2F"))
    expect(panel.get_by_role("button", name="Reply")).to_have_count(0)
    page.evaluate("() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('#p3'));"
                  " getSelection().addRange(r); }")
    page.wait_for_timeout(400)
    expect(page.locator(".annotation-toolbar")).to_have_count(0)


def test_a_class_annotation_reaches_a_classmate_and_not_an_outsider(live_server, kishida, first, browser):
    mate, outsider = make_reader("mia"), make_reader("oscar")
    room = Classroom.objects.create(name="Modern East Asia")
    for member in (first, mate):
        Membership.objects.create(user=member, classroom=room)
    note = annotate_in_db(first, kishida, "brighter future", body="For the class.", visibility="class",
                          classroom_id=room.pk)
    seen = {}
    for reader in (mate, outsider):
        context = browser.new_context()
        page = context.new_page()
        log_in(page, live_server, reader)
        page.goto(live_server.url + kishida.get_absolute_url())
        page.locator(".annotations-toggle").wait_for()
        seen[reader.username] = page.locator(f"#ann-{note.pk}").count()
        if reader == mate:
            expect(page.locator(f"#ann-{note.pk} .badge")).to_have_text("Class: Modern East Asia")
            expect(page.locator(f"#hl-{note.pk}")).to_have_class("hl hl-class")
        context.close()

    assert seen == {"mia": 1, "oscar": 0}
