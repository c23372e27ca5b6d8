"""Overlapping highlights nest, in the page at once as after a reload, and the words they share
are drawn darker; offsets stay right when a selection starts inside another highlight."""
import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from edition.models import Article
from tests.browser.fixtures_edition import KISHIDA, log_in, make_reader, select_text, settled

BACKGROUND = "el => getComputedStyle(el).backgroundColor"


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def reader_page(live_server, kishida, page):
    log_in(page, live_server, make_reader("olive"))
    page.goto(live_server.url + kishida.get_absolute_url())
    return page


def highlight(page, first, last=None, within=".article-body"):
    count = page.locator("mark.hl[id]").count()
    select_text(page, first, last, within=within)
    page.keyboard.press("Alt+H")
    expect(page.locator("mark.hl[id]")).to_have_count(count + 1)
    settled(page)


def check_nesting(page, first, second):
    shared = page.locator(f"mark[data-annotation='{first.pk}'] mark[data-annotation='{second.pk}']")
    expect(shared).to_have_text("build a brighter")
    only_first = page.locator(f"#hl-{first.pk}")
    assert shared.evaluate(BACKGROUND) != only_first.evaluate(BACKGROUND)
    assert "".join(page.locator(f"mark[data-annotation='{first.pk}']").all_text_contents()).startswith("work together to build a brighter")
    assert "".join(page.locator(f"mark[data-annotation='{second.pk}']").all_text_contents()) == "build a brighter future in bilateral"


def test_a_second_highlight_over_part_of_the_first_nests_inside_it(reader_page, kishida):
    highlight(reader_page, "work together to build a brighter")
    highlight(reader_page, "build a brighter future in bilateral")

    first, second = Annotation.objects.order_by("pk")
    text = kishida.current_revision.text
    assert text[second.start:second.end] == "build a brighter future in bilateral" == second.exact
    assert first.start < second.start < first.end < second.end
    check_nesting(reader_page, first, second)


def test_the_server_nests_them_the_same_way_after_a_reload(reader_page):
    highlight(reader_page, "work together to build a brighter")
    highlight(reader_page, "build a brighter future in bilateral")
    first, second = Annotation.objects.order_by("pk")

    reader_page.reload()

    check_nesting(reader_page, first, second)


def test_a_highlight_inside_another_and_a_mention_keeps_exact_offsets(reader_page, kishida):
    highlight(reader_page, "In his opening remarks, Kishida voiced")
    highlight(reader_page, "Kishida", within="#p3")  # inside the first highlight and inside a register link

    inner = Annotation.objects.order_by("pk").last()
    assert kishida.current_revision.text[inner.start:inner.end] == "Kishida"
    assert inner.start == kishida.current_revision.text.index("In his opening remarks, Kishida") + len("In his opening remarks, ")
    expect(reader_page.locator(f"#p3 a.mention mark#hl-{inner.pk}")).to_have_text("Kishida")
