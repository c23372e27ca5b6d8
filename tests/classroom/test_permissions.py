"""Who reaches what: members of class A never see class B's annotations, roster or assignments
by any route (page, API, API search, export, teacher's view); a student cannot moderate or run
the class; a removed student loses access at once; a private annotation stays private even from
the teacher. Non-members get 404 (the class does not exist for them); students 403 for
teachers' pages and actions; anonymous visitors are sent to log in."""
import pytest

from annotations.classroom.membership import remove_member
from annotations.models import Annotation

from .conftest import assignment, client_for, note_in, reply_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def b_note(room_b, cleo, article):
    """Class B's annotation, with words and a tag no one else uses."""
    return note_in(cleo, room_b, article, 2, body="Bravo-only remark", tags=["bravo-tag"])


@pytest.fixture
def b_task(room_b, teacher_b, article):
    return assignment(teacher_b, room_b, [article], title="Bravo homework")


def member_pages(room, article, task=None):
    pages = [f"/classes/{room.pk}/", f"/classes/{room.pk}/assignments/",
             f"/classes/{room.pk}/articles/{article.slug}/"]
    if task is not None:
        pages.append(f"/classes/{room.pk}/assignments/{task.pk}/")
    return pages


def teacher_pages(room):
    return [f"/classes/{room.pk}/teacher/", f"/classes/{room.pk}/export.csv",
            f"/classes/{room.pk}/assignments/new/"]


def api_ids(viewer, **params):
    response = client_for(viewer).get("/api/annotations/", params)
    assert response.status_code == 200
    return {int(item["id"].rsplit("/", 1)[1]) for item in response.json()["first"]["items"]}


# --- class A's members and class B ------------------------------------------------------------

@pytest.mark.parametrize("who", ["ann", "teacher"])
def test_class_a_members_get_404_on_every_page_of_class_b(request, who, room, room_b, article, b_task):
    client = client_for(request.getfixturevalue(who))
    for url in member_pages(room_b, article, b_task) + teacher_pages(room_b):
        assert client.get(url).status_code == 404, url


def test_class_bs_annotation_is_not_on_class_as_reading_page(room, room_b, ann, article, b_note):
    html = client_for(ann).get(f"/classes/{room.pk}/articles/{article.slug}/").content.decode()
    assert "Bravo-only remark" not in html and f'data-annotation="{b_note.pk}"' not in html


def test_class_bs_annotation_is_not_in_the_api_list_for_class_a(room, room_b, ann, teacher, article, b_note):
    from tests.annotations.conftest import article_url

    for user in (ann, teacher):
        assert b_note.pk not in api_ids(user, target=article_url(article))


def test_class_bs_annotation_is_not_found_by_api_search(room, room_b, ann, teacher, b_note):
    for user in (ann, teacher):
        assert api_ids(user, tag="bravo-tag") == set()
        assert api_ids(user, user="cleo") == set()
        assert api_ids(user, visibility="class") == set()


def test_class_bs_annotation_is_404_in_the_api_for_class_a(room, room_b, ann, teacher, b_note):
    for user in (ann, teacher):
        assert client_for(user).get(f"/api/annotations/{b_note.pk}").status_code == 404


def test_class_bs_annotation_is_not_in_class_as_export(room, room_b, teacher, article, b_note):
    note_in(teacher, room, article, 3, body="Alpha remark")
    csv = b"".join(client_for(teacher).get(f"/classes/{room.pk}/export.csv").streaming_content).decode()
    assert "Alpha remark" in csv and "Bravo-only remark" not in csv and "cleo" not in csv.lower()


def test_class_bs_annotation_is_not_counted_in_class_as_teachers_view(room, room_b, teacher, ann, article):
    from annotations.classroom.membership import join_classroom

    join_classroom(ann, room_b.join_code)
    note_in(ann, room_b, article, 2, tags=["bravo-tag"])
    html = client_for(teacher).get(f"/classes/{room.pk}/teacher/").content.decode()
    assert "bravo-tag" not in html and "The most discussed" not in html


def test_class_bs_roster_is_not_on_class_as_pages(room, room_b, teacher, ann, article):
    for url in member_pages(room, article) + [f"/classes/{room.pk}/teacher/"]:
        html = client_for(teacher).get(url).content.decode()
        assert "Cleo" not in html and "theo" not in html, url


def test_class_bs_assignments_are_not_on_class_as_pages(room, room_b, ann, article, b_task):
    for url in member_pages(room, article) + ["/classes/"]:
        assert "Bravo homework" not in client_for(ann).get(url).content.decode(), url


def test_a_replys_parent_in_class_b_cannot_be_reached_from_class_a(room, room_b, ann, b_note):
    response = client_for(ann).post(f"/classes/{room.pk}/annotations/{b_note.pk}/reply/", {"body": "hi"})
    assert response.status_code == 404
    assert not b_note.replies.exists()


def test_class_bs_annotation_cannot_be_flagged_or_hidden_through_class_a(room, room_b, ann, teacher, b_note):
    for user, action in ((ann, "flag"), (teacher, "hide")):
        response = client_for(user).post(f"/classes/{room.pk}/annotations/{b_note.pk}/{action}/")
        assert response.status_code == 404
    assert not Annotation.objects.get(pk=b_note.pk).hidden


def test_class_bs_teacher_cannot_hide_class_as_annotation(room, room_b, ann, teacher_b, article):
    a_note = note_in(ann, room, article, 2)
    assert client_for(teacher_b).post(f"/classes/{room_b.pk}/annotations/{a_note.pk}/hide/").status_code == 404
    assert client_for(teacher_b).post(f"/classes/{room.pk}/annotations/{a_note.pk}/hide/").status_code == 404
    assert not Annotation.objects.get(pk=a_note.pk).hidden


# --- outsiders and anonymous visitors -------------------------------------------------------

def test_an_outsider_gets_404_everywhere(room, outsider, article):
    client = client_for(outsider)
    for url in member_pages(room, article) + teacher_pages(room):
        assert client.get(url).status_code == 404, url


def test_an_unknown_class_is_404(teacher):
    assert client_for(teacher).get("/classes/999999/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(room, article):
    for url in member_pages(room, article) + teacher_pages(room) + ["/classes/"]:
        response = client_for().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="), url


# --- students and the teacher's powers ------------------------------------------------------

def test_a_student_gets_403_on_the_teachers_pages(room, ann):
    client = client_for(ann)
    for url in teacher_pages(room):
        assert client.get(url).status_code == 403, url


def test_a_student_cannot_restore_their_own_hidden_annotation(room, teacher, ann, article):
    own = note_in(ann, room, article, 2)
    client_for(teacher).post(f"/classes/{room.pk}/annotations/{own.pk}/hide/")
    assert client_for(ann).post(f"/classes/{room.pk}/annotations/{own.pk}/restore/").status_code == 403
    assert Annotation.objects.get(pk=own.pk).hidden


def test_a_student_cannot_hide_an_annotation(room, ann, ben, article):
    target = note_in(ben, room, article, 2)
    assert client_for(ann).post(f"/classes/{room.pk}/annotations/{target.pk}/hide/").status_code == 403
    assert not Annotation.objects.get(pk=target.pk).hidden


def test_a_student_cannot_restore_an_annotation_they_no_longer_see(room, teacher, ann, ben, article):
    target = note_in(ben, room, article, 2)
    client_for(teacher).post(f"/classes/{room.pk}/annotations/{target.pk}/hide/")
    assert client_for(ann).post(f"/classes/{room.pk}/annotations/{target.pk}/restore/").status_code == 404
    assert Annotation.objects.get(pk=target.pk).hidden


@pytest.mark.parametrize("action", ["code/rotate/", "members/{ben}/remove/", "teachers/add/"])
def test_a_student_cannot_run_the_class(room, ann, ben, action):
    old_code = room.join_code
    response = client_for(ann).post(f"/classes/{room.pk}/" + action.format(ben=ben.pk), {"username": "ann"})
    assert response.status_code == 403
    room.refresh_from_db()
    assert room.join_code == old_code and room.memberships.filter(role="teacher").count() == 1
    assert room.memberships.count() == 3


def test_a_student_cannot_edit_or_delete_an_assignment(room, teacher, ann, article):
    task = assignment(teacher, room, [article])
    client = client_for(ann)
    assert client.get(f"/classes/{room.pk}/assignments/{task.pk}/edit/").status_code == 403
    assert client.post(f"/classes/{room.pk}/assignments/{task.pk}/delete/").status_code == 403
    assert room.assignments.count() == 1


# --- removal ------------------------------------------------------------------------------------

def test_a_removed_student_loses_access_at_once(room, teacher, ann, ben, article):
    shared = note_in(ben, room, article, 2, body="Class-only words")
    task = assignment(teacher, room, [article], title="Homework")
    client = client_for(ann)
    assert client.get(f"/classes/{room.pk}/").status_code == 200
    remove_member(teacher, room, ann)
    for url in member_pages(room, article, task):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/api/annotations/{shared.pk}").status_code == 404
    assert shared.pk not in api_ids(ann)
    assert client.post(f"/classes/{room.pk}/annotations/{shared.pk}/reply/", {"body": "x"}).status_code == 404


def test_a_removed_student_keeps_their_own_annotations(room, teacher, ann, article):
    own = note_in(ann, room, article, 2)
    remove_member(teacher, room, ann)
    assert client_for(ann).get(f"/api/annotations/{own.pk}").status_code == 200


def test_removal_through_the_page_takes_effect(room, teacher, ann):
    client_for(teacher).post(f"/classes/{room.pk}/members/{ann.pk}/remove/")
    assert client_for(ann).get(f"/classes/{room.pk}/").status_code == 404


# --- private stays private --------------------------------------------------------------------

def test_a_private_annotation_stays_private_from_the_teacher(room, teacher, ann, article):
    secret = note_in(ann, room, article, 2, body="My secret thought", tags=["diary"],
                     visibility="private", classroom_id=None)
    client = client_for(teacher)
    for url in (f"/classes/{room.pk}/articles/{article.slug}/", f"/classes/{room.pk}/teacher/"):
        html = client.get(url).content.decode()
        assert "My secret thought" not in html and "diary" not in html, url
    csv = b"".join(client.get(f"/classes/{room.pk}/export.csv").streaming_content).decode()
    assert "My secret thought" not in csv
    assert client.get(f"/api/annotations/{secret.pk}").status_code == 404
    assert client.post(f"/classes/{room.pk}/annotations/{secret.pk}/hide/").status_code == 404


def test_a_reply_to_a_class_annotation_is_not_private_to_anyone_in_the_class(room, teacher, ann, ben, article):
    reply = reply_to(ben, note_in(ann, room, article, 2))
    assert reply.visibility == "class" and reply.classroom_id == room.pk
    assert reply.pk in api_ids(teacher)


# --- search ---------------------------------------------------------------------------------------

def search_page(user, words):
    response = client_for(user).get("/search/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def test_class_bs_annotation_is_not_found_by_the_search_page_for_class_a(room, room_b, ann, teacher, cleo, article):
    note_in(cleo, room_b, article, 2, body="Zanzibarian quokkas", tags=["bravo-tag"])
    assert "quokkas" in search_page(cleo, "Zanzibarian")  # the search finds it for class B
    for user in (ann, teacher):
        assert "quokkas" not in search_page(user, "Zanzibarian")


def test_a_private_annotation_is_not_found_by_the_teachers_search(room, teacher, ann, article):
    note_in(ann, room, article, 2, body="Zanzibarian diary", visibility="private", classroom_id=None)
    assert "diary" in search_page(ann, "Zanzibarian")
    assert "diary" not in search_page(teacher, "Zanzibarian")


def test_a_removed_student_no_longer_finds_the_classs_annotations(room, teacher, ann, ben, article):
    note_in(ben, room, article, 2, body="Zanzibarian class talk")
    assert "class talk" in search_page(ann, "Zanzibarian")
    remove_member(teacher, room, ann)
    assert "class talk" not in search_page(ann, "Zanzibarian")
