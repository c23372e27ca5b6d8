"""The real validators the export tests run, found on this machine or the test fails in CI.

Like the browser tests: on a developer's machine a missing tool skips the test; with CI set it
fails it, because CI installs them (.ci/run: epubcheck, jing, poppler-utils).
"""
import shutil
from pathlib import Path

import pytest

from tests.environment import in_ci

PACKAGES = {"epubcheck": "epubcheck", "jing": "jing", "pdftotext": "poppler-utils", "pdftoppm": "poppler-utils"}


def command(name) -> list[str]:
    """The command line that runs `name`. Debian's epubcheck is a jar linked into /usr/bin, run
    through binfmt_misc where that is set up; calling java ourselves works everywhere."""
    found = shutil.which(name)
    if found and name == "epubcheck" and Path(found).resolve().suffix == ".jar":
        java = shutil.which("java")
        found = [java, "-jar", str(Path(found).resolve())] if java else None
    if not found:
        message = f"{name} is not installed: apt-get install {PACKAGES[name]}"
        if in_ci():
            pytest.fail(f"{message}. CI must validate the exports, not skip them.", pytrace=False)
        pytest.skip(message)
    return found if isinstance(found, list) else [found]
