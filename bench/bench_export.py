"""Export benchmark: a synthetic edition with annotations, exported to every format.

    .venv/bin/python bench/bench_export.py [--articles 1000] [--annotations 20000] [--work DIR]
        [--formats html epub pdf tei w3c md csv] [--pdf-articles 100] [--time-limit 1800]
        [--memory-limit-mb 8000] [--validate] [--json OUT] [--markdown OUT]

1. WORK/sources: N synthetic articles (bench/synth.py), ingested with the seed apparatus into a
   fresh SQLite database WORK/export-n<N>.sqlite3 (EDITION_VAR_DIR and SQLITE_PATH point into WORK),
   mentions linked as `manage.py ingest` links them;
2. one class (a teacher, 40 students) and M annotations on random word spans of random paragraphs,
   written with bulk_create (15% replies, 30% tagged, some bodies starting with = + - @): all of
   them class annotations, so that the class set exports every one;
3. each format exported by `manage.py export --annotations class:CODE --as teacher --anonymise`
   in a subprocess of its own: wall time, peak resident memory (VmHWM, polled from /proc) and size.
   A run over the time or memory limit is stopped and reported as such. The PDF is also measured
   on the first --pdf-articles articles, for its growth with the edition. The JSON also has the
   highest resident memory in each tenth of a run (flat when memory does not grow with the
   edition) and the range of the machine's 1-minute load average during it.

Steps 1-2 are skipped when WORK already holds the database (rerun formats against it).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, bench_env, migrate, use_environment, write_json  # noqa: E402

FORMATS = ["html", "epub", "pdf", "tei", "w3c", "md", "csv"]
BODIES = ["A telling choice of words.", "Compare the **other** account of this meeting.",
          "=SUM(A1:A9) is not a formula here", "+1, agreed", "-- see the timeline", "@teacher is this bias?",
          "Why *now*? The timing matters.", "Source? The paragraph cites none.", ""]
TAGS = ["rhetoric", "bias", "sources", "economy", "security", "history", "question", "summary"]


def prepare(args, work: Path, db: Path) -> dict:
    use_environment(work, db)
    migrate()
    from django.core.management import call_command

    from synth import generate_edition

    sources = work / "sources"
    if len(list(sources.glob("*.txt"))) != args.articles:
        generate_edition(args.articles, sources, args.seed)
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("ingest", str(sources), stdout=quiet, stderr=quiet)
    ingest = time.perf_counter() - started
    started = time.perf_counter()
    code = annotate(args.annotations, args.seed)
    return {"ingest_seconds": round(ingest, 1), "annotate_seconds": round(time.perf_counter() - started, 1),
            "class_code": code}


def annotate(total: int, seed: int) -> str:
    """A class and `total` class annotations (roots and replies) over the whole edition."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from accounts.models import Profile
    from annotations.models import Annotation, Classroom, Membership, Tag
    from edition.models import Article, Block

    rng = random.Random(seed)
    User = get_user_model()
    with transaction.atomic():
        users = User.objects.bulk_create([User(username=f"reader{i:03d}", first_name=f"Student{i:03d}")
                                          for i in range(41)])
        Profile.objects.bulk_create([Profile(user=u, display_name=f"Student Number {i}") for i, u in enumerate(users)])
        teacher, students = users[0], users[1:]
        room = Classroom.objects.create(name="Synthetic seminar", created_by=teacher)
        Membership.objects.bulk_create([Membership(user=teacher, classroom=room, role="teacher")]
                                       + [Membership(user=u, classroom=room) for u in students])
        tags = Tag.objects.bulk_create([Tag(name=name) for name in TAGS])
        articles = list(Article.objects.select_related("current_revision"))
        blocks = {}
        for block in Block.objects.filter(revision__in=[a.current_revision_id for a in articles], kind="paragraph"):
            blocks.setdefault(block.revision_id, []).append(block)
        replies = total * 15 // 100
        roots = [root_annotation(rng, rng.choice(articles), blocks, students, room) for _ in range(total - replies)]
        roots = Annotation.objects.bulk_create(roots, batch_size=2000)
        answers = []
        for _ in range(replies):
            parent = rng.choice(roots)
            answers.append(Annotation(article_id=parent.article_id, revision_id=parent.revision_id,
                                      author=rng.choice(users), parent=parent, root=parent, motivation="replying",
                                      visibility="class", classroom=room, body=rng.choice(BODIES[:-1])))
        Annotation.objects.bulk_create(answers, batch_size=2000)
        Through = Annotation.tags.through
        Through.objects.bulk_create([Through(annotation_id=a.pk, tag_id=tag.pk) for a in roots if rng.random() < 0.3
                                     for tag in rng.sample(tags, rng.randint(1, 2))], batch_size=5000)
    return room.join_code


def root_annotation(rng, article, blocks, students, room):
    from annotations.anchoring import make_quote
    from annotations.models import Annotation

    revision = article.current_revision
    block = rng.choice(blocks[revision.pk])
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", block.text)]
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + rng.randint(0, 10))
    start, end = block.start + words[first][0], block.start + words[last][1]
    quote = make_quote(revision.text, start, end)
    body = rng.choice(BODIES)
    return Annotation(article=article, revision=revision, author=rng.choice(students), exact=quote.exact,
                      prefix=quote.prefix, suffix=quote.suffix, start=start, end=end, body=body,
                      motivation="commenting" if body else "highlighting", visibility="class", classroom=room)


def child_env(env: dict) -> dict:
    """The caller's environment with the benchmark's on top; empty values unset (DATABASE_URL)."""
    merged = dict(os.environ, PYTHONPATH=str(ROOT))
    for key, value in env.items():
        if value:
            merged[key] = value
        else:
            merged.pop(key, None)
    return merged


def peak_of(pid: int) -> tuple[int, int]:
    """(peak, current) resident memory of a process in kB, from /proc."""
    found = {"VmHWM": 0, "VmRSS": 0}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key = line.split(":", 1)[0]
                if key in found:
                    found[key] = int(line.split()[1])
    except OSError:
        pass
    return found["VmHWM"], found["VmRSS"]


def run_export(fmt, env, out: Path, code, articles=None, time_limit=1800, memory_limit_mb=8000) -> dict:
    command = [sys.executable, str(ROOT / "manage.py"), "export", "--format", fmt, "--out", str(out),
               "--annotations", f"class:{code}", "--as", "reader000", "--anonymise", "--no-progress"]
    if articles:
        command += ["--article", *articles]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=child_env(env),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, status, samples, loads = 0, "ok", [], []
    while process.poll() is None:
        high, now = peak_of(process.pid)
        peak = max(peak, high)
        elapsed = time.perf_counter() - started
        samples.append((elapsed, now))
        loads.append(os.getloadavg()[0])
        if elapsed > time_limit or now > memory_limit_mb * 1024:
            status = f"stopped after {elapsed:.0f} s" + (f" at {now // 1024} MB" if now > memory_limit_mb * 1024 else "")
            process.kill()
            break
        time.sleep(0.2)
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    if status == "ok" and process.returncode != 0:
        status = f"failed: {err.strip().splitlines()[-1] if err.strip() else process.returncode}"
    return {"format": fmt, "articles": len(articles) if articles else None, "seconds": round(seconds, 1),
            "peak_mb": round(peak / 1024), "size_mb": round(out.stat().st_size / 1e6, 1) if out.exists() else None,
            "status": status, "rss_by_tenth_mb": by_tenth(samples, seconds),
            "load_1min": [min(loads, default=0), max(loads, default=0)]}


def by_tenth(samples, seconds) -> list[int]:
    """The highest resident memory (MB) in each tenth of the run: flat if memory does not grow."""
    tenths = [0] * 10
    for elapsed, kb in samples:
        index = min(9, int(10 * elapsed / seconds)) if seconds else 0
        tenths[index] = max(tenths[index], round(kb / 1024))
    return tenths


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def validate(fmt, path: Path) -> str:
    tools = {"epub": ["java", "-jar", "/usr/share/java/epubcheck.jar", str(path)],
             "tei": ["jing", str(ROOT / "tests/export/schemas/tei_all.rng"), str(path)]}
    if fmt not in tools or not path.exists():
        return ""
    started = time.perf_counter()
    result = subprocess.run(tools[fmt], capture_output=True, text=True, timeout=3600)
    verdict = "valid" if result.returncode == 0 and "WARNING" not in result.stdout else "INVALID"
    return f"{tools[fmt][0] if fmt == 'tei' else 'epubcheck'}: {verdict} ({time.perf_counter() - started:.0f} s)"


def markdown(results, setup, args) -> str:
    lines = [f"{args.articles:,} synthetic articles, {args.annotations:,} class annotations "
             f"(ingest {setup.get('ingest_seconds', '?')} s, annotations {setup.get('annotate_seconds', '?')} s).", "",
             "| format | articles | time (s) | peak memory (MB) | size (MB) | result |", "|---|---:|---:|---:|---:|---|"]
    for r in results:
        pages = f", {r['pages']:,} pages" if r.get("pages") else ""
        lines.append(f"| {r['format']} | {r['articles'] or args.articles:,} | {r['seconds']} | {r['peak_mb']:,} | "
                     f"{r['size_mb'] if r['size_mb'] is not None else '–'} | {r['status']}{pages}"
                     f"{'; ' + r['validation'] if r.get('validation') else ''} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--formats", nargs="+", default=FORMATS, choices=FORMATS)
    parser.add_argument("--pdf-articles", type=int, default=100, help="also a PDF of the first N articles (0: no)")
    parser.add_argument("--time-limit", type=int, default=1800, help="seconds per export")
    parser.add_argument("--memory-limit-mb", type=int, default=8000, help="stop an export above this RSS")
    parser.add_argument("--validate", action="store_true", help="also run epubcheck / jing on the big files")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)

    work = (args.work or Path(f"/tmp/bench-export-{args.articles}")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"export-n{args.articles}.sqlite3"
    setup_file = work / "setup.json"
    if not db.exists() or not setup_file.exists():
        for old in work.glob(f"{db.name}*"):
            old.unlink()
        setup = prepare(args, work, db)
        setup_file.write_text(json.dumps(setup))
    setup = json.loads(setup_file.read_text())
    env = bench_env(work, db)
    out = work / "out"
    out.mkdir(exist_ok=True)
    results = []
    for fmt in args.formats:
        runs = [None]
        if fmt == "pdf" and args.pdf_articles:
            runs.insert(0, first_slugs(env, args.pdf_articles))
        for articles in runs:
            extension = {"html": "zip", "tei": "xml", "w3c": "jsonld"}.get(fmt, fmt)
            path = out / f"{fmt}-{len(articles) if articles else args.articles}.{extension}"
            result = run_export(fmt, env, path, setup["class_code"], articles, args.time_limit, args.memory_limit_mb)
            if fmt == "pdf" and result["status"] == "ok":
                result["pages"] = pdf_pages(path)
            if args.validate and result["status"] == "ok":
                result["validation"] = validate(fmt, path)
            print(json.dumps(result), flush=True)
            results.append(result)
    report = markdown(results, setup, args)
    print(report)
    write_json(args.json, {"setup": setup, "results": results})
    if args.markdown:
        args.markdown.write_text(report)


def first_slugs(env, n) -> list[str]:
    script = ("import django; django.setup(); from edition.models import Article; "
              f"print(' '.join(Article.objects.order_by('published', 'title', 'pk').values_list('slug', flat=True)[:{n}]))")
    result = subprocess.run([sys.executable, "-c", script], env=child_env(env), capture_output=True, text=True,
                            check=True)
    return result.stdout.split()


if __name__ == "__main__":
    main()
