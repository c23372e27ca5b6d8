"""Counting attempts in Django's cache, to slow down password guessing and form spam.

A counter starts at the first attempt and expires `window` seconds later: a limit of 10 per
15 minutes refuses the 11th attempt until 15 minutes after the first. cache.add and cache.incr are
atomic on Memcached and Redis; LocMemCache counts per process (per gunicorn worker).
"""
import hashlib
import ipaddress
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    max_attempts: int
    window: int  # seconds

    def key(self, *parts):
        # Hashed: usernames may hold characters (spaces, unicode) that Memcached keys may not.
        digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()
        return f"accounts:limit:{self.name}:{digest}"

    def count(self, *parts):
        return cache.get(self.key(*parts), 0)

    def exceeded(self, *parts):
        return self.count(*parts) >= self.max_attempts

    def hit(self, *parts):
        key = self.key(*parts)
        cache.add(key, 0, timeout=self.window)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window)
            return 1

    def reset(self, *parts):
        cache.delete(self.key(*parts))


FAILED_LOGINS_PER_USERNAME_AND_IP = Limit("login-username-ip", 10, 15 * 60)
FAILED_LOGINS_PER_IP = Limit("login-ip", 50, 15 * 60)
SIGNUPS_PER_IP = Limit("signup-ip", 20, 60 * 60)
PASSWORD_RESETS_PER_IP = Limit("password-reset-ip", 10, 60 * 60)


def client_ip(request):
    """The client's address as the limits count it. REMOTE_ADDR only: X-Forwarded-For is whatever
    the client says unless a proxy we trust sets it. An IPv6 client owns a whole /64, so it counts as one."""
    address = request.META.get("REMOTE_ADDR", "")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def _login_parts(request, username):
    return client_ip(request), username.strip().casefold()


def login_is_blocked(request, username):
    ip, name = _login_parts(request, username)
    return FAILED_LOGINS_PER_USERNAME_AND_IP.exceeded(ip, name) or FAILED_LOGINS_PER_IP.exceeded(ip)


def record_failed_login(request, username):
    ip, name = _login_parts(request, username)
    FAILED_LOGINS_PER_USERNAME_AND_IP.hit(ip, name)
    FAILED_LOGINS_PER_IP.hit(ip)


def forget_failed_logins(request, username):
    """After a successful login the username's count starts again; the address's count does not."""
    FAILED_LOGINS_PER_USERNAME_AND_IP.reset(*_login_parts(request, username))
