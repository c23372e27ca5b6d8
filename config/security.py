"""Security headers that Django does not set on its own."""
from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Adds the site-wide Content-Security-Policy unless a view has set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
