"""PLT-8: the health endpoint tells the load balancer whether database, migrations and worker are fine."""

import datetime as dt

import pytest
from django.utils import timezone

from sikerja.notifications.heartbeat import beat
from sikerja.notifications.models import WorkerHeartbeat


@pytest.mark.req("PLT-8")
def test_health_needs_a_recent_worker_heartbeat(db, client):
    down = client.get("/kesehatan/")
    assert down.status_code == 503
    assert down.json()["checks"] == {"database": True, "migrations": True, "worker": False}
    beat("uji", timezone.now())
    assert client.get("/kesehatan/").status_code == 200
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - dt.timedelta(minutes=5))
    assert client.get("/kesehatan/").json()["checks"]["worker"] is False
