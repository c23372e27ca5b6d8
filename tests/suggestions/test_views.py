"""/editing/suggestions/: staff only; confirm and reject by POST with the CSRF token."""
import pytest
from django.test import Client
from django.urls import reverse

from edition.models import EventQuote, EventSuggestion

pytestmark = pytest.mark.django_db
LIST = reverse("edition:suggestions")


def decide_url(suggestion):
    return reverse("edition:suggestion_decide", args=[suggestion.pk])


def test_anonymous_visitors_are_sent_to_log_in(client, seeded):
    response = client.get(LIST)
    assert response.status_code == 302 and "login" in response["Location"]


def test_readers_are_sent_to_log_in(client, reader, seeded):
    client.force_login(reader)
    response = client.get(LIST)
    assert response.status_code == 302 and "login" in response["Location"]


def test_anonymous_visitors_cannot_decide(client, pending):
    response = client.post(decide_url(pending), {"decision": "confirm"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_readers_cannot_decide(client, reader, pending):
    client.force_login(reader)
    client.post(decide_url(pending), {"decision": "reject"})
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_it_lists_pending_suggestions_grouped_by_article(staff_client, pending):
    html = staff_client.get(LIST).content.decode()
    assert pending.article.title.replace("'", "&#x27;") in html
    assert pending.event.name.replace("'", "&#x27;") in html
    assert f"¶{pending.block_number}" in html
    assert "<mark>" in html
    assert f'action="{decide_url(pending)}"' in html and "csrfmiddlewaretoken" in html


def test_it_highlights_the_quote_in_its_passage(staff_client, pending):
    html = staff_client.get(LIST).content.decode()
    quote = pending.quote.replace("'", "&#x27;").replace('"', "&quot;")
    assert f"<mark>{quote}</mark>" in html


def test_it_lists_no_decided_suggestions(staff_client, pending):
    EventSuggestion.objects.filter(pk=pending.pk).update(status="rejected")
    html = staff_client.get(LIST).content.decode()
    assert f'action="{decide_url(pending)}"' not in html


def test_it_filters_by_article(staff_client, pending):
    other = EventSuggestion.objects.filter(status="pending").exclude(article=pending.article).first()
    html = staff_client.get(LIST, {"article": pending.article.slug}).content.decode()
    assert f'action="{decide_url(pending)}"' in html
    if other:
        assert f'action="{decide_url(other)}"' not in html


def test_an_unknown_article_filter_shows_nothing(staff_client, pending):
    html = staff_client.get(LIST, {"article": "no-such-article"}).content.decode()
    assert "No pending suggestions" in html


def test_deciding_needs_a_post(staff_client, pending):
    assert staff_client.get(decide_url(pending)).status_code == 405


def test_deciding_needs_the_csrf_token(staff, pending):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(decide_url(pending), {"decision": "confirm"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_deciding_works_with_the_csrf_token(staff, pending):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    client.get(LIST)
    token = client.cookies["csrftoken"].value
    response = client.post(decide_url(pending), {"decision": "reject", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_confirm_links_the_passage_and_redirects_back_with_a_message(staff_client, pending):
    response = staff_client.post(decide_url(pending), {"decision": "confirm"}, follow=True)
    assert response.redirect_chain[-1][0] == LIST
    assert "Confirmed" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "confirmed"
    assert EventQuote.objects.filter(event=pending.event, source_file=pending.article.source_file,
                                     quote=pending.quote).exists()


def test_reject_redirects_back_to_the_filtered_list(staff_client, pending):
    response = staff_client.post(decide_url(pending), {"decision": "reject", "article": pending.article.slug})
    assert response["Location"] == f"{LIST}?article={pending.article.slug}"
    pending.refresh_from_db()
    assert pending.status == "rejected"


def test_deciding_twice_says_so(staff_client, pending):
    staff_client.post(decide_url(pending), {"decision": "reject"})
    response = staff_client.post(decide_url(pending), {"decision": "confirm"}, follow=True)
    assert "already rejected" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "rejected"


def test_an_unknown_decision_is_a_bad_request(staff_client, pending):
    assert staff_client.post(decide_url(pending), {"decision": "maybe"}).status_code == 400


def test_an_unknown_suggestion_is_not_found(staff_client, db):
    response = staff_client.post(reverse("edition:suggestion_decide", args=[999999]), {"decision": "confirm"})
    assert response.status_code == 404
