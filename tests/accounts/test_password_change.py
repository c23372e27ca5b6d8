from django.urls import reverse

from tests.accounts.conftest import PASSWORD

URL = reverse("accounts:password_change")
NEW = "a-new-harbour-view-2024"


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={URL}"


def test_it_changes_the_password_and_keeps_the_reader_logged_in(reader_client, reader):
    response = reader_client.post(URL, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_change_done")
    reader.refresh_from_db()
    assert reader.check_password(NEW)
    assert reader_client.get(reverse("accounts:profile")).status_code == 200


def test_it_rejects_a_wrong_old_password(reader_client, reader):
    response = reader_client.post(URL, {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def test_it_rejects_a_weak_new_password(reader_client, reader):
    response = reader_client.post(URL, {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"})
    assert "new_password2" in response.context["form"].errors
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)
