import pytest

from accounts.services import register_reader

PASSWORD = "tea-and-ferries-1972"


@pytest.fixture
def reader(db):
    return register_reader(username="mei", password=PASSWORD, email="mei@example.org", display_name="Mei Tanaka")


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2's deliberate slowness makes the rate-limit tests, which fail dozens of logins, take a minute."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
