"""Ingest proposes event links for new and revised articles, and leaves unchanged ones alone."""
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from edition.models import EventSuggestion

pytestmark = pytest.mark.django_db


def ingest():
    out = StringIO()
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_ingest_suggests_for_new_articles(db):
    assert "Suggested" in ingest()
    assert EventSuggestion.objects.filter(status="pending").exists()


def test_an_unchanged_ingest_keeps_the_suggestions_as_they_are(db):
    ingest()
    before = list(EventSuggestion.objects.values_list("pk", flat=True))
    assert "Suggested" not in ingest()
    assert list(EventSuggestion.objects.values_list("pk", flat=True)) == before


def test_a_revised_article_gets_fresh_suggestions_and_keeps_decisions(tmp_path):
    seeds = settings.BASE_DIR / "seeds"
    for path in [*seeds.glob("*.txt"), seeds / "manifest.yaml"]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    call_command("ingest", str(tmp_path), stdout=StringIO(), stderr=StringIO())
    rejected = EventSuggestion.objects.filter(status="pending", article__source_file__startswith="000_").first()
    rejected.status = "rejected"
    rejected.save()
    source = tmp_path / rejected.article.source_file
    source.write_text(source.read_text().replace("Until very recently", "Until quite recently"))
    out = StringIO()
    call_command("ingest", str(tmp_path), stdout=out, stderr=StringIO())
    assert "in 1 new or revised article(s)" in out.getvalue()
    rejected.refresh_from_db()
    assert rejected.status == "rejected"
    assert not EventSuggestion.objects.filter(status="pending", event=rejected.event, article=rejected.article,
                                              block_number=rejected.block_number).exists()
