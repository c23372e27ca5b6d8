"""Helpers shared by the benchmark scripts: an isolated Django environment and JSON results.

Every benchmark runs against a throwaway work directory: EDITION_VAR_DIR, SQLITE_PATH and
STATIC_ROOT all point inside it, so the developer's var/ and staticfiles/ are never touched.
`use_environment()` must run before Django is imported (settings read the environment once).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def bench_env(work: Path, db: Path) -> dict[str, str]:
    """The environment variables of an isolated run (also handed to gunicorn)."""
    work = Path(work).resolve()
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "EDITION_VAR_DIR": str(work / "var"),
        "SQLITE_PATH": str(Path(db).resolve()),
        "STATIC_ROOT": str(work / "static"),
        "SECRET_KEY": "bench-only-not-secret",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": "",  # always SQLite here, whatever the caller's shell has
        "EDITION_MANIFEST_STATIC": "1",
        "LOG_LEVEL": "ERROR",
    }


def use_environment(work: Path, db: Path, settings: str | None = None) -> dict[str, str]:
    env = bench_env(work, db)
    if settings:
        env["DJANGO_SETTINGS_MODULE"] = settings
    for key, value in env.items():
        if value:
            os.environ[key] = value
        else:
            os.environ.pop(key, None)
    Path(env["EDITION_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    return env


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def write_json(path: Path | None, data: dict) -> None:
    if path is None:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")


def wait_for_quiet(load: float | None, longest: int) -> None:
    """On a shared machine: wait (at most `longest` seconds) for the 1-minute load average to
    fall below `load` before timing anything."""
    if load is None:
        return
    deadline = time.monotonic() + longest
    while os.getloadavg()[0] >= load and time.monotonic() < deadline:
        time.sleep(10)
    print(f"load average {os.getloadavg()[0]:.2f} (waited for < {load})", flush=True)
