"""Ingest throughput: N synthetic articles into a fresh SQLite database, then again unchanged.

    python bench/ingest_throughput.py --sources DIR --work WORK [--articles 1000] [--json OUT]

DIR is a synthetic edition (bench/synth.py); when it holds fewer than N .txt files, N are
generated into it first. The database is WORK/n<N>.sqlite3, created afresh and migrated (the
developer's var/ is not used). Measured, each with ingest_paths() as `manage.py ingest` uses it:

1. first ingest: every file is cleaned and written (Article, Revision, Blocks, Footnotes,
   Citations, and whatever listens to revision_created);
2. re-ingest of the same files: each is cleaned again and found unchanged (no write);
3. cleaning alone (read + clean_article, no database) over the same files, for the split.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import migrate, use_environment, write_json  # noqa: E402


def timed_ingest(files, manifest):
    from edition.services.ingest import ingest_paths

    counts: dict[str, int] = {}
    failures = []
    started = time.perf_counter()
    for result in ingest_paths(files, manifest):
        counts[result.status] = counts.get(result.status, 0) + 1
        if result.failed:
            failures.append(result.error)
    seconds = time.perf_counter() - started
    return seconds, counts, failures


def main(argv=None):
    parser = argparse.ArgumentParser(description="Ingest throughput at N articles.")
    parser.add_argument("--sources", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--articles", "-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    files = sorted(args.sources.glob("*.txt"))
    if len(files) < args.articles:
        from synth import generate_edition

        print(f"generating {args.articles} articles into {args.sources} ...", flush=True)
        generate_edition(args.articles, args.sources, args.seed)
        files = sorted(args.sources.glob("*.txt"))
    files = files[: args.articles]
    n = len(files)

    db = args.work / f"n{n}.sqlite3"
    args.work.mkdir(parents=True, exist_ok=True)
    for old in args.work.glob(f"n{n}.sqlite3*"):
        old.unlink()
    use_environment(args.work, db)
    migrate()

    from edition.cleaning import clean_article, load_manifest, read_source
    from django.conf import settings
    from django.db import connection
    from edition.models import Article, Block

    manifest = load_manifest(args.sources / "manifest.yaml")
    size = sum(f.stat().st_size for f in files)

    first_s, first_counts, failures = timed_ingest(files, manifest)
    if failures:
        print("\n".join(failures[:10]), file=sys.stderr)
        raise SystemExit(f"{len(failures)} of {n} files failed to ingest")
    again_s, again_counts, failures = timed_ingest(files, manifest)
    if failures or again_counts.get("unchanged") != n:
        raise SystemExit(f"re-ingest was not all unchanged: {again_counts} {failures[:3]}")

    started = time.perf_counter()
    for path in files:
        clean_article(read_source(path, settings.EDITION_MAX_SOURCE_BYTES), path.name, manifest.get(path.name))
    clean_s = time.perf_counter() - started

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result = {
        "articles": n,
        "source_megabytes": round(size / 1e6, 2),
        "blocks": Block.objects.count(),
        "articles_in_db": Article.objects.count(),
        "database": str(db),
        "database_megabytes": round(db.stat().st_size / 1e6, 1),
        "ingest_seconds": round(first_s, 2),
        "ingest_articles_per_s": round(n / first_s, 1),
        "ingest_statuses": first_counts,
        "reingest_seconds": round(again_s, 2),
        "reingest_articles_per_s": round(n / again_s, 1),
        "clean_only_seconds": round(clean_s, 2),
        "clean_only_articles_per_s": round(n / clean_s, 1),
    }
    write_json(args.json, result)
    print(f"ingest   {n} articles ({result['source_megabytes']} MB, {result['blocks']} blocks): "
          f"{first_s:.1f} s = {result['ingest_articles_per_s']} articles/s")
    print(f"re-ingest {n} unchanged: {again_s:.1f} s = {result['reingest_articles_per_s']} articles/s")
    print(f"cleaning alone: {clean_s:.1f} s = {result['clean_only_articles_per_s']} articles/s "
          f"(database {result['database_megabytes']} MB at {db})")


if __name__ == "__main__":
    main()
