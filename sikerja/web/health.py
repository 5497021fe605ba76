"""``/kesehatan/`` for the load balancer (PLT-8): 200 when the database answers, every migration
is applied and the background worker has stamped its heartbeat lately; 503 otherwise. The body
names each check so an operator sees which one failed; it reveals no data."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

# Once every migration is applied it stays so for the life of this process (a deploy with new
# migrations restarts it), so the migration graph is not rebuilt on every probe.
_migrations_ok = False


def _database() -> bool:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False


def _migrations() -> bool:
    global _migrations_ok
    if not _migrations_ok:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        _migrations_ok = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_ok


def _worker() -> bool:
    from sikerja.notifications.heartbeat import alive

    return alive()


@never_cache
def health(request):
    checks = {"database": _database()}
    checks["migrations"] = checks["database"] and _migrations()
    checks["worker"] = checks["database"] and _worker()
    ok = all(checks.values())
    return JsonResponse({"status": "ok" if ok else "fail", "checks": checks}, status=200 if ok else 503)
