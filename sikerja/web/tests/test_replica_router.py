"""Reads that may lag go to a replica, and only those (issue 15, sikerja/config/replica.py)."""

import copy
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection, connections
from django.db.utils import load_backend
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from sikerja.accounts.models import RoleAssignment
from sikerja.config import replica
from sikerja.config.replica import ReplicaReadsMiddleware, ReplicaRouter
from sikerja.organisation.models import Employee, Unit

WITH_REPLICA = {**settings.DATABASES, "replica": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}


def _seen_by_view(path, method="get", session=None):
    """The database the router picks for a Unit read inside the view of ``path``."""
    seen = {}

    def view(request):
        seen["unit"] = ReplicaRouter().db_for_read(Unit)
        seen["user"] = ReplicaRouter().db_for_read(get_user_model())
        return HttpResponse("ok")

    request = getattr(RequestFactory(), method)(path)
    request.session = session if session is not None else {}
    request.resolver_match = resolve(path)
    middleware = ReplicaReadsMiddleware(lambda r: middleware.process_view(r, view, (), {}) or view(r))
    middleware(request)
    seen["after"] = ReplicaRouter().db_for_read(Unit)
    return seen


def test_without_a_replica_nothing_changes():
    assert "replica" not in settings.DATABASES
    assert _seen_by_view(reverse("ked:report")) == {"unit": None, "user": None, "after": None}


@mock.patch.dict(settings.DATABASES, WITH_REPLICA)
def test_listed_report_pages_read_region_data_from_the_replica_but_not_who_the_user_is():
    for name in ("ked:report", "audit:log", "pelaksanaan:monitoring", "proses:relasi"):
        assert name in settings.SIKERJA_REPLICA_PAGES
        seen = _seen_by_view(reverse(name))
        assert seen == {"unit": "replica", "user": None, "after": None}, name
    router = ReplicaRouter()
    token = replica._lag_ok.set(True)
    try:
        assert router.db_for_read(Session) is None and router.db_for_read(RoleAssignment) is None
        assert router.db_for_read(Employee) == "replica"
        assert router.db_for_write(Employee) == "default"
    finally:
        replica._lag_ok.reset(token)
    assert router.allow_migrate("replica", "organisation") is False and router.allow_migrate("default", "organisation")


@mock.patch.dict(settings.DATABASES, WITH_REPLICA)
def test_pages_that_must_read_their_own_writes_stay_on_the_primary():
    assert _seen_by_view(reverse("ked:report"), method="post")["unit"] is None  # not a GET
    for name, kwargs in (("web:home", {}), ("web:employee_detail", {"pk": 1}), ("ked:place", {"pk": 1})):
        assert name not in settings.SIKERJA_REPLICA_PAGES
        assert _seen_by_view(reverse(name, kwargs=kwargs))["unit"] is None, name


@mock.patch.dict(settings.DATABASES, WITH_REPLICA)
def test_after_a_write_the_user_reads_the_primary_for_a_while():
    session = {}
    _seen_by_view(reverse("ked:place", kwargs={"pk": 1}), method="post", session=session)
    assert replica.WROTE_AT in session  # the POST left its time in the session
    assert _seen_by_view(reverse("ked:report"), session=session)["unit"] is None
    session[replica.WROTE_AT] -= settings.SIKERJA_REPLICA_FRESH_SECONDS + 1
    assert _seen_by_view(reverse("ked:report"), session=session)["unit"] == "replica"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second connection to the same committed data")
@pytest.mark.django_db(transaction=True)
def test_a_real_second_connection_serves_the_report_while_the_login_reads_the_primary(client):
    """The replica here is a second connection to the test database (what a streaming replica
    is to the application): the audit log's region reads go through it, the session and the
    user's roles through the primary."""
    from sikerja.organisation.demo.builder import build_demo_region

    build_demo_region(n_employees=60, seed=3, slug="replika", user_prefix="rpl")
    client.force_login(get_user_model().objects.get(username="rpl.admin.bkpsdm"))
    replica_settings = copy.deepcopy(connections["default"].settings_dict)
    # A connection made here, not declared in settings: Django's test isolation allows it.
    connections["replica"] = load_backend(replica_settings["ENGINE"]).DatabaseWrapper(replica_settings, "replica")
    try:
        with mock.patch.object(replica, "replica_configured", return_value=True):
            with (
                CaptureQueriesContext(connections["replica"]) as on_replica,
                CaptureQueriesContext(connection) as on_primary,
            ):
                response = client.get(reverse("audit:log"))
            assert response.status_code == 200
            replica_sql = " ".join(q["sql"] for q in on_replica.captured_queries)
            primary_sql = " ".join(q["sql"] for q in on_primary.captured_queries)
            assert '"audit_event"' in replica_sql
            assert '"django_session"' in primary_sql and '"django_session"' not in replica_sql
            assert '"auth_user"' not in replica_sql
            with CaptureQueriesContext(connections["replica"]) as after:
                assert client.get(reverse("web:home")).status_code == 200
            assert after.captured_queries == []  # the home page reads the primary
    finally:
        connections["replica"].close()
        del connections["replica"]
