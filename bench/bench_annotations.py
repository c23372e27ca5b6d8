"""Benchmark: reader annotations at scale (the "Reader annotations" issue's "Done means").

    .venv/bin/python bench/bench_annotations.py [--work DIR] [--part all|read|write] [--json OUT] [--markdown OUT]
    scripts/pg-throwaway .venv/bin/python bench/bench_annotations.py ...      # the same on PostgreSQL

Everything happens in a work directory of its own (a temporary one unless --work): EDITION_VAR_DIR,
STATIC_ROOT and, on SQLite, the database WORK/annotations.sqlite3 (deleted and rebuilt at the
start). With DATABASE_URL set (scripts/pg-throwaway) that database is used instead; it must be
empty. var/ and staticfiles/ are never touched. Gunicorn listens on a free 127.0.0.1 port only and
is always stopped (try/finally; SIGTERM is turned into an exit so the finally runs).

1. read: 2,000 annotations on one article. The seed edition is ingested (migrate + ingest), a class
   (a teacher, 30 students) and 10 readers outside it are made, and annotations are written on the
   longest seed article through annotations.services (create_annotation, set_hidden), in a mix:
   80 % thread roots (3/8 private, 3/8 class, 2/8 public) and 20 % replies (a quarter of them to
   replies), Markdown bodies (emphasis, lists, links, quotes, code; some highlights without a
   body), tags on a third, spans of 1-25 words in every paragraph, a sixth of them deliberately
   overlapping or nesting an earlier span, 1 % of class threads hidden by the teacher. Measured
   first at --small (20) annotations, then again after growing the same article to --annotations
   (2,000): SQL queries (CaptureQueriesContext, warm body cache) and latency of
     - the article page for an anonymous reader, a student of the class (own private + class +
       public) and the class's teacher;
     - GET /api/annotations/?target=<article URL> (first page) and &page=K (a later page; page 1
       at --small, where there is no later page) as the student, and GET /api/annotations/<id>;
   in-process through Django's test client (--requests after --warmup; wall p50/p95 and the
   process's CPU), then through gunicorn (2 sync workers; --http-clients (2) client threads with
   the session cookie; p50/p95 and requests/s). "Cold" is the first request after the process's
   memories are emptied (cache, rendered Markdown, panel threads), as after a restart. Last, the
   three pages once more after each of --after-new (5) new public annotations: the woven body and
   the new thread are made afresh, as on a busy article. Exit status 1 if a query count grows with
   the number of annotations.

2. write: 10,000 annotations by 16 concurrent clients. Gunicorn with gthread workers (--workers 4
   x --threads 4: 16 requests in flight); 16 client threads, each its own user (even-numbered ones
   log in through /accounts/login/ and send the session cookie and X-CSRFToken, odd-numbered ones
   send `Authorization: Token <key>`), each POSTs --per-client (625) annotations to
   /api/annotations/ over a keep-alive connection, all starting together: random word spans of
   every paragraph of the five seed articles, 40 % with a TextQuoteSelector only, the rest with
   both selectors; private, class and public; Markdown bodies, some tags. Then checks: every 201's
   id is in the database, the writers' annotations number exactly clients x per-client, no 5xx,
   no "database is locked" (in responses or gunicorn's log), each annotation anchored ("anchored",
   at the offsets of the words the client chose, text[start:end] == exact). Reports
   annotations/s, latency p50/p95/p99, errors. Exit status 1 if any check fails.

The load average (1 minute) is sampled every 2 s during each part and reported (min/mean/max).
"""
from __future__ import annotations

import argparse
import http.client
import io
import json
import math
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, bench_env, wait_for_quiet, write_json  # noqa: E402

TAGS = ["question", "rhetoric", "context", "tone", "source", "evidence", "bias", "framing", "key passage",
        "compare", "history", "trade", "security", "term", "date"]
WORDS = ("the writer frames this meeting as a turning point but the quoted officials sound more cautious "
         "than the headline compare the tone with paragraph two where trade comes first why is this source "
         "trusted here I think the economy matters more than the summit itself note how the ministry avoids "
         "naming the islands and what the agency leaves out about the talks").split()
ROOT_PATTERN = ("private", "class", "public", "class", "private", "class", "public", "private")  # 3:3:2
STUDENTS, OUTSIDERS = 30, 10


# --- environment ---------------------------------------------------------------------------------


def use_environment(work: Path) -> dict[str, str]:
    """The isolated site: its own var/, static root and (unless DATABASE_URL) SQLite database."""
    database_url = os.environ.get("DATABASE_URL", "")
    db = work / "annotations.sqlite3"
    env = bench_env(work, db)
    env["EDITION_MANIFEST_STATIC"] = "0"  # no collectstatic needed; the pages' static URLs are not fetched
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        for suffix in ("", "-wal", "-shm"):  # our own file, from an earlier run in the same WORK
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    for key, value in env.items():
        if value:
            os.environ[key] = value
        else:
            os.environ.pop(key, None)
    for folder in ("EDITION_VAR_DIR", "STATIC_ROOT"):
        Path(env[folder]).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    return env


def database_label() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def build_edition() -> None:
    """Migrate an empty database and ingest the seed edition (with its apparatus)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    existing = connection.introspection.table_names()
    if existing:
        raise SystemExit(f"The database is not empty ({len(existing)} tables): give the benchmark a fresh one "
                         "(scripts/pg-throwaway, or no DATABASE_URL for SQLite in the work directory).")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("ingest", str(settings.EDITION_SEEDS_DIR), stdout=io.StringIO())


class LoadSampler:
    """The 1-minute load average every `every` seconds while a part runs."""

    def __init__(self, every: float = 2.0):
        self.every, self.samples, self._stop = every, [], threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.samples.append(os.getloadavg()[0])
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def summary(self) -> dict:
        s = self.samples or [os.getloadavg()[0]]
        return {"min": round(min(s), 2), "mean": round(statistics.fmean(s), 2), "max": round(max(s), 2)}


def percentile(values, p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def spread(values) -> dict:
    return {"n": len(values), "p50": round(percentile(values, 50), 2), "p95": round(percentile(values, 95), 2),
            "p99": round(percentile(values, 99), 2), "max": round(max(values), 2) if values else None}


# --- gunicorn ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """config.wsgi on a free 127.0.0.1 port, in its own session; stopped on exit, whatever happened."""

    def __init__(self, env: dict, log: Path, args: list[str]):
        self.env, self.log, self.args, self.port, self.process = env, log, args, free_port(), None

    def __enter__(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [str(gunicorn), "config.wsgi", "-b", f"127.0.0.1:{self.port}", *self.args,
                   "--error-logfile", str(self.log), "--log-level", "warning", "--timeout", "120"]
        self.process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **self.env},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                connection.request("GET", "/")
                connection.getresponse().read()
                connection.close()
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"gunicorn did not start; see {self.log}") from None
                time.sleep(0.3)

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # our own session only
            self.process.wait(timeout=10)


# --- part 1: 2,000 annotations on one article ---------------------------------------------------


def make_people(prefix: str, count: int, *, password=None):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from accounts.models import Profile

    User = get_user_model()
    hashed = make_password(password)
    users = User.objects.bulk_create(
        [User(username=f"{prefix}{i:02}", password=hashed, first_name=prefix.title(), last_name=f"{i:02}")
         for i in range(count)])
    Profile.objects.bulk_create([Profile(user=u, display_name=f"{prefix.title()} {i:02}") for i, u in enumerate(users)])
    return users


def make_class(name: str, teacher, students):
    from annotations.models import Membership
    from annotations.services import create_classroom, join_classroom

    room = create_classroom(teacher, name)
    for student in students:
        join_classroom(student, room.join_code)
    assert Membership.objects.filter(classroom=room).count() == len(students) + 1
    return room


def word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def pick_span(rng: random.Random, block, words: list[tuple[int, int]], longest: int = 25) -> tuple[int, int]:
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + rng.randint(0, longest - 1))
    return block.start + words[first][0], block.start + words[last][1]


def markdown_body(rng: random.Random, words: int | None = None) -> str:
    def sentence(low=4, high=18):
        text = " ".join(rng.choices(WORDS, k=rng.randint(low, high)))
        return text[0].upper() + text[1:] + rng.choice((".", ".", "?", "!"))

    kind = rng.randrange(7)
    if kind == 0:
        return f"{sentence()} *{rng.choice(WORDS)}* {sentence(2, 6)}"
    if kind == 1:
        return f"{sentence()}\n\n- {sentence(2, 8)}\n- **{rng.choice(WORDS)}** {sentence(2, 6)}\n- {sentence(2, 8)}"
    if kind == 2:
        return f"See [the agency's report](https://example.org/reports/{rng.randrange(1000)}) — {sentence()}"
    if kind == 3:
        return f"> {sentence()}\n\n{sentence()} {sentence()}"
    if kind == 4:
        return f"The term `{rng.choice(WORDS)}` again. {sentence()}"
    if kind == 5:
        return "\n\n".join(sentence(8, 30) for _ in range(rng.randint(2, 4)))
    return sentence()


class ReadingSet:
    """Annotations written on one article through the services, in a fixed mix (see the module doc).

    The kind of annotation i depends on i alone (so the first 20 hold every kind); its details
    (author, words, body, tags) come from the random generator."""

    def __init__(self, article, room, teacher, students, outsiders, seed: int):
        self.article, self.room, self.teacher = article, room, teacher
        self.students, self.outsiders = students, outsiders
        self.members = [teacher, *students]
        self.everyone = [teacher, *students, *outsiders]
        self.rng = random.Random(seed)
        revision = article.current_revision
        self.text = revision.text
        self.blocks = [(b, word_spans(b.text)) for b in revision.blocks.order_by("number") if b.text.strip()]
        self.roots, self.replies, self.count, self.hidden = [], [], 0, 0
        self.detail_id = None  # the annotation GET /api/annotations/<id> asks for, the same at every size

    def add(self, n: int) -> None:
        from annotations.anchoring import TextPosition, make_quote
        from annotations.services import create_annotation, set_hidden

        rng = self.rng
        for _ in range(n):
            i, self.count = self.count, self.count + 1
            if i % 10 in (8, 9) and self.roots:
                parent = rng.choice(self.replies) if i % 20 == 9 and self.replies else rng.choice(self.roots)
                root = parent.root or parent
                if root.hidden:  # seen only by its author and the class's teachers
                    author = rng.choice((root.author, self.teacher))
                elif root.visibility == "public":
                    author = rng.choice(self.everyone)
                elif root.visibility == "class":
                    author = rng.choice(self.members)
                else:
                    author = root.author
                reply = create_annotation(author, parent=parent, body=markdown_body(rng))
                self.replies.append(reply)
                continue
            visibility = ROOT_PATTERN[(i - 2 * (i // 10)) % len(ROOT_PATTERN)]
            author = rng.choice(self.members if visibility == "class" else self.everyone)
            if self.roots and rng.random() < 1 / 6:  # overlap or nest an earlier highlight
                other = rng.choice(self.roots)
                block = next(b for b, _ in self.blocks if b.start <= other.start < b.end)
                start = min(max(block.start, other.start + rng.randint(-40, 20)), other.end - 1)
                end = min(block.end, max(start + 1, other.end + rng.randint(-20, 40)))
                start, end = _to_words(self.text, start, end, block)
                if start >= end:  # only spaces: the same words again
                    start, end = other.start, other.end
            else:
                block, words = rng.choice(self.blocks)
                start, end = pick_span(rng, block, words)
            body = "" if rng.random() < 0.15 else markdown_body(rng)
            tags = rng.sample(TAGS, rng.randint(1, 3)) if rng.random() < 1 / 3 else []
            quote = make_quote(self.text, start, end)
            position = TextPosition(start, end) if rng.random() < 0.7 else None  # the rest: the quote alone
            root = create_annotation(author, article=self.article, quote=quote, position=position, body=body,
                                     tags=tags, visibility=visibility,
                                     classroom_id=self.room.pk if visibility == "class" else None)
            assert (root.start, root.end) == (start, end), (root.start, root.end, start, end)
            self.roots.append(root)
            if visibility == "class" and rng.random() < 0.01:
                set_hidden(self.teacher, root, True)
                self.hidden += 1


    def add_public_note(self):
        """One more public thread root, by a reader outside the class: every reader sees it."""
        from annotations.anchoring import make_quote
        from annotations.services import create_annotation

        block, words = self.rng.choice(self.blocks)
        start, end = pick_span(self.rng, block, words)
        self.count += 1
        self.roots.append(create_annotation(self.rng.choice(self.outsiders), article=self.article,
                                            quote=make_quote(self.text, start, end),
                                            body=markdown_body(self.rng), visibility="public"))


def _to_words(text: str, start: int, end: int, block) -> tuple[int, int]:
    """Widen [start, end) to whole words, inside the block."""
    while start > block.start and not text[start - 1].isspace():
        start -= 1
    while end < block.end and not text[end].isspace():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def fetch(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return b"".join(response.streaming_content) if response.streaming else response.content


def count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fetch(client, url)  # warm: the woven body in the cache
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return len(captured)


def forget() -> None:
    """Empty what the process remembers between requests: the cache (woven bodies) and, where the
    tree has them, the rendered Markdown and panel threads."""
    from django.core.cache import cache

    cache.clear()
    try:
        from edition import markdown

        markdown._render_cached.cache_clear()
        from edition.templatetags.annotation_panel import rendered_items

        rendered_items.clear()
    except (ImportError, AttributeError):  # an older tree, without them
        pass


def time_in_process(client, url: str, requests: int, warmup: int, cold_rounds: int = 3) -> dict:
    """Wall and CPU ms of the first request after `forget()` (cold, median of `cold_rounds`), then of
    `requests` requests after `warmup` untimed ones."""
    cold = []
    for _ in range(cold_rounds):
        forget()
        began = time.perf_counter()
        fetch(client, url)
        cold.append((time.perf_counter() - began) * 1000)
    for _ in range(warmup):
        body = fetch(client, url)
    wall, cpu = [], []
    for _ in range(requests):
        began, began_cpu = time.perf_counter(), time.process_time()
        body = fetch(client, url)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return {"cold": round(statistics.median(cold), 1), "wall": spread(wall), "cpu": spread(cpu), "bytes": len(body)}


def http_get(port: int, path: str, cookie: str | None) -> tuple[int, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def time_served(port: int, path: str, cookie: str | None, requests: int, warmup: int, threads: int) -> dict:
    """`requests` GETs from `threads` client threads (new connection each: sync workers close it)."""
    for _ in range(warmup):
        status, _ = http_get(port, path, cookie)
        assert status == 200, (path, status)
    latencies, statuses, lock = [], Counter(), threading.Lock()
    share = [requests // threads + (1 if t < requests % threads else 0) for t in range(threads)]

    def client(n):
        for _ in range(n):
            began = time.perf_counter()
            status, _ = http_get(port, path, cookie)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[status] += 1

    began = time.perf_counter()
    workers = [threading.Thread(target=client, args=(n,)) for n in share]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - began
    return {"wall": spread(latencies), "rps": round(requests / elapsed, 1), "statuses": dict(statuses)}


def reading_views(reading: ReadingSet, clients: dict, student_visible: int) -> list[tuple[str, str, str]]:
    """(label, who, URL) of what is measured; the later API page is the middle one."""
    from annotations.models import Annotation

    article = reading.article
    page_url = article.get_absolute_url()
    target = urllib.parse.quote("http://testserver" + page_url, safe="")
    pages = max(1, math.ceil(student_visible / 100))
    later = pages // 2 + 1 if pages > 1 else 1  # the middle page
    if reading.detail_id is None:
        public = Annotation.objects.filter(article=article, visibility="public", parent__isnull=True).order_by("id")
        one = public.filter(tags__isnull=False).first() or public.first()
        reading.detail_id = one.pk
    return [
        ("article page, anonymous", "anonymous", page_url),
        ("article page, student", "student", page_url),
        ("article page, teacher", "teacher", page_url),
        ("API list, first page", "student", f"/api/annotations/?target={target}"),
        (f"API list, page {later} of {pages}" if pages > 1 else "API list, page 1 (?page=1)", "student",
         f"/api/annotations/?target={target}&page={later}"),
        ("API one annotation", "student", f"/api/annotations/{reading.detail_id}"),
    ]


def measure_reading(reading: ReadingSet, clients: dict, env: dict, work: Path, args, label: str) -> dict:
    from annotations.reading import reading_annotations
    from annotations.selectors import visible_annotations

    student = reading.students[0]
    visible = {who: reading_annotations(user, reading.article).count
               for who, user in (("anonymous", None), ("student", student), ("teacher", reading.teacher))}
    student_visible = visible_annotations(student, reading.article).count()
    views = reading_views(reading, clients, student_visible)
    print(f"[{label}] {reading.count} annotations; threads shown: {visible}", flush=True)
    results = {"annotations": reading.count, "roots": len(reading.roots), "replies": len(reading.replies),
               "hidden": reading.hidden, "threads_shown": visible, "student_visible_api": student_visible,
               "views": {}}
    with LoadSampler() as load:
        for name, who, url in views:
            queries = count_queries(clients[who], url)
            timing = time_in_process(clients[who], url, args.requests, args.warmup)
            results["views"][name] = {"who": who, "url": url, "queries": queries, "in_process": timing}
            print(f"  {name:34} {queries:3} queries  cold {timing['cold']:8.1f} ms  p50 {timing['wall']['p50']:8.1f} ms  "
                  f"p95 {timing['wall']['p95']:8.1f} ms  cpu p50 {timing['cpu']['p50']:8.1f} ms  "
                  f"{timing['bytes']:,} bytes", flush=True)
    results["load_in_process"] = load.summary()
    if not args.no_gunicorn:
        measure_served(results, views, clients, env, work, args)
    if label == "large":
        # The realistic cold case: the article changed, so its woven body (cached per set of
        # highlights) is woven again and the new thread rendered; the rest is remembered.
        for name, who, url in views[:3]:
            fetch(clients[who], url)
            times = []
            for _ in range(args.after_new):
                reading.add_public_note()
                began = time.perf_counter()
                fetch(clients[who], url)
                times.append((time.perf_counter() - began) * 1000)
            results["views"][name]["after_new_annotation"] = round(statistics.median(times), 1)
            print(f"  {name:34} after a new annotation: median {statistics.median(times):.1f} ms "
                  f"({args.after_new} rounds)", flush=True)
        results["annotations_at_end"] = reading.count
    return results


def measure_served(results: dict, views, clients: dict, env: dict, work: Path, args) -> None:
    from django.conf import settings

    cookies = {who: (f"{settings.SESSION_COOKIE_NAME}={c.cookies[settings.SESSION_COOKIE_NAME].value}"
                     if settings.SESSION_COOKIE_NAME in c.cookies else None) for who, c in clients.items()}
    with LoadSampler() as load, Gunicorn(env, work / "gunicorn-read.log", ["-w", "2"]) as server:
        for name, who, url in views:
            # Each worker remembers its own woven bodies and threads: warm both.
            served = time_served(server.port, url, cookies[who], args.requests, max(10, args.warmup),
                                 args.http_clients)
            results["views"][name]["gunicorn"] = served
            print(f"  gunicorn {name:25} p50 {served['wall']['p50']:8.1f} ms  p95 {served['wall']['p95']:8.1f} ms  "
                  f"{served['rps']:7.1f} req/s  {served['statuses']}", flush=True)
    results["load_gunicorn"] = load.summary()


def part_read(args, env: dict, work: Path) -> dict:
    from django.test import Client

    from edition.models import Article

    began = time.perf_counter()
    teacher = make_people("teacher", 1)[0]
    students = make_people("student", STUDENTS)
    outsiders = make_people("reader", OUTSIDERS)
    room = make_class("Bench class", teacher, students)
    article = max(Article.objects.select_related("current_revision"), key=lambda a: len(a.current_revision.text))
    reading = ReadingSet(article, room, teacher, students, outsiders, args.seed)
    clients = {"anonymous": Client(), "student": Client(), "teacher": Client()}
    clients["student"].force_login(students[0])
    clients["teacher"].force_login(teacher)
    result = {"article": {"slug": article.slug, "characters": len(reading.text), "paragraphs": len(reading.blocks)}}
    reading.add(args.small)
    result["small"] = measure_reading(reading, clients, env, work, args, "small")
    grow = time.perf_counter()
    reading.add(args.annotations - args.small)
    result["write_seconds"] = round(time.perf_counter() - grow, 1)
    print(f"added {args.annotations - args.small} annotations through the services in {result['write_seconds']} s",
          flush=True)
    result["large"] = measure_reading(reading, clients, env, work, args, "large")
    result["seconds"] = round(time.perf_counter() - began, 1)
    result["constant_queries"] = {
        name: (view["queries"], result["large"]["views"][large_name]["queries"])
        for (name, view), large_name in zip(result["small"]["views"].items(), result["large"]["views"])}
    return result


# --- part 2: 10,000 annotations by 16 concurrent clients ----------------------------------------


def write_plan(articles, client_index: int, count: int, room_id: int, seed: int, base: str) -> list[dict]:
    """The annotations one client will POST, with where each should land (not sent)."""
    rng = random.Random(seed * 1000 + client_index)
    blocks = {a.pk: [(b, word_spans(b.text)) for b in a.current_revision.blocks.order_by("number") if b.text.strip()]
              for a in articles}
    plan = []
    for i in range(count):
        article = rng.choice(articles)
        text = article.current_revision.text
        block, words = rng.choice(blocks[article.pk])
        start, end = pick_span(rng, block, words, longest=15)
        quote_only = rng.random() < 0.4
        selectors = [{"type": "TextQuoteSelector", "exact": text[start:end],
                      "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32]}]
        if not quote_only:
            selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
        visibility = rng.choice(("private", "private", "class", "public"))
        bodies = []
        if rng.random() < 0.85:
            bodies.append({"type": "TextualBody", "value": markdown_body(rng), "format": "text/markdown"})
        if rng.random() < 0.3:
            bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in rng.sample(TAGS, 2)]
        payload = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": bodies,
                   "target": {"source": base + article.get_absolute_url(), "selector": selectors},
                   "visibility": visibility}
        if visibility == "class":
            payload["class"] = room_id
        plan.append({"payload": json.dumps(payload).encode(), "article": article.pk, "start": start, "end": end,
                     "quote_only": quote_only})
    return plan


def login(port: int, username: str, password: str) -> dict[str, str]:
    """Sign in through the login form; the cookies (session, csrftoken) to send afterwards."""
    jar = SimpleCookie()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/accounts/login/")
    response = connection.getresponse()
    response.read()
    for header in response.headers.get_all("Set-Cookie") or ():
        jar.load(header)
    csrf = jar["csrftoken"].value
    form = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": csrf})
    connection.request("POST", "/accounts/login/", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"})
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 302, ("login failed", username, response.status)
    for header in response.headers.get_all("Set-Cookie") or ():
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


class Writer(threading.Thread):
    """One client: POSTs its plan over one keep-alive connection, recording every answer."""

    def __init__(self, port: int, headers: dict, plan: list[dict], barrier: threading.Barrier):
        super().__init__(daemon=True)
        self.port, self.headers, self.plan, self.barrier = port, headers, plan, barrier
        self.results = []  # (status, ms, id or None, error text or None)

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        self.barrier.wait()
        for item in self.plan:
            began = time.perf_counter()
            try:
                connection.request("POST", "/api/annotations/", item["payload"], self.headers)
                response = connection.getresponse()
                body = response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:  # not retried: a POST may have landed
                connection.close()
                self.results.append((0, (time.perf_counter() - began) * 1000, None, repr(error)))
                continue
            ms = (time.perf_counter() - began) * 1000
            if status == 201:
                self.results.append((status, ms, int(json.loads(body)["id"].rstrip("/").rsplit("/", 1)[1]), None))
            else:
                self.results.append((status, ms, None, body[:500].decode("utf-8", "replace")))
        connection.close()


def part_write(args, env: dict, work: Path) -> dict:
    from django.contrib.auth import get_user_model

    from annotations.models import Annotation, ApiToken
    from edition.models import Article

    password = "bench-writer-password"
    writers = make_people("writer", args.clients, password=password)
    teacher = make_people("writerteacher", 1)[0]
    room = make_class("Writers' class", teacher, writers)
    articles = list(Article.objects.select_related("current_revision").order_by("slug"))
    before = Annotation.objects.count()
    with Gunicorn(env, work / "gunicorn-write.log",
                  ["-k", "gthread", "-w", str(args.workers), "--threads", str(args.threads)]) as server:
        base = f"http://127.0.0.1:{server.port}"
        plans, headers = [], []
        for i, writer in enumerate(writers):
            plans.append(write_plan(articles, i, args.per_client, room.pk, args.seed, base))
            common = {"Content-Type": "application/ld+json", "Accept": "application/ld+json"}
            if i % 2 == 0:
                cookies = login(server.port, writer.username, password)
                headers.append({**common, "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
                                "X-CSRFToken": cookies["csrftoken"]})
            else:
                headers.append({**common, "Authorization": f"Token {ApiToken.issue(writer)[1]}"})
        barrier = threading.Barrier(args.clients + 1)
        threads = [Writer(server.port, h, p, barrier) for h, p in zip(headers, plans)]
        for thread in threads:
            thread.start()
        wait_for_quiet(args.quiet_load, args.quiet_wait)
        print(f"{args.clients} clients x {args.per_client} POSTs to gunicorn gthread "
              f"{args.workers} workers x {args.threads} threads ...", flush=True)
        with LoadSampler() as load:
            barrier.wait()
            began = time.perf_counter()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - began
    log = (work / "gunicorn-write.log").read_text(encoding="utf-8", errors="replace")
    answers = [r for t in threads for r in t.results]
    statuses = Counter(status for status, *_ in answers)
    created = [pk for status, _, pk, _ in answers if status == 201]
    errors = Counter(error.split("\n")[0][:160] for status, _, _, error in answers if error)
    locked = sum("database is locked" in (error or "") for *_, error in answers) + log.count("database is locked")
    # Verification, in this process, against the database.
    User = get_user_model()
    writer_ids = list(User.objects.filter(username__startswith="writer", username__regex=r"^writer\d+$")
                      .values_list("pk", flat=True))
    rows = {row["pk"]: row for row in Annotation.objects.filter(author_id__in=writer_ids).values(
        "pk", "article_id", "start", "end", "exact", "state", "revision_id", "author_id")}
    missing = [pk for pk in created if pk not in rows]
    texts = {a.pk: (a.current_revision_id, a.current_revision.text) for a in articles}
    expected = {}
    for thread, writer in zip(threads, writers):
        for item, (status, _, pk, _) in zip(thread.plan, thread.results):
            if status == 201:
                expected[pk] = (item, writer.pk)
    misplaced = []
    for pk, (item, author_id) in expected.items():
        row = rows.get(pk)
        if row is None:
            continue
        revision_id, text = texts[row["article_id"]]
        ok = (row["state"] == Annotation.ANCHORED and row["revision_id"] == revision_id
              and row["article_id"] == item["article"] and row["author_id"] == author_id
              and (row["start"], row["end"]) == (item["start"], item["end"])
              and text[row["start"]:row["end"]] == row["exact"])
        if not ok:
            misplaced.append(pk)
    latencies = [ms for status, ms, *_ in answers if status]
    total = args.clients * args.per_client
    result = {
        "clients": args.clients, "per_client": args.per_client, "requests": len(answers),
        "gunicorn": f"gthread, {args.workers} workers x {args.threads} threads",
        "seconds": round(elapsed, 1), "per_second": round(len(created) / elapsed, 1),
        "latency_ms": spread(latencies), "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "server_errors": sum(v for k, v in statuses.items() if k >= 500), "connection_errors": statuses.get(0, 0),
        "errors": dict(errors.most_common(10)), "database_locked": locked,
        "log_tracebacks": log.count("Traceback"),
        "created": len(created), "distinct_ids": len(set(created)), "missing_ids": len(missing),
        "in_database": len(rows), "database_total": Annotation.objects.count() - before,
        "quote_only": sum(item["quote_only"] for item, _ in expected.values()),
        "not_anchored_as_sent": len(misplaced), "load": load.summary(),
    }
    result["ok"] = (len(created) == total and len(set(created)) == total and not missing and len(rows) == total
                    and result["database_total"] == total and not misplaced and not result["server_errors"]
                    and not locked and not result["connection_errors"])
    print(json.dumps({k: v for k, v in result.items() if k != "errors"}, indent=1), flush=True)
    if errors:
        print("errors:", json.dumps(dict(errors.most_common(10)), indent=1), flush=True)
    return result


# --- report --------------------------------------------------------------------------------------


def report(results: dict) -> str:
    lines = [f"Database: {results['database']}; {results['cpus']} CPUs; {results['date']}.", ""]
    read = results.get("read")
    if read:
        small, large = read["small"], read["large"]
        lines += [
            f"### Reading: {large['annotations']:,} annotations on one article",
            "",
            f"Article `{read['article']['slug']}` ({read['article']['characters']:,} characters, "
            f"{read['article']['paragraphs']} paragraphs). {large['roots']:,} thread roots, {large['replies']:,} "
            f"replies, {large['hidden']} hidden. Threads shown on the page: {large['threads_shown']}; "
            f"the student's API collection: {large['student_visible_api']:,}. "
            f"Writing the annotations through the services took {read['write_seconds']} s.",
            "",
            "| view | queries at " + f"{small['annotations']} | queries at {large['annotations']:,} | "
            "in-process cold | p50 | p95 | CPU p50 | gunicorn p50 | p95 | req/s | bytes |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (name, s), (lname, view) in zip(small["views"].items(), large["views"].items()):
            inproc, served = view["in_process"], view.get("gunicorn")
            g = (f"{served['wall']['p50']:.1f} ms | {served['wall']['p95']:.1f} ms | {served['rps']:.1f}"
                 if served else "– | – | –")
            lines.append(f"| {lname} | {s['queries']} | {view['queries']} | {inproc['cold']:.0f} ms | "
                         f"{inproc['wall']['p50']:.1f} ms | "
                         f"{inproc['wall']['p95']:.1f} ms | {inproc['cpu']['p50']:.1f} ms | {g} | "
                         f"{inproc['bytes']:,} |")
        lines += ["", f"At {small['annotations']} annotations:", "",
                  "| view | in-process cold | p50 | p95 | gunicorn p50 | p95 | bytes |", "|---|---:|---:|---:|---:|---:|---:|"]
        for name, view in small["views"].items():
            inproc, served = view["in_process"], view.get("gunicorn")
            g = f"{served['wall']['p50']:.1f} ms | {served['wall']['p95']:.1f} ms" if served else "– | –"
            lines.append(f"| {name} | {inproc['cold']:.0f} ms | {inproc['wall']['p50']:.1f} ms | "
                         f"{inproc['wall']['p95']:.1f} ms | {g} | "
                         f"{inproc['bytes']:,} |")
        after = {name: view.get("after_new_annotation") for name, view in large["views"].items()
                 if view.get("after_new_annotation") is not None}
        if after:
            lines += ["", "First request after one more public annotation (in-process, median of "
                          f"{results['args']['after_new']}; ends at {large.get('annotations_at_end', 0):,} annotations): "
                          + ", ".join(f"{name} {ms:.0f} ms" for name, ms in after.items()) + "."]
        same = all(a == b for a, b in read["constant_queries"].values())
        lines += ["", f"Query counts {'constant' if same else 'GROW'} from {small['annotations']} to "
                      f"{large['annotations']:,} annotations. Load average (1 min) in-process "
                      f"{large['load_in_process']}, under gunicorn {large.get('load_gunicorn')}.", ""]
    write = results.get("write")
    if write:
        lat = write["latency_ms"]
        lines += [
            f"### Writing: {write['clients']} concurrent clients x {write['per_client']} annotations",
            "",
            f"gunicorn {write['gunicorn']}. {write['quote_only']:,} of the annotations sent with a TextQuoteSelector only.",
            "",
            "| created | in DB | missing | not anchored as sent | 5xx | connection errors | 'database is locked' "
            "| seconds | annotations/s | p50 | p95 | p99 | max | load avg (min/mean/max) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
            f"| {write['created']:,} | {write['database_total']:,} | {write['missing_ids']} | "
            f"{write['not_anchored_as_sent']} | {write['server_errors']} | {write['connection_errors']} | "
            f"{write['database_locked']} | {write['seconds']} | {write['per_second']} | {lat['p50']:.0f} ms | "
            f"{lat['p95']:.0f} ms | {lat['p99']:.0f} ms | {lat['max']:.0f} ms | "
            f"{write['load']['min']}/{write['load']['mean']}/{write['load']['max']} |",
            "", f"Statuses: {write['statuses']}. All checks {'passed' if write['ok'] else 'FAILED'}.",
        ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, help="work directory (default: a temporary one, deleted after)")
    parser.add_argument("--part", choices=("all", "read", "write"), default="all")
    parser.add_argument("--annotations", type=int, default=2000, help="annotations on the article (part 1)")
    parser.add_argument("--small", type=int, default=20, help="the first measurement, for the query counts")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per view and server")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first (at least 10 through gunicorn)")
    parser.add_argument("--http-clients", type=int, default=2, help="client threads against gunicorn in part 1")
    parser.add_argument("--no-gunicorn", action="store_true", help="part 1 in-process only")
    parser.add_argument("--after-new", type=int, default=5, help="rounds of: one more annotation, then a page "
                        "(in-process, at the end of part 1)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent writers (part 2)")
    parser.add_argument("--per-client", type=int, default=625, help="annotations each writer POSTs")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn gthread workers (part 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (part 2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quiet-load", type=float, help="before each timed part, wait until the 1-minute load "
                        "average is below this (the machine is shared)")
    parser.add_argument("--quiet-wait", type=int, default=600, help="longest wait for --quiet-load, seconds")
    parser.add_argument("--json", type=Path, help="write the raw results here")
    parser.add_argument("--markdown", type=Path, help="write the summary tables here")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the finally blocks stop gunicorn
    with tempfile.TemporaryDirectory(prefix="bench-annotations-") as scratch:
        work = (args.work or Path(scratch)).resolve()
        work.mkdir(parents=True, exist_ok=True)
        env = use_environment(work)
        began = time.perf_counter()
        build_edition()
        results = {"database": database_label(), "cpus": os.cpu_count(),
                   "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                   "build_seconds": round(time.perf_counter() - began, 1), "args": vars(args)}
        print(f"{results['database']}: seed edition built in {results['build_seconds']} s; work {work}", flush=True)
        if args.part in ("all", "read"):
            wait_for_quiet(args.quiet_load, args.quiet_wait)
            results["read"] = part_read(args, env, work)
        if args.part in ("all", "write"):
            results["write"] = part_write(args, env, work)
    text = report(results)
    print()
    print(text)
    write_json(args.json, results)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(text + "\n", encoding="utf-8")
    failed = False
    if "read" in results:
        failed |= any(a != b for a, b in results["read"]["constant_queries"].values())
    if "write" in results:
        failed |= not results["write"]["ok"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
