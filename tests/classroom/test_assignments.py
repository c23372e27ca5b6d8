"""Assignment services: teachers set, edit and delete them; the rules of a paragraph range."""
import datetime

import pytest

from annotations.classroom.assignments import AssignmentDraft, delete_assignment, update_assignment
from annotations.classroom.models import Assignment
from annotations.classroom.selectors import assignments_for
from annotations.errors import AnnotationError, NotAuthor

from .conftest import assignment

pytestmark = pytest.mark.django_db


def draft(articles, **kwargs):
    return AssignmentDraft(title=kwargs.pop("title", "Week 1"), articles=list(articles),
                           due=kwargs.pop("due", datetime.date(2030, 1, 1)), **kwargs)


def test_a_teacher_sets_an_assignment(room, teacher, article):
    made = assignment(teacher, room, [article], prompt="Look for *framing*.", min_annotations=3, min_replies=1)
    assert (made.classroom, list(made.articles.all()), made.min_annotations) == (room, [article], 3)
    assert "<em>framing</em>" in made.prompt_html()


def test_an_assignment_may_cover_several_articles(room, teacher, article, other_article):
    made = assignment(teacher, room, [article, other_article])
    assert made.articles.count() == 2


def test_a_paragraph_range_is_kept(room, teacher, article):
    made = assignment(teacher, room, [article], from_block=2, to_block=4)
    assert (made.from_block, made.to_block) == (2, 4)


def test_a_student_cannot_set_an_assignment(room, ann, article):
    with pytest.raises(NotAuthor):
        assignment(ann, room, [article])
    assert not Assignment.objects.exists()


def test_a_teacher_of_another_class_cannot_set_one_here(room, room_b, teacher_b, article):
    with pytest.raises(NotAuthor):
        assignment(teacher_b, room, [article])


def test_a_range_needs_exactly_one_article(room, teacher, article, other_article):
    with pytest.raises(AnnotationError, match="exactly one article"):
        assignment(teacher, room, [article, other_article], from_block=1, to_block=2)


def test_a_range_needs_both_ends(room, teacher, article):
    with pytest.raises(AnnotationError, match="both ends"):
        assignment(teacher, room, [article], from_block=2)


def test_a_range_runs_forwards(room, teacher, article):
    with pytest.raises(AnnotationError, match="later one"):
        assignment(teacher, room, [article], from_block=4, to_block=2)


def test_a_range_stays_inside_the_article(room, teacher, article):
    count = article.current_revision.blocks.count()
    with pytest.raises(AnnotationError, match=f"{count} paragraphs"):
        assignment(teacher, room, [article], from_block=1, to_block=count + 1)


def test_an_assignment_needs_an_article(room, teacher):
    with pytest.raises(AnnotationError, match="at least one article"):
        assignment(teacher, room, [])


def test_an_assignment_needs_a_title(room, teacher, article):
    with pytest.raises(AnnotationError, match="title"):
        assignment(teacher, room, [article], title="  ")


def test_a_teacher_edits_an_assignment(room, teacher, article, other_article):
    made = assignment(teacher, room, [article])
    update_assignment(teacher, made, draft([other_article], title="Week 2", min_replies=2))
    made.refresh_from_db()
    assert (made.title, list(made.articles.all()), made.min_replies) == ("Week 2", [other_article], 2)


def test_a_student_cannot_edit_an_assignment(room, teacher, ann, article):
    made = assignment(teacher, room, [article])
    with pytest.raises(NotAuthor):
        update_assignment(ann, made, draft([article], title="Mine now"))
    made.refresh_from_db()
    assert made.title == "Week 1"


def test_a_teacher_deletes_an_assignment(room, teacher, article):
    delete_assignment(teacher, assignment(teacher, room, [article]))
    assert not Assignment.objects.exists()


def test_a_student_cannot_delete_an_assignment(room, teacher, ann, article):
    made = assignment(teacher, room, [article])
    with pytest.raises(NotAuthor):
        delete_assignment(ann, made)
    assert Assignment.objects.filter(pk=made.pk).exists()


def test_members_see_the_class_assignments_soonest_first(room, teacher, ann, article):
    later = assignment(teacher, room, [article], title="Later", due=datetime.date(2031, 1, 1))
    sooner = assignment(teacher, room, [article], title="Sooner", due=datetime.date(2030, 1, 1))
    assert list(assignments_for(ann, room)) == [sooner, later]


def test_others_see_no_assignments_of_the_class(room, room_b, teacher, cleo, outsider, article):
    assignment(teacher, room, [article])
    assert list(assignments_for(cleo, room)) == [] and list(assignments_for(outsider, room)) == []
