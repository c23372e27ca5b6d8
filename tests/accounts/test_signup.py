import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts import throttle
from accounts.models import Profile

URL = reverse("accounts:signup")
User = get_user_model()


def form(**changes):
    data = {
        "username": "hiro",
        "display_name": "Hiroshi S.",
        "email": "hiro@example.org",
        "password1": "lanterns-over-osaka-88",
        "password2": "lanterns-over-osaka-88",
    }
    return {**data, **changes}


@pytest.mark.django_db
def test_it_shows_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    for name in ("username", "display_name", "email", "password1", "password2"):
        assert f'name="{name}"' in response.content.decode()


@pytest.mark.django_db
def test_it_creates_the_user_and_profile_and_logs_in(client):
    response = client.post(URL, form())
    assert response.status_code == 302
    assert response.url == "/"
    user = User.objects.get(username="hiro")
    assert user.email == "hiro@example.org"
    assert user.check_password("lanterns-over-osaka-88")
    assert Profile.objects.get(user=user).display_name == "Hiroshi S."
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_email_and_display_name_are_optional(client):
    response = client.post(URL, form(email="", display_name=""))
    assert response.status_code == 302
    assert User.objects.get(username="hiro").profile.display_name == ""


@pytest.mark.django_db
def test_it_redirects_to_a_safe_next(client):
    response = client.post(URL, form(next="/articles/x/"))
    assert response.url == "/articles/x/"


@pytest.mark.django_db
def test_it_refuses_an_offsite_next(client):
    response = client.post(URL, form(next="https://evil.example/"))
    assert response.url == "/"


@pytest.mark.django_db
def test_it_rejects_a_duplicate_username(client, reader):
    response = client.post(URL, form(username="mei"))
    assert response.status_code == 200
    assert "already exists" in response.context["form"].errors["username"][0]
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_it_rejects_a_duplicate_username_in_other_case(client, reader):
    response = client.post(URL, form(username="MEI"))
    assert "username" in response.context["form"].errors
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_it_rejects_a_weak_password(client):
    response = client.post(URL, form(password1="password", password2="password"))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["password2"])
    assert "too common" in errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_rejects_a_password_like_the_username(client):
    response = client.post(URL, form(username="lanternsoverosaka", password1="lanternsoverosaka", password2="lanternsoverosaka"))
    assert "too similar" in " ".join(response.context["form"].errors["password2"])
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_rejects_mismatched_passwords(client):
    response = client.post(URL, form(password2="lanterns-over-kyoto-88"))
    assert response.status_code == 200
    assert "didn’t match" in response.context["form"].errors["password2"][0]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_rejects_an_invalid_email(client):
    response = client.post(URL, form(email="not-an-address"))
    assert "email" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_rejects_a_display_name_that_is_too_long(client):
    response = client.post(URL, form(display_name="x" * 81))
    assert "display_name" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_errors_are_tied_to_their_field(client):
    response = client.post(URL, form(password2="different-password-99"))
    html = response.content.decode()
    assert 'id="id_password2_error"' in html
    assert 'aria-describedby="id_password2_helptext id_password2_error"' in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_a_logged_in_reader_is_sent_to_their_profile(reader_client):
    response = reader_client.get(URL)
    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")


@pytest.mark.django_db
def test_it_is_rate_limited_per_address(client):
    for i in range(throttle.SIGNUPS_PER_IP.max_attempts):
        client.post(URL, form(username=f"reader{i}", password2="mismatch-mismatch-1"))
    response = client.post(URL, form())
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert not User.objects.filter(username="hiro").exists()


@pytest.mark.django_db
def test_the_rate_limit_does_not_touch_other_addresses(client):
    for i in range(throttle.SIGNUPS_PER_IP.max_attempts):
        client.post(URL, form(username=f"reader{i}", password2="mismatch-mismatch-1"))
    response = client.post(URL, form(), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302
