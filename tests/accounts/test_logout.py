from django.test import Client
from django.urls import reverse

URL = reverse("accounts:logout")


def test_it_logs_out_on_post_and_goes_home(reader_client):
    response = reader_client.post(URL)
    assert response.status_code == 302
    assert response.url == "/"
    assert "_auth_user_id" not in reader_client.session


def test_it_refuses_get(reader_client):
    response = reader_client.get(URL)
    assert response.status_code == 405
    assert "_auth_user_id" in reader_client.session


def test_it_requires_the_csrf_token(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = client.post(URL)
    assert response.status_code == 403
    assert "_auth_user_id" in client.session
