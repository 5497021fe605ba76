"""``manage.py sikerja_worker``: django-tasks-db's ``db_worker`` plus a heartbeat (heartbeat.py).

Takes the same options as ``db_worker`` (``--batch``, ``--interval``, ``--max-tasks`` ...)."""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from sikerja.notifications.heartbeat import HeartbeatThread, beat


class Command(DbWorkerCommand):
    help = "Pekerja latar SiKerja (surel, ringkasan harian) dengan detak untuk pemeriksaan kesehatan"

    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        thread = HeartbeatThread(worker_id)
        beat(worker_id, thread.started_at)  # alive from the first second, before any task
        if options.get("batch"):  # runs what is queued and exits: one stamp is the whole life
            return super().handle(*args, **options)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            thread.stop.set()
