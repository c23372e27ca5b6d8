"""Fixtures for the apparatus tests: the seed edition ingested, and private copies of its sources."""
import shutil
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from edition.models import Article
from edition.services import linking

SEEDS = Path(settings.BASE_DIR) / "seeds"


@pytest.fixture(autouse=True)
def _fresh_matcher():
    """The compiled matcher is cached per process under the apparatus version, but each test's
    database starts again from version 0: a matcher from an earlier test must not be reused."""
    linking._matcher_cache.clear()
    yield
    linking._matcher_cache.clear()


def run_ingest(*paths, apparatus=None):
    out, err = StringIO(), StringIO()
    options = ["--apparatus", str(apparatus)] if apparatus else []
    call_command("ingest", *map(str, paths), *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def _seeded_module(django_db_setup, django_db_blocker):
    """Ingest the seeds once per module (ingest, linking, suggestions and the search index take
    seconds), inside a transaction that each test's own transaction nests in as a savepoint, and
    that is rolled back after the module's last test."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            linking._matcher_cache.clear()
            cache.clear()
            run_ingest(SEEDS)
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def seeded(_seeded_module, db):
    """The seed edition (apparatus and five articles), ingested; each test's changes roll back.

    From the first test of a module that asks for it to the module's end, the seed edition is in
    the database for every test of that module."""


@pytest.fixture
def seed_copy(tmp_path):
    """A private copy of the seeds folder (texts, manifest, apparatus) that a test may change."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def article(prefix: str) -> Article:
    return Article.objects.select_related("current_revision").get(source_file__startswith=prefix)
