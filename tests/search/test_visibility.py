"""Annotations in search follow `visible_annotations`, the rule every other route uses: a private
annotation is found by its author only, a class one by the class, a hidden one by its author and
the class's teachers, a deleted one by no one."""
import pytest
from django.contrib.auth.models import AnonymousUser

from annotations.models import Membership
from annotations.services import create_annotation, delete_annotation, set_hidden
from annotations.selectors import visible_annotations
from search.service import search

from .conftest import annotate, found_annotations, make_user

pytestmark = pytest.mark.django_db
WORD = "quokkas"  # in no article: only the annotations below have it


@pytest.fixture
def private(owner, kishida):
    return annotate(owner, kishida, "brighter future", body=f"A note about {WORD}.")


@pytest.fixture
def shared(owner, kishida, classroom):
    return annotate(owner, kishida, "blanket ban", body=f"Class note on {WORD}.", visibility="class",
                    classroom_id=classroom.pk)


@pytest.fixture
def public(member, kishida):
    return annotate(member, kishida, "seafood", body=f"Public note on {WORD}.", visibility="public")


def test_a_private_annotation_is_found_by_its_author(owner, private):
    assert found_annotations(owner, WORD) == {private.pk}


@pytest.mark.parametrize("who", ["member", "teacher", "outsider", "anonymous"])
def test_a_private_annotation_is_found_by_no_one_else(request, who, private, classroom):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    assert found_annotations(user, WORD) == set()


def test_a_private_annotation_is_not_found_by_its_quoted_words_either(member, private):
    assert private.pk not in found_annotations(member, "brighter future")


@pytest.mark.parametrize("who", ["owner", "member", "teacher"])
def test_a_class_annotation_is_found_by_every_member(request, who, shared):
    assert found_annotations(request.getfixturevalue(who), WORD) == {shared.pk}


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_a_class_annotation_is_not_found_outside_the_class(request, who, shared):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    assert found_annotations(user, WORD) == set()


def test_a_class_annotation_is_not_found_by_another_class(shared, outsider, teacher):
    from annotations.models import Classroom

    other = Classroom.objects.create(name="Other", created_by=teacher)
    Membership.objects.create(user=outsider, classroom=other)
    assert found_annotations(outsider, WORD) == set()


def test_a_public_annotation_is_found_by_everyone(public, outsider):
    assert found_annotations(AnonymousUser(), WORD) == {public.pk}
    assert found_annotations(outsider, WORD) == {public.pk}


def test_a_hidden_annotation_is_found_by_its_author_and_the_teachers_only(owner, member, teacher, outsider,
                                                                          shared):
    set_hidden(teacher, shared, True)
    assert found_annotations(owner, WORD) == {shared.pk}
    assert found_annotations(teacher, WORD) == {shared.pk}
    assert found_annotations(member, WORD) == set()
    assert found_annotations(outsider, WORD) == set()


def test_a_shown_again_annotation_is_found_by_the_class_again(member, teacher, shared):
    set_hidden(teacher, shared, True)
    set_hidden(teacher, shared, False)
    assert found_annotations(member, WORD) == {shared.pk}


def test_a_reply_in_a_hidden_thread_is_hidden_with_it(owner, member, teacher, shared):
    reply = create_annotation(member, parent=shared, body=f"Reply on {WORD}.")
    set_hidden(teacher, shared, True)
    assert found_annotations(owner, WORD) == {shared.pk}
    assert found_annotations(member, WORD) == {reply.pk}  # an author always sees their own
    assert found_annotations(teacher, WORD) == {shared.pk, reply.pk}


def test_a_deleted_annotation_is_found_by_no_one(owner, private):
    delete_annotation(owner, private)
    assert found_annotations(owner, WORD) == set()


def test_a_deleted_annotation_that_keeps_its_replies_is_not_found(owner, member, shared):
    create_annotation(member, parent=shared, body="A reply.")
    assert delete_annotation(owner, shared) == "tombstoned"
    assert found_annotations(owner, "brighter") == set()
    assert found_annotations(member, "blanket ban") == set()


def test_leaving_the_class_loses_its_annotations_at_once(member, shared, classroom):
    Membership.objects.filter(user=member, classroom=classroom).delete()
    assert found_annotations(member, WORD) == set()


def test_search_never_finds_an_annotation_the_selector_hides(owner, member, teacher, outsider, private,
                                                             shared, public):
    """Whatever the documents say, the live rule decides: the same set for every reader."""
    writer = make_user("wanda")
    for user in (owner, member, teacher, outsider, writer, AnonymousUser()):
        visible = set(visible_annotations(user).values_list("pk", flat=True))
        assert found_annotations(user, WORD) <= visible
        assert found_annotations(user, WORD) == visible & {private.pk, shared.pk, public.pk}


def test_annotation_results_link_to_their_paragraph(owner, private, kishida):
    hit = next(h for h in search(owner, WORD).hits if h.document.kind == "annotation")
    block = next(b for b in kishida.current_revision.blocks.all() if "brighter future" in b.text)
    assert hit.document.url == f"{kishida.get_absolute_url()}#p{block.number}"
