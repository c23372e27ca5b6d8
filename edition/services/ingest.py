"""Ingest: raw source files -> Article, Revision, Block, Footnote and Citation rows.

One file at a time, each in its own transaction: a bad file is reported and the others still go
in. An unchanged source writes nothing; a changed one makes a new revision and announces it with
`revision_created`, so that annotations can re-anchor. Nothing is ever deleted.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from edition.cleaning import CleaningError, clean_article
from edition.cleaning.manifest import ManifestEntry, ManifestError, load_manifest
from edition.cleaning.model import PARAGRAPH_SEPARATOR, CleanArticle
from edition.cleaning.source import SourceError, read_source
from edition.models import Article, Block, Citation, Footnote, Revision
from edition.services.editorial_notes import reanchor_editorial_notes
from edition.services.linking import link_article
from edition.signals import revision_created


class IngestError(Exception):
    """A file could not be ingested; the message names the file and the reason."""


@dataclass(frozen=True)
class IngestResult:
    path: Path
    status: str  # created | revised | unchanged | failed
    article: Article | None = None
    revision: Revision | None = None
    error: str = ""

    @property
    def failed(self):
        return self.status == "failed"


def source_files(paths: list[Path]) -> list[Path]:
    """Expand folders to the .txt files in them, sorted; keep files as given."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        else:
            found.append(path)
    return found


def find_manifest(paths: list[Path]) -> dict[str, ManifestEntry]:
    """The manifest beside the sources (or in the seeds folder), if there is one."""
    candidates = [p / "manifest.yaml" for p in paths if p.is_dir()]
    candidates += [p.parent / "manifest.yaml" for p in paths if p.is_file()]
    candidates.append(Path(settings.EDITION_SEEDS_DIR) / "manifest.yaml")
    for candidate in candidates:
        if candidate.is_file():
            return load_manifest(candidate)
    return {}


def ingest_paths(paths: list[Path], manifest: dict[str, ManifestEntry] | None = None):
    """Ingest every file under `paths`; yields one IngestResult per file, failures included."""
    if manifest is None:
        manifest = find_manifest(paths)
    for path in source_files(paths):
        try:
            yield ingest_file(path, manifest.get(path.name))
        except IngestError as error:
            yield IngestResult(path=path, status="failed", error=str(error))


def ingest_file(path: Path, entry: ManifestEntry | None = None) -> IngestResult:
    try:
        raw = read_source(path, settings.EDITION_MAX_SOURCE_BYTES)
        clean = clean_article(raw, path.name, entry)
    except (SourceError, CleaningError, ManifestError) as error:
        raise IngestError(f"{path}: {error}") from error
    return store_clean_article(clean, raw, path)


def fingerprint(clean: CleanArticle) -> str:
    """A digest of everything the cleaner produced, positions included."""
    payload = clean.to_json()
    payload["note_anchors"] = [(a.marker, a.block, a.offset) for a in clean.note_anchors]
    payload["citation_spans"] = [(c.block, c.start, c.end) for c in clean.citations]
    payload["source_url"] = clean.source_url
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


@transaction.atomic
def store_clean_article(clean: CleanArticle, raw: str, path: Path) -> IngestResult:
    digest = fingerprint(clean)
    article = (
        Article.objects.select_for_update(of=("self",))
        .select_related("current_revision")
        .filter(source_file=clean.source_file)
        .first()
    )
    previous = article.current_revision if article else None
    if previous is not None and previous.fingerprint == digest:
        return IngestResult(path=path, status="unchanged", article=article, revision=previous)

    if article is None:
        article = Article(source_file=clean.source_file, slug=unique_slug(clean))
    copy_metadata(clean, article)
    article.save()
    number = (previous.number + 1) if previous else 1
    revision = create_revision(article, clean, raw, digest, number)
    article.current_revision = revision
    article.save(update_fields=["current_revision", "updated_at"])
    if previous is not None:
        reanchor_editorial_notes(article, revision)
    link_article(article)
    revision_created.send(sender=Revision, article=article, revision=revision, previous=previous)
    status = "revised" if previous else "created"
    return IngestResult(path=path, status=status, article=article, revision=revision)


def unique_slug(clean: CleanArticle) -> str:
    base = slugify(clean.title)[:100].strip("-") or slugify(Path(clean.source_file).stem)
    slug, n = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def copy_metadata(clean: CleanArticle, article: Article) -> None:
    article.title = clean.title
    for name in ("subtitle", "kicker", "dateline", "byline", "publication", "attribution", "source_url"):
        setattr(article, name, getattr(clean, name) or "")
    article.published = clean.published


def create_revision(article, clean, raw, digest, number) -> Revision:
    revision = Revision.objects.create(
        article=article,
        number=number,
        fingerprint=digest,
        source_text=raw,
        text=clean.canonical_text,
        profile=clean.profile,
        cleaning=clean.to_json(),
    )
    blocks, start = [], 0
    for index, block in enumerate(clean.blocks):
        blocks.append(Block(revision=revision, number=index + 1, kind=block.type, text=block.text, start=start))
        start += len(block.text) + len(PARAGRAPH_SEPARATOR)
    blocks = Block.objects.bulk_create(blocks)
    store_notes_and_citations(revision, clean, blocks)
    return revision


def store_notes_and_citations(revision, clean, blocks) -> None:
    anchors = {a.marker: a for a in clean.note_anchors}
    footnotes = []
    for note in clean.footnotes:
        anchor = anchors.get(note.marker)
        block = blocks[anchor.block] if anchor else None
        offset = block.start + anchor.offset if anchor else None
        footnotes.append(Footnote(revision=revision, marker=note.marker, text=note.text, block=block, offset=offset))
    Footnote.objects.bulk_create(footnotes)
    Citation.objects.bulk_create(
        Citation(
            revision=revision,
            block=blocks[c.block],
            start=blocks[c.block].start + c.start,
            end=blocks[c.block].start + c.end,
            text=c.text,
        )
        for c in clean.citations
    )
