"""The worker's sign of life, for the health endpoint (PLT-8).

django-tasks-db's worker writes nothing while idle, so an idle worker and a dead one look the
same in its tables. ``sikerja_worker`` runs the library's worker with a small thread beside it
that stamps ``WorkerHeartbeat`` every ``INTERVAL`` seconds; the thread dies with the process.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from django.db import close_old_connections, connection
from django.utils import timezone

from sikerja.notifications.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

INTERVAL = 15  # seconds between stamps
STALE_AFTER = dt.timedelta(seconds=90)  # no stamp for this long: the worker is down


def beat(worker_id: str, started_at) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id[:64], defaults={"seen_at": timezone.now(), "started_at": started_at}
    )


class HeartbeatThread(threading.Thread):
    def __init__(self, worker_id: str):
        super().__init__(name="sikerja-heartbeat", daemon=True)
        self.worker_id, self.started_at, self.stop = worker_id, timezone.now(), threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                close_old_connections()
                beat(self.worker_id, self.started_at)
            except Exception:  # a busy database must not kill the worker; retried next beat
                logger.warning("Detak pekerja latar gagal ditulis", exc_info=True)
            self.stop.wait(INTERVAL)
        connection.close()


def alive(now=None) -> bool:
    now = now or timezone.now()
    return WorkerHeartbeat.objects.filter(seen_at__gte=now - STALE_AFTER).exists()
