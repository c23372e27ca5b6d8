import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts import throttle
from tests.accounts.conftest import PASSWORD

URL = reverse("accounts:password_reset")
DONE = reverse("accounts:password_reset_done")
NEW = "a-new-harbour-view-2024"


def reset_link(message):
    return re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)


def test_it_sends_an_email_with_a_link(client, reader):
    response = client.post(URL, {"email": "mei@example.org"})
    assert response.status_code == 302
    assert response.url == DONE
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mei@example.org"]
    assert "mei" in mail.outbox[0].body
    assert reset_link(mail.outbox[0])


def test_the_email_matches_the_address_in_any_case(client, reader):
    client.post(URL, {"email": "MEI@Example.org"})
    assert len(mail.outbox) == 1


def test_the_link_sets_a_new_password(client, reader):
    client.post(URL, {"email": "mei@example.org"})
    response = client.get(reset_link(mail.outbox[0]), follow=True)
    assert response.context["validlink"]
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_complete")
    reader.refresh_from_db()
    assert reader.check_password(NEW)


def test_the_link_works_only_once(client, reader):
    client.post(URL, {"email": "mei@example.org"})
    link = reset_link(mail.outbox[0])
    response = client.get(link, follow=True)
    client.post(response.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    response = client.get(link, follow=True)
    assert not response.context["validlink"]
    assert "no longer works" in response.content.decode()


def test_a_forged_link_is_refused(client, reader):
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "bad-token"]))
    assert response.status_code == 200
    assert not response.context["validlink"]
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_page_and_no_email(client, reader):
    response = client.post(URL, {"email": "stranger@example.org"})
    assert response.status_code == 302
    assert response.url == DONE
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_done_page_does_not_say_whether_the_address_is_known(client):
    html = client.get(DONE).content.decode()
    assert "If an account has that address" in html


def test_it_is_rate_limited_per_address(client, reader):
    for _ in range(throttle.PASSWORD_RESETS_PER_IP.max_attempts):
        client.post(URL, {"email": "stranger@example.org"})
    response = client.post(URL, {"email": "mei@example.org"})
    assert response.status_code == 429
    assert "Too many reset requests" in response.content.decode()
    assert mail.outbox == []
