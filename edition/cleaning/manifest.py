"""The seeds manifest: per source file, the editor's metadata and overrides.

```yaml
003_af1c4a53416f9db4.txt:
  title: null                  # null: use the page's own headline
  published: 2016-12-27        # ISO date; wins over a date read from the page
  source_url: null
  publication: Nikkei Asian Review
  profile: nikkei              # skips marker detection
  keep: []                     # a line containing one of these is kept as a paragraph
  drop: []                     # ... is dropped with reason "manifest override"
  captions: ["Chinese students who took part"]   # ... is kept as a photo caption
```

Matching is by substring of the single-spaced line, case-sensitive, so an override survives
small edits elsewhere in the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .profiles import PROFILES

TEXT_FIELDS = ("title", "source_url", "publication", "profile")
LIST_FIELDS = ("keep", "drop", "captions")
FIELDS = TEXT_FIELDS + ("published",) + LIST_FIELDS


class ManifestError(Exception):
    """A manifest that cannot be read or does not have the documented shape."""


@dataclass(frozen=True)
class ManifestEntry:
    source_file: str
    title: str | None = None
    published: date | None = None
    source_url: str | None = None
    publication: str | None = None
    profile: str | None = None
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()


def load_manifest(path: Path) -> dict[str, ManifestEntry]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot be read ({exc})") from exc
    return parse_manifest(text, str(path))


def parse_manifest(text: str, name: str) -> dict[str, ManifestEntry]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ManifestError(f"{name}: is not valid YAML ({_yaml_problem(exc)})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ManifestError(f"{name}: must be a mapping of source file names to entries")
    return {str(key): _entry(str(key), value, name) for key, value in data.items()}


def _entry(source_file: str, value, name: str) -> ManifestEntry:
    where = f"{name}: entry {source_file!r}"
    if value is None:
        return ManifestEntry(source_file)
    if not isinstance(value, dict):
        raise ManifestError(f"{where} must be a mapping of fields")
    unknown = sorted(set(map(str, value)) - set(FIELDS))
    if unknown:
        raise ManifestError(f"{where} has unknown field(s) {', '.join(unknown)} (known: {', '.join(FIELDS)})")
    fields = {key: _text(value.get(key), f"{where}, field {key!r}") for key in TEXT_FIELDS}
    if fields["profile"] is not None and fields["profile"] not in PROFILES:
        raise ManifestError(f"{where}: unknown profile {fields['profile']!r} (known: {', '.join(sorted(PROFILES))})")
    lists = {key: _text_list(value.get(key), f"{where}, field {key!r}") for key in LIST_FIELDS}
    published = _date(value.get("published"), f"{where}, field 'published'")
    return ManifestEntry(source_file, published=published, **fields, **lists)


def _text(value, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(f"{where} must be a non-empty string or null, not {value!r}")
    return value.strip()


def _text_list(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ManifestError(f"{where} must be a list of non-empty strings")
    return tuple(value)


def _date(value, where: str) -> date | None:
    # YAML already turns an unquoted 2018-04-15 into a date; a quoted one arrives as a string.
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ManifestError(f"{where} must be an ISO date (YYYY-MM-DD), not {value!r}")


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return problem
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"
