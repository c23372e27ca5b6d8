"""The heat strip: class annotations counted per paragraph, drawn accessibly."""
import pytest

from annotations.classroom.flags import moderate
from annotations.classroom.heatstrip import LEVELS, Cell, class_heat, lay_out

from .conftest import client_for, note_in, reply_to

pytestmark = pytest.mark.django_db


def cells_of(teacher, room, article):
    strip = next(s for s in class_heat(teacher, room) if s.article.pk == article.pk)
    return {cell.number: (cell.annotations, cell.replies) for cell in strip.cells if cell.total}


def test_annotations_are_counted_in_the_paragraph_where_they_start(room, teacher, ann, ben, article):
    note_in(ann, room, article, 3)
    note_in(ben, room, article, 3)
    note_in(ann, room, article, 7)
    assert cells_of(teacher, room, article) == {3: (2, 0), 7: (1, 0)}


def test_replies_are_counted_in_their_threads_paragraph(room, teacher, ann, ben, article):
    root = note_in(ann, room, article, 4)
    reply_to(ben, root)
    reply_to(ann, root)
    assert cells_of(teacher, room, article) == {4: (1, 2)}


def test_every_paragraph_has_a_cell(room, teacher, ann, article):
    note_in(ann, room, article, 2)
    strip = class_heat(teacher, room)[0]
    assert [c.number for c in strip.cells] == list(range(1, article.current_revision.blocks.count() + 1))


def test_private_annotations_are_not_in_the_strip(room, teacher, ann, article):
    note_in(ann, room, article, 2, visibility="private", classroom_id=None)
    assert class_heat(teacher, room) == []


def test_another_classs_annotations_are_not_in_the_strip(room, room_b, teacher, cleo, article):
    note_in(cleo, room_b, article, 2)
    assert class_heat(teacher, room) == []


def test_hidden_annotations_are_not_counted(room, teacher, ann, article):
    note_in(ann, room, article, 2)
    moderate(teacher, note_in(ann, room, article, 5), True)
    assert cells_of(teacher, room, article) == {2: (1, 0)}


def test_assigned_articles_get_a_strip_before_anyone_annotates(room, teacher, article):
    strips = class_heat(teacher, room, {article.pk})
    assert [s.article.pk for s in strips] == [article.pk] and strips[0].total == 0


def test_the_busiest_paragraph_is_darkest(room, teacher, ann, ben, article):
    note_in(ann, room, article, 2)
    for user in (ann, ben, ann):
        note_in(user, room, article, 6)
    strip = class_heat(teacher, room)[0]
    levels = {c.number: c.level for c in strip.cells}
    assert levels[6] == LEVELS and 0 < levels[2] < LEVELS and levels[1] == 0
    assert strip.busiest.number == 6


def test_cells_fill_the_width_in_text_order():
    cells = [Cell(n, "paragraph") for n in (1, 2, 3)]
    lay_out(cells, [100, 300, 0])
    assert cells[0].x == 0 and cells[0].x < cells[1].x < cells[2].x
    assert cells[1].width > cells[0].width > cells[2].width > 0
    assert cells[2].x + cells[2].width == pytest.approx(100, abs=0.05)


def test_the_teachers_view_draws_the_strip_with_a_title_a_description_and_a_table(room, teacher, ann, article):
    note_in(ann, room, article, 3)
    html = client_for(teacher).get(f"/classes/{room.pk}/teacher/").content.decode()
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "The most discussed is paragraph 3, with 1." in html
    assert f'href="/classes/{room.pk}/articles/{article.slug}/#p3">¶3</a></th><td class="num">1</td>' in html
