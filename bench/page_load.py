"""Article page under load, beside the same page as a static file; SQL queries per page.

    python bench/page_load.py --sources DIR --work WORK --articles N [--duration 10] [--json OUT]

1. Database WORK/n<N>.sqlite3: reused if it holds N articles (ingest_throughput.py leaves one),
   else created, migrated and filled with the first N files of DIR.
2. collectstatic (manifest storage, DEBUG off) into WORK/static.
3. Queries (Django test client + CaptureQueriesContext): the article page cold (cache cleared)
   and warm, as an anonymous reader and as a staff user, and the contents page.
4. The article page's HTML, as gunicorn serves it to an anonymous reader, is saved under
   STATIC_ROOT as bench/<slug>.html, and gunicorn is restarted so that whitenoise serves it
   (byte-identical, checked).
5. gunicorn config.wsgi, 2 sync workers, on a free port of 127.0.0.1; each URL is warmed with
   a short wrk run (the body cache is per worker process), then measured with
   `wrk -t2 -c16 -d<duration>s --latency`, page and copy alternating for --rounds rounds; the
   run with the median requests/s is reported (requests/s, p50, p99) with every round's figure.
   gunicorn is stopped in a finally block, whatever happens.

The article measured is the first AsiaNews-style one among the first 10 (footnotes and
citations: the most weaving), so the page is the same at N=10 and N=1,000.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, migrate, use_environment, write_json  # noqa: E402

WRK = os.environ.get("WRK", "wrk")
GUNICORN_WORKERS = 2
WRK_THREADS, WRK_CONNECTIONS = 2, 16
WARMUP_SECONDS = 2


def ensure_database(sources: Path, n: int) -> None:
    from edition.cleaning import load_manifest
    from edition.models import Article
    from edition.services.ingest import ingest_paths

    migrate()
    if Article.objects.count() == n:
        return
    if Article.objects.exists():
        raise SystemExit(f"{os.environ['SQLITE_PATH']} holds {Article.objects.count()} articles, not {n}; remove it")
    files = sorted(sources.glob("*.txt"))[:n]
    if len(files) < n:
        raise SystemExit(f"{sources} has {len(files)} articles, fewer than {n}: run bench/synth.py first")
    failed = [r.error for r in ingest_paths(files, load_manifest(sources / "manifest.yaml")) if r.failed]
    if failed:
        raise SystemExit("ingest failed: " + "; ".join(failed[:5]))


def pick_article(sources: Path):
    from edition.models import Article

    first = [p.name for p in sorted(sources.glob("*.txt"))[:10]]
    candidates = Article.objects.filter(source_file__in=first).select_related("current_revision").order_by("source_file")
    for article in candidates:
        if article.current_revision.profile == "asianews":
            return article
    return candidates.first()


def count_queries(article) -> dict:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("edition:article", args=[article.slug])
    contents = reverse("edition:contents")

    def queries(client, path, cold=False):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return len(captured), [q["sql"][:160] for q in captured.captured_queries]

    anon = Client()
    result = {}
    result["article_cold"], result["article_cold_sql"] = queries(anon, url, cold=True)
    result["article_warm"], result["article_warm_sql"] = queries(anon, url)
    result["contents"], result["contents_sql"] = queries(anon, contents)
    User = get_user_model()
    staff, _ = User.objects.get_or_create(username="bench-staff", defaults={"is_staff": True})
    editor = Client()
    editor.force_login(staff)
    result["article_staff_cold"], _ = queries(editor, url, cold=True)
    result["article_staff_warm"], result["article_staff_warm_sql"] = queries(editor, url)
    return result


def collect_static() -> None:
    from django.core.management import call_command

    # Always: the source tree moves on (a new stylesheet) while a work directory is reused.
    call_command("collectstatic", interactive=False, verbosity=0)


def write_static_copy(slug: str, html: bytes) -> str:
    """Save the page's HTML under STATIC_ROOT, where whitenoise serves it; return its URL path."""
    from django.conf import settings

    target = Path(settings.STATIC_ROOT) / "bench" / f"{slug}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(html)
    return f"{settings.STATIC_URL}bench/{slug}.html"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn) if gunicorn.exists() else "gunicorn", "config.wsgi", "-w", str(GUNICORN_WORKERS),
               "-b", f"127.0.0.1:{port}", "--error-logfile", str(log), "--log-level", "warning"]
    full_env = {**os.environ, **{k: v for k, v in env.items() if v}}
    full_env.pop("DATABASE_URL", None)
    return subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # the master stops its workers
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # our own session only (start_new_session)
        process.wait(timeout=5)


def wait_until_up(process, base: str, path: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(base + path, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {path} within {timeout} s")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def to_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return float(match[1]) * _UNITS[match[2]]


def parse_wrk(output: str) -> dict:
    result = {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
    }
    for pct in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{pct}(?:\.000)?%\s+(\S+)", output, re.MULTILINE)
        result[f"p{pct}_ms"] = round(to_ms(match[1]), 2) if match else None
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx"] = int(errors[1]) if errors else 0
    socket_errors = re.search(r"Socket errors: (.*)", output)
    result["socket_errors"] = socket_errors[1].strip() if socket_errors else ""
    return result


def process_cpu_seconds(pid: int) -> float:
    """user+system CPU of a process and its children (gunicorn master and workers), from /proc."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    pids = [pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def wait_for_quiet(threshold: float, max_seconds: float) -> None:
    """On a shared machine: wait (bounded) until the 1-minute load average is below threshold."""
    deadline = time.monotonic() + max_seconds
    while float(loadavg().split()[0]) >= threshold and time.monotonic() < deadline:
        time.sleep(5)
    print(f"  load average {loadavg()} (waited for < {threshold}, at most {max_seconds:.0f} s)", flush=True)


def median_run(runs: list[dict]) -> dict:
    """The run with the median requests/s (the lower one of an even count); its p50/p99 go with it."""
    ordered = sorted(runs, key=lambda r: r["requests_per_s"])
    return dict(ordered[(len(ordered) - 1) // 2])


def run_wrk(url: str, seconds: int, connections: int = WRK_CONNECTIONS, server_pid: int | None = None) -> dict:
    """One wrk run; with server_pid, also the server's and wrk's CPU milliseconds per request."""
    command = [WRK, f"-t{min(WRK_THREADS, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency", url]
    server_before = process_cpu_seconds(server_pid) if server_pid else 0.0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = parse_wrk(done.stdout)
    result["command"] = " ".join(command)
    if server_pid and result["requests"]:
        server = process_cpu_seconds(server_pid) - server_before
        wrk = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        result["server_cpu_ms_per_request"] = round(server * 1000 / result["requests"], 3)
        result["wrk_cpu_ms_per_request"] = round(wrk * 1000 / result["requests"], 3)
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description="Article page load vs its static copy; queries per page.")
    parser.add_argument("--sources", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--articles", "-n", type=int, required=True)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved page/static wrk runs (default 3)")
    parser.add_argument("--settings", help="what-if: another settings module for gunicorn only "
                        "(to compare a change of settings); queries are counted with config.settings")
    parser.add_argument("--quiet-load", type=float, help="first wait until the 1-minute load average is below this")
    parser.add_argument("--quiet-wait", type=float, default=600, help="... but at most this many seconds (600)")
    parser.add_argument("--no-load", action="store_true", help="queries only, no gunicorn/wrk")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    # `timeout` and kill send SIGTERM: turn it into SystemExit so that the finally below stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"n{args.articles}.sqlite3"
    env = use_environment(args.work, db)
    ensure_database(args.sources, args.articles)
    collect_static()  # before any request: the manifest storage and whitenoise need it

    article = pick_article(args.sources)
    from django.urls import reverse

    page_path = reverse("edition:article", args=[article.slug])
    result = {"articles": args.articles, "slug": article.slug, "source_file": article.source_file,
              "blocks": article.current_revision.blocks.count(), "profile": article.current_revision.profile}
    result["queries"] = count_queries(article)
    q = result["queries"]
    print(f"N={args.articles}: article page {q['article_cold']} queries cold, {q['article_warm']} warm "
          f"(staff: {q['article_staff_cold']} / {q['article_staff_warm']}); contents page {q['contents']}", flush=True)
    if args.no_load:
        write_json(args.json, result)
        return

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = args.work / f"gunicorn-n{args.articles}.log"
    if args.settings:
        env = {**env, "DJANGO_SETTINGS_MODULE": args.settings}
        result["settings"] = args.settings
    # The static copy is the page exactly as this server sends it (it may name its own host);
    # whitenoise indexes STATIC_ROOT when a worker starts, so the server is started again after.
    server = start_gunicorn(env, port, log)
    try:
        wait_until_up(server, base, page_path)
        html = fetch(base + page_path)
    finally:
        stop_gunicorn(server)
    static_path = write_static_copy(article.slug, html)
    result["page_bytes"] = len(html)
    from django.test import Client

    # The site's own rendering (config.settings, in this process) for the same Host: a what-if
    # server must send exactly the same page, or its figures would not be comparable.
    site_html = Client().get(page_path, HTTP_HOST=f"127.0.0.1:{port}").content
    result["same_html_as_site"] = site_html == html
    if args.settings and not result["same_html_as_site"]:
        raise RuntimeError(f"the what-if server {args.settings} sends a different page ({len(html)} bytes, "
                           f"the site {len(site_html)})")
    if args.quiet_load:
        wait_for_quiet(args.quiet_load, args.quiet_wait)
    result["loadavg_before"] = loadavg()
    server = start_gunicorn(env, port, log)
    runs = {"page": [], "static": []}
    try:
        wait_until_up(server, base, page_path)
        copy = fetch(base + static_path)
        served = fetch(base + page_path)
        if copy != html or len(served) != len(html):
            raise RuntimeError(f"static copy differs from the page ({len(copy)} / {len(served)} / {len(html)} bytes)")
        for path in (page_path, static_path):
            run_wrk(base + path, WARMUP_SECONDS, connections=4)  # warm both workers (per-process cache)
        # Interleaved rounds: a change in background load hits both sides alike.
        for round_ in range(args.rounds):
            for name, path in (("page", page_path), ("static", static_path)):
                measured = run_wrk(base + path, args.duration, server_pid=server.pid)
                runs[name].append(measured)
                print(f"  round {round_ + 1} {name:6s} {measured['requests_per_s']:8.1f} req/s  "
                      f"p50 {measured['p50_ms']} ms  p99 {measured['p99_ms']} ms  (non-2xx {measured['non_2xx']}); "
                      f"CPU/request: server {measured.get('server_cpu_ms_per_request')} ms, "
                      f"wrk {measured.get('wrk_cpu_ms_per_request')} ms", flush=True)
    finally:
        stop_gunicorn(server)
    result["loadavg_after"] = loadavg()
    for name, path in (("page", page_path), ("static", static_path)):
        result[name] = median_run(runs[name])
        result[name]["url"] = path
        result[name]["rounds"] = [r["requests_per_s"] for r in runs[name]]
    result["ratio"] = round(result["page"]["requests_per_s"] / result["static"]["requests_per_s"], 3)
    # Load-independent cross-check: when the server is CPU-bound, requests/s ~ cores / CPU per
    # request (server + wrk), so the ratio on an otherwise idle machine is ~ the CPU cost ratio.
    cpu = {name: sum(r.get("server_cpu_ms_per_request", 0) + r.get("wrk_cpu_ms_per_request", 0) for r in rs) / len(rs)
           for name, rs in runs.items()}
    result["cpu_ms_per_request"] = {name: round(value, 3) for name, value in cpu.items()}
    result["cpu_ratio"] = round(cpu["static"] / cpu["page"], 3) if cpu["page"] else None
    print(f"  median: page {result['page']['requests_per_s']:.0f} req/s, static {result['static']['requests_per_s']:.0f} "
          f"req/s, ratio page/static = {result['ratio']:.2f} (target >= 0.33); CPU per request (server + wrk) "
          f"page {cpu['page']:.2f} ms, static {cpu['static']:.2f} ms, CPU ratio {result['cpu_ratio']}; "
          f"load average {result['loadavg_before']} -> {result['loadavg_after']}")
    write_json(args.json, result)


if __name__ == "__main__":
    main()
