"""Authentication of the API: bearer tokens for machines, the session for the browser (TIK-1)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sikerja.accounts.models import ApiToken, Role, RoleAssignment
from sikerja.api.tests.helpers import API, body
from sikerja.testing.factories import UserFactory

User = get_user_model()


@pytest.mark.req("TIK-1")
def test_token_auth_works_and_records_last_use(demo, token_for):
    user = User.objects.get(username="kadis.kominfo")
    client, raw = token_for(user)
    response = client.get(f"{API}/units")
    assert response.status_code == 200, response.content
    assert body(response)["count"] > 0
    token = ApiToken.objects.get(user=user)
    assert token.last_used_at is not None
    assert raw.startswith("sk_") and token.prefix == raw[:8]


@pytest.mark.req("TIK-1")
def test_token_last_used_is_written_at_most_once_a_minute(demo, token_for):
    client, _ = token_for(User.objects.get(username="admin.bkpsdm"))
    client.get(f"{API}/profiles")
    token = ApiToken.objects.get()
    first = token.last_used_at

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"{API}/profiles").status_code == 200
    assert not [q for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    token.refresh_from_db()
    assert token.last_used_at == first

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - dt.timedelta(minutes=2))
    client.get(f"{API}/profiles")
    token.refresh_from_db()
    assert token.last_used_at > first


@pytest.mark.req("TIK-1")
def test_revoked_token_is_401(demo, token_for):
    client, _ = token_for(User.objects.get(username="kadis.kominfo"))
    ApiToken.objects.update(revoked=True)
    response = client.get(f"{API}/units")
    assert response.status_code == 401
    assert body(response)["code"] == "not_authenticated"


@pytest.mark.req("TIK-1")
@pytest.mark.parametrize("header", ["Bearer sk_bogus-token", "Bearer not-even-prefixed", "Bearer ", "Bearer"])
def test_bogus_token_is_401(demo, header):
    response = Client().get(f"{API}/units", headers={"Authorization": header})
    assert response.status_code == 401
    data = body(response)
    assert data["code"] == "not_authenticated"
    assert "Bearer" in data["detail"]


@pytest.mark.req("TIK-1")
def test_bogus_token_does_not_fall_back_to_the_session(demo, login):
    client = login("kadis.kominfo")
    assert client.get(f"{API}/units", headers={"Authorization": "Bearer sk_wrong"}).status_code == 401


@pytest.mark.req("TIK-1")
def test_token_of_inactive_user_is_401(demo, token_for):
    user = User.objects.get(username="kadis.kominfo")
    client, _ = token_for(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert client.get(f"{API}/units").status_code == 401


@pytest.mark.req("TIK-1")
def test_no_auth_is_401_with_error_json(demo):
    response = Client().get(f"{API}/employees")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert body(response)["code"] == "not_authenticated"


@pytest.mark.req("TIK-1")
def test_session_auth_works(demo, login):
    response = login("kabid.aptika").get(f"{API}/employees")
    assert response.status_code == 200
    assert body(response)["count"] > 0


@pytest.mark.req("TIK-1")
def test_user_without_region_is_403(db, demo):
    client = Client()
    client.force_login(UserFactory())
    response = client.get(f"{API}/units")
    assert response.status_code == 403
    assert body(response)["code"] == "no_region"


@pytest.mark.req("TIK-1", "PRF-3")
def test_region_is_chosen_by_query_or_header(demo, other_demo):
    user = User.objects.get(username="admin.bkpsdm")
    RoleAssignment.objects.create(user=user, region=other_demo.region, role=Role.ADMIN_BKPSDM)
    client = Client()
    client.force_login(user)

    regions = body(client.get(f"{API}/regions"))
    assert {r["slug"] for r in regions["items"]} == {"sungai-lestari", "teluk-damai"}

    default = body(client.get(f"{API}/regions/teluk-damai"))
    assert default["is_current"] is False

    by_query = body(client.get(f"{API}/units?region=teluk-damai&root=true"))
    other_roots = {u.pk for u in other_demo.units.values() if u.parent_id is None}
    assert {u["id"] for u in by_query["items"]} == other_roots

    by_header = body(client.get(f"{API}/units?root=true", headers={"X-Region": "teluk-damai"}))
    assert {u["id"] for u in by_header["items"]} == other_roots

    current = body(client.get(f"{API}/regions", headers={"X-Region": "teluk-damai"}))
    assert {r["slug"]: r["is_current"] for r in current["items"]} == {"sungai-lestari": False, "teluk-damai": True}


@pytest.mark.req("TIK-1", "PRF-3")
def test_region_the_user_has_no_role_in_is_refused(demo, other_demo, login):
    client = login("kadis.kominfo")
    for response in (
        client.get(f"{API}/units?region=teluk-damai"),
        client.get(f"{API}/units", headers={"X-Region": "teluk-damai"}),
        client.get(f"{API}/units?region=tidak-ada"),
    ):
        assert response.status_code == 403
        assert body(response)["code"] == "region_forbidden"


@pytest.mark.req("TIK-1")
def test_superuser_acts_in_any_region(demo, other_demo):
    admin = User.objects.create_superuser("super.uji", "", "rahasia-uji")
    client = Client()
    client.force_login(admin)
    assert {r["slug"] for r in body(client.get(f"{API}/regions"))["items"]} == {"sungai-lestari", "teluk-damai"}
    response = client.get(f"{API}/employees?region=teluk-damai&page_size=1")
    assert body(response)["count"] == other_demo.region.employees.filter(is_active=True).count()


@pytest.mark.req("TIK-1")
def test_browser_uses_the_region_chosen_in_the_web_ui(demo, other_demo):
    user = User.objects.get(username="admin.bkpsdm")
    RoleAssignment.objects.create(user=user, region=other_demo.region, role=Role.ADMIN_BKPSDM)
    client = Client()
    client.force_login(user)
    session = client.session
    session["region_id"] = other_demo.region.pk
    session.save()
    current = body(client.get(f"{API}/regions"))
    assert {r["slug"]: r["is_current"] for r in current["items"]} == {"sungai-lestari": False, "teluk-damai": True}
