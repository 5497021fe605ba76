"""PLT-2: throttled then locked logins (page, /admin/, API tokens), token expiry and revocation,
sessions that end after inactivity unless "ingat saya"."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sikerja.accounts.models import ApiToken
from sikerja.organisation.demo.builder import DEMO_PASSWORD

User = get_user_model()
API = "/api/v1"


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def fail(client, url, username, n):
    for _ in range(n):
        client.post(url, {"username": username, "password": "salah-sekali"})


@pytest.mark.req("PLT-2")
def test_login_page_locks_an_account_and_says_so_without_revealing_it_exists(demo, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client(REMOTE_ADDR="10.0.0.5")
    fail(client, reverse("login"), "pegawai.ikp", 3)
    locked = client.post(reverse("login"), {"username": "pegawai.ikp", "password": DEMO_PASSWORD})
    assert locked.status_code == 429 and "ditangguhkan" in locked.content.decode()
    # the right password from another address is still refused: the account itself is locked
    elsewhere = Client(REMOTE_ADDR="10.0.0.9").post(
        reverse("login"), {"username": "pegawai.ikp", "password": DEMO_PASSWORD}
    )
    assert elsewhere.status_code == 429
    # an account that does not exist gets the very same answer
    ghost_client = Client(REMOTE_ADDR="10.0.0.7")
    fail(ghost_client, reverse("login"), "tidak.ada", 3)
    ghost = ghost_client.post(reverse("login"), {"username": "tidak.ada", "password": "x"})
    assert ghost.status_code == 429

    def text(r):
        # Per-request CSRF tokens (htmx header, the footer's language form) are not the page's content.
        return re.sub(r'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())

    assert text(ghost) == text(locked)
    # other people keep signing in (the lock is per account and per address)
    assert (
        Client(REMOTE_ADDR="10.0.0.8")
        .post(reverse("login"), {"username": "kabid.ikp", "password": DEMO_PASSWORD})
        .status_code
        == 302
    )


@pytest.mark.req("PLT-2")
def test_one_address_trying_many_accounts_is_locked(demo, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client(REMOTE_ADDR="10.0.1.1")
    for name in ("a.satu", "a.dua", "a.tiga"):
        fail(client, reverse("login"), name, 1)
    assert client.post(reverse("login"), {"username": "kabid.ikp", "password": DEMO_PASSWORD}).status_code == 429


@pytest.mark.req("PLT-2")
def test_admin_login_is_protected_too(demo, settings):
    settings.AXES_FAILURE_LIMIT = 2
    User.objects.create_superuser("akar", password="Akar-Rahasia-2026")
    client = Client(REMOTE_ADDR="10.0.2.1")
    fail(client, "/admin/login/", "akar", 2)
    assert client.post("/admin/login/", {"username": "akar", "password": "Akar-Rahasia-2026"}).status_code == 429


@pytest.mark.req("PLT-2")
def test_wrong_api_tokens_are_throttled_per_address(demo, settings):
    settings.SIKERJA_TOKEN_FAILURE_LIMIT = 3
    user = User.objects.get(username="kadis.kominfo")
    _, raw = ApiToken.issue(user=user, name="uji")
    bad = Client(REMOTE_ADDR="10.0.3.1", HTTP_AUTHORIZATION="Bearer sk_salah")
    assert [bad.get(f"{API}/units").status_code for _ in range(3)] == [401, 401, 401]
    assert bad.get(f"{API}/units").status_code == 429
    blocked_good = Client(REMOTE_ADDR="10.0.3.1", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert blocked_good.get(f"{API}/units").status_code == 429
    assert Client(REMOTE_ADDR="10.0.3.2", HTTP_AUTHORIZATION=f"Bearer {raw}").get(f"{API}/units").status_code == 200


@pytest.mark.req("PLT-2")
def test_tokens_expire_and_their_owner_revokes_them(demo, login):
    user = User.objects.get(username="kadis.kominfo")
    token, raw = ApiToken.issue(user=user, name="dasbor", days=30)
    assert dt.timedelta(days=29) < token.expires_at - timezone.now() <= dt.timedelta(days=30)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get(f"{API}/units").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert api.get(f"{API}/units").status_code == 401
    # the owner's page issues one, shows it once, and revokes it
    client = login("kadis.kominfo")
    page = client.post(reverse("accounts:token_create"), {"name": "integrasi", "days": 7}).content.decode()
    new = ApiToken.objects.get(user=user, name="integrasi")
    assert new.prefix in page and "tidak dapat menampilkannya lagi" in page
    assert login("kabid.ikp").post(reverse("accounts:token_revoke", args=[new.pk])).status_code == 404
    client.post(reverse("accounts:token_revoke", args=[new.pk]))
    new.refresh_from_db()
    assert new.revoked
    assert client.post(reverse("accounts:token_create"), {"name": "x", "days": 1000}, follow=True).status_code == 200
    assert not ApiToken.objects.filter(name="x").exists()


@pytest.mark.req("PLT-2")
def test_session_ends_after_inactivity_unless_remember_me(demo, settings):
    short = Client()
    short.post(reverse("login"), {"username": "pegawai.ikp", "password": DEMO_PASSWORD})
    assert short.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 30 * 60
    long = Client()
    long.post(reverse("login"), {"username": "pegawai.ikp", "password": DEMO_PASSWORD, "remember_me": "on"})
    assert long.session.get_expiry_age() == settings.SIKERJA_REMEMBER_ME_AGE
    from django.contrib.sessions.models import Session

    Session.objects.filter(session_key=short.session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    assert short.get(reverse("web:home")).status_code == 302
    assert long.get(reverse("web:home")).status_code == 200
