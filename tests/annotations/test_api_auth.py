"""Session requests keep Django's CSRF protection; API tokens authenticate scripts without it."""
import pytest
from django.test import Client

from annotations.models import Annotation, ApiToken

from .conftest import Api, w3c

pytestmark = pytest.mark.django_db


def strict_client(user=None):
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return Api(client)


def test_a_session_write_without_the_csrf_token_is_refused(owner, article):
    response = strict_client(owner).post(w3c(article, "brighter future"))
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]
    assert not Annotation.objects.exists()


def test_a_session_delete_without_the_csrf_token_is_refused(owner, note):
    assert strict_client(owner).delete(note.pk).status_code == 403
    assert Annotation.objects.filter(pk=note.pk).exists()


def test_a_session_write_with_the_csrf_token_is_accepted(owner, article):
    api = strict_client(owner)
    api.client.get("/admin/login/")  # a page with a form sets the csrftoken cookie, as the reading page will
    token = api.client.cookies["csrftoken"].value
    response = api.post(w3c(article, "brighter future"), **{"X-CSRFToken": token})
    assert response.status_code == 201


def test_a_token_authenticates_without_csrf(owner, article, token_for):
    response = strict_client().post(w3c(article, "brighter future"), Authorization=f"Token {token_for(owner)}")
    assert response.status_code == 201
    assert Annotation.objects.get().author == owner


def test_a_token_reads_what_its_user_may_see(owner, note, token_for):
    response = strict_client().client.get(f"/api/annotations/{note.pk}",
                                          headers={"Authorization": f"Token {token_for(owner)}"})
    assert response.status_code == 200


def test_a_token_records_when_it_was_last_used(owner, note, token_for):
    key = token_for(owner)
    strict_client().client.get(f"/api/annotations/{note.pk}", headers={"Authorization": f"Token {key}"})
    assert ApiToken.objects.get(user=owner).last_used is not None


def test_an_unknown_token_is_401_even_for_a_write(article):
    response = strict_client().post(w3c(article, "brighter future"), Authorization="Token not-a-real-key")
    assert response.status_code == 401
    assert response.json()["error"] == "Invalid API token."


def test_an_unknown_token_is_401_for_a_read(note):
    response = strict_client().client.get("/api/annotations/", headers={"Authorization": "Token nope"})
    assert response.status_code == 401


def test_a_token_of_an_inactive_user_is_refused(owner, article, token_for):
    key = token_for(owner)
    owner.is_active = False
    owner.save()
    response = strict_client().post(w3c(article, "brighter future"), Authorization=f"Token {key}")
    assert response.status_code == 401


def test_a_token_replaces_the_session_user(owner, other, note, token_for):
    api = strict_client(owner)
    response = api.client.get(f"/api/annotations/{note.pk}", headers={"Authorization": f"Token {token_for(other)}"})
    assert response.status_code == 404


def test_a_token_does_not_open_pages_outside_the_api(owner, token_for):
    owner.is_staff = owner.is_superuser = True
    owner.save()
    response = Client().get("/admin/", headers={"Authorization": f"Token {token_for(owner)}"})
    assert response.status_code == 302  # to the login page: the token counts only in the API


def test_only_a_hash_of_the_key_is_stored(owner):
    token, key = ApiToken.issue(owner)
    assert key not in (token.key_hash, token.key_prefix) and len(token.key_hash) == 64
