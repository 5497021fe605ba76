"""PLT-8: backup and restore, tested as docs/operations.md describes them — ``pg_dump -Fc`` and
``pg_restore`` into a fresh database on PostgreSQL, the SQLite backup API and a file copy on
SQLite — and the restore check (row counts of key tables, SHA-256 of every issued document)."""

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.services import MemberInput
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Employee, Unit
from sikerja.web import backup

pytestmark = [pytest.mark.req("PLT-8"), pytest.mark.django_db(transaction=True)]


@pytest.fixture
def committed_region():
    """A small region with an issued letter, committed: a dump only sees committed rows."""
    call_command("flush", interactive=False, verbosity=0)  # start from an empty database
    _, _, builder = build_demo_region(n_employees=80, seed=7)
    kabid = Employee.objects.get(user__username="kabid.aptika")
    today = dt.date.today()
    a = services.propose(
        actor=actor_for(kabid.user, builder.region),
        form="individu",
        owning_unit_id=Unit.objects.get(region=builder.region, code="DISKOMINFO.BID1").pk,
        members=[MemberInput(Employee.objects.get(user__username="pegawai.kominfo").pk)],
        title="Penyusunan buku data sektoral",
        purpose="Menyusun data sektoral",
        target="Buku data sektoral terbit",
        starts_on=today,
        ends_on=today + dt.timedelta(days=90),
        competences=["Statistik"],
        hours_per_week=6,
    )
    a.refresh_from_db()
    assert a.letter_id
    return a


def _live_snapshot():
    with connection.cursor() as cursor:
        return backup.snapshot(cursor)


def _assert_whole(before, after):
    assert after.counts == before.counts
    assert all(after.counts[label] > 0 for label in backup.KEY_MODELS), after.counts
    assert after.documents_checked == before.documents_checked >= 1
    assert after.bad_hashes == []


def test_postgresql_dump_and_restore_into_a_fresh_database(committed_region, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("uji pg_dump/pg_restore hanya pada PostgreSQL")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore tidak terpasang")
    import psycopg

    before = _live_snapshot()
    dump = tmp_path / "sikerja.dump"
    out = StringIO()
    call_command("sikerja_backup", str(dump), stdout=out)
    assert dump.read_bytes()[:5] == b"PGDMP"  # the custom format pg_restore reads
    assert "naskah dinas: " in out.getvalue()

    params = connection.settings_dict
    target = f"{params['NAME']}_pulih"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
        cursor.execute(f'CREATE DATABASE "{target}"')
    conninfo = {
        "dbname": target,
        "host": params.get("HOST") or None,
        "port": params.get("PORT") or None,
        "user": params.get("USER") or None,
        "password": params.get("PASSWORD") or None,
    }
    try:
        backup.pg_restore(dump, target)
        with psycopg.connect(**conninfo) as pg:
            _assert_whole(before, backup.snapshot(pg.cursor()))

        # The restore check as documented: the command pointed at the restored database.
        url = f"postgres://{params.get('USER') or ''}@{params.get('HOST') or '127.0.0.1'}:{params.get('PORT') or 5432}/{target}"
        env = {**backup.pg_env(params), "DATABASE_URL": url}
        done = subprocess.run(
            [sys.executable, "manage.py", "sikerja_backup", "--periksa"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert f"naskah dengan SHA-256 cocok: {before.documents_checked}/{before.documents_checked}" in done.stdout

        # A damaged letter in the restored copy is caught.
        with psycopg.connect(**conninfo) as pg:
            pg.execute("UPDATE letters_documentfile SET pdf = %s WHERE document_id = %s", (b"rusak", committed_region.letter_id))
            assert backup.snapshot(pg.cursor()).bad_hashes == [committed_region.letter_id]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')


def test_sqlite_backup_api_and_file_copy_round_trip(committed_region, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("uji salinan berkas hanya pada SQLite")
    before = _live_snapshot()
    copy = tmp_path / "cadangan" / "sikerja.sqlite3"
    call_command("sikerja_backup", str(copy), stdout=StringIO())

    # Restore = put the file in place while the server and the worker are stopped.
    restored = tmp_path / "pulih.sqlite3"
    shutil.copyfile(copy, restored)
    _assert_whole(before, backup.sqlite_snapshot(restored))

    out = StringIO()
    call_command("sikerja_backup", str(restored), periksa=True, stdout=out)
    assert f"naskah dengan SHA-256 cocok: {before.documents_checked}/{before.documents_checked}" in out.getvalue()

    damaged = sqlite3.connect(restored)
    with damaged:
        damaged.execute("UPDATE letters_documentfile SET pdf = ? WHERE document_id = ?", (b"rusak", committed_region.letter_id))
    damaged.close()
    with pytest.raises(CommandError, match=f"naskah id {committed_region.letter_id}"):
        call_command("sikerja_backup", str(restored), periksa=True, stdout=StringIO())


def test_a_backup_needs_a_path_and_a_missing_tool_is_a_clear_message(monkeypatch):
    with pytest.raises(CommandError, match="Sebutkan berkas cadangan"):
        call_command("sikerja_backup", stdout=StringIO())
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(backup.BackupError, match="pg_dump tidak ditemukan"):
        backup._run(["pg_dump", "--version"], dict(os.environ))
