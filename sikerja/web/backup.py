"""Backup and restore of the whole database (PLT-8), and the check that a restore is whole.

PostgreSQL: ``pg_dump -Fc`` (one consistent snapshot, the server keeps running) and
``pg_restore`` into an empty database. SQLite: the SQLite online-backup API, which copies a
consistent snapshot even while the server and the worker write; a plain file copy is only
safe with both stopped, because in WAL mode recent commits live in the ``-wal`` file.

The check counts the rows of the tables a region cannot lose (regions, employees,
assignments, documents, events) and re-hashes every issued document's PDF against the
SHA-256 printed on its verification page: a restore that lost or damaged a letter fails.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import connections

KEY_MODELS = ("tenancy.Region", "organisation.Employee", "assignments.Assignment", "letters.Document", "audit.Event")
LABELS = {
    "tenancy.Region": "pemerintah daerah",
    "organisation.Employee": "pegawai",
    "assignments.Assignment": "penugasan",
    "letters.Document": "naskah dinas",
    "audit.Event": "peristiwa (log audit)",
}


class BackupError(Exception):
    pass


@dataclass
class Snapshot:
    counts: dict[str, int] = field(default_factory=dict)
    documents_checked: int = 0
    bad_hashes: list[int] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{LABELS[label]}: {n}" for label, n in self.counts.items()]
        out.append(
            f"naskah dengan SHA-256 cocok: {self.documents_checked - len(self.bad_hashes)}/{self.documents_checked}"
        )
        return out


def key_tables() -> dict[str, str]:
    return {label: apps.get_model(label)._meta.db_table for label in KEY_MODELS}


def snapshot(cursor) -> Snapshot:
    """Row counts and document hashes through any DB-API cursor (Django, sqlite3, psycopg), so
    the same check runs on the live database, a restored one, or a backup file."""
    snap = Snapshot()
    tables = key_tables()  # names from the models' own metadata, never from input
    for label, table in tables.items():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
        snap.counts[label] = cursor.fetchone()[0]
    files = apps.get_model("letters.DocumentFile")
    column = files._meta.get_field("document").column
    # A document without its files counts as damaged: the join is LEFT so it is not skipped.
    cursor.execute(
        f'SELECT d.id, d.sha256, f.pdf FROM "{tables["letters.Document"]}" d '  # noqa: S608
        f'LEFT JOIN "{files._meta.db_table}" f ON f."{column}" = d.id ORDER BY d.id'
    )
    while rows := cursor.fetchmany(50):  # PDFs are large: never hold them all
        for pk, digest, pdf in rows:
            snap.documents_checked += 1
            if pdf is None or hashlib.sha256(bytes(pdf)).hexdigest() != digest:
                snap.bad_hashes.append(pk)
    return snap


def pg_env(settings_dict: dict) -> dict:
    """libpq's environment for the command-line tools: the password never appears in argv."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    return env


def _run(args: list[str], env: dict) -> None:
    if shutil.which(args[0]) is None:
        raise BackupError(f"{args[0]} tidak ditemukan; pasang paket postgresql-client.")
    # argv is built here from settings, never a shell string
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{args[0]} gagal: {done.stderr.strip()}")


def backup(path: Path, *, using: str = "default") -> Path:
    """Write a backup of database ``using`` to ``path`` (custom-format dump or SQLite file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connections[using]
    if conn.vendor == "postgresql":
        _run(["pg_dump", "-Fc", "-f", str(path), conn.settings_dict["NAME"]], pg_env(conn.settings_dict))
    elif conn.vendor == "sqlite":
        conn.ensure_connection()
        target = sqlite3.connect(path)
        try:
            conn.connection.backup(target)  # consistent snapshot, writers may go on
        finally:
            target.close()
    else:
        raise BackupError(f"Basis data {conn.vendor} tidak didukung.")
    return path


def pg_restore(path: Path, database: str, *, using: str = "default") -> None:
    """Restore a ``pg_dump -Fc`` file into the existing, empty ``database``."""
    env = pg_env(connections[using].settings_dict)
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-d", database, str(path)], env)


def sqlite_snapshot(path: Path) -> Snapshot:
    """The check run on an SQLite backup file, read-only."""
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"Berkas {path} rusak (integrity_check).")
        return snapshot(conn.cursor())
    finally:
        conn.close()
