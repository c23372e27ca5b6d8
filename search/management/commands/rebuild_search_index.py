"""python manage.py rebuild_search_index: every search document afresh, from the edition and the
annotations as they are now (after a restore, a bulk import, or a failed index update)."""
import time

from django.core.management.base import BaseCommand
from django.db import connection

from search.engines import engine_for
from search.indexing import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the search index (paragraphs, notes, entries, events, annotations) from scratch."

    def handle(self, *args, **options):
        engine = engine_for()
        started = time.perf_counter()
        total = rebuild_all()
        seconds = time.perf_counter() - started
        healthy = engine.check_index()
        self.stdout.write(f"{engine.NAME} on {connection.vendor}: {total} documents indexed in {seconds:.1f} s"
                          f"{'' if healthy else '; the index check FAILED'}.")
