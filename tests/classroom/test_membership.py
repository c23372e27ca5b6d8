"""Class membership services: rotate the join code, join, remove, add a co-teacher, leave."""
import pytest

from annotations.classroom.membership import (
    add_teacher, create_classroom, join_classroom, leave_classroom, remove_member, rotate_join_code,
)
from annotations.classroom.selectors import classes_of
from annotations.errors import AnnotationError, NotAuthor
from annotations.models import Classroom, Membership

pytestmark = pytest.mark.django_db


def role_of(user, room):
    membership = Membership.objects.filter(user=user, classroom=room).first()
    return membership.role if membership else None


def test_rotating_the_code_gives_a_new_one(room, teacher):
    old = room.join_code
    new = rotate_join_code(teacher, room)
    assert new != old and Classroom.objects.get(pk=room.pk).join_code == new


def test_the_old_code_no_longer_joins_after_rotation(room, teacher, outsider):
    old = room.join_code
    rotate_join_code(teacher, room)
    with pytest.raises(AnnotationError, match="join code"):
        join_classroom(outsider, old)


def test_the_new_code_joins_after_rotation(room, teacher, outsider):
    join_classroom(outsider, rotate_join_code(teacher, room))
    assert role_of(outsider, room) == "student"


def test_rotation_keeps_the_members(room, teacher):
    rotate_join_code(teacher, room)
    assert room.memberships.count() == 3


def test_a_student_cannot_rotate_the_code(room, ann):
    with pytest.raises(NotAuthor):
        rotate_join_code(ann, room)


def test_an_outsider_cannot_rotate_the_code(room, outsider):
    with pytest.raises(NotAuthor):
        rotate_join_code(outsider, room)


def test_a_teacher_removes_a_student(room, teacher, ann):
    remove_member(teacher, room, ann)
    assert role_of(ann, room) is None


def test_a_student_cannot_remove_anyone(room, ann, ben):
    with pytest.raises(NotAuthor):
        remove_member(ann, room, ben)
    assert role_of(ben, room) == "student"


def test_a_teacher_cannot_remove_themselves(room, teacher):
    with pytest.raises(AnnotationError, match="Leave"):
        remove_member(teacher, room, teacher)


def test_removing_someone_outside_the_class_is_refused(room, teacher, outsider):
    with pytest.raises(AnnotationError, match="not in this class"):
        remove_member(teacher, room, outsider)


def test_a_teacher_of_another_class_cannot_remove_a_student(room, room_b, teacher_b, ann):
    with pytest.raises(NotAuthor):
        remove_member(teacher_b, room, ann)


def test_a_co_teacher_is_added_by_username(room, teacher, outsider):
    add_teacher(teacher, room, "olga")
    assert role_of(outsider, room) == "teacher"


def test_adding_a_student_as_co_teacher_promotes_them(room, teacher, ann):
    add_teacher(teacher, room, " ann ")
    assert role_of(ann, room) == "teacher"
    assert Membership.objects.filter(user=ann, classroom=room).count() == 1


def test_an_unknown_username_is_refused(room, teacher):
    with pytest.raises(AnnotationError, match="nobody"):
        add_teacher(teacher, room, "nobody")


def test_a_student_cannot_add_a_teacher(room, ann, outsider):
    with pytest.raises(NotAuthor):
        add_teacher(ann, room, "olga")
    assert role_of(outsider, room) is None


def test_a_student_leaves(room, ann):
    leave_classroom(ann, room)
    assert role_of(ann, room) is None


def test_the_last_teacher_cannot_leave(room, teacher):
    with pytest.raises(AnnotationError, match="needs a teacher"):
        leave_classroom(teacher, room)


def test_a_teacher_leaves_once_there_is_a_co_teacher(room, teacher, ann):
    add_teacher(teacher, room, "ann")
    leave_classroom(teacher, room)
    assert role_of(teacher, room) is None


def test_leaving_a_class_one_is_not_in_is_refused(room, outsider):
    with pytest.raises(AnnotationError, match="not in this class"):
        leave_classroom(outsider, room)


def test_one_person_may_be_in_several_classes(room, room_b, ann):
    join_classroom(ann, room_b.join_code)
    assert {c.pk for c in classes_of(ann)} == {room.pk, room_b.pk}


def test_my_classes_give_my_role_and_the_member_count(room, room_b, teacher, ann):
    mine = create_classroom(ann, "Ann's reading group")
    rows = {c.pk: (c.role, c.member_count) for c in classes_of(ann)}
    assert rows == {room.pk: ("student", 3), mine.pk: ("teacher", 1)}


def test_nobody_signed_out_has_classes(room):
    from django.contrib.auth.models import AnonymousUser

    assert list(classes_of(AnonymousUser())) == []
