"""Loading seeds/apparatus: every entry with its aliases, idempotent, loud about bad files."""
import pytest
from django.core.management import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from edition.linking.aliases import load_entries
from edition.linking.events import load_events
from edition.models import ApparatusState, Entry, EntryAlias, Event, EventQuote
from edition.services.apparatus_load import load_apparatus

from .conftest import SEEDS, run_ingest

pytestmark = pytest.mark.django_db
WRITES = {"INSERT", "UPDATE", "DELETE"}


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].split()[0].upper() in WRITES]


@pytest.fixture
def glossary():
    return load_entries(SEEDS / "apparatus" / "entries.yaml")


def test_every_entry_exists_with_the_aliases_the_texts_use(glossary):
    load_apparatus(SEEDS / "apparatus")
    stored = {e.slug: e for e in Entry.objects.prefetch_related("aliases")}
    assert set(stored) == {entry.id for entry in glossary.entries}
    for entry in glossary.entries:
        row = stored[entry.id]
        assert (row.kind, row.name, row.short) == (entry.kind, entry.name, entry.short)
        assert {(a.text, a.case_sensitive, a.whole_word) for a in row.aliases.all()} == {
            (a.text, a.case_sensitive, a.whole_word) for a in entry.aliases}


def test_see_also_links_are_stored(glossary):
    load_apparatus(SEEDS / "apparatus")
    xi = Entry.objects.get(slug="xi-jinping")
    assert set(xi.see_also.values_list("slug", flat=True)) == set(glossary.by_id["xi-jinping"].see_also)


def test_the_first_load_bumps_the_apparatus_version():
    assert ApparatusState.current() == 0
    report = load_apparatus(SEEDS / "apparatus")
    assert report.changed and ApparatusState.current() == 1


def test_a_second_load_writes_nothing():
    load_apparatus(SEEDS / "apparatus")
    version = ApparatusState.current()
    with CaptureQueriesContext(connection) as queries:
        report = load_apparatus(SEEDS / "apparatus")
    assert writes(queries) == []
    assert report.changed == 0
    assert ApparatusState.current() == version


def test_a_second_ingest_writes_nothing_for_the_apparatus():
    run_ingest(SEEDS)
    with CaptureQueriesContext(connection) as queries:
        out, _ = run_ingest(SEEDS)
    assert "(unchanged)" in out
    assert writes(queries) == []


def test_a_changed_short_definition_updates_one_row_and_bumps_the_version(seed_copy):
    folder = seed_copy / "apparatus"
    load_apparatus(folder)
    version = ApparatusState.current()
    path = folder / "entries.yaml"
    old = "short: Premier of the People's Republic of China from 2013 to 2023 (1955–2023)."
    assert path.read_text().count(old) == 1
    path.write_text(path.read_text().replace(old, "short: Premier of China, 2013–2023."))
    with CaptureQueriesContext(connection) as queries:
        report = load_apparatus(folder)
    edition = [sql.split(" SET ")[0] for sql in writes(queries) if '"edition_' in sql.split(" SET ")[0]]
    # The apparatus tables: one row of edition_entry, and the version (other apps' listeners aside).
    assert edition == ['UPDATE "edition_entry"', 'UPDATE "edition_apparatusstate"']
    assert report.changed == 1
    assert ApparatusState.current() == version + 1
    assert Entry.objects.get(slug="li-keqiang").short == "Premier of China, 2013–2023."


def test_a_changed_alias_replaces_the_aliases_of_that_entry_only(seed_copy):
    folder = seed_copy / "apparatus"
    load_apparatus(folder)
    others = set(EntryAlias.objects.exclude(entry__slug="chunxiao-gas-field").values_list("pk", flat=True))
    path = folder / "entries.yaml"
    text = path.read_text()
    assert text.count("    - Shirakaba\n") == 1
    path.write_text(text.replace("    - Shirakaba\n", "    - Shirakaba\n    - Chunxiao field\n"))
    load_apparatus(folder)
    assert "Chunxiao field" in set(Entry.objects.get(slug="chunxiao-gas-field").aliases.values_list("text", flat=True))
    assert others <= set(EntryAlias.objects.values_list("pk", flat=True))


def test_bad_yaml_makes_ingest_fail_naming_the_problem(seed_copy):
    folder = seed_copy / "apparatus"
    (folder / "entries.yaml").write_text("entries:\n  - id: xi-jinping\n    name: [unclosed\n")
    with pytest.raises(CommandError) as failure:
        run_ingest(seed_copy, apparatus=folder)
    assert "entries.yaml" in str(failure.value)
    assert "not valid YAML" in str(failure.value)


def test_an_invalid_record_makes_ingest_fail_naming_the_record_and_field(seed_copy):
    folder = seed_copy / "apparatus"
    path = folder / "entries.yaml"
    text = path.read_text()
    path.write_text(text.replace("- id: xi-jinping\n  kind: person", "- id: xi-jinping\n  kind: wizard", 1))
    with pytest.raises(CommandError) as failure:
        run_ingest(seed_copy, apparatus=folder)
    assert "'xi-jinping'" in str(failure.value)
    assert "bad kind 'wizard'" in str(failure.value)
    assert not Entry.objects.exists()


def test_curated_event_quotes_are_created():
    glossary = load_entries(SEEDS / "apparatus" / "entries.yaml")
    events = load_events(SEEDS / "apparatus" / "events.yaml", glossary)
    load_apparatus(SEEDS / "apparatus")
    assert Event.objects.count() == len(events)
    stored = set(EventQuote.objects.values_list("event__slug", "source_file", "quote"))
    assert stored == {(e.id, m.article, m.quote) for e in events for m in e.mentions}
    assert ("li-keqiang-visit-japan-2018", "000_cefcf15533bcdce7.txt") in {(s, f) for s, f, _ in stored}


def test_entries_created_in_the_admin_are_left_alone():
    load_apparatus(SEEDS / "apparatus")
    Entry.objects.create(slug="editor-made", kind="term", name="Editor made", short="Made in the admin.")
    load_apparatus(SEEDS / "apparatus")
    assert Entry.objects.filter(slug="editor-made").exists()


def test_ingest_from_code_takes_plain_strings_for_its_paths():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("ingest", str(SEEDS / "003_af1c4a53416f9db4.txt"), apparatus=str(SEEDS / "apparatus"),
                 stdout=out, stderr=StringIO())
    assert Entry.objects.exists() and "1 created" in out.getvalue()
