"""The classroom loop in the browser: a teacher creates a class and an assignment; two students
join with the code, annotate and reply (one through the class reading page's forms, the other
through the annotation API with the session and CSRF cookie); the teacher's view shows their
counts; the teacher hides one annotation and the other student no longer sees it. Every class
page on the way passes axe."""
import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from accounts.models import Profile
from edition.models import Article
from tests.browser.axe import assert_no_axe_violations
from tests.browser.fixtures_edition import log_in

KISHIDA = "002_"

API_ANNOTATE = """async ({source, exact, body, classId, parent}) => {
  const csrf = document.cookie.split("; ").find(c => c.startsWith("csrftoken=")).split("=")[1];
  const payload = parent
    ? {type: "Annotation", motivation: "replying", bodyValue: body, target: parent}
    : {type: "Annotation", bodyValue: body, visibility: "class", class: classId,
       target: {source, selector: [{type: "TextQuoteSelector", exact}]}};
  const response = await fetch("/api/annotations/", {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/ld+json", "X-CSRFToken": csrf}, body: JSON.stringify(payload)});
  return {status: response.status, data: await response.json()};
}"""


def reader(username, name):
    user = get_user_model().objects.create_user(username=username, password=None)
    Profile.objects.create(user=user, display_name=name)
    return user


@pytest.fixture
def kishida(edition):
    return Article.objects.select_related("current_revision").get(source_file__startswith=KISHIDA)


@pytest.fixture
def people(edition):
    return reader("tess", "Tess Teacher"), reader("ann", "Annabel Archer"), reader("ben", "Benedict Baker")


@pytest.fixture
def new_page(browser, live_server):
    """Opens a logged-in page for a user in a context of its own; closes them all after the test."""
    contexts = []

    def open_for(user):
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        log_in(page, live_server, user)
        return page

    yield open_for
    for context in contexts:
        context.close()


def phrase(article, number, first_word=0, length=3):
    words = article.current_revision.blocks.get(number=number).text.split()
    return " ".join(words[first_word:first_word + length])


def create_class_and_assignment(page, base, article):
    page.goto(base + "/classes/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Create a class").click()
    page.get_by_label("Name of the class").fill("Modern East Asia")
    page.get_by_role("button", name="Create the class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modern East Asia")
    code = page.locator(".join-code").inner_text().strip()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()  # the ES module ran
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Set an assignment").first.click()
    page.get_by_label("Title").fill("Week 1: the talks")
    page.get_by_label(article.title).check()
    page.get_by_label("Due date").fill((datetime.date.today() + datetime.timedelta(days=7)).isoformat())
    page.get_by_label("At least this many annotations").fill("1")
    page.get_by_label("At least this many replies").fill("1")
    page.get_by_label("Prompt").fill("Find where the *tone* changes.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Set the assignment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Week 1: the talks")
    expect(page.locator(".prompt em")).to_have_text("tone")
    assert_no_axe_violations(page)
    return code


def join(page, base, code):
    page.goto(base + "/classes/join/")
    assert_no_axe_violations(page)
    page.get_by_label("Join code").fill(code.lower())
    page.get_by_role("button", name="Join").click()
    expect(page.locator(".class-messages")).to_contain_text("You are in “Modern East Asia”")
    return int(re.search(r"/classes/(\d+)/", page.url).group(1))


def test_the_whole_classroom_loop(new_page, live_server, kishida, people):
    teacher, ann, ben = people
    base = live_server.url
    tess_page = new_page(teacher)
    code = create_class_and_assignment(tess_page, base, kishida)

    ann_page, ben_page = new_page(ann), new_page(ben)
    class_id = join(ann_page, base, code)
    assert join(ben_page, base, code) == class_id
    expect(ann_page.locator(".assignment-list").first).to_contain_text("0 of 1 annotation, 0 of 1 reply")
    assert_no_axe_violations(ann_page)
    reading_url = f"{base}/classes/{class_id}/articles/{kishida.slug}/"

    # Ann annotates through the class reading page's form.
    ann_page.goto(reading_url)
    ann_page.get_by_text("Annotate a passage for the class").click()
    ann_page.get_by_label("Paragraph number").fill("3")
    ann_page.get_by_label("Words to annotate").fill(phrase(kishida, 3))
    ann_page.get_by_label("Your annotation").fill("Ann's reading of the talks")
    ann_page.get_by_label("Tags").fill("question")
    ann_page.get_by_role("button", name="Share with the class").click()
    expect(ann_page.locator(".class-messages")).to_contain_text("shared with the class")
    ann_thread = ann_page.locator("article.thread").filter(has_text="Ann's reading of the talks")
    ann_id = int(ann_thread.get_attribute("id").removeprefix("thread-"))
    expect(ann_page.locator(f"mark#hl-{ann_id}")).to_have_class(re.compile(r"\bhl-class\b"))
    assert_no_axe_violations(ann_page)

    # Ben annotates through the API from his logged-in page, then replies to Ann on the page.
    ben_page.goto(reading_url)
    made = ben_page.evaluate(API_ANNOTATE, {"source": base + kishida.get_absolute_url(), "exact": phrase(kishida, 5),
                                            "body": "Ben's point on the economy", "classId": class_id, "parent": None})
    assert made["status"] == 201, made
    ben_id = int(made["data"]["id"].rsplit("/", 1)[1])
    ben_page.reload()
    ann_on_ben = ben_page.locator(f"#thread-{ann_id}")
    ann_on_ben.locator(".reply-form summary").click()
    ann_on_ben.get_by_label("Your reply").fill("Ben agrees with Ann")
    ann_on_ben.get_by_role("button", name="Post reply").click()
    expect(ben_page.locator(f"#thread-{ann_id} .replies")).to_contain_text("Ben agrees with Ann")

    # Ann replies to Ben through the API.
    ann_page.reload()
    replied = ann_page.evaluate(API_ANNOTATE, {"source": None, "exact": None, "body": "Ann answers Ben",
                                               "classId": None, "parent": made["data"]["id"]})
    assert replied["status"] == 201, replied
    ann_page.goto(f"{base}/classes/{class_id}/assignments/")
    expect(ann_page.locator("td .progress-text")).to_have_text("Complete")
    assert_no_axe_violations(ann_page)

    # The teacher's view counts both students.
    tess_page.goto(f"{base}/classes/{class_id}/teacher/")
    for username in ("ann", "ben"):
        row = tess_page.locator(f"tr[data-student='{username}']")
        expect(row.locator("[data-col=annotations]")).to_have_text("1")
        expect(row.locator("[data-col=replies]")).to_have_text("1")
        expect(row).to_contain_text("✓ Complete")
    expect(tess_page.get_by_role("img", name=re.compile("Where the class annotated"))).to_have_count(1)
    assert_no_axe_violations(tess_page)
    tess_page.get_by_text("The figures as a table").click()
    expect(tess_page.locator(".heat-table tbody tr")).to_have_count(2)

    # The teacher hides Ann's annotation from the class reading page.
    tess_page.goto(reading_url)
    tess_page.locator(f"#annotation-{ann_id}").get_by_role("button", name=re.compile("^Hide")).click()
    expect(tess_page.locator(f"#annotation-{ann_id} .badge-hidden")).to_have_text("Hidden from students")
    expect(tess_page.locator(f"mark#hl-{ann_id}")).to_have_class(re.compile(r"\bhl-hidden\b"))
    assert_no_axe_violations(tess_page)

    # Ben no longer sees it (nor its thread); his own annotation is still there.
    ben_page.goto(reading_url)
    expect(ben_page.locator(f"#thread-{ann_id}")).to_have_count(0)
    expect(ben_page.locator(f"mark#hl-{ann_id}")).to_have_count(0)
    expect(ben_page.get_by_text("Ann's reading of the talks")).to_have_count(0)
    expect(ben_page.locator(f"#thread-{ben_id}")).to_contain_text("Ben's point on the economy")
    # Nor through the API.
    status = ben_page.evaluate("id => fetch('/api/annotations/' + id).then(r => r.status)", ann_id)
    assert status == 404
    # Ann, its author, still sees it, marked.
    ann_page.goto(reading_url)
    expect(ann_page.locator(f"#annotation-{ann_id} .badge-hidden")).to_have_text("Hidden")

    # The teacher's view stops counting it.
    tess_page.goto(f"{base}/classes/{class_id}/teacher/")
    expect(tess_page.locator("tr[data-student='ann'] [data-col=annotations]")).to_have_text("0")


def test_a_logged_out_visitor_with_a_join_link_logs_in_and_comes_back_to_join(live_server, people, page):
    from annotations.classroom.membership import create_classroom

    teacher, ann, _ = people
    room = create_classroom(teacher, "Modern East Asia")
    ann.set_password("tea-and-ferries-1972")
    ann.save()
    page.goto(f"{live_server.url}/classes/join/{room.join_code}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("Username").fill("ann")
    page.get_by_label("Password").fill("tea-and-ferries-1972")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join “Modern East Asia”")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Join the class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modern East Asia")
    expect(page.locator(".roster")).to_contain_text("Annabel Archer")


def test_the_copy_button_copies_the_join_link(new_page, live_server, people):
    from annotations.classroom.membership import create_classroom

    teacher = people[0]
    room = create_classroom(teacher, "Modern East Asia")
    page = new_page(teacher)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/classes/{room.pk}/")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("[data-copy-status]")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}/classes/join/{room.join_code}/"
