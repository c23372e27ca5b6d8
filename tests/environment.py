"""Facts about where the tests run, shared by the suites that must not skip under CI."""
import os


def in_ci() -> bool:
    """CI (set by .ci/run) requires the real browser and validators: missing is a failure there,
    a skip with the install command on a developer's machine."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}
