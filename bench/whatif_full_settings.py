"""What-if settings: bench/whatif_fast_settings.py plus the template change proposed in
docs/performance.md: base.html's {% url %} and {% static %} tags without arguments (about a
dozen, evaluated on every page) replaced by values computed once per process.

At import, templates/base.html is rewritten that way into <EDITION_VAR_DIR>/whatif-templates/
(never into the source tree), which is put first in the template DIRS, and a context processor
(bench/whatif_context.py) supplies the precomputed values. The page's HTML is unchanged
(checked by page_load.py: the static copy must be byte-identical). Measurement harness only.
"""
import re

from bench.whatif_fast_settings import *  # noqa: F401,F403
from config.settings import BASE_DIR, TEMPLATES, VAR_DIR

_TAG = re.compile(r"{% (url|static) '([\w:./-]+)' %}")
_source = (BASE_DIR / "templates" / "base.html").read_text(encoding="utf-8")
WHATIF_PRECOMPUTED = sorted(set(_TAG.findall(_source)))
_target = VAR_DIR / "whatif-templates"
_target.mkdir(parents=True, exist_ok=True)
(_target / "base.html").write_text(
    _TAG.sub(lambda m: "{{ precomputed.%s }}" % re.sub(r"\W", "_", m[2]), _source), encoding="utf-8")

TEMPLATES[0]["DIRS"] = [_target] + list(TEMPLATES[0]["DIRS"])
TEMPLATES[0]["OPTIONS"]["context_processors"] = list(TEMPLATES[0]["OPTIONS"]["context_processors"]) + [
    "bench.whatif_context.precomputed"]
