"""Where a writer writes: a path, or a binary file it is handed (an HTTP response, a temp file)."""
from __future__ import annotations

import io
from contextlib import contextmanager


@contextmanager
def binary_output(out):
    if hasattr(out, "write"):
        yield out
    else:
        with open(out, "wb") as handle:
            yield handle


@contextmanager
def text_output(out, encoding="utf-8"):
    with binary_output(out) as handle:
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        try:
            yield text
        finally:
            text.flush()
            text.detach()  # leave the caller's file open
