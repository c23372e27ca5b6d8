"""Context processor of bench/whatif_full_settings.py: base.html's argument-less {% url %} and
{% static %} values, computed once per process (URLconf and static manifest do not change
while a process runs). Measurement harness only."""
import functools
import re

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse


@functools.cache
def _values() -> dict[str, str]:
    return {re.sub(r"\W", "_", name): reverse(name) if kind == "url" else static(name)
            for kind, name in settings.WHATIF_PRECOMPUTED}


def precomputed(request):
    return {"precomputed": _values()}
