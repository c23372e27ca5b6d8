"""At most FAILED_LOGINS_PER_USERNAME_AND_IP failures per username and address, and
FAILED_LOGINS_PER_IP per address, in the window; then 429 even with the right password."""
from django.core.cache import cache
from django.urls import reverse

from accounts import throttle
from tests.accounts.conftest import PASSWORD

URL = reverse("accounts:login")
PER_NAME = throttle.FAILED_LOGINS_PER_USERNAME_AND_IP.max_attempts
PER_IP = throttle.FAILED_LOGINS_PER_IP.max_attempts


def fail(client, username="mei", times=1, **extra):
    for _ in range(times):
        response = client.post(URL, {"username": username, "password": "wrong"}, **extra)
        assert response.status_code == 200
    return response


def test_failures_below_the_limit_are_allowed(client, reader):
    fail(client, times=PER_NAME - 1)
    response = client.post(URL, {"username": "mei", "password": PASSWORD})
    assert response.status_code == 302


def test_it_refuses_with_429_after_too_many_failures(client, reader):
    fail(client, times=PER_NAME)
    response = client.post(URL, {"username": "mei", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert response["Retry-After"] == str(throttle.FAILED_LOGINS_PER_USERNAME_AND_IP.window)
    assert "_auth_user_id" not in client.session


def test_the_username_is_counted_regardless_of_case_and_spaces(client, reader):
    fail(client, username=" MEI ", times=PER_NAME)
    response = client.post(URL, {"username": "mei", "password": PASSWORD})
    assert response.status_code == 429


def test_it_resets_after_the_window(client, reader):
    fail(client, times=PER_NAME)
    cache.clear()  # what the window's expiry does
    response = client.post(URL, {"username": "mei", "password": PASSWORD})
    assert response.status_code == 302


def test_refused_attempts_do_not_extend_the_count(client, reader):
    fail(client, times=PER_NAME)
    for _ in range(5):
        client.post(URL, {"username": "mei", "password": "wrong"})
    assert throttle.FAILED_LOGINS_PER_USERNAME_AND_IP.count("127.0.0.1", "mei") == PER_NAME


def test_another_username_from_the_same_address_is_still_allowed(client, reader, django_user_model):
    django_user_model.objects.create_user("ken", password=PASSWORD)
    fail(client, times=PER_NAME)
    response = client.post(URL, {"username": "ken", "password": PASSWORD})
    assert response.status_code == 302


def test_the_same_username_from_another_address_is_still_allowed(client, reader):
    fail(client, times=PER_NAME)
    response = client.post(URL, {"username": "mei", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302


def test_too_many_failures_from_one_address_block_every_username(client, reader):
    for i in range(PER_IP):
        fail(client, username=f"guess{i}")
    response = client.post(URL, {"username": "mei", "password": PASSWORD})
    assert response.status_code == 429


def test_a_successful_login_forgets_the_usernames_failures(client, reader):
    fail(client, times=PER_NAME - 1)
    assert client.post(URL, {"username": "mei", "password": PASSWORD}).status_code == 302
    client.logout()
    fail(client, times=PER_NAME - 1)
    assert client.post(URL, {"username": "mei", "password": PASSWORD}).status_code == 302
