"""The admin for event suggestions: list, filters, confirm and reject actions."""
import pytest
from django.urls import reverse

from edition.models import EventQuote

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:edition_eventsuggestion_changelist")


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", password="pw-chief-1")
    client.force_login(user)
    return client


def test_the_changelist_shows_suggestions_and_filters(admin_client_, pending):
    html = admin_client_.get(CHANGELIST, {"status__exact": "pending"}).content.decode()
    assert pending.event.name.replace("'", "&#x27;") in html
    assert "By status" in html and "By article" in html


def test_the_confirm_action_makes_a_curated_link(admin_client_, pending):
    admin_client_.post(CHANGELIST, {"action": "confirm_selected", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == "confirmed"
    assert EventQuote.objects.filter(event=pending.event, quote=pending.quote).exists()


def test_the_reject_action_skips_decided_ones(admin_client_, pending):
    admin_client_.post(CHANGELIST, {"action": "confirm_selected", "_selected_action": [pending.pk]})
    response = admin_client_.post(CHANGELIST, {"action": "reject_selected", "_selected_action": [pending.pk]},
                                  follow=True)
    pending.refresh_from_db()
    assert pending.status == "confirmed"
    assert "decided already" in response.content.decode()
