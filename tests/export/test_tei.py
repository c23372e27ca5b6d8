"""TEI P5: valid against tei_all.rng (jing); a header describing every source; numbered
paragraphs; mentions pointing at the register, glossary and events in the standOff; notes in
place; the readers' annotations as notes whose @resp names a reader of the header."""
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from .conftest import class_export
from .validators import command

SCHEMA = Path(__file__).parent / "schemas" / "tei_all.rng"
NS = {"tei": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def document(write, people):
    return class_export(write, people, "tei", anonymise=True)


@pytest.fixture(scope="module")
def tei(document):
    return etree.parse(str(document)).getroot()


def jing(path):
    return subprocess.run([*command("jing"), str(SCHEMA), str(path)], capture_output=True, text=True, timeout=300)


def test_jing_finds_it_valid_against_tei_all(document):
    result = jing(document)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


def test_jing_finds_the_students_own_export_valid_too(write, people):
    result = jing(write("tei", "mine", user=people.student))
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


def test_the_harness_rejects_invalid_tei(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p/></body></text></TEI>')
    assert jing(bad).returncode != 0


def test_the_header_describes_each_articles_source(tei, people):
    bibls = tei.findall("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:listBibl/tei:bibl", NS)
    assert len(bibls) == 5
    kishida = next(b for b in bibls if b.findtext("tei:title[@level='a']", namespaces=NS) == people.kishida.title)
    assert kishida.findtext("tei:title[@level='j']", namespaces=NS) == "The Japan Times"
    assert kishida.find("tei:date", NS).get("when") == "2023-11-17"
    assert kishida.findtext("tei:idno[@type='file']", namespaces=NS) == people.kishida.source_file


def test_each_article_points_at_its_source_and_numbers_its_paragraphs(tei):
    ids = {element.get(XML_ID) for element in tei.iter() if element.get(XML_ID)}
    for div in tei.iterfind(".//tei:div[@type='article']", NS):
        assert div.get("decls")[1:] in ids
        blocks = [child for child in div if (child.get(XML_ID) or "").startswith(f"{div.get(XML_ID)}-p")]
        numbers = [int(block.get("n")) for block in blocks]
        assert numbers == list(range(1, len(numbers) + 1))


def test_every_mention_points_at_a_record_of_the_stand_off(tei):
    records = {element.get(XML_ID) for element in tei.find("tei:standOff", NS).iter() if element.get(XML_ID)}
    mentions = tei.findall(".//tei:text//*[@ref]", NS)
    kinds = {etree.QName(m).localname for m in mentions}
    assert {"persName", "placeName", "orgName", "term", "rs"} <= kinds
    assert all(m.get("ref")[1:] in records for m in mentions)
    events = tei.findall(".//tei:text//tei:rs[@type='event']", NS)
    assert events and all(m.get("ref").startswith("#event-") for m in events)


def test_the_stand_off_holds_the_register_the_glossary_and_the_events(tei):
    stand_off = tei.find("tei:standOff", NS)
    assert stand_off.find("tei:listPerson/tei:person[@xml:id='entry-xi-jinping']", NS) is not None
    assert stand_off.find("tei:listPlace", NS) is not None and stand_off.find("tei:listOrg", NS) is not None
    assert stand_off.find("tei:list[@type='gloss']/tei:item/tei:term", NS) is not None
    treaty = stand_off.find("tei:listEvent/tei:event[@xml:id='event-treaty-of-peace-and-friendship-1978']", NS)
    assert treaty.get("when", "").startswith("1978")


def test_source_and_editorial_notes_are_in_place(tei):
    source = tei.find(".//tei:p/tei:note[@type='source']", NS)
    assert "Hu-Fukuda agreement" in "".join(source.itertext())
    editorial = tei.find(".//tei:p/tei:note[@type='editorial']", NS)
    assert editorial.get("resp") == "#editor" and "détente" in "".join(editorial.itertext())


def test_annotations_are_notes_with_resp_between_anchors(tei):
    readers = {r.get(XML_ID): r.findtext("tei:name", namespaces=NS)
               for r in tei.iterfind("tei:teiHeader//tei:respStmt", NS)}
    notes = tei.findall(".//tei:note[@type='annotation']", NS)
    assert notes
    anchors = {a.get(XML_ID) for a in tei.iter("{http://www.tei-c.org/ns/1.0}anchor")}
    for note in notes:
        assert note.get("resp")[1:] in readers
        if note.get("target"):
            assert note.get("target")[1:] in anchors and note.get("targetEnd")[1:] in anchors
    hope = next(n for n in notes if "Hope" in "".join(n.itertext()))
    replies = hope.findall("tei:note[@type='reply']", NS)
    assert readers[replies[0].get("resp")[1:]] == "Reader 2"
    assert set(readers.values()) >= {"Reader 1", "Reader 2", "Teacher 1"}
