"""Issue 15 items 5 and 6: planner statistics after bulk loads, one region query per request,
one password hash for the demo logins."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from sikerja.accounts.access import regions_of
from sikerja.organisation import db_stats
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.io import services as io_services
from sikerja.organisation.tests.test_io_services import upload
from sikerja.organisation.tests.test_io_support import actor
from sikerja.testing.factories import EmployeeFactory


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner statistics are PostgreSQL's")
def test_analyse_gives_postgresql_statistics_for_what_was_just_loaded():
    EmployeeFactory.create_batch(30)

    def reltuples():
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'organisation_employee'")
            return cursor.fetchone()[0]

    tables = db_stats.analyse()
    assert "organisation_employee" in tables and "organisation_placement" in tables
    assert reltuples() >= 30


@pytest.mark.django_db
def test_analyse_runs_on_sqlite_too():
    assert "organisation_unit" in db_stats.analyse()


def test_an_applied_import_is_analysed_and_a_refused_one_is_not(demo, monkeypatch):
    calls = []
    monkeypatch.setattr(io_services, "analyse", lambda *a, **k: calls.append(1))
    batch = upload(demo, "units", [{"kode": "BRIDA", "nama": "Badan Riset", "jenis": "badan"}])
    io_services.apply_import(actor=actor(demo), batch_id=batch.pk)
    assert calls == [1]
    with pytest.raises(io_services.ImportRefused, match="sudah diimpor"):
        io_services.apply_import(actor=actor(demo), batch_id=batch.pk)  # applied twice: refused
    assert calls == [1]


def test_the_regions_of_a_user_are_read_once_per_request(demo, django_assert_num_queries):
    user = get_user_model().objects.get(username="kabid.aptika")
    with django_assert_num_queries(1):
        first = regions_of(user)
        second = regions_of(user)
    assert first == second == [demo.region]


def test_demo_logins_share_one_password_hash_and_it_works(demo):
    users = get_user_model().objects.filter(username__in=["kabid.aptika", "pegawai.kominfo", "sekda"])
    assert len({u.password for u in users}) == 1
    assert all(u.check_password(DEMO_PASSWORD) for u in users)
