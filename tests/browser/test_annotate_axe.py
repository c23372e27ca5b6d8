"""axe finds nothing on an article page with annotations: the panel open, the editor open, the delete
confirmation open, the toolbar shown, at desktop and phone widths, for a reader and an anonymous one."""
import pytest
from playwright.sync_api import expect

from annotations.anchoring import TextQuote
from annotations.models import Classroom, Membership
from annotations.services import create_annotation
from edition.models import Article
from tests.browser.axe import assert_no_axe_violations
from tests.browser.fixtures_edition import KISHIDA, WIDTHS, annotate_in_db, log_in, make_reader, open_panel, select_text


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def olive(db):
    return make_reader("olive", "Olive Owner")


@pytest.fixture
def annotated(olive, kishida):
    """Every kind of item: own and others', each visibility, overlapping, across paragraphs, a reply,
    tags, a tombstone's thread, an orphan."""
    mia = make_reader("mia", "Mia Member")
    room = Classroom.objects.create(name="Modern East Asia")
    for member in (olive, mia):
        Membership.objects.create(user=member, classroom=room)
    first = annotate_in_db(olive, kishida, "work together to build a brighter", body="A *hopeful* phrase.",
                           tags=["rhetoric"], visibility="public")
    annotate_in_db(mia, kishida, "build a brighter future in bilateral", body="Overlaps.", visibility="class",
                   classroom_id=room.pk)
    annotate_in_db(olive, kishida, "Kishida voiced his desire")  # a highlight inside a register link
    text = kishida.current_revision.text
    start = text.index("in economic ties.")
    from annotations.anchoring import make_quote
    create_annotation(olive, article=kishida, quote=make_quote(text, start, start + 40), body="Across paragraphs.")
    create_annotation(mia, parent=first, body="A reply with a [link](https://example.org/).")
    create_annotation(olive, article=kishida, quote=TextQuote("words the text lost"), body="Orphaned.", allow_orphan=True)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_axe_finds_no_violations_with_the_panel_open(live_server, kishida, olive, annotated, page, width):
    page.set_viewport_size(WIDTHS[width])
    log_in(page, live_server, olive)
    page.goto(live_server.url + kishida.get_absolute_url())
    panel = open_panel(page)
    panel.get_by_text("Filter annotations").click()
    expect(panel.locator(".ann-actions").first).to_be_visible()

    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_axe_finds_no_violations_with_the_editor_open(live_server, kishida, olive, annotated, page, width):
    page.set_viewport_size(WIDTHS[width])
    log_in(page, live_server, olive)
    page.goto(live_server.url + kishida.get_absolute_url())
    select_text(page, "semiconductors")
    expect(page.locator(".annotation-toolbar")).to_be_visible()
    assert_no_axe_violations(page)  # the toolbar shown

    page.keyboard.press("Alt+A")
    editor = page.get_by_role("dialog", name="Annotate")
    editor.get_by_label("Note").fill("Some *Markdown*.")
    assert_no_axe_violations(page)
    editor.get_by_role("tab", name="Preview").click()
    expect(editor.locator("#editor-preview em")).to_be_visible()
    assert_no_axe_violations(page)


def test_axe_finds_no_violations_with_the_delete_confirmation_open(live_server, kishida, olive, annotated, page):
    log_in(page, live_server, olive)
    page.goto(live_server.url + kishida.get_absolute_url())
    open_panel(page).get_by_role("button", name="Delete").first.click()
    expect(page.get_by_role("alertdialog")).to_be_visible()

    assert_no_axe_violations(page)


def test_axe_finds_no_violations_for_an_anonymous_reader(live_server, kishida, annotated, page):
    page.goto(live_server.url + kishida.get_absolute_url())
    open_panel(page)

    assert_no_axe_violations(page)
