from django.urls import reverse

from accounts.models import Profile

URL = reverse("accounts:profile")


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={URL}"


def test_it_shows_the_display_name(reader_client):
    response = reader_client.get(URL)
    assert response.status_code == 200
    assert 'value="Mei Tanaka"' in response.content.decode()


def test_it_creates_a_profile_for_an_older_account(client, django_user_model):
    user = django_user_model.objects.create_user("old-timer", password="x")
    client.force_login(user)
    assert client.get(URL).status_code == 200
    assert Profile.objects.get(user=user).display_name == ""


def test_it_saves_a_new_display_name(reader_client, reader):
    response = reader_client.post(URL, {"display_name": "  Tanaka Mei  "})
    assert response.status_code == 302
    assert response.url == URL
    reader.profile.refresh_from_db()
    assert reader.profile.display_name == "Tanaka Mei"
    assert "Your display name is saved." in reader_client.get(URL).content.decode()


def test_a_blank_display_name_falls_back_to_the_username(reader_client, reader):
    reader_client.post(URL, {"display_name": ""})
    html = reader_client.get(URL).content.decode()
    assert "<dd>mei</dd>" in html


def test_it_rejects_a_display_name_that_is_too_long(reader_client, reader):
    response = reader_client.post(URL, {"display_name": "x" * 81})
    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    reader.profile.refresh_from_db()
    assert reader.profile.display_name == "Mei Tanaka"


def test_it_only_edits_the_logged_in_readers_profile(reader_client, reader, django_user_model):
    other = django_user_model.objects.create_user("ken", password="x")
    Profile.objects.create(user=other, display_name="Ken")
    reader_client.post(URL, {"display_name": "Changed", "user": other.pk})
    assert Profile.objects.get(user=other).display_name == "Ken"
