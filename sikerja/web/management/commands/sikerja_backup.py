"""``manage.py sikerja_backup BERKAS`` writes a backup; ``--periksa`` checks a database or an
SQLite backup file (row counts of key tables, SHA-256 of every issued document), PLT-8."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sikerja.web import backup


class Command(BaseCommand):
    help = "Cadangkan basis data (pg_dump -Fc atau SQLite backup API) dan periksa hasil pemulihan."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="berkas cadangan yang ditulis (atau diperiksa, untuk SQLite)")
        parser.add_argument(
            "--periksa",
            action="store_true",
            help="periksa basis data DATABASE_URL (atau berkas SQLite PATH): jumlah baris dan SHA-256 naskah",
        )

    def handle(self, *args, path=None, periksa=False, **options):
        try:
            if periksa:
                snap = backup.sqlite_snapshot(Path(path)) if path else self._current()
            else:
                if not path:
                    raise CommandError("Sebutkan berkas cadangan, mis. /var/backups/sikerja/sikerja-2026-12-03.dump")
                written = backup.backup(Path(path))
                self.stdout.write(f"Cadangan ditulis: {written} ({written.stat().st_size} bita)")
                snap = self._current()
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        for line in snap.lines():
            self.stdout.write(line)
        if snap.bad_hashes:
            raise CommandError(f"SHA-256 tidak cocok untuk naskah id {', '.join(map(str, snap.bad_hashes))}.")

    def _current(self):
        with connection.cursor() as cursor:
            return backup.snapshot(cursor)
