"""Every entry's names and aliases for the query builder (search.query.NameIndex), read once per
apparatus version and kept in this process (two small queries per search check that it is current:
every apparatus change moves the version; the count and last id catch edits made without it)."""
from __future__ import annotations

import threading

from django.db.models import Count, Max

from edition.models import ApparatusState, Entry, EntryAlias
from search.query import Name, NameIndex

_lock = threading.Lock()
_cache: dict = {}


def name_index() -> NameIndex:
    version = (ApparatusState.current(), *Entry.objects.aggregate(n=Count("id"), last=Max("id")).values())
    with _lock:
        if _cache.get("version") == version and "index" in _cache:
            return _cache["index"]
    index = NameIndex(load_names())
    with _lock:
        _cache.update(version=version, index=index)
    return index


def load_names() -> list[Name]:
    found = [Name(pk, name) for pk, name in Entry.objects.values_list("pk", "name")]
    for pk, names in Entry.objects.exclude(names=[]).values_list("pk", "names"):
        found += [Name(pk, n["name"]) for n in names or () if isinstance(n, dict) and n.get("name")]
    aliases = EntryAlias.objects.values_list("entry_id", "text", "case_sensitive")
    found += [Name(entry_id, text, case_sensitive) for entry_id, text, case_sensitive in aliases]
    return found


def forget() -> None:
    """Entries or aliases changed (the version may move later, or not at all)."""
    with _lock:
        _cache.clear()
