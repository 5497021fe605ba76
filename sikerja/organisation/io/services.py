"""Import services (ORG-7): a dry-run preview that never touches organisation data, and an
all-or-nothing apply in one transaction."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from sikerja.accounts.access import Actor, require_org_admin
from sikerja.audit.services import record_event
from sikerja.organisation import placement_checks
from sikerja.organisation.db_stats import analyse
from sikerja.organisation.io import sheets
from sikerja.organisation.io.readers import ReadError, read_table
from sikerja.organisation.io.validation import Plan, load_context, validate
from sikerja.organisation.models import Competence, Employee, EmployeeCompetence, ImportBatch, Position, Unit
from sikerja.tenancy.models import Region

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
BATCH = 2000

__all__ = ["MAX_UPLOAD_BYTES", "ImportRefused", "ReadError", "apply_import", "preview_import"]


class ImportRefused(Exception):
    """The import was not carried out; nothing was written. The message is for the user."""


def _plan(region, sheet: str, filename: str, content: bytes) -> Plan:
    spec = sheets.SHEETS[sheet]
    table = read_table(filename, content, spec)
    return validate(sheet, table, load_context(region, sheet, table))


def preview_import(*, actor: Actor, sheet: str, filename: str, content: bytes) -> ImportBatch:
    """Read and check the file, keep it with its report; organisation data is not written."""
    require_org_admin(actor)
    if sheet not in sheets.SHEETS:
        raise ReadError(_('Pilih jenis lembar: unit organisasi, jabatan atau pegawai.'))
    if len(content) > MAX_UPLOAD_BYTES:
        raise ReadError(f"Berkas terlalu besar (maks. {MAX_UPLOAD_BYTES // (1024 * 1024)} MB).")
    plan = _plan(actor.region, sheet, filename, content)
    return ImportBatch.objects.create(
        region=actor.region,
        sheet=sheet,
        filename=(filename or "")[:255],
        content=content,
        report=plan.report(),
        created_by=actor.user,
    )


def apply_import(*, actor: Actor, batch_id: int) -> ImportBatch:
    """Re-read and re-check the stored file; write it all in one transaction, or nothing."""
    require_org_admin(actor)
    refused: ImportRefused | None = None
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(region=actor.region, pk=batch_id).first()
        if batch is None:
            raise Http404(_('Berkas impor tidak ditemukan.'))
        if batch.status == ImportBatch.Status.APPLIED:
            when = timezone.localtime(batch.applied_at).strftime("%d-%m-%Y %H:%M") if batch.applied_at else "sebelumnya"
            raise ImportRefused(_('Berkas ini sudah diimpor pada %(when)s; tidak diimpor dua kali.') % {"when": when})
        # One import at a time per region: the checks below must still hold when we write.
        Region.objects.select_for_update().filter(pk=actor.region.pk).first()
        plan = _plan(actor.region, batch.sheet, batch.filename, bytes(batch.content))
        batch.report = plan.report()
        if plan.errors:
            # The data changed since the preview; keep the new report for the preview page.
            batch.save(update_fields=["report"])
            refused = ImportRefused(
                _('Impor dibatalkan: %(bad_rows)s baris bermasalah (data berubah sejak pratinjau). Tidak ada data yang diubah.') % {"bad_rows": plan.bad_rows}
            )
        else:
            try:
                with transaction.atomic():
                    _WRITERS[batch.sheet](actor, batch, plan)
                # Units, positions or people changed: every stored kedudukan finding may have.
                placement_checks.refresh(actor.region)
            except IntegrityError as exc:
                raise ImportRefused(_('Basis data menolak impor (%(exc)s); tidak ada data yang diubah.') % {"exc": exc}) from exc
            batch.status = ImportBatch.Status.APPLIED
            batch.applied_at = timezone.now()
            batch.save(update_fields=["report", "status", "applied_at"])
            record_event(
                region=actor.region,
                actor=actor.user,
                verb="import.applied",
                obj=batch,
                changes={
                    "sheet": batch.sheet,
                    "filename": batch.filename,
                    "rows": plan.rows,
                    "creates": len(plan.creates),
                    "updates": len(plan.updates),
                    "unchanged": plan.unchanged,
                },
            )
    if refused is not None:
        raise refused
    analyse()  # after the commit: fresh statistics for the tables the import filled (issue 15 item 5)
    return batch


# ======================================================================================
# Writers: called inside the transaction, with a plan that has no errors.
# ======================================================================================
def _history(actor: Actor, batch: ImportBatch) -> dict:
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    return {"default_user": user, "default_change_reason": f"Impor {batch.filename} (#{batch.pk})"}


def _changed_fields(plan: Plan, rename: dict[str, str]) -> list[str]:
    names = {rename.get(n, n) for u in plan.updates for n in u["fields"]}
    names.discard(None)
    return sorted(names)


def _write_units(actor: Actor, batch: ImportBatch, plan: Plan) -> None:
    region = actor.region
    history = _history(actor, batch)
    id_by_code = dict(Unit.objects.filter(region=region).values_list("code", "id"))
    new_codes = {c["key"] for c in plan.creates}
    by_code = {c["key"]: c for c in plan.creates}

    def depth(code: str) -> int:  # validation has ruled out cycles
        d, parent = 0, by_code[code]["fields"]["parent_code"]
        while parent in new_codes:
            d, parent = d + 1, by_code[parent]["fields"]["parent_code"]
        return d

    next_order = (
        Unit.objects.filter(region=region).order_by("-order").values_list("order", flat=True).first() or 0
    ) + 1
    order = {c["key"]: next_order + i for i, c in enumerate(plan.creates)}
    levels: dict[int, list[dict]] = {}
    for c in plan.creates:
        levels.setdefault(depth(c["key"]), []).append(c)
    for level in sorted(levels):
        objs = []
        for c in levels[level]:
            f = c["fields"]
            objs.append(
                Unit(
                    region=region, code=c["key"], name=f["name"], unit_type=f["unit_type"],
                    parent_id=id_by_code[f["parent_code"]] if f["parent_code"] else None,
                    is_perangkat_daerah=f["is_perangkat_daerah"], is_mandiri=f["is_mandiri"],
                    address=f["address"], order=order[c["key"]],
                )
            )  # fmt: skip
        for unit in bulk_create_with_history(objs, Unit, batch_size=BATCH, **history):
            id_by_code[unit.code] = unit.pk

    if plan.updates:
        objs = {u.pk: u for u in Unit.objects.filter(region=region)}
        changed = []
        for u in plan.updates:
            unit = objs[u["id"]]
            for name, value in u["fields"].items():
                if name == "parent_code":
                    unit.parent_id = id_by_code[value] if value else None
                else:
                    setattr(unit, name, value)
            changed.append(unit)
        bulk_update_with_history(
            changed, Unit, _changed_fields(plan, {"parent_code": "parent"}), batch_size=BATCH, **history
        )
    _refresh_perangkat_daerah(region)


def _refresh_perangkat_daerah(region) -> None:
    """Each unit points at its nearest perangkat daerah, itself for a PD (ORG-1)."""
    rows = {
        r[0]: r
        for r in Unit.objects.filter(region=region).values_list(
            "id", "parent_id", "is_perangkat_daerah", "perangkat_daerah_id"
        )
    }
    pd_of: dict[int, int | None] = {}

    def find(unit_id: int) -> int | None:
        path, cur = [], unit_id
        while cur is not None and cur not in pd_of:
            path.append(cur)
            _code, parent, is_pd, _name = rows[cur]
            if is_pd:
                pd_of[cur] = cur
                break
            cur = parent
        found = pd_of.get(cur) if cur is not None else None
        for p in path:
            pd_of.setdefault(p, found)
        return pd_of[unit_id]

    stale = [Unit(pk=uid, perangkat_daerah_id=find(uid)) for uid, row in rows.items() if find(uid) != row[3]]
    Unit.objects.bulk_update(stale, ["perangkat_daerah"], batch_size=BATCH)


def _write_positions(actor: Actor, batch: ImportBatch, plan: Plan) -> None:
    region = actor.region
    history = _history(actor, batch)
    unit_id = dict(Unit.objects.filter(region=region).values_list("code", "id"))
    if plan.updates:
        objs = {p.pk: p for p in Position.objects.filter(region=region)}
        fields = _changed_fields(plan, {"unit_code": "unit"})
        demoted, others = [], []
        for u in plan.updates:
            position = objs[u["id"]]
            for name, value in u["fields"].items():
                if name == "unit_code":
                    position.unit_id = unit_id[value]
                else:
                    setattr(position, name, value)
            (others if position.is_leader else demoted).append(position)
        # Positions that stop leading go first, so a unit never holds two leaders even for a
        # moment (the unique constraint is checked row by row on PostgreSQL).
        for group in (demoted, others):
            if group:
                bulk_update_with_history(group, Position, fields, batch_size=BATCH, **history)
    objs = []
    for c in plan.creates:
        f = c["fields"]
        objs.append(
            Position(
                region=region, code=c["key"], name=f["name"], unit_id=unit_id[f["unit_code"]], kind=f["kind"],
                jf_category=f["jf_category"], jf_level=f["jf_level"], kelas_jabatan=f["kelas_jabatan"],
                is_leader=f["is_leader"], required=f["required"], workload_hours=f["workload_hours"],
            )
        )  # fmt: skip
    if objs:
        bulk_create_with_history(objs, Position, batch_size=BATCH, **history)


def _write_employees(actor: Actor, batch: ImportBatch, plan: Plan) -> None:
    region = actor.region
    history = _history(actor, batch)
    unit_id = dict(Unit.objects.filter(region=region).values_list("code", "id"))
    position_id = dict(Position.objects.filter(region=region).values_list("code", "id"))

    # Competences named in the file that the region does not know yet.
    competence_id = {
        name.casefold(): pk for pk, name in Competence.objects.filter(region=region).values_list("id", "name")
    }
    wanted: dict[str, str] = {}
    for item in plan.creates + plan.updates:
        for name in item["fields"].get("competences", ()):
            if name.casefold() not in competence_id:
                wanted.setdefault(name.casefold(), name)
    for c in Competence.objects.bulk_create(
        [Competence(region=region, name=n) for n in wanted.values()], batch_size=BATCH
    ):
        competence_id[c.name.casefold()] = c.pk

    def apply_fields(employee: Employee, fields: dict) -> None:
        for name, value in fields.items():
            if name == "unit_code":
                employee.unit_id = unit_id[value] if value else None
            elif name == "position_code":
                employee.position_id = position_id[value] if value else None
            elif name != "competences":
                setattr(employee, name, value)

    links_to_add: list[EmployeeCompetence] = []
    new = []
    for c in plan.creates:
        employee = Employee(region=region, nip=c["key"])
        apply_fields(employee, c["fields"])
        new.append((employee, c["fields"]["competences"]))
    created = bulk_create_with_history([e for e, _names in new], Employee, batch_size=BATCH, **history)
    for employee, (_competences, names) in zip(created, new, strict=True):
        links_to_add += [
            EmployeeCompetence(employee_id=employee.pk, competence_id=competence_id[n.casefold()]) for n in names
        ]

    if plan.updates:
        objs = {e.pk: e for e in Employee.objects.filter(region=region)}
        rename = {"unit_code": "unit", "position_code": "position", "competences": None}
        fields = _changed_fields(plan, rename)
        changed = []
        for u in plan.updates:
            employee = objs[u["id"]]
            apply_fields(employee, u["fields"])
            changed.append(employee)
        if fields:
            bulk_update_with_history(changed, Employee, fields, batch_size=BATCH, **history)

        # Competence lists in the file replace the stored ones; kept links keep their level.
        sync = {
            u["id"]: {competence_id[n.casefold()] for n in u["fields"]["competences"]}
            for u in plan.updates
            if "competences" in u["fields"]
        }
        if sync:
            current: dict[int, dict[int, int]] = {}
            for link_id, employee_id, comp_id in EmployeeCompetence.objects.filter(employee__region=region).values_list(
                "id", "employee_id", "competence_id"
            ):
                if employee_id in sync:
                    current.setdefault(employee_id, {})[comp_id] = link_id
            stale = [link for emp, links in current.items() for comp, link in links.items() if comp not in sync[emp]]
            for i in range(0, len(stale), BATCH):
                EmployeeCompetence.objects.filter(pk__in=stale[i : i + BATCH]).delete()
            for emp, comps in sync.items():
                links_to_add += [
                    EmployeeCompetence(employee_id=emp, competence_id=comp)
                    for comp in comps
                    if comp not in current.get(emp, {})
                ]
    EmployeeCompetence.objects.bulk_create(links_to_add, batch_size=BATCH)


_WRITERS = {
    sheets.Sheet.UNITS: _write_units,
    sheets.Sheet.POSITIONS: _write_positions,
    sheets.Sheet.EMPLOYEES: _write_employees,
}
