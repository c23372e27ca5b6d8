"""Create the editor's account once, with a generated password shown only at creation."""
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.urls import reverse


class Command(BaseCommand):
    help = (
        "Create a staff superuser (default name 'editor') with a random password, printed once. "
        "If the user exists already, leave it and its password alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor", help="name of the account (default: editor)")
        parser.add_argument(
            "--base-url",
            default="",
            help="site address put before the admin path in the message, e.g. http://127.0.0.1:8000",
        )

    def handle(self, *args, username, base_url, **options):
        User = get_user_model()
        # Resolve the address before creating anyone: a password must never be lost to a later error.
        login_url = base_url.rstrip("/") + reverse("admin:index")
        manager = User._default_manager
        if manager.filter(**{User.USERNAME_FIELD: username}).exists():
            self.stdout.write(f"User '{username}' exists already; its password is unchanged. Log in at {login_url}")
            return
        password = secrets.token_urlsafe(18)
        try:
            with transaction.atomic():
                manager.create_superuser(**{User.USERNAME_FIELD: username}, email="", password=password)
        except IntegrityError:  # created meanwhile by a concurrent run
            self.stdout.write(f"User '{username}' exists already; its password is unchanged. Log in at {login_url}")
            return
        self.stdout.write(_box([
            f"Created the staff superuser '{username}'.",
            "This password is shown only this once: note it now.",
            "",
            f"  log in at:  {login_url}",
            f"  username:   {username}",
            f"  password:   {password}",
        ]))


def _box(lines):
    width = max(len(line) for line in lines)
    rule = "+" + "-" * (width + 2) + "+"
    return "\n".join([rule, *(f"| {line.ljust(width)} |" for line in lines), rule])
