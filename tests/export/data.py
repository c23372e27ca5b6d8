"""The annotated edition the export tests export: the seed edition, a class, its people and their
annotations, covering what each writer must handle (replies, tags, a highlight inside a mention,
one across two paragraphs, one on a citation, an orphan, a hidden one, others' private notes,
an editorial note, bodies that a spreadsheet would run as formulas)."""
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.models import Profile
from annotations.anchoring import TextQuote, make_quote
from annotations.models import Classroom, Membership
from annotations.services import create_annotation, set_hidden
from edition.models import Article, EditorialNote

SEEDS = Path(settings.BASE_DIR) / "seeds"
KISHIDA_XI = "002_"  # source-file prefixes of the seed articles
ASIANEWS = "004_"

# Names that occur nowhere in the seed texts, so their absence from an output means something.
TEACHER = ("tesstutor", "Tess", "Tutorova", "Ms Tutorova")
STUDENT = ("oliveowl", "Olive", "Quarrington", "Olive Q.")
CLASSMATE = ("miamarten", "Mia", "Martenssen", "")
OUTSIDER = ("oscarout", "Oscar", "Outerbridge", "")
SECRET = "SECRET-OSCAR-PRIVATE-NOTE"
OWN_PRIVATE = "Olive's own private reminder"
HIDDEN = "HIDDEN-BY-THE-TEACHER"
ORPHAN_QUOTE = "words the editors later cut from this article"
FORMULA = '=HYPERLINK("http://evil.example","click")'


@dataclass
class People:
    teacher: object
    student: object
    classmate: object
    outsider: object
    classroom: Classroom
    kishida: Article
    asianews: Article

    @property
    def names(self):
        """Every name and username of the class's people."""
        found = []
        for user in (self.teacher, self.student, self.classmate):
            found += [user.username, user.first_name, user.last_name, user.get_full_name()]
            found.append(user.profile.display_name)
        return [name for name in found if name]


def person(username, first, last, shown):
    user = get_user_model().objects.create_user(username=username, password=None, first_name=first, last_name=last)
    user.profile = Profile.objects.create(user=user, display_name=shown)
    return user


def on(article, words, occurrence=1):
    text = article.current_revision.text
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return make_quote(text, start, start + len(words))


def build() -> People:
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())
    teacher, student, classmate, outsider = (person(*who) for who in (TEACHER, STUDENT, CLASSMATE, OUTSIDER))
    room = Classroom.objects.create(name="Modern East Asia", created_by=teacher)
    Membership.objects.create(user=teacher, classroom=room, role=Membership.TEACHER)
    for user in (student, classmate):
        Membership.objects.create(user=user, classroom=room, role=Membership.STUDENT)
    kishida = Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA_XI)
    asianews = Article.objects.select_related("current_revision").get(source_file__startswith=ASIANEWS)
    in_class = {"visibility": "class", "classroom_id": room.pk}

    root = create_annotation(student, article=kishida, quote=on(kishida, "brighter future"),
                             body="**Hope** as policy — a *rhetorical* move.", tags=["rhetoric", "hope"], **in_class)
    reply = create_annotation(classmate, parent=root, body="I agree with Olive Quarrington: it is rhetoric.")
    create_annotation(teacher, parent=reply, body="Good, oliveowl and Mia: now find a second example.")
    create_annotation(classmate, article=kishida, quote=on(kishida, "Kishida voiced his desire to work together"),
                      body=FORMULA, **in_class)
    text = kishida.current_revision.text
    across = text.index("despite a spate of deep rifts")
    end = text.index("The talks signaled initial momentum") + len("The talks signaled initial momentum")
    create_annotation(student, article=kishida, quote=make_quote(text, across, end),
                      body="-2 points for vagueness across two paragraphs", motivation="commenting", **in_class)
    create_annotation(student, article=kishida, quote=TextQuote(ORPHAN_QUOTE), body="+1 for this cut sentence",
                      allow_orphan=True, **in_class)
    hidden = create_annotation(classmate, article=kishida, quote=on(kishida, "the Chinese leader said"),
                               body=HIDDEN, **in_class)
    set_hidden(teacher, hidden)

    create_annotation(student, article=kishida, quote=on(kishida, "Kishida", 2), visibility="public",
                      motivation="highlighting")
    create_annotation(classmate, article=asianews, quote=on(asianews, "(Xinhua, May 4)"),
                      body="@Xinhua is the state agency", tags=["sources"], visibility="public")
    create_annotation(outsider, article=kishida, quote=on(kishida, "mutually beneficial relationship"), body=SECRET)
    create_annotation(student, article=kishida, quote=on(kishida, "national security"), body=OWN_PRIVATE)

    note = on(kishida, "a cautious detente")
    start = text.index("a cautious detente")
    EditorialNote.objects.create(article=kishida, body="An editor’s gloss: *détente* means easing.",
                                 exact=note.exact, prefix=note.prefix, suffix=note.suffix, start=start,
                                 end=start + len(note.exact), revision=kishida.current_revision)
    return People(teacher, student, classmate, outsider, room, kishida, asianews)
