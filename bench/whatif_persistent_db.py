"""What-if settings for bench/page_load.py --settings: the project's settings with persistent
database connections (CONN_MAX_AGE=None), to measure what per-request SQLite connections cost.
Not used by the site; see docs/performance.md."""
from config.settings import *  # noqa: F401,F403
from config.settings import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = None
