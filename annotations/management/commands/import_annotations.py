"""Import W3C annotations from a JSON file onto an article, as one user's annotations."""
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from annotations.errors import AnnotationError
from annotations.services import import_collection
from edition.models import Article


class Command(BaseCommand):
    help = ("Import an AnnotationCollection (or a list of annotations) onto an article, anchoring each "
            "by its selectors; report how many anchored, moved or orphaned, and why any were invalid.")

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--article", required=True, metavar="SLUG")
        parser.add_argument("--user", required=True, metavar="USERNAME")

    def handle(self, *args, file, article, user, **options):
        User = get_user_model()
        owner = User._default_manager.filter(**{User.USERNAME_FIELD: user}).first()
        if owner is None:
            raise CommandError(f"No user {user!r}.")
        target = Article.objects.filter(slug=article, current_revision__isnull=False).first()
        if target is None:
            raise CommandError(f"No article {article!r}.")
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise CommandError(f"{file}: cannot read JSON ({error}).") from None
        try:
            report = import_collection(data, target, owner)
        except AnnotationError as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(report.summary())
        for label, reason in report.invalid:
            self.stderr.write(f"invalid: {label}: {reason}")
