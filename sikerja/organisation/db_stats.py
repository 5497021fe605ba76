"""Planner statistics after bulk loads (issue 15 item 5).

PostgreSQL plans queries from statistics that autovacuum refreshes only some time after a bulk
load; until then a freshly imported or seeded region is planned as if its tables were empty
(the kedudukan report took 5,976 ms before ANALYZE and 895 ms after). Imports and seeds
therefore analyse the tables they filled. SQLite gets ``PRAGMA optimize``, its cheap
equivalent.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection

# The tables a region's import or seed fills, by model label.
ORGANISATION_MODELS = (
    "organisation.Unit",
    "organisation.Position",
    "organisation.Employee",
    "organisation.EmployeeCompetence",
    "organisation.Competence",
    "organisation.Placement",
    "organisation.Delegation",
    "accounts.RoleAssignment",
    # The stored kedudukan checks, recomputed whole after an import or seed (issue 15 item 1).
    "organisation.PlacementCheck",
    "organisation.PlacementFinding",
)


def analyse(model_labels=ORGANISATION_MODELS, *, using=connection) -> list[str]:
    """Refresh planner statistics of the given models' tables; returns the tables analysed."""
    tables = [apps.get_model(label)._meta.db_table for label in model_labels]
    with using.cursor() as cursor:
        if using.vendor == "postgresql":
            quoted = ", ".join(using.ops.quote_name(t) for t in tables)
            cursor.execute(f"ANALYZE {quoted}")
        elif using.vendor == "sqlite":
            cursor.execute("PRAGMA optimize")
    return tables
