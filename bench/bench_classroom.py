"""Benchmark: the teacher's view of a large class (the Classroom issue's "Done means").

    .venv/bin/python bench/bench_classroom.py [--students 300] [--annotations 30000] [--requests 20]
                                              [--work DIR] [--no-gunicorn] [--markdown OUT]

Builds a fresh SQLite database in a temporary directory (EDITION_VAR_DIR, SQLITE_PATH there; var/
is never touched): the seed edition (migrate + ingest); a class of N students with 3 assignments
(one a paragraph range) and M class annotations over the articles' paragraphs (80 % roots, 20 %
replies, some tagged, 1 in 10 a "question"); a small class of 3 students and 30 annotations.
Measures /classes/<id>/teacher/ for both: SQL queries (must be equal, else exit 1); R requests
through the test client, wall median and p95 and the process's CPU per request (steadier on a
shared machine); the same through gunicorn (1 sync worker, free 127.0.0.1 port, session cookie;
stopped in a finally block) if installed. For scale, also the class reading page of the busiest
article and the anonymised export. Prints a Markdown summary (also to --markdown OUT).
"""
from __future__ import annotations

import argparse
import datetime
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TAGS = ["question", "rhetoric", "context", "tone", "source", "evidence", "bias", "framing", "term", "date"]
OTHER_REQUESTS = 5
WORDS = ("the writer frames this meeting as a turning point but the quoted officials sound more cautious "
         "than the headline compare the tone with paragraph two where trade comes first why is this source "
         "trusted here I think the economy matters more than the summit itself").split()


def environment(work: Path) -> dict[str, str]:
    """An isolated site: its own var/, database and static root; DEBUG off; plain static storage."""
    env = {"DJANGO_SETTINGS_MODULE": "config.settings", "EDITION_VAR_DIR": str(work / "var"),
           "SQLITE_PATH": str(work / "classroom.sqlite3"), "STATIC_ROOT": str(work / "static"),
           "SECRET_KEY": "bench-only-not-secret", "DEBUG": "0", "EDITION_MANIFEST_STATIC": "0",
           "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver", "LOG_LEVEL": "ERROR"}
    os.environ.update(env)
    os.environ.pop("DATABASE_URL", None)  # always SQLite here, whatever the caller's shell has
    for folder in ("EDITION_VAR_DIR", "STATIC_ROOT"):  # whitenoise warns about a missing STATIC_ROOT
        Path(env[folder]).mkdir(parents=True, exist_ok=True)
    return env


def build_edition() -> None:
    import io

    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("ingest", str(settings.EDITION_SEEDS_DIR), stdout=io.StringIO())


def people(prefix: str, count: int):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from accounts.models import Profile

    User = get_user_model()
    password = make_password(None)  # unusable; the bench logs in with sessions
    users = User.objects.bulk_create([User(username=f"{prefix}{i:04}", password=password) for i in range(count)])
    Profile.objects.bulk_create([Profile(user=u, display_name=f"{prefix.title()} {i}") for i, u in enumerate(users)])
    return users


def build_class(name: str, students: int, annotations: int, rng: random.Random):
    """A class, its teacher and students, three assignments and `annotations` class annotations."""
    from annotations.classroom.assignments import AssignmentDraft, create_assignment
    from annotations.models import Classroom, Membership
    from edition.models import Article

    teacher = people(f"{name}teacher", 1)[0]
    pupils = people(f"{name}student", students)
    room = Classroom.objects.create(name=f"{name} class", created_by=teacher)
    Membership.objects.bulk_create([Membership(user=teacher, classroom=room, role="teacher")]
                                   + [Membership(user=p, classroom=room) for p in pupils])
    articles = list(Article.objects.select_related("current_revision").order_by("published"))
    due = datetime.date.today() + datetime.timedelta(days=7)
    create_assignment(teacher, room, AssignmentDraft("Week 1", [articles[0]], due, from_block=2, to_block=8))
    create_assignment(teacher, room, AssignmentDraft("Week 2", articles[1:3], due, min_annotations=5))
    create_assignment(teacher, room, AssignmentDraft("Week 3", articles, due, min_replies=3))
    add_annotations(room, pupils, articles, annotations, rng)
    return room, teacher


def add_annotations(room, pupils, articles, count: int, rng: random.Random) -> None:
    """`count` class annotations in bulk (no anchoring, no search indexing: neither is measured)."""
    from annotations.models import Annotation, Tag

    blocks = {a.pk: list(a.current_revision.blocks.order_by("number")) for a in articles}
    roots = []
    for _ in range(count - count // 5):
        article = rng.choice(articles)
        text, block = article.current_revision.text, rng.choice(blocks[article.pk])
        start = block.start + rng.randrange(max(1, len(block.text) - 30))
        end = min(block.start + len(block.text), start + rng.randint(5, 40))
        roots.append(Annotation(
            article=article, revision=article.current_revision, author=rng.choice(pupils),
            exact=text[start:end], prefix=text[max(0, start - 32):start], suffix=text[end:end + 32],
            start=start, end=end, body=" ".join(rng.choices(WORDS, k=rng.randint(0, 40))),
            motivation="commenting", visibility="class", classroom=room))
    roots = Annotation.objects.bulk_create(roots, batch_size=2000)
    replies = [Annotation(article_id=parent.article_id, author=rng.choice(pupils), parent=parent, root=parent,
                          body=" ".join(rng.choices(WORDS, k=rng.randint(1, 30))), motivation="replying",
                          visibility="class", classroom=room)
               for parent in (rng.choice(roots) for _ in range(count // 5))]
    Annotation.objects.bulk_create(replies, batch_size=2000)
    tags = {t: Tag.objects.get_or_create(name=t)[0] for t in TAGS}
    through = Annotation.tags.through
    links = []
    for root in roots:
        if rng.random() < 0.1:
            links.append(through(annotation_id=root.pk, tag_id=tags["question"].pk))
        elif rng.random() < 0.12:
            links.append(through(annotation_id=root.pk, tag_id=tags[rng.choice(TAGS[1:])].pk))
    through.objects.bulk_create(links, batch_size=5000)


def fetch(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body)


def count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fetch(client, url)
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return len(captured)


def timed(get, requests: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of `requests` calls, after two warm-up calls."""
    get()  # warm: templates, caches
    get()
    wall, cpu = [], []
    for _ in range(requests):
        began, began_cpu = time.perf_counter(), time.process_time()
        get()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return wall, cpu


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]  # nearest rank
    return statistics.median(ordered), p95


def through_gunicorn(env: dict, work: Path, path: str, cookie: str, requests: int) -> list[float] | None:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    if not gunicorn.exists():
        return None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [str(gunicorn), "config.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}",
               "--error-logfile", str(work / "gunicorn.log"), "--log-level", "warning", "--timeout", "120"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}{path}"

        def get():
            request = urllib.request.Request(url, headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.status == 200
                response.read()

        deadline = time.monotonic() + 30
        while True:
            try:
                get()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start; see gunicorn.log") from None
                time.sleep(0.3)
        return timed(get, requests)[0]
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # our own session only
                process.wait(timeout=5)


def measure(args, env: dict, work: Path) -> dict:
    """Build both classes, then count and time their teacher's views (and two other pages)."""
    began = time.perf_counter()
    build_edition()
    rng = random.Random(args.seed)
    classes = {"large": build_class("large", args.students, args.annotations, rng),
               "small": build_class("small", 3, 30, rng)}
    built = time.perf_counter() - began
    from django.conf import settings
    from django.test import Client

    clients, urls = {}, {}
    for name, (room, teacher) in classes.items():
        clients[name], urls[name] = Client(), f"/classes/{room.pk}/teacher/"
        clients[name].force_login(teacher)
    big = classes["large"][0].pk
    results = {"built": built, "load": os.getloadavg()[0],
               "queries": {name: count_queries(clients[name], urls[name]) for name in classes},
               "views": {name: timed(lambda c=clients[name], u=urls[name]: fetch(c, u), args.requests) for name in classes}}
    others = (("class reading page, busiest article", f"/classes/{big}/articles/{busiest_article(big)}/"),
              ("class export, anonymised", f"/classes/{big}/export.csv?anonymise=1"))
    results["others"] = {label: timed(lambda u=url: fetch(clients["large"], u), OTHER_REQUESTS) for label, url in others}
    cookie = f"{settings.SESSION_COOKIE_NAME}={clients['large'].cookies[settings.SESSION_COOKIE_NAME].value}"
    results["served"] = None if args.no_gunicorn else through_gunicorn(env, work, urls["large"], cookie, args.requests)
    return results


def report(args, results: dict) -> str:
    size = f"{args.students} students, {args.annotations:,} annotations"
    queries = results["queries"]
    lines = [
        f"Class of {size} (80 % thread roots, 20 % replies) over the 5 seed articles, 3 assignments "
        f"(one a paragraph range); SQLite (WAL), DEBUG off; {args.requests} requests after 2 warm-up requests, "
        f"in-process through Django's test client; load average {results['load']:.1f} on {os.cpu_count()} CPUs "
        f"when measured; data built in {results['built']:.0f} s.",
        "", "| class | SQL queries | median | p95 | CPU median |", "|---|---:|---:|---:|---:|",
    ]
    for name, label in (("small", "3 students, 30 annotations"), ("large", size)):
        wall, cpu = results["views"][name]
        median, p95 = summary(wall)
        lines.append(f"| {label} | {queries[name]} | {median:.0f} ms | {p95:.0f} ms | {statistics.median(cpu):.0f} ms |")
    if results["served"]:
        median, p95 = summary(results["served"])
        lines += ["", f"Through gunicorn (1 sync worker, 127.0.0.1, sequential requests with a session cookie), "
                      f"the large class: median {median:.0f} ms, p95 {p95:.0f} ms."]
    lines += ["", f"Other class pages of the large class (test client, {OTHER_REQUESTS} requests):", ""]
    for label, (wall, cpu) in results["others"].items():
        lines.append(f"- {label}: median {statistics.median(wall):.0f} ms (CPU {statistics.median(cpu):.0f} ms)")
    same = "equal" if queries["large"] == queries["small"] else "DIFFER FROM"
    lines += ["", f"Queries of the large class {same} the small class's ({queries['large']} and {queries['small']})."]
    return "\n".join(lines)


def busiest_article(classroom_id) -> str:
    from django.db.models import Count

    from annotations.models import Annotation

    top = (Annotation.objects.filter(classroom_id=classroom_id).values("article__slug").annotate(n=Count("pk"))
           .order_by("-n").first())
    return top["article__slug"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--annotations", type=int, default=30_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, help="keep the database here (default: a temporary directory)")
    parser.add_argument("--no-gunicorn", action="store_true")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the finally stops gunicorn
    with tempfile.TemporaryDirectory(prefix="bench-classroom-") as scratch:
        work = (args.work or Path(scratch)).resolve()
        work.mkdir(parents=True, exist_ok=True)
        env = environment(work)
        import django

        django.setup()
        results = measure(args, env, work)
    text = report(args, results)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 0 if results["queries"]["large"] == results["queries"]["small"] else 1


if __name__ == "__main__":
    sys.exit(main())
