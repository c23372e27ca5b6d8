import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SEEDS = Path(settings.BASE_DIR) / "seeds"


@pytest.fixture
def seed_copy(tmp_path):
    """A private copy of the seeds folder (texts and manifest) that a test may change."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    shutil.copy(SEEDS / "manifest.yaml", folder / "manifest.yaml")
    return folder


@pytest.fixture
def seeded(db):
    """The seed edition, ingested."""
    call_command("ingest", str(SEEDS), stdout=open("/dev/null", "w"))

