"""The cache counter under the rate limits."""
from types import SimpleNamespace

from django.core.cache.backends import base, locmem
from django.test import RequestFactory

from accounts.throttle import Limit, client_ip

LIMIT = Limit("test", max_attempts=3, window=60)


def test_it_counts_hits():
    assert LIMIT.count("a") == 0
    assert LIMIT.hit("a") == 1
    assert LIMIT.hit("a") == 2
    assert LIMIT.count("a") == 2


def test_it_is_exceeded_at_the_maximum():
    for _ in range(2):
        LIMIT.hit("a")
    assert not LIMIT.exceeded("a")
    LIMIT.hit("a")
    assert LIMIT.exceeded("a")


def test_counters_are_separate_per_key_and_per_limit():
    LIMIT.hit("a")
    assert LIMIT.count("b") == 0
    assert LIMIT.count("a", "b") == 0
    assert Limit("other", 3, 60).count("a") == 0


def test_reset_clears_the_count():
    LIMIT.hit("a")
    LIMIT.reset("a")
    assert LIMIT.count("a") == 0


def test_keys_are_safe_for_any_cache_backend():
    key = LIMIT.key("127.0.0.1", "名前 with spaces\n")
    assert key.isascii() and " " not in key and len(key) < 250


def test_the_counter_expires_with_the_window(monkeypatch):
    now = [1000.0]
    clock = SimpleNamespace(time=lambda: now[0])
    monkeypatch.setattr(base, "time", clock)  # the tests' cache is LocMemCache
    monkeypatch.setattr(locmem, "time", clock)
    LIMIT.hit("a")
    now[0] += 59
    assert LIMIT.hit("a") == 2  # still inside the window that began with the first hit
    now[0] += 2
    assert LIMIT.count("a") == 0


def test_client_ip_is_the_remote_address():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert client_ip(request) == "192.0.2.7"


def test_an_ipv6_client_counts_as_its_64():
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    two = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::2")
    assert client_ip(one) == client_ip(two) == "2001:db8:1:2::"
