"""Token authentication for scripts using the annotation API.

`Authorization: Token <key>` on a request to the API authenticates as the token's user, in place
of any session. Such a request carries no ambient credential a third-party page could borrow (a
cross-site page cannot set that header without a CORS preflight, which we never grant), so it is
exempt from CSRF; session-authenticated requests keep Django's CSRF protection. An unknown key
makes the request anonymous and notes why, so the API answers 401 rather than a CSRF page.
"""
from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from annotations.models import ApiToken, hash_token

SCHEME = "token"
LAST_USED_PRECISION = timedelta(minutes=1)  # don't write on every request of a busy script


def api_prefix() -> str:
    """The path the API lives under ("/api/"), wherever config.urls mounts it."""
    return reverse("annotations:list").removesuffix("annotations/")


def user_for_key(key: str):
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


class ApiTokenMiddleware:
    """Place after AuthenticationMiddleware: a token, where given, replaces the session user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        scheme, _, key = header.partition(" ")
        if scheme.lower() == SCHEME and request.path_info.startswith(api_prefix()):
            user = user_for_key(key.strip()) if key.strip() else None
            request.user = user or AnonymousUser()
            request.auth_method = SCHEME
            if user is None:
                request.token_error = "Invalid API token."
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)
