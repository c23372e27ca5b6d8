"""The class pages: my classes, create, join by code and by link, the class page with its code
and roster, and the teachers' roster actions through the pages."""
import pytest

from annotations.models import Classroom, Membership

from .conftest import assignment, client_for, note_in

pytestmark = pytest.mark.django_db


def test_my_classes_lists_my_classes_with_my_role(room, room_b, ann):
    html = client_for(ann).get("/classes/").content.decode()
    assert "Modern East Asia" in html and "You are a student" in html and "Diplomacy 101" not in html


def test_the_nav_links_to_classes_when_signed_in(room, ann):
    assert 'href="/classes/"' in client_for(ann).get("/classes/").content.decode()


def test_the_nav_has_no_classes_link_when_signed_out(db):
    assert 'href="/classes/"' not in client_for().get("/accounts/login/").content.decode()


def test_a_teacher_creates_a_class(teacher):
    response = client_for(teacher).post("/classes/new/", {"name": "Year 12 history"})
    classroom = Classroom.objects.get(name="Year 12 history")
    assert response.status_code == 302 and response["Location"] == f"/classes/{classroom.pk}/"
    assert Membership.objects.get(classroom=classroom).role == "teacher"


def test_a_class_needs_a_name_on_the_page(teacher):
    response = client_for(teacher).post("/classes/new/", {"name": "   "})
    assert response.status_code == 200 and not Classroom.objects.exists()
    assert "field-invalid" in response.content.decode()


def test_the_class_page_shows_the_teacher_the_code_and_link(room, teacher):
    html = client_for(teacher).get(f"/classes/{room.pk}/").content.decode()
    assert room.join_code in html and f"http://testserver/classes/join/{room.join_code}/" in html
    assert "data-copy-button" in html and "js/classroom/copy-link.js" in html


def test_the_class_page_does_not_show_students_the_code(room, ann):
    html = client_for(ann).get(f"/classes/{room.pk}/").content.decode()
    assert room.join_code not in html and "Remove" not in html


def test_members_see_the_roster(room, ann):
    html = client_for(ann).get(f"/classes/{room.pk}/").content.decode()
    assert "Annabel Archer" in html and "Benedict Baker" in html and "Tess Teacher" in html


def test_students_see_their_assignments_with_progress(room, teacher, ann, article):
    assignment(teacher, room, [article], title="Week 1", min_annotations=1, min_replies=0)
    note_in(ann, room, article, 2)
    for url in (f"/classes/{room.pk}/", f"/classes/{room.pk}/assignments/"):
        html = client_for(ann).get(url).content.decode()
        assert "Week 1" in html and "Complete" in html, url


def test_a_teacher_sees_how_many_students_completed(room, teacher, ann, article):
    assignment(teacher, room, [article], title="Week 1", min_annotations=1, min_replies=0)
    note_in(ann, room, article, 2)
    assert "1 of 2" in client_for(teacher).get(f"/classes/{room.pk}/assignments/").content.decode()


def test_joining_with_a_typed_code(room, outsider):
    response = client_for(outsider).post("/classes/join/", {"code": room.join_code.lower()})
    assert response.status_code == 302 and response["Location"] == f"/classes/{room.pk}/"
    assert Membership.objects.get(user=outsider).role == "student"


def test_a_wrong_typed_code_is_refused(room, outsider):
    response = client_for(outsider).post("/classes/join/", {"code": "WRONG234"})
    assert response.status_code == 400 and not Membership.objects.filter(user=outsider).exists()
    assert "No class has that join code" in response.content.decode()


def test_the_join_link_asks_before_joining(room, outsider):
    response = client_for(outsider).get(f"/classes/join/{room.join_code}/")
    assert response.status_code == 200 and "Join the class" in response.content.decode()
    assert not Membership.objects.filter(user=outsider).exists()


def test_the_join_link_joins_on_post(room, outsider):
    response = client_for(outsider).post(f"/classes/join/{room.join_code}/")
    assert response["Location"] == f"/classes/{room.pk}/"
    assert Membership.objects.filter(user=outsider, classroom=room).exists()


def test_an_old_join_link_is_404_after_rotation(room, teacher, outsider):
    old = room.join_code
    client_for(teacher).post(f"/classes/{room.pk}/code/rotate/")
    assert client_for(outsider).get(f"/classes/join/{old}/").status_code == 404
    assert client_for(outsider).post(f"/classes/join/{old}/").status_code == 404
    assert not Membership.objects.filter(user=outsider).exists()


def test_a_logged_out_visitor_is_sent_to_log_in_and_back(room):
    response = client_for().get(f"/classes/join/{room.join_code}/")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/classes/join/{room.join_code}/"


def test_the_login_page_offers_sign_up_with_the_way_back(room):
    html = client_for().get(f"/accounts/login/?next=/classes/join/{room.join_code}/").content.decode()
    assert f"/accounts/signup/?next=/classes/join/{room.join_code}/" in html


def test_the_teacher_rotates_the_code_on_the_page(room, teacher):
    old = room.join_code
    assert client_for(teacher).post(f"/classes/{room.pk}/code/rotate/").status_code == 302
    room.refresh_from_db()
    assert room.join_code != old


def test_the_teacher_adds_a_co_teacher_on_the_page(room, teacher, outsider):
    client_for(teacher).post(f"/classes/{room.pk}/teachers/add/", {"username": "olga"})
    assert Membership.objects.get(user=outsider, classroom=room).role == "teacher"


def test_an_unknown_co_teacher_is_reported(room, teacher):
    response = client_for(teacher).post(f"/classes/{room.pk}/teachers/add/", {"username": "ghost"}, follow=True)
    assert "No reader has the username" in response.content.decode()


def test_a_student_leaves_on_the_page(room, ann):
    response = client_for(ann).post(f"/classes/{room.pk}/leave/")
    assert response["Location"] == "/classes/" and not Membership.objects.filter(user=ann).exists()


def test_the_last_teacher_is_told_they_cannot_leave(room, teacher):
    response = client_for(teacher).post(f"/classes/{room.pk}/leave/", follow=True)
    assert "needs a teacher" in response.content.decode()
    assert Membership.objects.filter(user=teacher, classroom=room).exists()


@pytest.mark.parametrize("action", ["code/rotate/", "teachers/add/", "leave/"])
def test_class_actions_refuse_get(room, teacher, action):
    assert client_for(teacher).get(f"/classes/{room.pk}/{action}").status_code == 405


def test_a_teacher_sets_an_assignment_on_the_page(room, teacher, article):
    response = client_for(teacher).post(f"/classes/{room.pk}/assignments/new/", {
        "title": "Week 3", "articles": [article.pk], "from_block": "2", "to_block": "4", "prompt": "Read *closely*",
        "due": "2030-01-31", "min_annotations": "3", "min_replies": "1"})
    task = room.assignments.get()
    assert response["Location"] == f"/classes/{room.pk}/assignments/{task.pk}/"
    assert (task.title, task.from_block, task.to_block, str(task.due)) == ("Week 3", 2, 4, "2030-01-31")


def test_an_invalid_assignment_is_shown_with_the_reason(room, teacher, article, other_article):
    response = client_for(teacher).post(f"/classes/{room.pk}/assignments/new/", {
        "title": "Week 3", "articles": [article.pk, other_article.pk], "from_block": "2", "to_block": "4",
        "due": "2030-01-31", "min_annotations": "3", "min_replies": "1"})
    assert response.status_code == 400 and "exactly one article" in response.content.decode()
    assert not room.assignments.exists()


def test_a_teacher_edits_an_assignment_on_the_page(room, teacher, article):
    task = assignment(teacher, room, [article])
    page = client_for(teacher).get(f"/classes/{room.pk}/assignments/{task.pk}/edit/").content.decode()
    assert 'value="Week 1"' in page
    client_for(teacher).post(f"/classes/{room.pk}/assignments/{task.pk}/edit/", {
        "title": "Week 1, revised", "articles": [article.pk], "due": "2030-02-01",
        "min_annotations": "2", "min_replies": "0"})
    task.refresh_from_db()
    assert (task.title, task.min_annotations) == ("Week 1, revised", 2)


def test_a_teacher_deletes_an_assignment_on_the_page(room, teacher, article):
    task = assignment(teacher, room, [article])
    client_for(teacher).post(f"/classes/{room.pk}/assignments/{task.pk}/delete/")
    assert not room.assignments.exists()


def test_the_prompt_is_rendered_and_sanitised(room, teacher, ann, article):
    task = assignment(teacher, room, [article], prompt="Read **closely** <script>alert(1)</script>")
    html = client_for(ann).get(f"/classes/{room.pk}/assignments/{task.pk}/").content.decode()
    assert "<strong>closely</strong>" in html and "<script>alert" not in html


def test_an_assignment_of_another_class_is_404(room, room_b, teacher, teacher_b, article):
    task = assignment(teacher_b, room_b, [article])
    assert client_for(teacher).get(f"/classes/{room.pk}/assignments/{task.pk}/").status_code == 404
    assert client_for(teacher).post(f"/classes/{room.pk}/assignments/{task.pk}/delete/").status_code == 404
