"""Make an API token for a user and print its key, once: only a hash of it is kept."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from annotations.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for USER and print it (it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("username", metavar="USER")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        if not user.is_active:
            raise CommandError(f"User {username!r} is inactive.")
        _, key = ApiToken.issue(user)
        self.stderr.write(f"API token for {username} (shown once; send it as 'Authorization: Token <key>'):")
        self.stdout.write(key)
