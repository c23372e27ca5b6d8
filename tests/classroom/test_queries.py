"""The teacher's view (and the other class pages) cost a fixed number of queries, whatever the
number of students and annotations: every figure is an aggregate, never a query per row."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.classroom.models import Flag
from annotations.models import Annotation, Membership, Tag

from .conftest import assignment, client_for, person

pytestmark = pytest.mark.django_db


def grow(room, article, students, per_student=3, start_index=0, flagged=False):
    """`students` more students, each with `per_student` annotations spread over the paragraphs,
    a reply to the previous student's first one and a "question" tag on the last one; with
    `flagged`, each first annotation flagged and every other one hidden."""
    blocks = list(article.current_revision.blocks.order_by("number"))
    question, _ = Tag.objects.get_or_create(name="question")
    previous = None
    for index in range(start_index, start_index + students):
        student = person(f"student{index:03}", f"Student Name {index}")
        Membership.objects.create(user=student, classroom=room)
        made = []
        for n in range(per_student):
            block = blocks[(index + n) % len(blocks)]
            made.append(Annotation.objects.create(
                article=article, revision=article.current_revision, author=student, exact=block.text[:10],
                start=block.start, end=block.start + 10, body=f"note {n} by {index}", visibility="class",
                classroom=room))
        made[-1].tags.add(question)
        if flagged:
            Flag.objects.create(annotation=made[0], user=room.created_by)
            Annotation.objects.filter(pk=made[1].pk).update(hidden=index % 2 == 0)
        if previous is not None:
            Annotation.objects.create(article=article, author=student, parent=previous, root=previous,
                                      motivation="replying", body="a reply", visibility="class", classroom=room)
        previous = made[0]


def queries(user, url):
    client = client_for(user)
    client.get(url)  # warm: session, caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def tasks(room, teacher, article, other_article):
    assignment(teacher, room, [article], title="Range", from_block=2, to_block=5)
    assignment(teacher, room, [article, other_article], title="Whole")


@pytest.mark.parametrize("path", ["teacher/", "", "assignments/", "articles/{slug}/"])
def test_a_page_costs_the_same_for_3_and_30_students(room, teacher, article, tasks, path):
    url = f"/classes/{room.pk}/" + path.format(slug=article.slug)
    grow(room, article, 3)
    small = queries(teacher, url)
    grow(room, article, 27, per_student=5, start_index=3, flagged=True)
    assert queries(teacher, url) == small


def test_the_teachers_view_query_count_is_small(room, teacher, article, tasks):
    grow(room, article, 3)
    assert queries(teacher, f"/classes/{room.pk}/teacher/") <= 17


def test_a_students_assignment_list_costs_the_same_as_the_class_grows(room, ann, article, tasks):
    url = f"/classes/{room.pk}/assignments/"
    grow(room, article, 3)
    small = queries(ann, url)
    grow(room, article, 27, start_index=3)
    assert queries(ann, url) == small
