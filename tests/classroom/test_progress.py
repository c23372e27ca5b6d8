"""Progress with an assignment: what counts (class annotations in the assigned text, replies in
threads rooted there) and what does not; statuses; one query for a whole class."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.classroom.flags import moderate
from annotations.classroom.progress import COMPLETE, NOT_STARTED, STARTED, progress_by_student, progress_of
from annotations.classroom.selectors import assignments_for
from annotations.models import Membership
from annotations.services import delete_annotation

from .conftest import assignment, note_in, person, reply_to, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranged(room, teacher, article):
    """Paragraphs 2 to 4 of the article: two annotations and one reply expected."""
    return assignment(teacher, room, [article], from_block=2, to_block=4, min_annotations=2, min_replies=1)


def progress(viewer, room, task, student):
    return progress_of(progress_by_student(viewer, room, [task]), student.pk, task)


def counts(viewer, room, task, student):
    found = progress(viewer, room, task, student)
    return found.annotations, found.replies


def test_annotations_inside_the_range_count(room, teacher, ann, article, ranged):
    note_in(ann, room, article, 2)
    note_in(ann, room, article, 4)
    assert counts(teacher, room, ranged, ann) == (2, 0)


def test_annotations_outside_the_range_do_not_count(room, teacher, ann, article, ranged):
    note_in(ann, room, article, 1)
    note_in(ann, room, article, 5)
    assert counts(teacher, room, ranged, ann) == (0, 0)


def test_replies_in_a_thread_rooted_in_the_range_count(room, teacher, ann, ben, article, ranged):
    reply_to(ann, note_in(ben, room, article, 3))
    assert counts(teacher, room, ranged, ann) == (0, 1)


def test_replies_in_a_thread_rooted_outside_the_range_do_not_count(room, teacher, ann, ben, article, ranged):
    reply_to(ann, note_in(ben, room, article, 6))
    assert counts(teacher, room, ranged, ann) == (0, 0)


def test_another_article_does_not_count(room, teacher, ann, other_article, ranged):
    note_in(ann, room, other_article, 3)
    assert counts(teacher, room, ranged, ann) == (0, 0)


def test_a_whole_article_assignment_counts_every_paragraph(room, teacher, ann, article):
    task = assignment(teacher, room, [article])
    note_in(ann, room, article, 1)
    note_in(ann, room, article, 9)
    assert counts(teacher, room, task, ann) == (2, 0)


def test_private_annotations_never_count(room, teacher, ann, article, ranged):
    note_in(ann, room, article, 3, visibility="private", classroom_id=None)
    assert counts(teacher, room, ranged, ann) == (0, 0)
    assert counts(ann, room, ranged, ann) == (0, 0)  # the same figure whoever asks


def test_annotations_of_another_class_do_not_count(room, room_b, teacher, ann, article, ranged):
    seat(ann, room_b)
    note_in(ann, room_b, article, 3)
    assert counts(teacher, room, ranged, ann) == (0, 0)


def test_hidden_annotations_do_not_count(room, teacher, ann, article, ranged):
    moderate(teacher, note_in(ann, room, article, 3), True)
    assert counts(teacher, room, ranged, ann) == (0, 0)


def test_deleted_annotations_do_not_count(room, teacher, ann, article, ranged):
    delete_annotation(ann, note_in(ann, room, article, 3))
    assert counts(teacher, room, ranged, ann) == (0, 0)


def test_a_student_sees_the_same_progress_as_the_teacher(room, teacher, ann, ben, article, ranged):
    note_in(ann, room, article, 2)
    reply_to(ann, note_in(ben, room, article, 3))
    assert counts(ann, room, ranged, ann) == counts(teacher, room, ranged, ann) == (1, 1)


def test_nothing_done_is_not_started(room, teacher, ann, ranged):
    assert progress(teacher, room, ranged, ann).status == NOT_STARTED


def test_some_done_is_started(room, teacher, ann, article, ranged):
    note_in(ann, room, article, 2)
    found = progress(teacher, room, ranged, ann)
    assert (found.status, found.percent) == (STARTED, 33)


def test_all_expectations_met_is_complete(room, teacher, ann, ben, article, ranged):
    note_in(ann, room, article, 2)
    note_in(ann, room, article, 3)
    reply_to(ann, note_in(ben, room, article, 4))
    found = progress(teacher, room, ranged, ann)
    assert (found.status, found.percent) == (COMPLETE, 100)


def test_incomplete_past_the_due_date_is_overdue(room, teacher, ann, article):
    task = assignment(teacher, room, [article], due=datetime.date.today() - datetime.timedelta(days=1))
    assert progress(teacher, room, task, ann).overdue


def test_complete_past_the_due_date_is_not_overdue(room, teacher, ann, article):
    task = assignment(teacher, room, [article], due=datetime.date.today() - datetime.timedelta(days=1),
                      min_annotations=1, min_replies=0)
    note_in(ann, room, article, 2)
    assert not progress(teacher, room, task, ann).overdue


def test_progress_of_a_whole_class_is_one_query_and_one_for_ranges(room, teacher, article, ranged):
    whole = assignment(teacher, room, [article], title="Whole")
    for index in range(12):
        student = person(f"s{index}")
        Membership.objects.create(user=student, classroom=room)
        note_in(student, room, article, 2 + index % 6)
    tasks = list(assignments_for(teacher, room))  # as the pages load them: articles prefetched
    with CaptureQueriesContext(connection) as queries:
        found = progress_by_student(teacher, room, tasks)
    assert len(queries) == 2
    assert sum(p.annotations for (_, task), p in found.items() if task == whole.pk) == 12
