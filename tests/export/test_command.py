"""manage.py export: every format to a file or a folder, the annotation sets by name, a progress
bar on stderr; the unhappy paths are CommandErrors."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .data import SECRET


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("export", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_writes_into_a_folder_under_the_editions_name(people, tmp_path):
    out, err = run("--format", "md", "--out", str(tmp_path))
    (path,) = tmp_path.iterdir()
    assert path.name.startswith("china-japan-edition-") and path.suffix == ".md"
    assert f"Wrote {path}" in out


def test_it_shows_a_progress_bar_on_stderr(people, tmp_path):
    _, err = run("--format", "csv", "--out", str(tmp_path / "a.csv"))
    assert "5/5" in err and "article" in err


def test_the_progress_bar_can_be_turned_off(people, tmp_path):
    _, err = run("--format", "csv", "--out", str(tmp_path / "a.csv"), "--no-progress")
    assert err == ""


def test_it_exports_chosen_articles(people, tmp_path):
    path = tmp_path / "two.md"
    run("--format", "md", "--out", str(path), "--article", people.kishida.slug, people.asianews.slug)
    text = path.read_text()
    assert people.kishida.title in text and people.asianews.title in text
    assert "China inching toward detente" not in text


def test_it_exports_a_readers_own_annotations(people, tmp_path):
    path = tmp_path / "mine.csv"
    run("--format", "csv", "--out", str(path), "--annotations", f"mine:{people.student.username}")
    text = path.read_text(encoding="utf-8-sig")
    assert "Olive's own private reminder" in text and SECRET not in text


def test_it_exports_a_class_for_its_teacher_anonymised(people, tmp_path):
    path = tmp_path / "class.csv"
    run("--format", "csv", "--out", str(path), "--annotations", f"class:{people.classroom.join_code.lower()}",
        "--as", people.teacher.username, "--anonymise")
    text = path.read_text(encoding="utf-8-sig")
    assert "Teacher 1" in text and not [name for name in people.names if name in text]


@pytest.mark.parametrize("args, message", [
    (["--annotations", "class:{code}", "--as", "oliveowl"], "Only the class's teachers"),
    (["--annotations", "class:{code}"], "--as USER"),
    (["--annotations", "class:NOSUCHCODE", "--as", "tesstutor"], "No class has the code"),
    (["--annotations", "mine:nobody"], "No user 'nobody'"),
    (["--annotations", "mine"], "use none, public, mine:USER or class:CODE"),
    (["--annotations", "everything"], "use none, public, mine:USER or class:CODE"),
    (["--article", "no-such-article"], "No article no-such-article"),
])
def test_the_unhappy_paths_are_command_errors(people, tmp_path, args, message):
    args = [arg.format(code=people.classroom.join_code) for arg in args]
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        run("--format", "csv", "--out", str(tmp_path / "x.csv"), *args)
    assert not (tmp_path / "x.csv").exists()


def test_an_unknown_format_is_refused(people, tmp_path):
    with pytest.raises(CommandError):
        run("--format", "docx", "--out", str(tmp_path))
