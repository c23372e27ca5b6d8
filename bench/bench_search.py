"""Search latency on a synthetic edition: 10,000 articles, 100,000 annotations, ~200 queries.

    .venv/bin/python bench/bench_search.py --work /tmp/search-bench                     # SQLite FTS5
    scripts/pg-throwaway .venv/bin/python bench/bench_search.py --work /tmp/search-bench  # PostgreSQL

The engine is the database's: SQLite (WORK/search-n<N>.sqlite3, reused by later runs) unless
DATABASE_URL is set. The articles are bench/synth.py's, cleaned by the real cleaner (cached in
WORK/corpus-n<N>-s<seed>.jsonl.gz, so both engines index the same text).

The edition is built with bulk inserts, not ingest: Article rows without revisions, and the
search documents of their blocks and footnotes written directly (the same fields, URLs and filter
tokens search.documents would write), inside the engine's bulk_load() (SQLite: FTS5 triggers off,
one 'rebuild'; PostgreSQL: GIN index built once at the end). The apparatus is the seeds' (loaded
normally, so aliases widen queries as in production). 100,000 Annotation rows are real (the
visibility rule runs against them): private, class and public, some hidden, a tenth replies,
a third tagged, by 400 students and 20 teachers in 20 classes.

Measured: ~200 queries (common, medium and rare words, phrases, prefixes, names, two-word
queries, no-match words; a fifth with a filter), each for an anonymous reader and for a student,
`--rounds` times, after a short warm-up: the search service's wall time (parse, candidates,
ranking, facets, page documents, snippets) and the whole page through the test client
(middleware, session, view, template). p50 / p95 / p99 per engine, in ms.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, bench_env, migrate, wait_for_quiet, write_json  # noqa: E402

BATCH = 5000
STUDENTS, TEACHERS, CLASSES = 400, 20, 20
TAGS = ("trade", "security", "question", "key passage", "bias", "source?", "history", "tone", "economy",
        "islands", "seafood", "summit", "compare", "quote", "nationalism", "energy", "sanctions", "essay")


def use_database(work: Path, articles: int):
    """SQLite in WORK unless DATABASE_URL names a database (scripts/pg-throwaway)."""
    env = bench_env(work, work / f"search-n{articles}.sqlite3")
    if os.environ.get("DATABASE_URL"):
        env.pop("DATABASE_URL")
    for key, value in env.items():
        if value:
            os.environ[key] = value
        else:
            os.environ.pop(key, None)
    Path(env["EDITION_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()


# --- the corpus ---------------------------------------------------------------------------------


def clean_one(args):
    index, seed = args
    from synth import generate_article

    from edition.cleaning import ManifestEntry, clean_article

    from edition.cleaning import CleaningError

    try:
        name, text, entry, _ = generate_article(index, seed, set(), validate=False)
        clean = clean_article(text, name, ManifestEntry(name, **entry))
    except CleaningError:  # rare: the validated generator retries until the cleaner accepts the page
        name, text, entry, _ = generate_article(index, seed, set(), validate=True)
        clean = clean_article(text, name, ManifestEntry(name, **entry))
    return {"title": clean.title, "published": str(clean.published), "publication": clean.publication,
            "blocks": [b.text for b in clean.blocks], "notes": [[n.marker, n.text] for n in clean.footnotes]}


def corpus(work: Path, n: int, seed: int) -> list[dict]:
    path = work / f"corpus-n{n}-s{seed}.jsonl.gz"
    work.mkdir(parents=True, exist_ok=True)
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f]
    print(f"generating and cleaning {n} articles (cached in {path}) ...", flush=True)
    started = time.perf_counter()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        articles = list(pool.map(clean_one, [(i, seed) for i in range(n)], chunksize=50))
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for article in articles:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"  {time.perf_counter() - started:.0f} s", flush=True)
    return articles


# --- the edition --------------------------------------------------------------------------------


def build(articles: list[dict], annotations: int, seed: int) -> dict:
    from django.contrib.auth import get_user_model

    from annotations.models import Annotation, Classroom, Membership, Tag
    from edition.models import Article
    from edition.services.apparatus_load import load_apparatus
    from search.engines import engine_for
    from search.models import SearchDocument

    rng = random.Random(seed)
    started = time.perf_counter()
    load_apparatus(ROOT / "seeds" / "apparatus")
    User = get_user_model()
    users = User.objects.bulk_create(User(username=f"reader{i}", password="!") for i in range(STUDENTS + TEACHERS))
    students, teachers = users[:STUDENTS], users[STUDENTS:]
    rooms = Classroom.objects.bulk_create(Classroom(name=f"Class {i}", join_code=f"BENCH{i:03d}")
                                          for i in range(CLASSES))
    room_of = {s.pk: rooms[i % CLASSES] for i, s in enumerate(students)}
    Membership.objects.bulk_create(
        [Membership(user=s, classroom=room_of[s.pk]) for s in students]
        + [Membership(user=t, classroom=rooms[i], role=Membership.TEACHER) for i, t in enumerate(teachers)])
    tags = Tag.objects.bulk_create(Tag(name=name) for name in TAGS)
    rows = Article.objects.bulk_create(
        (Article(slug=f"synthetic-{i:05d}", source_file=f"{i:05d}.txt", title=a["title"],
                 published=date.fromisoformat(a["published"]), publication=a["publication"])
         for i, a in enumerate(articles)), batch_size=BATCH)
    with engine_for().bulk_load():
        paragraphs = write_paragraphs(rows, articles)
        notes = write_annotations(rng, rows, articles, students, room_of, tags, annotations)
    counts = dict(Counter(SearchDocument.objects.values_list("kind", flat=True)))
    return {"seconds": round(time.perf_counter() - started, 1), "paragraph_documents": paragraphs,
            "annotations": notes, "documents": counts,
            "hidden": Annotation.objects.filter(hidden=True).count()}


def write_paragraphs(rows, articles) -> int:
    from search import facets
    from search.models import SearchDocument

    batch, total, object_id = [], 0, 0
    for row, article in zip(rows, articles):
        tokens = facets.document_tokens("paragraph", row.pk, row.publication, row.published)
        common = {"kind": "paragraph", "article_id": row.pk, "publication": row.publication,
                  "date": row.published, "title": row.title, "facets": tokens}
        url = f"/articles/{row.slug}/"
        for number, text in enumerate(article["blocks"], start=1):
            object_id += 1
            batch.append(SearchDocument(object_id=object_id, block_number=number, url=f"{url}#p{number}",
                                        label=f"¶{number}", text=text, **common))
        for marker, text in article["notes"]:
            object_id += 1
            batch.append(SearchDocument(object_id=object_id, url=f"{url}#note-{marker}", label=f"Note {marker}",
                                        text=text, **common))
        if len(batch) >= BATCH:
            SearchDocument.objects.bulk_create(batch)
            total, batch = total + len(batch), []
    SearchDocument.objects.bulk_create(batch)
    return total + len(batch)


def write_annotations(rng, rows, articles, students, room_of, tags, count) -> int:
    """Annotation rows (real: the visibility rule reads them) and their search documents."""
    from annotations.models import Annotation
    from search import facets
    from search.models import SearchDocument

    written, roots = 0, {}  # article index -> [(annotation, room)]
    while written < count:
        batch, tagged = [], []
        for _ in range(min(BATCH, count - written)):
            i = rng.randrange(len(rows))
            words = rng.choice(articles[i]["blocks"]).split()
            start = rng.randrange(max(1, len(words) - 6))
            exact = " ".join(words[start:start + rng.randint(2, 6)])
            body = " ".join(rng.choice(articles[rng.randrange(len(rows))]["blocks"]).split()[:rng.randint(8, 40)])
            author = rng.choice(students)
            parent = rng.choice(roots[i]) if roots.get(i) and rng.random() < 0.1 else None
            if parent is not None:
                note = Annotation(article=rows[i], author=author, parent=parent, root=parent, body=body,
                                  motivation="replying", visibility=parent.visibility, classroom=parent.classroom)
            else:
                visibility = rng.choices(("private", "class", "public"), (5, 3, 2))[0]
                note = Annotation(article=rows[i], author=author, exact=exact, body=body, visibility=visibility,
                                  classroom=room_of[author.pk] if visibility == "class" else None,
                                  hidden=visibility == "class" and rng.random() < 0.03)
            batch.append((i, note, rng.sample(tags, rng.randint(1, 2)) if rng.random() < 0.33 else []))
        Annotation.objects.bulk_create([note for _, note, _ in batch])
        for i, note, note_tags in batch:
            if note.parent_id is None:
                roots.setdefault(i, []).append(note)
            tagged += [Annotation.tags.through(annotation_id=note.pk, tag_id=t.pk) for t in note_tags]
        Annotation.tags.through.objects.bulk_create(tagged)
        SearchDocument.objects.bulk_create(annotation_document(rows[i], note, [t.name for t in note_tags], facets)
                                           for i, note, note_tags in batch)
        written += len(batch)
    return written


def annotation_document(article, note, tag_names, facets):
    from search.models import SearchDocument

    return SearchDocument(
        kind="annotation", object_id=note.pk, article_id=article.pk, publication=article.publication,
        date=article.published, url=f"/articles/{article.slug}/", title=article.title,
        label="Reply" if note.parent_id else "Annotation", text=note.body,
        extra=" · ".join([note.exact, *tag_names]), tags="\n".join(tag_names), author_id=note.author_id,
        visibility=note.visibility, classroom_id=note.classroom_id, hidden=note.hidden,
        facets=facets.document_tokens("annotation", article.pk, article.publication, article.published,
                                      tag_names, note.author_id, note.visibility))


# --- the queries --------------------------------------------------------------------------------


def make_queries(articles: list[dict], rng: random.Random, n: int) -> list[dict]:
    """~n queries over the corpus's own vocabulary, by document frequency; a fifth with a filter."""
    from search.query import tokens

    from edition.models import Article, EntryAlias

    sample = [b for a in rng.sample(articles, min(400, len(articles))) for b in a["blocks"]]
    df = Counter(t for b in sample for t in {w.casefold() for w in tokens(b)} if t.isalpha() and len(t) > 3)
    share = {t: c / len(sample) for t, c in df.items()}
    common = sorted(t for t, s in share.items() if s > 0.15)
    medium = sorted(t for t, s in share.items() if 0.005 < s < 0.05)
    rare = sorted(t for t, s in share.items() if s < 0.002)
    names = sorted(set(EntryAlias.objects.values_list("text", flat=True)))

    def phrase():
        words = rng.choice(sample).split()
        at = rng.randrange(max(1, len(words) - 3))
        return '"' + " ".join(words[at:at + rng.randint(2, 3)]).strip(".,;:“”\"'()") + '"'

    mix = ([rng.choice(common) for _ in range(n * 15 // 100)] + [rng.choice(medium) for _ in range(n * 15 // 100)]
           + [rng.choice(rare) for _ in range(n * 12 // 100)] + [phrase() for _ in range(n * 15 // 100)]
           + [rng.choice(medium + common)[:rng.randint(4, 6)] + "*" for _ in range(n * 10 // 100)]
           + [f"{rng.choice(medium)} {rng.choice(rare + common)}" for _ in range(n * 10 // 100)]
           + [rng.choice(names) for _ in range(n * 8 // 100)]
           + [f"zqx{rng.randrange(10**6)}" for _ in range(n * 3 // 100)])
    mix += [rng.choice(common + medium) for _ in range(n - len(mix))]
    rng.shuffle(mix)
    article_ids = list(Article.objects.values_list("pk", flat=True))
    publications = sorted({a["publication"] for a in articles})
    queries = []
    for i, text in enumerate(mix):
        filters = {}
        if i % 5 == 0:
            year = rng.randint(2016, 2023)
            filters = rng.choice([
                {"kind": rng.choice(["paragraph", "annotation", "entry", "event"])},
                {"publication": rng.choice(publications)},
                {"date_from": date(year, 1, 1), "date_to": date(year, 12, 31)},
                {"date_from": date(year, rng.randint(1, 12), 1) - timedelta(days=rng.randint(0, 40))},
                {"article": rng.choice(article_ids)},
                {"tag": rng.choice(TAGS)},
                {"annotations": rng.choice(["mine", "class"])},
            ])
        queries.append({"q": text, "filters": filters, "page": 2 if i % 17 == 0 else 1})
    return queries


# --- timing -------------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def at(p):
        return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 1)

    return {"n": len(ordered), "p50": at(50), "p95": at(95), "p99": at(99), "max": round(ordered[-1], 1),
            "mean": round(statistics.fmean(ordered), 1)}


def run(queries: list[dict], reader, rounds: int) -> dict:
    from urllib.parse import urlencode

    from django.contrib.auth.models import AnonymousUser
    from django.test import Client

    from search.service import Filters, QueryError, search

    users = {"anonymous": AnonymousUser(), "student": reader}
    clients = {"anonymous": Client(), "student": Client()}
    clients["student"].force_login(reader)
    for query in queries[:20]:  # warm-up: connection, names, first pages into the cache
        try:
            search(reader, query["q"])
        except QueryError:
            pass
    service, page, slowest, results = {u: [] for u in users}, {u: [] for u in users}, [], Counter()
    cpu = []  # this process's CPU: all of the work with SQLite, the client's share with PostgreSQL
    load_before = os.getloadavg()
    for _ in range(rounds):
        for query in queries:
            for who, user in users.items():
                filters = dict(query["filters"])
                if who == "anonymous" and "annotations" in filters:
                    filters = {"kind": "annotation"}
                started, cpu_started = time.perf_counter(), time.process_time()
                try:
                    found = search(user, query["q"], Filters(**filters), query["page"])
                    results["capped" if found.more else "exact"] += 1
                except QueryError:
                    results["message"] += 1
                ms = (time.perf_counter() - started) * 1000
                service[who].append(ms)
                cpu.append((time.process_time() - cpu_started) * 1000)
                slowest.append((round(ms, 1), who, query["q"], {k: str(v) for k, v in filters.items()}))
                params = {"q": query["q"], "page": query["page"], **{k: str(v) for k, v in filters.items()}}
                started = time.perf_counter()
                response = clients[who].get("/search/?" + urlencode(params))
                page[who].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (response.status_code, params)
    every = [ms for samples in service.values() for ms in samples]
    pages = [ms for samples in page.values() for ms in samples]
    return {"service": {"all": percentiles(every), **{u: percentiles(s) for u, s in service.items()}},
            "page": {"all": percentiles(pages), **{u: percentiles(s) for u, s in page.items()}},
            "service_cpu": percentiles(cpu), "load_average": {"before": load_before, "after": os.getloadavg()},
            "outcomes": dict(results), "slowest": sorted(slowest, key=lambda s: s[0], reverse=True)[:10]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--articles", "-n", type=int, default=10_000)
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--limit", type=int, help="SEARCH_MAX_CANDIDATES for this run (default: the setting's)")
    parser.add_argument("--quiet-load", type=float, help="before timing, wait until the 1-minute load average "
                        "is below this (the machine is shared)")
    parser.add_argument("--quiet-wait", type=int, default=600, help="longest wait for --quiet-load, seconds")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    articles = corpus(args.work, args.articles, args.seed)
    use_database(args.work, args.articles)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection

    from search.engines import engine_for
    from search.models import SearchDocument
    from search.service import candidate_limit

    from django.core.management import call_command

    if args.limit:
        settings.SEARCH_MAX_CANDIDATES = args.limit
    migrate()
    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest storage of production
    built = None
    if not SearchDocument.objects.filter(kind="annotation").exists():
        print(f"building the edition on {connection.vendor} ...", flush=True)
        built = build(articles, args.annotations, args.seed)
        print(f"  {built}", flush=True)
    reader = get_user_model().objects.get(username="reader0")
    queries = make_queries(articles, random.Random(args.seed), args.queries)
    wait_for_quiet(args.quiet_load, args.quiet_wait)
    print(f"timing {len(queries)} queries x 2 readers x {args.rounds} rounds on {engine_for().NAME} ...", flush=True)
    timings = run(queries, reader, args.rounds)
    result = {"engine": engine_for().NAME, "database": connection.vendor,
              "server": connection.cursor().connection.__class__.__module__ if connection.vendor != "sqlite"
              else f"SQLite {connection.Database.sqlite_version}",
              "articles": args.articles, "annotations": args.annotations, "candidate_limit": candidate_limit(),
              "documents": SearchDocument.objects.count(), "built": built, "queries": queries[:12],
              "debug": settings.DEBUG, **timings}
    for part in ("service", "page"):
        line = "  ".join(f"{who} p50 {p['p50']} p95 {p['p95']} p99 {p['p99']}" for who, p in timings[part].items())
        print(f"{part:8} {line}")
    print(f"cpu      p50 {timings['service_cpu']['p50']} p95 {timings['service_cpu']['p95']}"
          f"  load average {timings['load_average']}")
    print("outcomes:", timings["outcomes"])
    print("slowest:", *timings["slowest"][:5], sep="\n  ")
    write_json(args.json, result)


if __name__ == "__main__":
    main()
