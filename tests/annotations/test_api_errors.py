"""The API's unhappy paths: each answer is JSON {"error": ...} with the right status, and what a
user may not see is a plain 404, never a hint that it exists."""
import json

import pytest

from annotations.models import BODY_MAX_LENGTH, Annotation
from annotations.services import create_annotation, delete_annotation

from .conftest import annotate, article_url, w3c

pytestmark = pytest.mark.django_db


def error_of(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    message = response.json()["error"]
    assert isinstance(message, str) and message
    return message


def post_error(api, user, data, status=400, **kwargs):
    response = api(user).post(data, **kwargs)
    assert not Annotation.objects.exists()
    return error_of(response, status)


# --- 400: invalid input on create ----------------------------------------------------------

def test_an_unknown_article_is_refused(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["source"] = "http://testserver/articles/no-such-article/"
    assert "Unknown article" in post_error(api, owner, data)


def test_a_source_that_is_not_an_article_url_is_refused(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["source"] = "http://testserver/admin/"
    assert "Unknown article" in post_error(api, owner, data)


def test_a_quote_not_in_the_text_is_refused(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["selector"][0]["exact"] = "a phrase the article never contained at all"
    del data["target"]["selector"][1]
    assert "not found" in post_error(api, owner, data)


def test_a_position_alone_out_of_range_is_refused(api, owner, article):
    length = len(article.current_revision.text)
    data = w3c(article)
    data["target"]["selector"] = [{"type": "TextPositionSelector", "start": length - 2, "end": length + 3}]
    assert "outside the text" in post_error(api, owner, data)


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (9, 2), ("1", 4), (1.5, 4), (True, 4)])
def test_a_malformed_position_is_refused(api, owner, article, start, end):
    data = w3c(article, "brighter future")
    data["target"]["selector"][1].update(start=start, end=end)
    assert "TextPositionSelector" in post_error(api, owner, data)


def test_an_empty_quote_is_refused(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["selector"][0]["exact"] = ""
    assert "exact" in post_error(api, owner, data)


def test_a_target_without_selectors_is_refused(api, owner, article):
    data = w3c(article)
    assert "needed" in post_error(api, owner, data)


def test_a_missing_target_is_refused(api, owner, article):
    data = w3c(article, "brighter future")
    del data["target"]
    assert "target" in post_error(api, owner, data)


def test_a_body_that_is_too_long_is_refused(api, owner, article):
    data = w3c(article, "brighter future", body="x" * (BODY_MAX_LENGTH + 1))
    assert "too long" in post_error(api, owner, data)


def test_an_unknown_visibility_is_refused(api, owner, article):
    assert "visibility" in post_error(api, owner, w3c(article, "brighter future", visibility="everyone"))


def test_a_class_for_a_public_annotation_is_refused(api, owner, article, classroom):
    data = w3c(article, "brighter future", visibility="public", **{"class": classroom.pk})
    assert "only with visibility 'class'" in post_error(api, owner, data)


def test_class_visibility_without_a_class_is_refused(api, owner, article):
    assert "needs the class" in post_error(api, owner, w3c(article, "brighter future", visibility="class"))


def test_a_class_the_user_is_not_in_is_refused(api, other, article, classroom):
    data = w3c(article, "brighter future", visibility="class", **{"class": classroom.pk})
    assert "not a member" in post_error(api, other, data)


def test_a_class_that_is_not_an_id_is_refused(api, owner, article):
    data = w3c(article, "brighter future", visibility="class", **{"class": "maths"})
    assert "class" in post_error(api, owner, data)


def test_an_unknown_motivation_is_refused(api, owner, article):
    assert "motivation" in post_error(api, owner, w3c(article, "brighter future", motivation="liking"))


def test_a_body_that_is_not_textual_is_refused(api, owner, article):
    data = w3c(article, "brighter future", body=None)
    data["body"] = "http://example.org/elsewhere"
    assert "TextualBody" in post_error(api, owner, data)


def test_two_textual_bodies_are_refused(api, owner, article):
    data = w3c(article, "brighter future")
    data["body"].append({"type": "TextualBody", "value": "second"})
    assert "at most one" in post_error(api, owner, data)


def test_a_type_other_than_annotation_is_refused(api, owner, article):
    assert "type" in post_error(api, owner, w3c(article, "brighter future", type="Bookmark"))


def test_malformed_json_is_refused(api, owner):
    assert "Malformed JSON" in post_error(api, owner, '{"type": "Annotation",')


def test_json_nested_too_deeply_is_refused(api, owner):
    assert "Malformed JSON" in post_error(api, owner, "[" * 100_000)


def test_a_quote_too_long_is_refused(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["selector"][0]["exact"] = "x" * 20_001
    assert "too long" in post_error(api, owner, data)


def test_json_that_is_not_an_object_is_refused(api, owner):
    assert "object" in post_error(api, owner, "[1, 2, 3]")


def test_the_wrong_content_type_is_refused(api, owner, article):
    body = json.dumps(w3c(article, "brighter future"))
    assert "Content-Type" in post_error(api, owner, body, content_type="text/plain")


def test_a_form_post_is_refused(api, owner, article):
    response = api(owner).client.post("/api/annotations/", {"body": "x"})
    assert "Content-Type" in error_of(response, 400)


def test_a_reply_to_an_annotation_that_does_not_exist_is_refused(api, owner):
    data = {"target": "http://testserver/api/annotations/999999", "bodyValue": "hello?"}
    assert post_error(api, owner, data) == "Unknown parent annotation."


def test_a_reply_to_an_annotation_the_user_cannot_see_reads_the_same(api, owner, other, article):
    hidden_from_other = annotate(owner, article, "brighter future")
    data = {"target": f"http://testserver/api/annotations/{hidden_from_other.pk}", "bodyValue": "hello?"}
    response = api(other).post(data)
    assert error_of(response, 400) == "Unknown parent annotation."


# --- 401: anonymous writes -------------------------------------------------------------------

def test_an_anonymous_create_is_401(api, article):
    response = api().post(w3c(article, "brighter future"))
    assert "Sign in" in error_of(response, 401)
    assert response["WWW-Authenticate"].startswith("Token")


@pytest.mark.parametrize("method", ["put", "patch"])
def test_an_anonymous_change_is_401(api, note, method):
    assert error_of(getattr(api(), method)(note.pk, {"bodyValue": "x"}), 401)


def test_an_anonymous_delete_is_401(api, note):
    error_of(api().delete(note.pk), 401)
    assert Annotation.objects.filter(pk=note.pk).exists()


# --- 403 / 404: other people's annotations ---------------------------------------------------

def test_an_annotation_the_user_cannot_see_is_404_like_one_that_does_not_exist(api, other, note):
    invisible, missing = api(other).get(f"/api/annotations/{note.pk}"), api(other).get("/api/annotations/999999")
    assert error_of(invisible, 404) == error_of(missing, 404)


@pytest.mark.parametrize("method", ["put", "patch"])
def test_changing_an_invisible_annotation_is_404(api, other, note, method):
    error_of(getattr(api(other), method)(note.pk, {"bodyValue": "x"}), 404)


def test_deleting_an_invisible_annotation_is_404(api, other, note):
    error_of(api(other).delete(note.pk), 404)


def test_changing_a_visible_annotation_of_someone_else_is_403(api, owner, member, article, classroom):
    shared = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    error_of(api(member).put(shared.pk, {"bodyValue": "x"}), 403)
    shared.refresh_from_db()
    assert shared.body == ""


def test_deleting_a_visible_annotation_of_someone_else_is_403(api, owner, member, article, classroom):
    shared = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    error_of(api(member).delete(shared.pk), 403)


# --- updates -----------------------------------------------------------------------------------

def test_changing_the_target_is_refused(api, owner, note, other_article):
    data = {"target": {"source": article_url(other_article), "selector": []}, "bodyValue": "moved?"}
    assert "target cannot be changed" in error_of(api(owner).put(note.pk, data), 400)


def test_an_update_with_a_body_too_long_is_refused(api, owner, note):
    error_of(api(owner).patch(note.pk, {"bodyValue": "x" * (BODY_MAX_LENGTH + 1)}), 400)


def test_an_update_with_malformed_json_is_refused(api, owner, note):
    error_of(api(owner).patch(note.pk, "{nope"), 400)


def test_an_update_with_the_wrong_content_type_is_refused(api, owner, note):
    error_of(api(owner).patch(note.pk, "bodyValue=x", content_type="application/x-www-form-urlencoded"), 400)


def test_an_update_to_a_class_the_user_is_not_in_is_refused(api, owner, note):
    error_of(api(owner).patch(note.pk, {"visibility": "class", "class": 31337}), 400)


def test_changing_a_deleted_annotation_is_410(api, owner, member, article, classroom):
    shared = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    create_annotation(member, parent=shared, body="holding the thread")
    delete_annotation(owner, shared)
    error_of(api(owner).patch(shared.pk, {"bodyValue": "x"}), 410)


# --- the collection ----------------------------------------------------------------------------

def test_listing_an_unknown_article_is_refused(api, owner):
    error_of(api(owner).get("/api/annotations/", target="http://testserver/articles/nope/"), 400)


def test_listing_by_an_unknown_visibility_is_refused(api, owner):
    error_of(api(owner).get("/api/annotations/", visibility="secret"), 400)


@pytest.mark.parametrize("page", ["0", "-1", "two", ""])
def test_a_bad_page_number_is_refused(api, owner, page):
    error_of(api(owner).get("/api/annotations/", page=page), 400)


def test_a_page_past_the_end_is_404(api, owner, note):
    error_of(api(owner).get("/api/annotations/", page="2"), 404)


# --- methods ----------------------------------------------------------------------------------

def test_the_collection_refuses_put(api, owner):
    response = api(owner).send("put", "/api/annotations/", {})
    assert error_of(response, 405) and "POST" in response["Allow"]


def test_an_annotation_refuses_post(api, owner, note):
    response = api(owner).post({}, url=f"/api/annotations/{note.pk}")
    assert error_of(response, 405) and "DELETE" in response["Allow"]


def test_a_non_author_learns_it_is_not_theirs_before_anything_about_their_payload(
        api, owner, member, article, classroom):
    shared = annotate(owner, article, "brighter future", visibility="class", classroom_id=classroom.pk)
    error_of(api(member).patch(shared.pk, "{not json"), 403)


def test_a_request_too_large_is_refused(api, owner, article, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    assert "too large" in post_error(api, owner, w3c(article, "brighter future", body="x" * 2000))
