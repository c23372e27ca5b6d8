"""python manage.py ingest [PATH ...]: load the apparatus and raw articles (default: seeds/)."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from edition.cleaning.manifest import ManifestError
from edition.linking.aliases import ApparatusError
from edition.services.apparatus_load import apparatus_folder, load_apparatus
from edition.services.ingest import ingest_paths
from edition.services.linking import link_all
from edition.services.suggestions import suggest_for_article

SYMBOLS = {"created": "+", "revised": "~", "unchanged": "=", "failed": "!"}


class Command(BaseCommand):
    help = ("Load the editorial apparatus (seeds/apparatus/), then clean and store raw article files; "
            "a changed file becomes a new revision; mentions are linked.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders (default: seeds/).")
        parser.add_argument("--apparatus", type=Path, help="Folder with entries.yaml and events.yaml "
                            "(default: seeds/apparatus/ if present).")

    def handle(self, *args, paths, apparatus, **options):
        # call_command() passes keyword options unconverted: accept str as well as Path.
        paths = [Path(path) for path in paths] or [Path(settings.EDITION_SEEDS_DIR)]
        apparatus = Path(apparatus) if apparatus else None
        for path in paths:
            if not path.exists():
                raise CommandError(f"{path}: no such file or folder")
        apparatus_changed = self.load_apparatus(apparatus or apparatus_folder(Path(settings.EDITION_SEEDS_DIR)))
        counts = dict.fromkeys(SYMBOLS, 0)
        fresh = []
        try:
            for result in ingest_paths(paths):
                counts[result.status] += 1
                self.report(result)
                if result.status in ("created", "revised"):
                    fresh.append(result.article)
        except ManifestError as error:
            raise CommandError(f"manifest: {error}")
        if apparatus_changed:
            reports = link_all()
            self.stdout.write(f"Linked {len(reports)} article(s) to the changed apparatus: "
                              f"{sum(r.mentions for r in reports)} mentions.")
            for report in reports:
                for quote in report.missing_quotes:
                    self.stderr.write(f"  {report.article.source_file}: event quote not found: {quote}")
        self.suggest(fresh)
        summary = ", ".join(f"{n} {status}" for status, n in counts.items())
        self.stdout.write(f"Ingested {sum(counts.values())} file(s): {summary}.")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} file(s) could not be ingested (see above).")

    def load_apparatus(self, folder):
        if folder is None:
            return False
        try:
            report = load_apparatus(folder)
        except ApparatusError as error:
            raise CommandError(f"apparatus in {folder}:\n{error}")
        self.stdout.write(f"Apparatus: {report.entries} entries, {report.events} events "
                          f"({'changed' if report.changed else 'unchanged'}).")
        return bool(report.changed)

    def suggest(self, articles):
        """Propose event links for new and revised articles, once their mentions are linked."""
        if articles:
            made = sum(len(suggest_for_article(article)) for article in articles)
            self.stdout.write(f"Suggested {made} event link(s) in {len(articles)} new or revised article(s).")

    def report(self, result):
        if result.failed:
            self.stderr.write(self.style.ERROR(f"! {result.error}"))
            return
        revision = result.revision
        line = (f"{SYMBOLS[result.status]} {result.path.name}: {result.status} "
                f"r{revision.number} “{result.article.title}” ({revision.blocks.count()} blocks)")
        self.stdout.write(line)
