"""Helpers shared by the import/export tests (ORG-7); holds no tests itself."""

import csv
import io

from django.contrib.auth import get_user_model
from openpyxl import Workbook

from sikerja.accounts.access import actor_for
from sikerja.organisation.io.sheets import SHEETS
from sikerja.organisation.models import Competence, Employee, EmployeeCompetence, Position, Unit


def actor(builder, username="admin.bkpsdm"):
    return actor_for(get_user_model().objects.get(username=username), builder.region)


def csv_bytes(headers, rows, *, delimiter=",", bom=False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


def xlsx_bytes(headers, rows, title="Data") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def sheet_csv(sheet, rows, **kw) -> bytes:
    """Rows given as dicts by column name; missing columns are empty."""
    headers = SHEETS[sheet].headers
    return csv_bytes(headers, [[r.get(h, "") for h in headers] for r in rows], **kw)


def snapshot(region) -> dict:
    """Counts and last-modified markers of everything an import could write."""
    return {
        "units": list(Unit.objects.filter(region=region).order_by("pk").values_list()),
        "positions": list(Position.objects.filter(region=region).order_by("pk").values_list()),
        "employees": list(Employee.objects.filter(region=region).order_by("pk").values_list()),
        "competences": list(Competence.objects.filter(region=region).order_by("pk").values_list()),
        "links": list(EmployeeCompetence.objects.filter(employee__region=region).order_by("pk").values_list()),
        "unit_history": Unit.history.filter(region=region).count(),
        "position_history": Position.history.filter(region=region).count(),
        "employee_history": Employee.history.filter(region=region).count(),
    }
