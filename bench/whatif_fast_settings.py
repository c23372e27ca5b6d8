"""What-if settings for bench/page_load.py --settings bench.whatif_fast_settings.

The project's settings plus the database changes proposed in docs/performance.md, so their
effect can be measured through gunicorn and wrk without editing the site:

1. persistent database connections (CONN_MAX_AGE=None);
2. one query for the article page of an anonymous reader instead of three: the article, the
   apparatus version and the count of public annotations read together, and no annotations
   query when that count is 0 (bench/whatif_fast_urls.py).

Measurement harness only: not used by the site, not for production.
"""
from config.settings import *  # noqa: F401,F403
from config.settings import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = None
ROOT_URLCONF = "bench.whatif_fast_urls"
