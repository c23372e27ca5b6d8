"""Who sees what, through every door: detail API, list API and the selector agree.

Viewers: the owner, another signed-in user, a fellow class member, the class's teacher and an
anonymous reader; visibilities: private, class, public."""
import pytest

from annotations.selectors import visible_annotations
from annotations.services import create_annotation

from .conftest import annotate, api_as, article_url

pytestmark = pytest.mark.django_db

VIEWERS = ["owner", "other", "member", "teacher", "anonymous"]
SEES = {
    "private": {"owner"},
    "class": {"owner", "member", "teacher"},
    "public": set(VIEWERS),
}
CASES = [(viewer, visibility) for visibility in SEES for viewer in VIEWERS]


def viewer_user(request, viewer):
    return None if viewer == "anonymous" else request.getfixturevalue(viewer)


@pytest.fixture
def annotation_of(owner, article, classroom):
    def make(visibility):
        room = classroom.pk if visibility == "class" else None
        return annotate(owner, article, "brighter future", body="b", visibility=visibility, classroom_id=room)
    return make


def sees(path, user, annotation):
    if path == "selector":
        return visible_annotations(user, annotation.article).filter(pk=annotation.pk).exists()
    api = api_as(user)
    if path == "detail":
        response = api.get(f"/api/annotations/{annotation.pk}")
        assert response.status_code in (200, 404)
        return response.status_code == 200
    response = api.get("/api/annotations/", target=article_url(annotation.article))
    assert response.status_code == 200
    ids = [item["id"].rsplit("/", 1)[1] for item in response.json()["first"]["items"]]
    return str(annotation.pk) in ids


@pytest.mark.parametrize("path", ["detail", "list", "selector"])
@pytest.mark.parametrize("viewer,visibility", CASES)
def test_an_annotation_is_seen_exactly_by_its_audience(request, annotation_of, viewer, visibility, path):
    annotation = annotation_of(visibility)
    assert sees(path, viewer_user(request, viewer), annotation) == (viewer in SEES[visibility])


@pytest.mark.parametrize("path", ["detail", "list", "selector"])
@pytest.mark.parametrize("viewer,visibility", CASES)
def test_a_reply_is_seen_exactly_by_its_roots_audience(request, annotation_of, owner, viewer, visibility, path):
    reply = create_annotation(owner, parent=annotation_of(visibility), body="and another thing")
    assert sees(path, viewer_user(request, viewer), reply) == (viewer in SEES[visibility])


WRITE_STATUS = {"owner": 200, "anonymous": 401}


@pytest.mark.parametrize("viewer,visibility", CASES)
def test_only_the_owner_may_change_it_and_others_learn_only_what_they_can_see(
        request, annotation_of, viewer, visibility):
    annotation = annotation_of(visibility)
    response = api_as(viewer_user(request, viewer)).patch(annotation.pk, {"bodyValue": "changed"})
    expected = WRITE_STATUS.get(viewer, 403 if viewer in SEES[visibility] else 404)
    assert response.status_code == expected


@pytest.mark.parametrize("viewer,visibility", CASES)
def test_only_the_owner_may_delete_it(request, annotation_of, viewer, visibility):
    annotation = annotation_of(visibility)
    response = api_as(viewer_user(request, viewer)).delete(annotation.pk)
    expected = {"owner": 204}.get(viewer, WRITE_STATUS.get(viewer, 403 if viewer in SEES[visibility] else 404))
    assert response.status_code == expected
