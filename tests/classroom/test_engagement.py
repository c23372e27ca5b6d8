"""The teacher's view per student (annotations, replies, words, tags, last activity, progress)
and its open questions."""
import pytest

from annotations.classroom.engagement import open_questions, student_rows, words_by_author
from annotations.classroom.selectors import assignments_for
from annotations.models import Annotation

from .conftest import assignment, client_for, note_in, reply_to

pytestmark = pytest.mark.django_db


def row_of(teacher, room, user):
    rows = student_rows(teacher, room, list(assignments_for(teacher, room)))
    return next(r for r in rows if r.user_id == user.pk)


def test_each_student_has_a_row_by_name(room, teacher, ann, ben):
    rows = student_rows(teacher, room, [])
    assert [r.name for r in rows] == ["Annabel Archer", "Benedict Baker"]


def test_annotations_and_replies_are_counted(room, teacher, ann, ben, article):
    root = note_in(ann, room, article, 2)
    note_in(ann, room, article, 3)
    reply_to(ann, note_in(ben, room, article, 4))
    reply_to(ben, root)
    row = row_of(teacher, room, ann)
    assert (row.annotations, row.replies) == (2, 1)


def test_words_are_counted_across_annotations_and_replies(room, teacher, ann, ben, article):
    note_in(ann, room, article, 2, body="Three short words")
    reply_to(ann, note_in(ben, room, article, 3), body="  two\n\nwords  ")
    note_in(ann, room, article, 4, body="")
    assert row_of(teacher, room, ann).words == 5


@pytest.mark.parametrize("body", [
    "", "   ", "one", "two words", "tabs\tand\nnew\r\nlines", "lots     of      spaces", "  *Markdown* **too**\n\n- a list\n- item ",
])
def test_words_are_separated_by_any_whitespace(room, ann, article, body):
    made = note_in(ann, room, article, 2, body=body)
    assert words_by_author(Annotation.objects.filter(pk=made.pk))[ann.pk] == len(body.split())


def test_tags_are_the_most_used_first(room, teacher, ann, article):
    note_in(ann, room, article, 2, tags=["question", "tone"])
    note_in(ann, room, article, 3, tags=["tone"])
    assert row_of(teacher, room, ann).tags == [("tone", 2), ("question", 1)]


def test_last_activity_is_the_latest_annotation(room, teacher, ann, article):
    note_in(ann, room, article, 2)
    latest = note_in(ann, room, article, 3)
    assert row_of(teacher, room, ann).last_activity == latest.modified


def test_a_student_who_did_nothing_has_zeros(room, teacher, ann):
    row = row_of(teacher, room, ann)
    assert (row.annotations, row.replies, row.words, row.last_activity, row.tags) == (0, 0, 0, None, [])


def test_private_annotations_are_invisible_to_the_teachers_counts(room, teacher, ann, article):
    note_in(ann, room, article, 2, body="secret thoughts", tags=["diary"], visibility="private", classroom_id=None)
    row = row_of(teacher, room, ann)
    assert (row.annotations, row.words, row.tags) == (0, 0, [])


def test_the_row_shows_assignment_progress(room, teacher, ann, article):
    assignment(teacher, room, [article], min_annotations=1, min_replies=0)
    note_in(ann, room, article, 2)
    [(task, progress)] = row_of(teacher, room, ann).progress
    assert progress.is_complete and row_of(teacher, room, ann).complete == 1


def test_teachers_have_no_row(room, teacher, ann, article):
    note_in(teacher, room, article, 2)
    assert teacher.pk not in {r.user_id for r in student_rows(teacher, room, [])}


def test_an_unanswered_question_is_open(room, teacher, ann, article):
    question = note_in(ann, room, article, 2, body="Why now?", tags=["question"])
    shown, total = open_questions(teacher, room)
    assert ([q.pk for q in shown], total) == ([question.pk], 1)


def test_an_answered_question_is_not_open(room, teacher, ann, ben, article):
    reply_to(ben, note_in(ann, room, article, 2, tags=["question"]))
    assert open_questions(teacher, room) == ([], 0)


def test_an_annotation_not_tagged_question_is_not_a_question(room, teacher, ann, article):
    note_in(ann, room, article, 2, body="Why?", tags=["tone"])
    assert open_questions(teacher, room) == ([], 0)


def test_a_private_question_is_not_shown_to_the_teacher(room, teacher, ann, article):
    note_in(ann, room, article, 2, tags=["question"], visibility="private", classroom_id=None)
    assert open_questions(teacher, room) == ([], 0)


def test_the_teachers_view_shows_the_counts(room, teacher, ann, article):
    note_in(ann, room, article, 2, body="Three short words")
    html = client_for(teacher).get(f"/classes/{room.pk}/teacher/").content.decode()
    row = html[html.index('data-student="ann"'):]
    row = row[:row.index("</tr>")]
    assert '<td class="num" data-col="annotations">1</td>' in row
    assert '<td class="num" data-col="words">3</td>' in row
