"""Export the three sheets of a region (ORG-7) with the import's own columns, so that an
export imports back without errors and without changes. A fixed, small number of queries
whatever the size of the region."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from django.conf import settings
from django.utils import translation

from sikerja.accounts.access import Actor, require_org_admin
from sikerja.organisation.choices import EmploymentStatus
from sikerja.organisation.io import sheets
from sikerja.organisation.models import Employee, EmployeeCompetence, Position, Unit

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
STATUS_TEXT = {EmploymentStatus.PNS: "PNS", EmploymentStatus.PPPK: "PPPK"}


def _units_in_tree_order(region) -> list[dict]:
    """Parents before children (so a file imports top-down), siblings by order then name."""
    units = list(
        Unit.objects.filter(region=region).values(
            "id", "code", "name", "unit_type", "parent_id", "is_perangkat_daerah", "is_mandiri", "address", "order"
        )
    )
    children = defaultdict(list)
    ids = {u["id"] for u in units}
    for u in units:
        children[u["parent_id"] if u["parent_id"] in ids else None].append(u)
    for kids in children.values():
        kids.sort(key=lambda u: (u["order"], u["name"], u["code"]))
    out: list[dict] = []
    stack = list(reversed(children[None]))
    seen = set()
    while stack:
        u = stack.pop()
        if u["id"] in seen:
            continue
        seen.add(u["id"])
        out.append(u)
        stack.extend(reversed(children[u["id"]]))
    return out


def rows(region, sheet: str):
    """The data rows of one sheet (lists in the order of its headers)."""
    units = _units_in_tree_order(region)
    code_of = {u["id"]: u["code"] for u in units}
    rank = {u["id"]: i for i, u in enumerate(units)}
    if sheet == sheets.Sheet.UNITS:
        for u in units:
            yield [
                u["code"], u["name"], u["unit_type"], code_of.get(u["parent_id"], ""),
                sheets.yes_no_text(u["is_perangkat_daerah"]), sheets.yes_no_text(u["is_mandiri"]), u["address"],
            ]  # fmt: skip
        return
    if sheet == sheets.Sheet.POSITIONS:
        positions = list(
            Position.objects.filter(region=region).values(
                "code", "name", "unit_id", "kind", "jf_category", "jf_level", "kelas_jabatan", "is_leader", "required",
                "workload_hours",
            )
        )
        positions.sort(
            key=lambda p: (rank.get(p["unit_id"], 0), not p["is_leader"], -(p["kelas_jabatan"] or 0), p["code"])
        )
        for p in positions:
            yield [
                p["code"], p["name"], code_of.get(p["unit_id"], ""), p["kind"], p["jf_category"], p["jf_level"],
                p["kelas_jabatan"] if p["kelas_jabatan"] is not None else "", sheets.yes_no_text(p["is_leader"]),
                p["required"], p["workload_hours"] if p["workload_hours"] is not None else "",
            ]  # fmt: skip
        return
    competences = defaultdict(list)
    for employee_id, name in (
        EmployeeCompetence.objects.filter(employee__region=region)
        .order_by("competence__name")
        .values_list("employee_id", "competence__name")
    ):
        competences[employee_id].append(name)
    employees = list(
        Employee.objects.filter(region=region).values(
            "id", "nip", "name", "front_title", "back_title", "status", "golongan", "unit_id", "position__code", "email"
        )
    )
    employees.sort(key=lambda e: (rank.get(e["unit_id"], len(rank)), e["name"], e["nip"]))
    for e in employees:
        yield [
            e["nip"], e["name"], e["front_title"], e["back_title"], STATUS_TEXT.get(e["status"], e["status"]),
            e["golongan"], code_of.get(e["unit_id"], ""), e["position__code"] or "", e["email"],
            "; ".join(competences.get(e["id"], ())),
        ]  # fmt: skip


def export_sheet(*, actor: Actor, sheet: str, fmt: str, template: bool = False) -> bytes:
    """The sheet of the actor's region as CSV or XLSX bytes; ``template`` gives headers only."""
    require_org_admin(actor)
    spec = sheets.SHEETS[sheet]
    data = [] if template else rows(actor.region, sheet)
    if fmt == "csv":
        return _csv(spec, data)
    if fmt == "xlsx":
        return _xlsx(spec, data)
    raise ValueError(fmt)


FORMULA_STARTS = ("=", "+", "-", "@")


def csv_safe(value):
    """Neutralise spreadsheet formulas (CSV injection): a leading apostrophe makes Excel and
    LibreOffice show the text as typed. The reader strips it again, so exports re-import."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(spec: sheets.SheetSpec, data) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(spec.headers)
    writer.writerows([csv_safe(v) for v in values] for values in data)
    # The BOM lets Excel recognise UTF-8 (names with diacritics, en dashes in addresses).
    return out.getvalue().encode("utf-8-sig")


def _xlsx(spec: sheets.SheetSpec, data) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(spec.title)
    bold = Font(bold=True)
    header = []
    for name in spec.headers:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    text_columns = {i for i, name in enumerate(spec.headers) if name not in ("kelas_jabatan", "kebutuhan", "beban_kerja_jam")}
    for values in data:
        row = []
        for i, value in enumerate(values):
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula (a name typed as "=..." stays a name)
            if i in text_columns:
                cell.number_format = "@"  # keep NIPs and codes as text when edited in Excel
            row.append(cell)
        ws.append(row)
    guide = wb.create_sheet("Petunjuk")
    guide.append(["kolom", "wajib", "keterangan"])
    # The file speaks Indonesian like its column names, whatever the page's language.
    with translation.override(settings.LANGUAGE_CODE):
        for column in spec.columns:
            guide.append([column.name, "ya" if column.required else "tidak", str(column.help)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
