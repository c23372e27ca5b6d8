import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from edition.models import Article, Event, EventSuggestion


@pytest.fixture
def seeded(db):
    """The seed edition, ingested (the apparatus with it); ingest makes the first suggestions."""
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=open("/dev/null", "w"))


@pytest.fixture
def article(seeded):
    return Article.objects.get(source_file="000_cefcf15533bcdce7.txt")


@pytest.fixture
def pending(article):
    """A pending suggestion of the article (the seeds yield a few at the default threshold)."""
    suggestion = article.event_suggestions.filter(status="pending").order_by("-score").first()
    if suggestion is None:  # should the scorer change: make one by hand
        block = article.current_revision.blocks.get(number=2)
        suggestion = EventSuggestion.objects.create(
            event=Event.objects.get(slug="us-section-301-tariffs-2018"), article=article, block_number=2,
            quote=block.text.split(". ")[0], score=0.8, reasons=["made by the test"])
    return suggestion


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor", password="pw-editor-1", is_staff=True)


@pytest.fixture
def reader(db):
    return User.objects.create_user("reader", password="pw-reader-1")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
