"""PLT-1: a region logs in through its own OpenID Connect provider, started by the test."""

from urllib.parse import urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model

from sikerja.accounts.models import IdentityProvider
from sikerja.accounts.tests.oidc_provider import Provider
from sikerja.assignments.tests.people import emp
from sikerja.audit.models import Event
from sikerja.testing.factories import EmployeeFactory, PositionFactory, UnitFactory

pytestmark = pytest.mark.req("PLT-1")


@pytest.fixture
def idp(demo):
    with Provider() as provider:
        IdentityProvider.objects.create(region=demo.region, label="Akun Pemkab", issuer=provider.issuer,
                                        client_id=provider.client_id, client_secret=provider.client_secret)  # fmt: skip
        yield provider


def sso_login(client, slug):
    start = client.get(f"/masuk/sso/{slug}/")
    assert start.status_code == 302, start.content[:300]
    assert "code_challenge=" in start["Location"] and "nonce=" in start["Location"]
    back = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert back.status_code == 302
    url = urlsplit(back.headers["Location"])
    return client.get(url.path + "?" + url.query)


def logged_in_as(client):
    return client.session.get("_auth_user_id")


def test_an_employee_with_a_login_comes_in_by_nip(demo, idp, client):
    me = emp("pegawai.kominfo")
    idp.claims = {"nip": me.nip, "name": me.name}
    r = sso_login(client, demo.region.slug)
    assert r.status_code == 302 and r["Location"] == "/"
    assert logged_in_as(client) == str(me.user.pk)
    assert client.session["region_id"] == demo.region.pk
    assert Event.objects.filter(verb="login.oidc", actor=me.user).exists()
    assert client.get("/").status_code == 200


def test_an_employee_without_a_login_is_told_to_ask_hr_and_gets_no_account(demo, idp, client):
    unit = UnitFactory(region=demo.region)
    newcomer = EmployeeFactory(position=PositionFactory(unit=unit))
    users = get_user_model().objects.count()
    idp.claims = {"nip": newcomer.nip}
    r = sso_login(client, demo.region.slug)
    assert r.status_code == 403 and "belum memiliki akun SiKerja" in r.content.decode()
    assert logged_in_as(client) is None and get_user_model().objects.count() == users


def test_an_identity_from_another_region_is_not_known_here(demo, other_demo, idp, client):
    idp.claims = {"nip": emp("lain.pegawai.kominfo").nip}
    other_nip = emp("lain.pegawai.kominfo").nip
    if demo.region.employees.filter(nip=other_nip).exists():
        pytest.skip("the demo generator gave both regions the same NIP")
    r = sso_login(client, demo.region.slug)
    assert r.status_code == 403 and "Tidak ada satu pegawai aktif" in r.content.decode()
    assert logged_in_as(client) is None


@pytest.mark.parametrize("tamper", [{"aud": "aplikasi-lain"}, {"iss": "http://127.0.0.1:1"}, {"nonce": "diulang"},
                                    {"exp": 1000}])  # fmt: skip
def test_a_token_not_meant_for_this_login_is_refused(demo, idp, client, tamper):
    idp.claims = {"nip": emp("pegawai.kominfo").nip}
    idp.tamper = tamper
    r = sso_login(client, demo.region.slug)
    assert r.status_code == 400 and "tidak sah" in r.content.decode()
    assert logged_in_as(client) is None


def test_matching_by_email_needs_a_verified_address(demo, idp, client):
    IdentityProvider.objects.filter(region=demo.region).update(match="email")
    me = emp("pegawai.kominfo")
    me.email = "pegawai.kominfo@example.go.id"
    me.save(update_fields=["email"])
    idp.claims = {"email": me.email.upper(), "email_verified": False}
    assert sso_login(client, demo.region.slug).status_code == 403
    idp.claims["email_verified"] = True
    assert sso_login(client, demo.region.slug).status_code == 302
    assert logged_in_as(client) == str(me.user.pk)


def test_a_replayed_callback_does_not_log_in(demo, idp, client):
    idp.claims = {"nip": emp("pegawai.kominfo").nip}
    start = client.get(f"/masuk/sso/{demo.region.slug}/")
    back = urlsplit(requests.get(start["Location"], allow_redirects=False, timeout=10).headers["Location"])
    assert client.get(back.path + "?" + back.query).status_code == 302
    client.logout()
    assert client.get(back.path + "?" + back.query).status_code == 400  # state used up, code used up


def test_the_login_page_offers_the_active_providers_only(demo, idp, client):
    page = client.get("/masuk/").content.decode()
    assert f"/masuk/sso/{demo.region.slug}/" in page and "Akun Pemkab" in page
    IdentityProvider.objects.filter(region=demo.region).update(is_active=False)
    assert "/masuk/sso/" not in client.get("/masuk/").content.decode()
    assert client.get(f"/masuk/sso/{demo.region.slug}/").status_code == 404


def test_an_unreachable_provider_is_a_clear_message(demo, client):
    IdentityProvider.objects.create(region=demo.region, issuer="http://127.0.0.1:9/", client_id="x", client_secret="y")
    r = client.get(f"/masuk/sso/{demo.region.slug}/")
    assert r.status_code == 502 and "tidak dapat dihubungi" in r.content.decode()


def test_the_hr_administrator_configures_it_and_the_secret_is_never_shown(demo, login):
    hr = login("admin.bkpsdm")
    data = {"label": "SSO Pemkab", "issuer": "https://sso.example.go.id/realms/pemkab", "client_id": "sikerja",
            "client_secret": "sangat-rahasia", "match": "nip", "is_active": "on"}  # fmt: skip
    assert hr.post("/akun/kelola/sso/", data).status_code == 302
    provider = IdentityProvider.objects.get(region=demo.region)
    assert (provider.issuer, provider.client_secret) == (data["issuer"], "sangat-rahasia")
    page = hr.get("/akun/kelola/sso/").content.decode()
    assert "sangat-rahasia" not in page and f"/masuk/sso/{demo.region.slug}/kembali/" in page
    assert hr.post("/akun/kelola/sso/", {**data, "client_secret": ""}).status_code == 302
    assert IdentityProvider.objects.get(region=demo.region).client_secret == "sangat-rahasia"  # blank keeps it
    bad = hr.post("/akun/kelola/sso/", {**data, "issuer": "http://sso.example.go.id/"})
    assert bad.status_code == 400 and "https://" in bad.content.decode()
    assert Event.objects.filter(verb="sso.configured").count() == 2
    assert login("kabid.aptika").get("/akun/kelola/sso/").status_code == 403
    assert login("lain.admin.bkpsdm").get("/akun/kelola/sso/").content.decode().count("sso.example.go.id") == 0
