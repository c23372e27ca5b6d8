"""python manage.py ingest [PATH ...]: load raw articles (default: the seeds folder)."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from edition.cleaning.manifest import ManifestError
from edition.services.ingest import ingest_paths

SYMBOLS = {"created": "+", "revised": "~", "unchanged": "=", "failed": "!"}


class Command(BaseCommand):
    help = "Clean and store raw article files; a changed file becomes a new revision."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders (default: seeds/).")

    def handle(self, *args, paths, **options):
        paths = paths or [Path(settings.EDITION_SEEDS_DIR)]
        for path in paths:
            if not path.exists():
                raise CommandError(f"{path}: no such file or folder")
        counts = dict.fromkeys(SYMBOLS, 0)
        try:
            for result in ingest_paths(paths):
                counts[result.status] += 1
                self.report(result)
        except ManifestError as error:
            raise CommandError(f"manifest: {error}")
        summary = ", ".join(f"{n} {status}" for status, n in counts.items())
        self.stdout.write(f"Ingested {sum(counts.values())} file(s): {summary}.")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} file(s) could not be ingested (see above).")

    def report(self, result):
        if result.failed:
            self.stderr.write(self.style.ERROR(f"! {result.error}"))
            return
        revision = result.revision
        line = (f"{SYMBOLS[result.status]} {result.path.name}: {result.status} "
                f"r{revision.number} “{result.article.title}” ({revision.blocks.count()} blocks)")
        self.stdout.write(line)
