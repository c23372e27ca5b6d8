import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("ensure_editor", *args, stdout=out)
    return out.getvalue()


def printed_password(output):
    found = re.findall(r"password:\s+(\S+)\s+\|", output)
    assert len(found) == 1, output
    return found[0]


def test_creates_a_staff_superuser_with_the_printed_password():
    output = run("--base-url", "http://127.0.0.1:8000/")

    user = get_user_model().objects.get(username="editor")
    assert user.is_staff and user.is_superuser and user.is_active
    password = printed_password(output)
    assert user.check_password(password)
    assert len(password) >= 20
    assert "http://127.0.0.1:8000/admin/" in output
    # A box: first and last lines are the same rule, every line between is framed.
    lines = output.strip().splitlines()
    assert lines[0] == lines[-1] and set(lines[0]) == {"+", "-"}
    assert all(line.startswith("| ") and line.endswith(" |") and len(line) == len(lines[0]) for line in lines[1:-1])


def test_existing_user_keeps_its_password_and_nothing_is_printed_twice():
    first = run()
    password = printed_password(first)
    hash_before = get_user_model().objects.get(username="editor").password

    second = run()

    assert "exists already" in second
    assert password not in second and "password:" not in second
    user = get_user_model().objects.get(username="editor")
    assert user.password == hash_before and user.check_password(password)
    assert get_user_model().objects.filter(username="editor").count() == 1


def test_password_is_generated_not_fixed():
    first = printed_password(run())
    get_user_model().objects.filter(username="editor").delete()
    second = printed_password(run())
    assert first != second


def test_username_option_and_default_login_path():
    output = run("--username", "chief")

    user = get_user_model().objects.get(username="chief")
    assert user.is_superuser and user.check_password(printed_password(output))
    assert not get_user_model().objects.filter(username="editor").exists()
    assert "log in at:  /admin/" in output
