"""The full-text index of the database in use: FTS5 tables kept in step by triggers on SQLite (one
per part of a search, each over a view of its rows), a generated tsvector column with a GIN index
on PostgreSQL, partial GIN indexes for the same three parts (search.engines.*). The SQL is
copied here, frozen, as a migration must be.

On SQLite, a later migration that makes Django rebuild search_searchdocument (most column
changes) drops the triggers with the old table: such a migration must run
search.engines.sqlite_fts.create_index() again, or `manage.py rebuild_search_index` afterwards.
"""
from django.db import migrations

TABLES = {"search_fts_text": ("paragraph",), "search_fts_names": ("entry", "event"),
          "search_fts_notes": ("annotation",)}
FIELDS = "heading, text, extra, facets"


def sqlite_schema(table, kinds):
    among = "(" + ", ".join(f"'{kind}'" for kind in kinds) + ")"
    new = "new.id, new.heading, new.text, new.extra, new.facets"
    old = "old.id, old.heading, old.text, old.extra, old.facets"
    return [
        f"CREATE VIEW IF NOT EXISTS {table}_rows AS SELECT id, {FIELDS} FROM search_searchdocument "
        f"WHERE kind IN {among}",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5({FIELDS}, content='{table}_rows', "
        f"content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='3 4 5 6')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_insert AFTER INSERT ON search_searchdocument "
        f"WHEN new.kind IN {among} BEGIN INSERT INTO {table}(rowid, {FIELDS}) VALUES ({new}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_delete AFTER DELETE ON search_searchdocument "
        f"WHEN old.kind IN {among} BEGIN INSERT INTO {table}({table}, rowid, {FIELDS}) "
        f"VALUES ('delete', {old}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_update AFTER UPDATE OF kind, {FIELDS} ON search_searchdocument "
        f"WHEN old.kind IN {among} OR new.kind IN {among} BEGIN "
        f"INSERT INTO {table}({table}, rowid, {FIELDS}) SELECT 'delete', {old} WHERE old.kind IN {among}; "
        f"INSERT INTO {table}(rowid, {FIELDS}) SELECT {new} WHERE new.kind IN {among}; END",
    ]


SQLITE = [sql for table, kinds in TABLES.items() for sql in sqlite_schema(table, kinds)]
SQLITE_REVERSE = [f"DROP {what} IF EXISTS {table}{suffix}" for table in TABLES for what, suffix in (
    ("TRIGGER", "_insert"), ("TRIGGER", "_delete"), ("TRIGGER", "_update"), ("TABLE", ""), ("VIEW", "_rows"))]
POSTGRESQL = [
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(heading, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(extra, '')), 'C') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(facets, '')), 'D')) STORED",
    *(f"CREATE INDEX IF NOT EXISTS search_doc_vector_{name} ON search_searchdocument "
      f"USING gin (search_vector) WHERE kind IN ({kinds})"
      for name, kinds in (("text", "'paragraph'"), ("names", "'entry', 'event'"), ("notes", "'annotation'"))),
]
POSTGRESQL_REVERSE = [
    *(f"DROP INDEX IF EXISTS search_doc_vector_{name}" for name in ("text", "names", "notes")),
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(sql)
    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
                             run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE})),
    ]
