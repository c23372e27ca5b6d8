"""Project-wide test set-up.

config.settings is imported by pytest-django before this file, so environment variables read at
import (EDITION_VAR_DIR, DATABASE_URL) are taken from the shell; the secret key in var/ is shared
with the developer's site, which is harmless. What tests must not share with the site is changed here.
"""
import pytest
from django.core.cache import cache
from django.test.utils import override_settings


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or 'local'})"


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory):
    """Uploaded and generated files go to a temporary folder, not var/media. Templates using
    {% static %} need no collectstatic manifest: live_server serves static files from the finders,
    and whitenoise gets an empty STATIC_ROOT of its own (no warning when staticfiles/ is absent)."""
    from django.conf import settings

    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        STATIC_ROOT=str(tmp_path_factory.mktemp("static_root")),
        STORAGES=storages,
    ):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache is process-wide but test databases roll back: on SQLite a later test can reuse the
    same primary keys, so a cached woven article from an earlier test would be served as its own."""
    cache.clear()
    yield
    cache.clear()
