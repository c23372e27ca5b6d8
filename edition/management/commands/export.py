"""python manage.py export --format FORMAT --out PATH: the edition (or chosen articles), with an
annotation set, as a static site, EPUB, PDF, TEI, W3C annotations, Markdown or CSV."""
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from annotations.models import Classroom
from edition.export.assemble import DEFAULT_BASE_URL, UnknownArticles, assemble_edition
from edition.export.formats import FORMATS, export, file_name
from edition.export.selection import ExportForbidden


class RawStream:
    """tqdm redraws its bar with carriage returns; Django's OutputWrapper would end each write
    with a newline."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text):
        self.wrapper.write(text, ending="")

    def flush(self):
        self.wrapper.flush()


class Command(BaseCommand):
    help = ("Export the edition or chosen articles, with no annotations, the public ones, a reader's own "
            "(mine:USER) or a class's (class:CODE, for one of its teachers named with --as).")

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("--out", required=True, type=Path,
                            help="The file to write, or a folder to write it in under its usual name.")
        parser.add_argument("--article", dest="articles", action="extend", nargs="+", metavar="SLUG",
                            help="Only these articles (default: the whole edition).")
        parser.add_argument("--annotations", default="none", metavar="SET",
                            help="none | public | mine:USER | class:CODE (default: none).")
        parser.add_argument("--as", dest="as_user", metavar="USER",
                            help="The teacher on whose behalf a class set is exported.")
        parser.add_argument("--anonymise", action="store_true",
                            help="Name readers Reader 1, Reader 2… and scrub their names from the bodies.")
        parser.add_argument("--base-url", default=DEFAULT_BASE_URL,
                            help="The site's address, for the W3C ids and targets (default: %(default)s).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, format, out, articles, annotations, as_user, anonymise, base_url, no_progress,
               **options):
        kind, user, classroom = self.annotation_set(annotations, as_user)
        try:
            edition = assemble_edition(articles or "all", kind, user=user, classroom=classroom,
                                       anonymise=anonymise, base_url=base_url)
        except ExportForbidden as error:
            raise CommandError(str(error)) from None
        except UnknownArticles as error:
            raise CommandError(str(error)) from None
        path = out / file_name(edition, format) if out.is_dir() else out
        path.parent.mkdir(parents=True, exist_ok=True)
        bar = tqdm(total=len(edition.contents), unit="article", desc=f"{format} export",
                   file=RawStream(self.stderr), disable=no_progress, dynamic_ncols=True)
        edition.progress = bar.update
        try:
            export(edition, format, path)
        finally:
            bar.close()
        self.stdout.write(f"Wrote {path} ({len(edition.contents)} articles, {path.stat().st_size:,} bytes).")

    def annotation_set(self, value, as_user):
        kind, _, name = value.partition(":")
        if kind in ("none", "public") and not name:
            return kind, None, None
        if kind == "mine" and name:
            return kind, self.user(name), None
        if kind == "class" and name:
            classroom = Classroom.objects.filter(join_code=name.strip().upper()).first()
            if classroom is None:
                raise CommandError(f"No class has the code {name!r}.")
            if not as_user:
                raise CommandError("A class's annotations are exported for one of its teachers: "
                                   "name the teacher with --as USER.")
            return kind, self.user(as_user), classroom
        raise CommandError(f"--annotations {value!r}: use none, public, mine:USER or class:CODE.")

    def user(self, name):
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: name}).first()
        if user is None:
            raise CommandError(f"No user {name!r}.")
        return user
