"""Run the real background worker once inside a test.

The worker calls ``close_old_connections`` between tasks, as a long-running process must. Inside a
test the whole test is one open transaction, and on PostgreSQL closing the connection would throw
that transaction away (SQLite's in-memory database hides this). So, only here, the worker keeps
the test's connection."""

from unittest import mock

from django.core.management import call_command


def run_worker_once():
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("sikerja_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
