"""The export tests share one annotated edition (tests/export/data.py), built once for the whole
package inside a transaction that is rolled back at its end, so that the slow part (ingesting the
seeds) runs once and nothing leaks into other packages' tests.

Every test here is marked django_db (by the hook below), which does three things: pytest-django
sets up the test database (it creates one only if some test is marked), runs each test in a
savepoint of its own, and moves all of them together, as one block, among the database tests.
A test that asks for `db` itself, or is left unmarked, would be moved apart from the others and
run outside the package's transaction: the hook refuses it.

Each test module exports its format once (a module fixture) and checks the file many ways.
"""
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from edition.export.assemble import assemble_edition
from edition.export.formats import FORMATS, export
from edition.services import linking

from .data import build


HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).parents:
            if "db" in getattr(item, "fixturenames", ()):
                raise pytest.UsageError(f"{item.nodeid}: tests/export tests must not ask for `db` (see conftest.py)")
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def people(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"  # never the site's own
        with transaction.atomic():
            cache.clear()
            linking._matcher_cache.clear()
            try:
                yield build()
            finally:
                transaction.set_rollback(True)
                cache.clear()
                linking._matcher_cache.clear()


@contextmanager
def rolled_back():
    """A savepoint whose changes are undone at its end, whatever happens inside."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def write(people, tmp_path_factory):
    """write(format, annotation set, **options) -> the path of the exported file."""
    folder = tmp_path_factory.mktemp("exports")

    def write(fmt, kind="none", *, user=None, classroom=None, anonymise=False, scope="all", name=None):
        edition = assemble_edition(scope, kind, user=user, classroom=classroom, anonymise=anonymise,
                                   base_url="http://testserver")
        path = folder / (name or f"{fmt}-{kind}-{len(list(folder.iterdir()))}.{FORMATS[fmt].extension}")
        export(edition, fmt, path)
        return path
    return write


def class_export(write, people, fmt, **options):
    """The class's annotations, as its teacher exports them."""
    return write(fmt, "class", user=people.teacher, classroom=people.classroom, **options)


def unzip(path: Path, into: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        archive.extractall(into)
    return into


def text_of(path: Path) -> str:
    """Everything readable in an export: the file, or every member of a zip."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return path.read_bytes().decode("utf-8", "replace")
