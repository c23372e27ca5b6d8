"""Clean one raw page and show the result; writes nothing to the database (DESIGN §4).

    python manage.py clean_article seeds/004_343d48f420dd351e.txt --json
"""
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from edition.cleaning import CleaningError, ManifestError, SourceError, clean_article, load_manifest, read_source
from edition.cleaning.model import CleanArticle

METADATA = ("title", "subtitle", "kicker", "dateline", "byline", "published", "publication", "attribution")


class Command(BaseCommand):
    help = "Clean a raw news-page dump and print the clean article (or its JSON with --json)."
    # A pure transformation: it needs neither the models nor the URLconf, so it should still
    # work while another part of the site is broken.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the raw page dump (UTF-8 text)")
        parser.add_argument("--json", action="store_true", help="print the DESIGN §4 JSON object")
        parser.add_argument(
            "--manifest",
            type=Path,
            help="manifest with per-article metadata and overrides (default: EDITION_SEEDS_DIR/manifest.yaml if present)",
        )

    def handle(self, *args, **options):
        path = options["path"]
        try:
            entries = self._manifest(options["manifest"])
            raw = read_source(path, settings.EDITION_MAX_SOURCE_BYTES)
            article = clean_article(raw, path.name, entries.get(path.name))
        except (SourceError, ManifestError, CleaningError) as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(article.to_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_summary(article))

    def _manifest(self, path: Path | None) -> dict:
        if path is not None:
            return load_manifest(path)
        default = Path(settings.EDITION_SEEDS_DIR) / "manifest.yaml"
        return load_manifest(default) if default.is_file() else {}


def render_summary(article: CleanArticle) -> str:
    data = article.to_json()
    out = [f"{article.source_file} (profile: {article.profile})", ""]
    out += [f"{key:>12}: {data[key] if data[key] is not None else '-'}" for key in METADATA]
    out += ["", f"Blocks ({len(article.blocks)}):"]
    out += [f"  [{n}] {block.type}: {block.text}" for n, block in enumerate(article.blocks, start=1)]
    anchors = {anchor.marker: anchor for anchor in article.note_anchors}
    out += ["", f"Footnotes ({len(article.footnotes)}):"]
    for note in article.footnotes:
        anchor = anchors.get(note.marker)
        where = f" (anchored in block {anchor.block + 1} at offset {anchor.offset})" if anchor else " (no anchor)"
        out.append(f"  [{note.marker}]{where} {note.text}")
    out += ["", f"Citations ({len(article.citations)}):"]
    out += [f"  block {c.block + 1} [{c.start}:{c.end}] {c.text}" for c in article.citations]
    out += ["", f"Dropped ({len(article.dropped)}):"]
    out += [f"  {d.reason}: {d.text}" for d in article.dropped]
    return "\n".join(out)
