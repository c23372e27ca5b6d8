"""GET, PUT, PATCH and DELETE of /api/annotations/<id> by its author."""
import pytest

from annotations.models import Annotation
from annotations.presenters import MEDIA_TYPE
from annotations.services import create_annotation

from .conftest import annotate

pytestmark = pytest.mark.django_db


def test_the_author_reads_it(api, owner, note):
    response = api(owner).get(f"/api/annotations/{note.pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == MEDIA_TYPE
    data = response.json()
    assert data["id"] == f"http://testserver/api/annotations/{note.pk}"
    assert data["body"][0]["value"] == "A *hopeful* phrase."


def test_a_trailing_slash_is_tolerated(api, owner, note):
    assert api(owner).get(f"/api/annotations/{note.pk}/").status_code == 200


def test_a_public_annotation_is_read_anonymously(api, owner, article):
    public = annotate(owner, article, "brighter future", visibility="public")
    assert api().get(f"/api/annotations/{public.pk}").status_code == 200


def test_put_replaces_body_and_tags(api, owner, note):
    response = api(owner).put(note.pk, {"type": "Annotation", "motivation": "commenting",
                                        "body": [{"type": "TextualBody", "value": "New."}]})
    assert response.status_code == 200
    note.refresh_from_db()
    assert note.body == "New." and not note.tags.exists()


def test_put_of_what_get_returned_changes_nothing(api, owner, note):
    client = api(owner)
    before = client.get(f"/api/annotations/{note.pk}").json()
    after = client.put(note.pk, before).json()
    assert {k: v for k, v in after.items() if k != "modified"} == {k: v for k, v in before.items() if k != "modified"}


def test_patch_changes_only_what_it_names(api, owner, note):
    response = api(owner).patch(note.pk, {"visibility": "public"})
    assert response.status_code == 200
    note.refresh_from_db()
    assert note.visibility == "public" and note.body == "A *hopeful* phrase."
    assert list(note.tags.values_list("name", flat=True)) == ["rhetoric"]


def test_patch_shares_with_a_class(api, owner, note, classroom):
    data = api(owner).patch(note.pk, {"visibility": "class", "class": classroom.pk}).json()
    assert (data["visibility"], data["class"]) == ("class", classroom.pk)


def test_patch_back_to_private_drops_the_class(api, owner, note, classroom):
    api(owner).patch(note.pk, {"visibility": "class", "class": classroom.pk})
    data = api(owner).patch(note.pk, {"visibility": "private"}).json()
    assert data["visibility"] == "private" and "class" not in data


def test_patch_changes_the_motivation(api, owner, note):
    assert api(owner).patch(note.pk, {"motivation": "highlighting"}).json()["motivation"] == "highlighting"


def test_delete_removes_it(api, owner, note):
    assert api(owner).delete(note.pk).status_code == 204
    assert not Annotation.objects.filter(pk=note.pk).exists()


def test_delete_of_a_root_with_replies_keeps_the_thread(api, owner, member, article, classroom):
    root = annotate(owner, article, "brighter future", body="root", visibility="class", classroom_id=classroom.pk)
    reply = create_annotation(member, parent=root, body="reply")
    assert api(owner).delete(root.pk).status_code == 204
    tombstone = api(member).get(f"/api/annotations/{root.pk}").json()
    assert tombstone["deleted"] is True and "body" not in tombstone
    assert api(member).get(f"/api/annotations/{reply.pk}").json()["target"].endswith(f"/{root.pk}")


def test_head_answers_like_get(api, owner, note):
    assert api(owner).client.head(f"/api/annotations/{note.pk}").status_code == 200
