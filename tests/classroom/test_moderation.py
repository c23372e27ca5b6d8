"""Moderation in a class: teachers hide and restore, students flag; hidden annotations vanish
for students but stay, marked, for teachers; hiding or dismissing resolves flags."""
import pytest

from annotations.classroom.flags import dismiss_flag, flag_annotation, moderate
from annotations.classroom.models import Flag
from annotations.errors import AnnotationError, NotAuthor
from annotations.models import Annotation

from .conftest import client_for, note_in, reply_to

pytestmark = pytest.mark.django_db


def reading(user, room, article):
    return client_for(user).get(f"/classes/{room.pk}/articles/{article.slug}/").content.decode()


@pytest.fixture
def rude(room, ben, article):
    return note_in(ben, room, article, 3, body="Something rude")


def test_a_teacher_hides_an_annotation_from_the_class(room, teacher, ann, rude, article):
    response = client_for(teacher).post(f"/classes/{room.pk}/annotations/{rude.pk}/hide/")
    assert response.status_code == 302
    assert Annotation.objects.get(pk=rude.pk).hidden
    assert "Something rude" not in reading(ann, room, article)


def test_a_hidden_annotation_stays_visible_to_teachers_with_a_mark(room, teacher, rude, article):
    moderate(teacher, rude, True)
    html = reading(teacher, room, article)
    assert "Something rude" in html and "Hidden from students" in html and "hl-hidden" in html


def test_its_author_still_sees_a_hidden_annotation_marked(room, teacher, ben, rude, article):
    moderate(teacher, rude, True)
    html = reading(ben, room, article)
    assert "Something rude" in html and ">Hidden</span>" in html


def test_replies_in_a_hidden_thread_are_hidden_with_it(room, teacher, ann, ben, rude, article):
    reply_to(ann, rude, body="A reply in the thread")
    moderate(teacher, rude, True)
    assert "A reply in the thread" not in reading(ben, room, article).replace("Something rude", "")
    assert "A reply in the thread" in reading(teacher, room, article)


def test_a_teacher_restores_a_hidden_annotation(room, teacher, ann, rude, article):
    moderate(teacher, rude, True)
    client_for(teacher).post(f"/classes/{room.pk}/annotations/{rude.pk}/restore/")
    assert "Something rude" in reading(ann, room, article)


def test_a_student_cannot_hide_with_the_service(room, ann, rude):
    with pytest.raises(NotAuthor):
        moderate(ann, rude, True)


def test_a_student_flags_an_annotation(room, ann, rude):
    response = client_for(ann).post(f"/classes/{room.pk}/annotations/{rude.pk}/flag/", {"reason": "Unkind"})
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert (flag.annotation, flag.user, flag.reason, flag.resolved) == (rude, ann, "Unkind", False)


def test_a_flag_shows_on_the_teachers_view(room, teacher, ann, rude):
    flag_annotation(ann, rude, "Unkind")
    html = client_for(teacher).get(f"/classes/{room.pk}/teacher/").content.decode()
    assert "flagged by Annabel Archer: “Unkind”" in html


def test_a_flag_is_marked_for_teachers_on_the_reading_page(room, teacher, ann, rude, article):
    flag_annotation(ann, rude)
    assert "badge-flag" in reading(teacher, room, article)
    assert "badge-flag" not in reading(ann, room, article) and "You flagged this" in reading(ann, room, article)


def test_flagging_twice_is_refused(room, ann, rude):
    flag_annotation(ann, rude)
    with pytest.raises(AnnotationError, match="already flagged"):
        flag_annotation(ann, rude)
    assert Flag.objects.count() == 1


def test_one_cannot_flag_ones_own_annotation(room, ben, rude):
    with pytest.raises(AnnotationError, match="own"):
        flag_annotation(ben, rude)


def test_an_outsider_cannot_flag(room, outsider, rude):
    with pytest.raises(NotAuthor):
        flag_annotation(outsider, rude)


def test_a_private_annotation_cannot_be_flagged(room, ann, article):
    private = note_in(ann, room, article, 2, visibility="private", classroom_id=None)
    with pytest.raises(NotAuthor):
        flag_annotation(ann, private)


def test_hiding_resolves_the_flags(room, teacher, ann, rude):
    flag_annotation(ann, rude)
    moderate(teacher, rude, True)
    flag = Flag.objects.get()
    assert flag.resolved and flag.resolved_by == teacher


def test_a_teacher_dismisses_a_flag_and_the_annotation_stays(room, teacher, ann, rude):
    flag = flag_annotation(ann, rude)
    response = client_for(teacher).post(f"/classes/{room.pk}/flags/{flag.pk}/dismiss/")
    assert response.status_code == 302
    assert Flag.objects.get().resolved and not Annotation.objects.get(pk=rude.pk).hidden


def test_a_student_cannot_dismiss_a_flag(room, ann, ben, rude):
    flag = flag_annotation(ann, rude)
    assert client_for(ben).post(f"/classes/{room.pk}/flags/{flag.pk}/dismiss/").status_code == 403
    with pytest.raises(NotAuthor):
        dismiss_flag(ben, flag)
    assert not Flag.objects.get().resolved


def test_another_classs_teacher_cannot_dismiss_a_flag(room, room_b, teacher_b, ann, rude):
    flag = flag_annotation(ann, rude)
    assert client_for(teacher_b).post(f"/classes/{room_b.pk}/flags/{flag.pk}/dismiss/").status_code == 404
    assert not Flag.objects.get().resolved


def test_moderation_is_post_only(room, teacher, rude):
    client = client_for(teacher)
    for action in ("hide", "restore", "flag"):
        assert client.get(f"/classes/{room.pk}/annotations/{rude.pk}/{action}/").status_code == 405


def test_moderation_needs_the_csrf_token(room, teacher, rude):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    assert client.post(f"/classes/{room.pk}/annotations/{rude.pk}/hide/").status_code == 403
    assert not Annotation.objects.get(pk=rude.pk).hidden
