"""Select words, annotate them (Markdown, a tag, public), and the highlight and the note are there,
at once and after a reload, where the server draws them."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, log_in, make_reader, open_panel, select_text, settled


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def reader_page(live_server, kishida, page):
    log_in(page, live_server, make_reader("olive", "Olive Owner"))
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def annotate(page, words, body, tags="", visibility="public"):
    select_text(page, words)
    toolbar = page.get_by_role("toolbar", name="Selected text")
    expect(toolbar).to_be_visible()
    toolbar.get_by_role("button", name="Annotate").click()
    editor = page.get_by_role("dialog", name="Annotate")
    expect(editor).to_be_visible()
    expect(editor.locator(".editor-quote")).to_have_text(words)
    editor.get_by_label("Note").fill(body)
    editor.get_by_label("Tags").fill(tags)
    editor.get_by_label("Who can see it").select_option(visibility)
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()
    settled(page)


def test_the_toolbar_appears_beside_a_selection_in_the_text(reader_page):
    select_text(reader_page, "brighter future")

    toolbar = reader_page.get_by_role("toolbar", name="Selected text")
    expect(toolbar).to_be_visible()
    expect(toolbar.get_by_role("button", name="Highlight")).to_have_attribute("aria-keyshortcuts", "Alt+H")
    expect(toolbar.get_by_role("button", name="Annotate")).to_have_attribute("aria-keyshortcuts", "Alt+A")
    box, words = toolbar.bounding_box(), reader_page.locator("#p3").bounding_box()
    assert abs(box["y"] - words["y"]) < 120  # beside the words, not somewhere else on the page


def test_escape_dismisses_the_toolbar(reader_page):
    select_text(reader_page, "brighter future")
    toolbar = reader_page.get_by_role("toolbar", name="Selected text")
    expect(toolbar).to_be_visible()

    reader_page.keyboard.press("Escape")

    expect(toolbar).to_be_hidden()


def test_a_selection_outside_the_text_gets_no_toolbar(reader_page):
    reader_page.evaluate("""() => { const r = document.createRange();
      r.selectNodeContents(document.querySelector('#article-title')); getSelection().addRange(r); }""")
    reader_page.wait_for_timeout(400)

    expect(reader_page.locator(".annotation-toolbar")).to_be_hidden()


def test_the_preview_shows_the_markdown_rendered_by_the_server(reader_page):
    select_text(reader_page, "brighter future")
    reader_page.get_by_role("button", name="Annotate").click()
    editor = reader_page.get_by_role("dialog", name="Annotate")
    editor.get_by_label("Note").fill("A *hopeful* phrase, **surely**.")

    editor.get_by_role("tab", name="Preview").click()

    preview = editor.get_by_role("tabpanel", name="Preview")
    expect(preview.locator("em")).to_have_text("hopeful")
    expect(preview.locator("strong")).to_have_text("surely")
    expect(editor.get_by_label("Note")).to_be_hidden()


def test_an_annotation_is_saved_with_code_point_offsets_and_highlighted_at_once(live_server, reader_page, kishida):
    annotate(reader_page, "brighter future", "A *hopeful* phrase.", tags="rhetoric")

    saved = Annotation.objects.get()
    text = kishida.current_revision.text
    assert text[saved.start:saved.end] == "brighter future" == saved.exact
    assert (saved.body, [t.name for t in saved.tags.all()], saved.visibility) == ("A *hopeful* phrase.", ["rhetoric"], "public")
    mark = reader_page.locator(f"#hl-{saved.pk}")
    expect(mark).to_have_text("brighter future")
    expect(mark).to_have_class("hl hl-public hl-mine")
    item = reader_page.locator(f"#ann-{saved.pk}")
    expect(item).to_be_focused()
    expect(item.locator(".ann-body em")).to_have_text("hopeful")


def test_after_a_reload_the_server_draws_the_highlight_and_lists_the_note(live_server, reader_page, kishida):
    annotate(reader_page, "brighter future", "A *hopeful* phrase.", tags="rhetoric")
    saved = Annotation.objects.get()

    reader_page.reload()

    mark = reader_page.locator(f"mark#hl-{saved.pk}")
    expect(mark).to_have_text("brighter future")
    expect(mark).to_have_attribute("tabindex", "0")
    panel = open_panel(reader_page)
    item = panel.locator(f"#ann-{saved.pk}")
    expect(item.locator(".ann-author")).to_have_text("Olive Owner")
    expect(item.locator(".badge")).to_have_text("Public")
    expect(item.locator(".ann-body")).to_have_text("A hopeful phrase.")
    expect(item.locator(".ann-body em")).to_have_text("hopeful")
    expect(item.get_by_role("link", name="rhetoric")).to_be_visible()
    expect(item.locator("time")).to_have_attribute("datetime", saved.created.isoformat())


def test_the_shortcut_alt_a_opens_the_editor_for_the_selection(reader_page):
    select_text(reader_page, "brighter future")
    expect(reader_page.locator(".annotation-toolbar")).to_be_visible()

    reader_page.keyboard.press("Alt+A")

    editor = reader_page.get_by_role("dialog", name="Annotate")
    expect(editor).to_be_visible()
    expect(editor.get_by_label("Note")).to_be_focused()


def test_cancel_saves_nothing_and_draws_nothing(reader_page):
    select_text(reader_page, "brighter future")
    reader_page.keyboard.press("Alt+A")
    editor = reader_page.get_by_role("dialog", name="Annotate")
    editor.get_by_label("Note").fill("Second thoughts.")

    editor.get_by_role("button", name="Cancel").click()

    expect(editor).to_be_hidden()
    assert not Annotation.objects.exists()
    expect(reader_page.locator("mark.hl")).to_have_count(0)


def test_a_server_error_is_shown_in_the_editor_which_stays_open(reader_page):
    select_text(reader_page, "brighter future")
    reader_page.keyboard.press("Alt+A")
    editor = reader_page.get_by_role("dialog", name="Annotate")
    editor.get_by_label("Note").fill("x" * 10_001)  # maxlength stops typing, not fill: the server says no
    reader_page.evaluate("() => document.querySelector('#editor-body').removeAttribute('maxlength')")
    editor.get_by_label("Note").fill("x" * 10_001)

    editor.get_by_role("button", name="Save").click()

    expect(editor.get_by_role("alert")).to_contain_text("10")
    expect(editor).to_be_visible()
    settled(reader_page)
    assert not Annotation.objects.exists()
