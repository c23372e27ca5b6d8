"""A reader edits their own annotation from the panel: the editor opens with its Markdown, tags and
visibility; the changes show in the panel and the highlight at once, and after a reload."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, annotate_in_db, log_in, make_reader, open_panel, settled


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def owner(db):
    return make_reader("olive", "Olive Owner")


@pytest.fixture
def note(owner, kishida):
    return annotate_in_db(owner, kishida, "brighter future", body="A *hopeful* phrase.", tags=["rhetoric"])


@pytest.fixture
def owner_page(live_server, kishida, owner, note, page):
    log_in(page, live_server, owner)
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def open_editor(page, note):
    open_panel(page).locator(f"#ann-{note.pk}").get_by_role("button", name="Edit").click()
    editor = page.get_by_role("dialog", name="Edit your annotation")
    expect(editor).to_be_visible()
    return editor


def test_the_editor_opens_with_the_markdown_source_tags_and_visibility(owner_page, note):
    editor = open_editor(owner_page, note)

    expect(editor.get_by_label("Note")).to_have_value("A *hopeful* phrase.")
    expect(editor.get_by_label("Tags")).to_have_value("rhetoric")
    expect(editor.get_by_label("Who can see it")).to_have_value("private")
    expect(editor.locator(".editor-quote")).to_have_text("brighter future")


def test_saving_changes_body_tags_and_visibility_everywhere(owner_page, note):
    editor = open_editor(owner_page, note)
    editor.get_by_label("Note").fill("A **cautious** phrase.")
    editor.get_by_label("Tags").fill("rhetoric, diplomacy")
    editor.get_by_label("Who can see it").select_option("public")

    editor.get_by_role("button", name="Save").click()

    expect(editor).to_be_hidden()
    settled(owner_page)
    note.refresh_from_db()
    assert (note.body, note.visibility) == ("A **cautious** phrase.", "public")
    assert sorted(t.name for t in note.tags.all()) == ["diplomacy", "rhetoric"]
    item = owner_page.locator(f"#ann-{note.pk}")
    expect(item).to_be_focused()
    expect(item.locator(".ann-body strong")).to_have_text("cautious")
    expect(item.locator(".badge")).to_have_text("Public")
    expect(owner_page.locator(f"#hl-{note.pk}")).to_have_class("hl hl-public hl-mine")

    owner_page.reload()

    expect(owner_page.locator(f"#hl-{note.pk}")).to_have_class("hl hl-public hl-mine")
    expect(open_panel(owner_page).locator(f"#ann-{note.pk} .ann-tags li")).to_have_text(["diplomacy", "rhetoric"])


def test_cancelling_an_edit_changes_nothing(owner_page, note):
    editor = open_editor(owner_page, note)
    editor.get_by_label("Note").fill("Something else.")

    owner_page.keyboard.press("Escape")

    expect(editor).to_be_hidden()
    note.refresh_from_db()
    assert note.body == "A *hopeful* phrase."
    expect(owner_page.locator(f"#ann-{note.pk} .ann-body")).to_have_text("A hopeful phrase.")


def test_a_reader_can_edit_their_reply(owner_page, note, owner):
    from annotations.services import create_annotation

    answer = create_annotation(owner, parent=note, body="First thought.")
    owner_page.reload()
    open_panel(owner_page).locator(f"#ann-{answer.pk}").get_by_role("button", name="Edit").click()
    editor = owner_page.get_by_role("dialog", name="Edit your reply")
    expect(editor.get_by_label("Note")).to_have_value("First thought.")
    editor.get_by_label("Note").fill("Second thought.")
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()
    settled(owner_page)

    expect(owner_page.locator(f"#ann-{answer.pk} .ann-body")).to_have_text("Second thought.")
    assert Annotation.objects.get(pk=answer.pk).body == "Second thought."


def test_another_readers_annotation_offers_no_edit_or_delete(live_server, kishida, note, page):
    note.visibility = "public"
    note.save()
    log_in(page, live_server, make_reader("mia"))
    page.goto(live_server.url + kishida.get_absolute_url())

    item = open_panel(page).locator(f"#ann-{note.pk}")

    expect(item.get_by_role("button", name="Reply")).to_be_visible()
    expect(item.get_by_role("button", name="Edit")).to_have_count(0)
    expect(item.get_by_role("button", name="Delete")).to_have_count(0)
