import pytest
from django.urls import reverse

from tests.accounts.conftest import PASSWORD

URL = reverse("accounts:login")


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_it_shows_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'autocomplete="current-password"' in response.content.decode()


def test_it_logs_in_and_goes_home(client, reader):
    response = client.post(URL, {"username": "mei", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/"
    assert logged_in(client)


def test_it_goes_to_a_safe_next(client, reader):
    response = client.post(URL, {"username": "mei", "password": PASSWORD, "next": "/articles/x/#p3"})
    assert response.url == "/articles/x/#p3"


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "http://evil.example@testserver/", "javascript:alert(1)", "/\\evil.example"],
)
def test_it_refuses_an_open_redirect(client, reader, next_url):
    response = client.post(URL, {"username": "mei", "password": PASSWORD, "next": next_url})
    assert response.status_code == 302
    assert response.url == "/"
    assert logged_in(client)


def test_it_does_not_put_an_offsite_next_in_the_form(client, reader):
    response = client.get(URL, {"next": "https://evil.example/"})
    assert "evil.example" not in response.content.decode()


def test_it_rejects_a_wrong_password(client, reader):
    response = client.post(URL, {"username": "mei", "password": "wrong-" + PASSWORD})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    assert not logged_in(client)


def test_it_rejects_an_unknown_username_the_same_way(client, reader):
    response = client.post(URL, {"username": "nobody", "password": PASSWORD})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_it_rejects_an_inactive_reader(client, reader):
    reader.is_active = False
    reader.save()
    response = client.post(URL, {"username": "mei", "password": PASSWORD})
    assert response.status_code == 200
    assert not logged_in(client)
