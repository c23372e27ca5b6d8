"""Where an article request spends its time, in-process (no network, no gunicorn).

    python bench/profile_page.py --sources DIR --work WORK --articles N [--pyinstrument]

Uses the database that page_load.py / ingest_throughput.py leave in WORK (n<N>.sqlite3) and the
same article. Calls Django's WSGI handler directly, warm body cache, anonymous reader, and
reports milliseconds per request (best of 3 x 300 calls) for:

  * the whole request as configured (a worker keeps its connection: CONN_MAX_AGE=600);
  * the same with a new SQLite connection per request (CONN_MAX_AGE=0), for comparison;
  (each as best-of wall time and best-of CPU time of this process: the CPU figure ignores
  other jobs on a shared machine, the wall figure includes the file-system waits of opening
  and closing a SQLite connection);
  * where that goes: cProfile shares of the article view's direct calls (lookup, annotations,
    cached body, render, ...) and of everything outside the view, scaled to the real time;
  * a static file through whitenoise, for scale.

--pyinstrument prints a call tree of 300 requests (pip install pyinstrument into .venv;
it is not a project requirement).
"""
from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import use_environment, write_json  # noqa: E402

CALLS, REPEATS = 300, 3


def best_ms(fn, calls=CALLS, repeats=REPEATS, clock=time.perf_counter) -> float:
    fn()
    best = float("inf")
    for _ in range(repeats):
        started = clock()
        for _ in range(calls):
            fn()
        best = min(best, (clock() - started) / calls * 1000)
    return round(best, 3)


def wall_and_cpu(fn) -> dict[str, float]:
    """Best-of wall time and best-of CPU time of this process (the latter ignores other jobs)."""
    return {"wall_ms": best_ms(fn), "cpu_ms": best_ms(fn, clock=time.process_time)}


def breakdown(call, real_ms: float) -> dict[str, float]:
    """Split one request by the article view's direct callees (cProfile, scaled to real_ms)."""
    import cProfile
    import pstats

    from edition import views

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(CALLS):
        call()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # {(file, line, name): (cc, nc, tt, ct, callers)}
    total = sum(tt for (_, _, tt, _, _) in stats.values())
    view_code = views.article.__code__
    view_key = (view_code.co_filename, view_code.co_firstlineno, view_code.co_name)
    view_ct = stats[view_key][3]
    scale = real_ms / (total / CALLS) / CALLS
    parts = {}
    for key, (_, _, _, _, callers) in stats.items():
        if view_key in callers:
            ct = callers[view_key][3]
            name = f"{key[2]} ({Path(key[0]).name}:{key[1]})" if key[0] != "~" else key[2]
            parts[name] = round(ct * scale, 3)
    parts = dict(sorted(parts.items(), key=lambda item: -item[1]))
    parts = {k: v for k, v in parts.items() if v >= 0.005}
    parts["everything outside the view (middleware, handler, WSGI)"] = round((total - view_ct) * scale, 3)
    return parts


def main(argv=None):
    parser = argparse.ArgumentParser(description="In-process cost breakdown of the article page.")
    parser.add_argument("--sources", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--articles", "-n", type=int, default=1000)
    parser.add_argument("--pyinstrument", action="store_true")
    parser.add_argument("--settings", help="another settings module, to compare a change of settings")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    use_environment(args.work, args.work / f"n{args.articles}.sqlite3", args.settings)

    import page_load
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.urls import reverse

    page_load.ensure_database(args.sources, args.articles)
    page_load.collect_static()
    article = page_load.pick_article(args.sources)
    url = reverse("edition:article", args=[article.slug])
    handler = WSGIHandler()

    def request(path):
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
                   "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1", "wsgi.input": io.BytesIO(b""),
                   "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr}
        status = []
        response = handler(environ, lambda s, h, *a: status.append(s))
        b"".join(response)
        response.close()
        assert status[0].startswith("200"), (path, status)

    result = {"url": url, "articles": args.articles}
    result["settings"] = args.settings or "config.settings"
    result["request_as_configured"] = wall_and_cpu(lambda: request(url))
    result["request_ms"] = result["request_as_configured"]["cpu_ms"]
    result["breakdown"] = breakdown(lambda: request(url), result["request_ms"])
    persistent = connection.settings_dict["CONN_MAX_AGE"]
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 0  # for comparison: a new connection per request
    result["request_new_connection"] = wall_and_cpu(lambda: request(url))
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = persistent
    result["static_file"] = wall_and_cpu(lambda: request("/static/css/edition.css"))

    print(f"article page {url} (N={args.articles}), ms per request, in-process, warm body cache, "
          f"settings {result['settings']}:")
    show = lambda t: f"{t['wall_ms']:.3f} wall, {t['cpu_ms']:.3f} CPU"  # noqa: E731
    print(f"  whole request, settings as given:                     {show(result['request_as_configured'])}")
    print("    of which (cProfile shares of the CPU time; the view's direct calls):")
    for name, ms in result["breakdown"].items():
        print(f"      {ms:6.3f}  {name}")
    print(f"  the same with a new database connection per request:  {show(result['request_new_connection'])}")
    print(f"  a static file through whitenoise, for scale:          {show(result['static_file'])}")

    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(CALLS):
            request(url)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False))
    write_json(args.json, result)


if __name__ == "__main__":
    main()
