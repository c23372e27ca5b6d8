"""`manage.py create_api_token USER` prints a new key once; only its hash is kept."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from annotations.models import ApiToken, hash_token

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_it_prints_a_key_that_authenticates(owner, note, client):
    key, _ = run(owner.username)
    response = client.get(f"/api/annotations/{note.pk}", headers={"Authorization": f"Token {key}"})
    assert response.status_code == 200
    assert ApiToken.objects.get(user=owner).key_hash == hash_token(key)


def test_the_key_is_alone_on_stdout_for_scripts(owner):
    key, note = run(owner.username)
    assert len(key.split()) == 1 and "shown once" in note


def test_each_run_makes_a_new_token(owner):
    assert run(owner.username)[0] != run(owner.username)[0]
    assert ApiToken.objects.filter(user=owner).count() == 2


def test_the_key_itself_is_not_stored(owner):
    key, _ = run(owner.username)
    token = ApiToken.objects.get(user=owner)
    assert key not in {token.key_hash, token.key_prefix}


def test_it_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user"):
        run("nobody")


def test_it_refuses_an_inactive_user(owner):
    owner.is_active = False
    owner.save()
    with pytest.raises(CommandError, match="inactive"):
        run(owner.username)
    assert not ApiToken.objects.exists()
