"""Classes: created with their teacher, joined with a code (the pages come later)."""
import pytest

from annotations.errors import AnnotationError
from annotations.models import JOIN_CODE_ALPHABET, Membership
from annotations.services import create_classroom, join_classroom

pytestmark = pytest.mark.django_db


def test_the_creator_teaches_the_new_class(teacher):
    room = create_classroom(teacher, "Modern East Asia")
    assert Membership.objects.get(classroom=room).role == "teacher"
    assert room.created_by == teacher


def test_a_join_code_is_easy_to_read_aloud(teacher):
    code = create_classroom(teacher, "A").join_code
    assert len(code) == 8 and set(code) <= set(JOIN_CODE_ALPHABET)


def test_a_student_joins_with_the_code_in_any_case(teacher, member):
    room = create_classroom(teacher, "A")
    membership = join_classroom(member, f"  {room.join_code.lower()} ")
    assert (membership.classroom, membership.role) == (room, "student")


def test_joining_twice_keeps_one_membership_and_its_role(teacher):
    room = create_classroom(teacher, "A")
    assert join_classroom(teacher, room.join_code).role == "teacher"
    assert Membership.objects.filter(classroom=room).count() == 1


def test_an_unknown_code_is_refused(member, db):
    with pytest.raises(AnnotationError, match="join code"):
        join_classroom(member, "NOPE1234")


def test_a_class_needs_a_name(teacher):
    with pytest.raises(AnnotationError, match="name"):
        create_classroom(teacher, "   ")
