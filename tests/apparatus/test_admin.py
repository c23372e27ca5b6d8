"""The apparatus in the admin: entries, events, mentions (read only) and mention overrides.

Every save or delete of an entry, alias, event or curated quote moves the apparatus version and
relinks the edition; an override relinks its article."""
import pytest
from django.urls import reverse

from edition.models import ApparatusState, Entry, Event, Mention, MentionOverride

from .admin_forms import form_data
from .conftest import article

pytestmark = pytest.mark.django_db


def mentions_of(slug, prefix="004_"):
    return Mention.objects.filter(revision=article(prefix).current_revision, entry__slug=slug)


def change_url(obj):
    return reverse(f"admin:edition_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.mark.parametrize("model", ["entry", "event", "mention", "mentionoverride"])
def test_the_lists_open(admin_client, seeded, model):
    assert admin_client.get(reverse(f"admin:edition_{model}_changelist")).status_code == 200


def test_entries_are_listed_by_kind_and_found_by_alias(admin_client, seeded):
    url = reverse("admin:edition_entry_changelist")
    html = admin_client.get(url, {"kind__exact": "person"}).content.decode()
    assert "Xi Jinping" in html and "Senkaku Islands" not in html
    found = admin_client.get(url, {"q": "Diaoyu"}).context["cl"].result_list
    assert [e.slug for e in found] == ["senkaku-islands"]


def test_the_change_pages_open(admin_client, seeded):
    for obj in (Entry.objects.get(slug="xi-jinping"), Event.objects.get(slug="normalisation-1972")):
        response = admin_client.get(change_url(obj))
        assert response.status_code == 200
        assert "markdownx" in response.content.decode()


def test_mentions_cannot_be_added_changed_or_deleted(admin_client, seeded):
    mention = Mention.objects.first()
    assert admin_client.get(reverse("admin:edition_mention_add")).status_code == 403
    assert admin_client.post(change_url(mention), {"text": "x"}).status_code == 403
    assert admin_client.get(reverse("admin:edition_mention_delete", args=[mention.pk])).status_code == 403


def test_mentions_are_filtered_by_entry(admin_client, seeded):
    xi = Entry.objects.get(slug="xi-jinping")
    cl = admin_client.get(reverse("admin:edition_mention_changelist"), {"entry__id__exact": xi.pk}).context["cl"]
    assert cl.result_count == Mention.objects.filter(entry=xi).count() > 40


def test_adding_an_alias_bumps_the_version_and_relinks(admin_client, seeded):
    li = Entry.objects.get(slug="li-keqiang")
    version, before = ApparatusState.current(), mentions_of("li-keqiang").count()
    page = admin_client.get(change_url(li))
    new = f"aliases-{li.aliases.count()}"  # the blank form after the existing aliases
    data = form_data(page, **{f"{new}-text": "Chinese premier"})
    response = admin_client.post(change_url(li), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert ApparatusState.current() == version + 1
    assert mentions_of("li-keqiang").count() == before + 1
    assert mentions_of("li-keqiang").filter(text="Chinese premier").exists()


def test_deleting_an_alias_relinks(admin_client, seeded):
    chunxiao = Entry.objects.get(slug="chunxiao-gas-field")
    page = admin_client.get(change_url(chunxiao))
    index = [f.instance.text for f in page.context["inline_admin_formsets"][0].formset.forms].index("Chunxiao")
    response = admin_client.post(change_url(chunxiao), form_data(page, **{f"aliases-{index}-DELETE": "on"}))
    assert response.status_code == 302
    assert [m.text for m in mentions_of("chunxiao-gas-field")] == ["Chunxiao Gasfield", "Chunxiao Gasfield"]


def test_an_alias_another_entry_claims_is_refused(admin_client, seeded):
    tokyo = Entry.objects.get(slug="tokyo")
    version = ApparatusState.current()
    page = admin_client.get(change_url(tokyo))
    new = f"aliases-{tokyo.aliases.count()}"
    response = admin_client.post(change_url(tokyo), form_data(page, **{f"{new}-text": "Beijing"}))
    assert response.status_code == 200
    assert "claimed by beijing, tokyo" in response.content.decode()
    assert ApparatusState.current() == version


def test_deleting_an_entry_relinks(admin_client, seeded):
    shell = Entry.objects.get(slug="shell")
    assert mentions_of("shell").exists()
    version = ApparatusState.current()
    response = admin_client.post(reverse("admin:edition_entry_delete", args=[shell.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert ApparatusState.current() == version + 1


def test_deleting_a_person_whose_surname_is_listed_ambiguous_still_links(admin_client, seeded):
    hu = Entry.objects.get(slug="hu-jintao")  # "Hu" is listed as an ambiguous surname
    response = admin_client.post(reverse("admin:edition_entry_delete", args=[hu.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert mentions_of("xi-jinping").count() == 10


def test_adding_an_event_quote_links_the_passage(admin_client, seeded):
    event = Event.objects.get(slug="second-sino-japanese-war")
    page = admin_client.get(change_url(event))
    formset = page.context["inline_admin_formsets"][0].formset
    index = len(formset.forms) - 1
    response = admin_client.post(change_url(event), form_data(page, **{
        f"quotes-{index}-source_file": "003_af1c4a53416f9db4.txt",
        f"quotes-{index}-quote": "The Japanese government denied the allegation"}))
    assert response.status_code == 302
    linked = Mention.objects.filter(event=event).values_list("revision__article__source_file", flat=True)
    assert sorted(f[:3] for f in linked) == ["003", "004"]


def override_form(**fields):
    data = {"article": article("004_").pk, "action": "suppress", "paragraph": 2, "occurrence": 1}
    data.update(fields)
    return data


def test_a_suppress_override_made_in_the_admin_removes_one_mention(admin_client, seeded):
    before = mentions_of("li-keqiang").count()
    # In ¶2 the first "Li" is the start of "Li Keqiang"; the second is "Li conducted".
    response = admin_client.post(reverse("admin:edition_mentionoverride_add"),
                                 override_form(words="Li", occurrence=2))
    assert response.status_code == 302
    override = MentionOverride.objects.get()
    assert override.exact == "Li" and override.suffix.startswith(" conducted")
    assert mentions_of("li-keqiang").count() == before - 1


def test_a_suppress_override_must_name_a_linked_mention(admin_client, seeded):
    response = admin_client.post(reverse("admin:edition_mentionoverride_add"),
                                 override_form(words="Li Keqiang’s participation"))
    assert response.status_code == 200
    assert "is not a mention the apparatus links" in response.content.decode()
    assert not MentionOverride.objects.exists()


def test_words_not_in_the_paragraph_are_refused(admin_client, seeded):
    response = admin_client.post(reverse("admin:edition_mentionoverride_add"), override_form(words="Nowhere"))
    assert response.status_code == 200 and "does not occur" in response.content.decode()


def test_an_add_override_needs_an_entry(admin_client, seeded):
    response = admin_client.post(reverse("admin:edition_mentionoverride_add"),
                                 override_form(action="add", words="Chinese premier"))
    assert response.status_code == 200
    assert "Say which entry" in response.content.decode()


def test_an_add_override_made_in_the_admin_creates_one_mention(admin_client, seeded):
    li = Entry.objects.get(slug="li-keqiang")
    response = admin_client.post(reverse("admin:edition_mentionoverride_add"),
                                 override_form(action="add", words="Chinese premier", entry=li.pk))
    assert response.status_code == 302
    assert list(mentions_of("li-keqiang").filter(source="editor").values_list("text", flat=True)) == ["Chinese premier"]


def test_deleting_an_override_relinks_its_article(admin_client, seeded):
    admin_client.post(reverse("admin:edition_mentionoverride_add"), override_form(words="Li", occurrence=2))
    override = MentionOverride.objects.get()
    response = admin_client.post(reverse("admin:edition_mentionoverride_delete", args=[override.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert mentions_of("li-keqiang").count() == 6


def test_the_override_form_shows_where_the_override_is(admin_client, seeded):
    admin_client.post(reverse("admin:edition_mentionoverride_add"), override_form(words="Li", occurrence=2))
    form = admin_client.get(change_url(MentionOverride.objects.get())).context["adminform"].form
    assert (form["paragraph"].value(), form["words"].value(), form["occurrence"].value()) == (2, "Li", 2)
