"""Loading and validating entries.yaml and events.yaml."""
from datetime import date

import pytest

from edition.linking import aliases
from edition.linking.aliases import Alias, ApparatusError, load_entries, parse_entries
from edition.linking.events import load_events, parse_events


def entry(**fields):
    base = {"id": "tokyo", "kind": "place", "name": "Tokyo", "short": "Capital of Japan."}
    base.update(fields)
    return base


def problems_of(data, parse=parse_entries, *args):
    with pytest.raises(ApparatusError) as caught:
        parse(data, *args)
    return caught.value.problems


def test_it_loads_an_entry_with_string_and_mapping_aliases():
    glossary = parse_entries({"entries": [entry(aliases=[
        "Tokyo", {"text": "tokyo-to", "case_sensitive": False, "whole_word": False}])]})
    [tokyo] = glossary.entries
    assert tokyo.aliases == (
        Alias("Tokyo", "tokyo"), Alias("tokyo-to", "tokyo", case_sensitive=False, whole_word=False))
    assert glossary.by_id["tokyo"] is tokyo


def test_it_loads_from_a_file(tmp_path):
    path = tmp_path / "entries.yaml"
    path.write_text("entries:\n- {id: tokyo, kind: place, name: Tokyo, short: Capital.}\n")
    assert load_entries(path).entries[0].name == "Tokyo"


def test_it_reports_invalid_yaml(tmp_path):
    path = tmp_path / "entries.yaml"
    path.write_text("entries: [unclosed\n")
    with pytest.raises(ApparatusError, match="entries.yaml: not valid YAML"):
        load_entries(path)


def test_it_needs_an_entries_list():
    assert problems_of({"entry": []}) == ["entries.yaml: expected a mapping with an 'entries' list"]


def test_it_reports_an_unknown_see_also_id():
    assert problems_of({"entries": [entry(see_also=["osaka"])]}) == [
        "entries.yaml: entry 'tokyo': see_also refers to unknown id 'osaka'"]


def test_it_reports_a_duplicate_id():
    assert problems_of({"entries": [entry(), entry()]}) == ["entries.yaml: duplicate id 'tokyo'"]


def test_it_reports_a_bad_kind():
    [problem] = problems_of({"entries": [entry(kind="city")]})
    assert problem.startswith("entries.yaml: entry #1 (id 'tokyo'): bad kind 'city'")


def test_it_reports_a_bad_id():
    [problem] = problems_of({"entries": [entry(id="Tokyo City")]})
    assert "id must be a lowercase slug, got 'Tokyo City'" in problem


def test_it_reports_a_short_definition_over_the_limit():
    [problem] = problems_of({"entries": [entry(short="x" * 201)]})
    assert problem.endswith("short is 201 characters; the limit is 200")


def test_it_requires_name_and_short():
    found = problems_of({"entries": [{"id": "tokyo", "kind": "place"}]})
    assert [p.split(": ")[-1] for p in found] == ["name is required", "short is required"]


def test_it_reports_a_malformed_wikidata_id():
    [problem] = problems_of({"entries": [entry(wikidata="1490")]})
    assert "wikidata must look like 'Q123', got '1490'" in problem


def test_it_reports_unknown_fields():
    [problem] = problems_of({"entries": [entry(sort_name="Tokyo")]})
    assert problem.endswith("unknown field 'sort_name'")


def test_it_reports_a_non_boolean_alias_flag():
    [problem] = problems_of({"entries": [entry(aliases=[{"text": "Tokyo", "whole_word": "yes"}])]})
    assert problem.endswith("alias 'Tokyo': whole_word must be true or false")


def test_it_reports_an_alias_listed_twice():
    [problem] = problems_of({"entries": [entry(aliases=["Tokyo", "Tokyo"])]})
    assert problem.endswith("alias 'Tokyo' is listed twice")


def test_it_reports_names_on_an_entry_that_is_not_a_place():
    names = [{"name": "Senkaku", "used_by": "Japan"}]
    [problem] = problems_of({"entries": [entry(kind="term", names=names)]})
    assert problem.endswith("names (who uses which name) is for places only")


def test_it_loads_the_names_of_a_disputed_place():
    names = [{"name": "Senkaku Islands", "used_by": "Japan"},
             {"name": "Diaoyu Islands", "used_by": "People's Republic of China"}]
    [place] = parse_entries({"entries": [entry(names=names)]}).entries
    assert [(n.name, n.used_by) for n in place.names] == [
        ("Senkaku Islands", "Japan"), ("Diaoyu Islands", "People's Republic of China")]


def test_only_persons_may_share_an_alias():
    data = {"entries": [entry(aliases=["Capital"]), entry(id="beijing", aliases=["Capital"])]}
    assert problems_of(data) == [
        "entries.yaml: alias 'Capital' is claimed by beijing, tokyo; only persons may share an "
        "alias (a bare surname)"]


def test_a_case_insensitive_alias_clashes_with_any_case():
    data = {"entries": [entry(aliases=[{"text": "capital", "case_sensitive": False}]),
                        entry(id="beijing", aliases=["Capital"])]}
    assert len(problems_of(data)) == 1


def person(entry_id, *aliases):
    return {"id": entry_id, "kind": "person", "name": aliases[0], "short": "A person.",
            "aliases": list(aliases)}


def test_a_surname_shared_by_persons_becomes_ambiguous():
    glossary = parse_entries({"entries": [
        person("wang-yi", "Wang Yi", "Wang"), person("wang-qishan", "Wang Qishan", "Wang"),
        person("shinzo-abe", "Shinzo Abe", "Abe")]})
    assert glossary.ambiguous_surnames == {"Wang"}
    flagged = {(a.text, a.target_id) for a in glossary.aliases() if a.needs_antecedent}
    assert flagged == {("Wang", "wang-yi"), ("Wang", "wang-qishan")}


def test_a_listed_surname_is_ambiguous_for_one_person():
    glossary = parse_entries({"ambiguous_surnames": ["Kim"],
                              "entries": [person("kim-jong-un", "Kim Jong Un", "Kim")]})
    assert [a.needs_antecedent for a in glossary.aliases()] == [False, True]


def test_a_listed_surname_must_belong_to_a_person():
    assert problems_of({"ambiguous_surnames": ["Kim"], "entries": [entry()]}) == [
        "entries.yaml: ambiguous_surnames: 'Kim' is not an alias of any person"]


def test_terms_match_plurals_and_names_do_not():
    glossary = parse_entries({"entries": [
        entry(id="eez", kind="term", name="EEZ", aliases=["EEZ"]), entry(aliases=["Tokyo"])]})
    assert [(a.text, a.plural) for a in glossary.aliases()] == [("EEZ", True), ("Tokyo", False)]


def test_it_reports_every_problem_at_once():
    data = {"entries": [entry(kind="city"), entry(id="osaka", see_also=["kyoto"]), entry(id="osaka")]}
    assert len(problems_of(data)) == 3


# --- events ------------------------------------------------------------------------------------


def event(**fields):
    base = {"id": "g20-osaka-2019", "name": "G20 Osaka", "date": "2019-06-28",
            "precision": "day", "description": "The summit."}
    base.update(fields)
    return base


GLOSSARY = parse_entries({"entries": [entry(id="osaka", name="Osaka")]})


def test_it_loads_an_event():
    [loaded] = parse_events({"events": [event(
        date=date(2019, 6, 28), date_end="2019-06-29", place="osaka",
        mentions=[{"article": "000.txt", "quote": "Osaka will play host"}])]}, GLOSSARY)
    assert (loaded.date, loaded.date_end, loaded.place) == (date(2019, 6, 28), date(2019, 6, 29), "osaka")
    assert loaded.mentions[0].quote == "Osaka will play host"


def test_it_loads_events_from_a_file(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n- {id: e, name: E, date: 2019-06-01, precision: month, description: D}\n")
    assert load_events(path)[0].date == date(2019, 6, 1)


def test_load_events_is_importable_from_aliases_too():
    assert aliases.load_events is load_events


def test_it_reports_a_bad_date():
    [problem] = problems_of({"events": [event(date="2019-02-30")]}, parse_events)
    assert problem == ("events.yaml: event #1 (id 'g20-osaka-2019'): bad date '2019-02-30'; "
                       "expected an ISO date YYYY-MM-DD")


def test_it_requires_a_date():
    [problem] = problems_of({"events": [event(date=None)]}, parse_events)
    assert problem.endswith("date is required (YYYY-MM-DD)")


def test_it_reports_a_bad_precision():
    [problem] = problems_of({"events": [event(precision="week")]}, parse_events)
    assert problem.endswith("bad precision 'week'; expected day, month or year")


def test_month_precision_needs_the_first_of_the_month():
    [problem] = problems_of({"events": [event(precision="month")]}, parse_events)
    assert problem.endswith("precision month needs the first day of the month, got 2019-06-28")


def test_year_precision_needs_january_first():
    [problem] = problems_of({"events": [event(date="2019-06-01", precision="year")]}, parse_events)
    assert problem.endswith("precision year needs January 1, got 2019-06-01")


def test_it_reports_an_end_before_the_start():
    [problem] = problems_of({"events": [event(date_end="2019-06-27")]}, parse_events)
    assert problem.endswith("date_end 2019-06-27 is before date 2019-06-28")


def test_it_reports_unknown_place_and_participants():
    found = problems_of({"events": [event(place="kyoto", participants=["osaka", "abe"])]},
                        parse_events, GLOSSARY)
    assert found == [
        "events.yaml: event 'g20-osaka-2019': place refers to unknown entry 'kyoto'",
        "events.yaml: event 'g20-osaka-2019': participants refers to unknown entry 'abe'"]


def test_it_reports_an_unknown_related_event():
    assert problems_of({"events": [event(related=["g20-2020"])]}, parse_events) == [
        "events.yaml: event 'g20-osaka-2019': related refers to unknown event 'g20-2020'"]


def test_it_reports_a_duplicate_event_id():
    assert problems_of({"events": [event(), event()]}, parse_events) == [
        "events.yaml: duplicate id 'g20-osaka-2019'"]


def test_it_reports_an_event_id_that_is_an_entry_id():
    assert problems_of({"events": [event(id="osaka")]}, parse_events, GLOSSARY) == [
        "events.yaml: event id 'osaka' is also an entry id"]


def test_it_reports_a_mention_without_a_quote():
    [problem] = problems_of({"events": [event(mentions=[{"article": "000.txt"}])]}, parse_events)
    assert "each mention needs exactly article and quote" in problem
