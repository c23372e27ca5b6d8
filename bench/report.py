"""Summary of a bench/run.sh run: a table on stdout and the same figures as Markdown.

    python bench/report.py --results DIR [--markdown OUT.md]

Reads whichever exist of DIR/ingest.json, DIR/page-n10.json, DIR/page-n1000.json,
DIR/profile.json and DIR/linking.txt (bench/bench_linking.py).
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

TARGET_RATIO = 1 / 3
MAX_QUERIES = 10


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    try:
        wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, timeout=5).stdout.splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        wrk = "?"
    return {"nproc": __import__("os").cpu_count(), "cpu": cpu, "ram_gib": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "wrk": wrk.split(" Copyright")[0]}


def load_row(label: str, page: dict) -> str:
    p, s = page["page"], page["static"]
    ok = "met" if page["ratio"] >= TARGET_RATIO else "**not met**"
    c = page.get("cpu_ms_per_request", {})
    cpu = f"{c.get('page', '?')} / {c.get('static', '?')} ms = {page.get('cpu_ratio', '?')}"
    return (f"| {label} | {p['requests_per_s']:.0f} | {p['p50_ms']} ms | {p['p99_ms']} ms "
            f"| {s['requests_per_s']:.0f} | {s['p50_ms']} ms | {s['p99_ms']} ms "
            f"| {page['ratio']:.2f} | {ok} | {cpu} | {page['loadavg_before']} |")


def fmt(timing: dict) -> str:
    return f"{timing['wall_ms']} ms wall / {timing['cpu_ms']} ms CPU"


def load(path: Path):
    return json.loads(path.read_text()) if path.exists() else None


def markdown(results: Path) -> str:
    m = machine()
    ingest = load(results / "ingest.json")
    pages = {int(match[1]): load(path) for path in results.glob("page-n*.json")
             if (match := re.fullmatch(r"page-n(\d+)\.json", path.name))}
    pages = dict(sorted(pages.items()))
    out = [f"# Benchmark results, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC", "",
           f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM; Python {m['python']}; {m['wrk']}.",
           "Command: `make bench` (bash bench/run.sh).", ""]
    if ingest:
        out += ["## Ingest (SQLite, one transaction per file)", "",
                "| N | source | first ingest | re-ingest (unchanged) | cleaning alone |",
                "|---|---|---|---|---|",
                f"| {ingest['articles']} | {ingest['source_megabytes']} MB, {ingest['blocks']} blocks "
                f"| {ingest['ingest_seconds']} s = **{ingest['ingest_articles_per_s']} articles/s** "
                f"| {ingest['reingest_seconds']} s = **{ingest['reingest_articles_per_s']} articles/s** "
                f"| {ingest['clean_only_seconds']} s = {ingest['clean_only_articles_per_s']} articles/s |", ""]
    if any(pages.values()):
        out += ["## SQL queries per page (anonymous reader unless said)", "",
                "| N | article, cold cache | article, warm | staff, cold | staff, warm | contents page |",
                "|---|---|---|---|---|---|"]
        for n, page in pages.items():
            if page:
                q = page["queries"]
                out.append(f"| {n} | {q['article_cold']} | {q['article_warm']} | {q['article_staff_cold']} "
                           f"| {q['article_staff_warm']} | {q['contents']} |")
        worst = max(p["queries"]["article_staff_cold"] for p in pages.values() if p)
        constant = len({(p["queries"]["article_cold"], p["queries"]["article_warm"], p["queries"]["article_staff_cold"])
                        for p in pages.values() if p}) == 1
        out += ["", f"Constant in N: {'yes' if constant else 'NO'}; at most {worst} (target <= {MAX_QUERIES}).", ""]
        out += ["## Article page vs the same page as a static file (gunicorn, 2 sync workers, whitenoise)", ""]
        for page in pages.values():
            if page and "page" in page:
                out.append(f"Page: `{page['page']['url']}` ({page['page_bytes']:,} bytes, {page['blocks']} blocks, "
                           f"{page['profile']}); `{page['page']['command'].rsplit(' ', 1)[0]} <url>`, median of "
                           f"{len(page['page']['rounds'])} interleaved rounds.")
                break
        out += ["", "| N | page req/s | p50 | p99 | static req/s | p50 | p99 | ratio | target >= 0.33 "
                "| CPU/req page / static = ratio | load avg before |",
                "|---|---|---|---|---|---|---|---|---|---|---|"]
        for n, page in pages.items():
            if page and "page" in page:
                out.append(load_row(str(n), page))
        out += ["", "CPU/req: gunicorn's plus wrk's CPU milliseconds per request (mean of the rounds, from /proc); "
                "their ratio is what the requests/s ratio tends to on an otherwise idle machine, and moves "
                "much less with background load.", ""]
        for n, page in pages.items():
            if page and "page" in page:
                out.append(f"Rounds at N={n}: page {page['page']['rounds']}, static {page['static']['rounds']} req/s.")
        out.append("")
    profile = load(results / "profile.json")
    if profile:
        out += [f"## In-process cost of one article request (bench/profile_page.py, N={profile['articles']}, warm)", "",
                f"- as configured: {fmt(profile['request_as_configured'])}; with a new database connection "
                f"per request: {fmt(profile['request_new_connection'])}; a static file through whitenoise: "
                f"{fmt(profile['static_file'])}.",
                "- the request's CPU, by the article view's direct calls (cProfile shares):", ""]
        out += [f"  - {ms} ms: {name}" for name, ms in profile["breakdown"].items()]
        out.append("")
    linking = results / "linking.txt"
    if linking.exists():
        out += ["## Linking (bench/bench_linking.py)", "", "```", linking.read_text().strip()[-3000:], "```", ""]
    return "\n".join(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Summarise a benchmark run.")
    parser.add_argument("--results", type=Path, required=True)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    text = markdown(args.results)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
