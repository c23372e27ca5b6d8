"""Sign-up, profile, and Django's auth views with our templates and rate limits.

Template names are explicit (accounts/...): django.contrib.admin ships registration/ templates
and comes first in INSTALLED_APPS, so it would win the default names.
"""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts import throttle
from accounts.forms import ProfileForm, SignUpForm
from accounts.models import profile_for
from accounts.services import register_reader

REFUSALS = {
    "login": (
        "Too many failed log-in attempts",
        "For the safety of this account, logging in from your network is paused for up to 15 minutes.",
        throttle.FAILED_LOGINS_PER_IP.window,
    ),
    "signup": (
        "Too many sign-ups",
        "Too many accounts have been created from your network. Please try again in an hour.",
        throttle.SIGNUPS_PER_IP.window,
    ),
    "password_reset": (
        "Too many reset requests",
        "Too many password resets have been requested from your network. Please try again in an hour.",
        throttle.PASSWORD_RESETS_PER_IP.window,
    ),
}


def too_many_attempts(request, action):
    heading, message, window = REFUSALS[action]
    context = {"heading": heading, "message": message, "action": action}
    response = render(request, "accounts/too_many_attempts.html", context, status=429)
    response["Retry-After"] = str(window)
    return response


def safe_next_url(request):
    """The `next` the visitor came with if it stays on this site, else ""."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return ""


@sensitive_post_parameters("password1", "password2")
@never_cache
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm()
    if request.method == "POST":
        ip = throttle.client_ip(request)
        if throttle.SIGNUPS_PER_IP.exceeded(ip):
            return too_many_attempts(request, "signup")
        throttle.SIGNUPS_PER_IP.hit(ip)
        form = SignUpForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = register_reader(
                    username=data["username"],
                    password=data["password1"],
                    email=data["email"],
                    display_name=data["display_name"],
                )
            except IntegrityError:  # the same username, signed up a moment ago
                form.add_error("username", "A user with that username already exists.")
            else:
                login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
                return redirect(safe_next_url(request) or "/")
    context = {"form": form, "next": safe_next_url(request), "nav": "signup"}
    return render(request, "accounts/signup.html", context)


class LoginView(auth_views.LoginView):
    """Django's login, refusing with 429 after too many failures for a username or an address."""

    template_name = "accounts/login.html"
    next_page = "/"
    extra_context = {"nav": "login"}

    def post(self, request, *args, **kwargs):
        if throttle.login_is_blocked(request, request.POST.get("username", "")):
            return too_many_attempts(request, "login")
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.record_failed_login(self.request, form.data.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form):
        throttle.forget_failed_logins(self.request, form.cleaned_data["username"])
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    # POST only (Django refuses GET with 405), so a link or an image cannot log a reader out.
    next_page = "/"


@login_required
def profile(request):
    profile = profile_for(request.user)
    form = ProfileForm(instance=profile)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, "Your display name is saved.")
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "nav": "profile"})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the reset link, and shows the same "sent" page whether or not the address is known."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset_email.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        ip = throttle.client_ip(request)
        if throttle.PASSWORD_RESETS_PER_IP.exceeded(ip):
            return too_many_attempts(request, "password_reset")
        throttle.PASSWORD_RESETS_PER_IP.hit(ip)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
