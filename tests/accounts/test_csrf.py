"""Sign-up and log-in refuse a POST without the CSRF token, and accept one with it."""
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.accounts.conftest import PASSWORD

SIGNUP = {"username": "hiro", "password1": "lanterns-over-osaka-88", "password2": "lanterns-over-osaka-88"}


def test_signup_without_a_token_is_refused(db):
    response = Client(enforce_csrf_checks=True).post(reverse("accounts:signup"), SIGNUP)
    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="hiro").exists()


def test_signup_with_the_token_works(db):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:signup"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_login_without_a_token_is_refused(reader):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "mei", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_login_with_the_token_works(reader):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("accounts:login"), {"username": "mei", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
