"""Validation of imported rows (ORG-7): never writes.

``load_context`` reads what the region already holds, in a fixed number of queries;
``validate`` is then a pure function of the rows and that context. It returns a ``Plan``:
every bad row with its column and reason, and for good files the creates and the updates
(only the fields that really change), which ``services.apply_import`` writes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from sikerja.organisation.choices import (
    JF_LEVEL_CATEGORY,
    MANAGERIAL_KINDS,
    MANDIRI_CAPABLE_TYPES,
    PERANGKAT_DAERAH_TYPES,
    PositionKind,
)
from sikerja.organisation.io import sheets
from sikerja.organisation.io.readers import Table
from sikerja.organisation.models import Competence, Employee, EmployeeCompetence, Position, Unit
from sikerja.organisation.rules.golongan import golongan_error
from sikerja.organisation.rules.nip import nip_error, parse_nip
from sikerja.organisation.rules.positions import position_column, position_error

CHANGE_LIST_LIMIT = 1000
CHUNK = 2000
# Plan field -> the column it came from, for the preview's list of changes.
COLUMN_OF = {
    "name": "nama", "unit_type": "jenis", "parent_code": "kode_induk", "is_perangkat_daerah": "perangkat_daerah",
    "is_mandiri": "unit_kerja_mandiri", "address": "alamat", "unit_code": "kode_unit", "kind": "jenis",
    "jf_category": "kategori_jf", "jf_level": "jenjang_jf", "is_leader": "pimpinan_unit", "required": "kebutuhan",
    "workload_hours": "beban_kerja_jam",
    "front_title": "gelar_depan", "back_title": "gelar_belakang", "position_code": "kode_jabatan",
    "competences": "kompetensi",
}  # fmt: skip


@dataclass
class Plan:
    sheet: str
    rows: int
    errors: list[dict] = field(default_factory=list)
    creates: list[dict] = field(default_factory=list)  # {"row", "key", "fields"}
    updates: list[dict] = field(default_factory=list)  # {"row", "key", "id", "fields": changed only}
    unchanged: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({e["row"] for e in self.errors})

    def report(self) -> dict:
        changes = [{"row": c["row"], "key": c["key"], "action": "baru", "fields": []} for c in self.creates]
        changes += [
            {
                "row": u["row"],
                "key": u["key"],
                "action": "ubah",
                "fields": sorted({COLUMN_OF.get(f, f) for f in u["fields"]}),
            }
            for u in self.updates
        ]
        changes.sort(key=lambda c: c["row"])
        return {
            "rows": self.rows,
            "valid": self.rows - self.bad_rows,
            "errors": self.errors,
            "creates": len(self.creates),
            "updates": len(self.updates),
            "unchanged": self.unchanged,
            "ignored_columns": self.ignored_columns,
            "changes": changes[:CHANGE_LIST_LIMIT],
        }


class _Row:
    """Collects the errors of one row."""

    def __init__(self, row: dict, errors: list[dict]):
        self.number = row["row"]
        self.values = row["values"]
        self._errors = errors
        self.bad = False

    def has(self, column: str) -> bool:
        return column in self.values

    def text(self, column: str) -> str:
        return _squash(self.values.get(column, ""))

    def error(self, column: str, message: str) -> None:
        self.bad = True
        self._errors.append(
            {"row": self.number, "column": column, "value": self.values.get(column, ""), "message": message}
        )

    def required(self, column: str, what: str, max_length: int) -> str | None:
        value = " ".join(self.text(column).split())
        if not value:
            self.error(column, _('%(what)s wajib diisi.') % {"what": what})
            return None
        if len(value) > max_length:
            self.error(column, f"{what} terlalu panjang (maks. {max_length} karakter).")
            return None
        return value

    def optional(self, column: str, what: str, max_length: int) -> str | None:
        value = " ".join(self.text(column).split())
        if len(value) > max_length:
            self.error(column, f"{what} terlalu panjang (maks. {max_length} karakter).")
            return None
        return value

    def flag(self, column: str) -> bool | None:
        value = sheets.yes_no(self.text(column))
        if value is None:
            self.error(column, _("Isi '%(column)s' tidak dikenal; gunakan 'ya' atau 'tidak'.") % {"column": self.text(column)})
        return value


def _squash(text: str) -> str:
    return " ".join(text.split())


def _first_rows(rows: list[dict], column: str, normalise=_squash) -> dict[str, int]:
    first: dict[str, int] = {}
    for r in rows:
        key = normalise(r["values"].get(column, ""))
        if key:
            first.setdefault(key, r["row"])
    return first


def _classify(plan: Plan, row: _Row, key: str, existing: dict | None, fields: dict, defaults: dict, same=None) -> None:
    if existing is None:
        plan.creates.append({"row": row.number, "key": key, "fields": {**defaults, **fields}})
        return
    same = same or (lambda name, old, new: old == new)
    changed = {name: new for name, new in fields.items() if not same(name, existing[name], new)}
    if changed:
        plan.updates.append({"row": row.number, "key": key, "id": existing["id"], "fields": changed})
    else:
        plan.unchanged += 1


# ======================================================================================
# Context: what the region already holds (reads only)
# ======================================================================================
@dataclass
class Context:
    units: dict[str, dict] = field(default_factory=dict)
    positions: dict[str, dict] = field(default_factory=dict)
    employees: dict[str, dict] = field(default_factory=dict)
    nips_elsewhere: set[str] = field(default_factory=set)  # active in another region
    competences: dict[str, str] = field(default_factory=dict)  # casefold -> stored name


def load_context(region, sheet: str, table: Table) -> Context:
    ctx = Context()
    code_by_unit_id = {}
    for u in Unit.objects.filter(region=region).values(
        "id", "code", "name", "unit_type", "parent_id", "is_perangkat_daerah", "is_mandiri", "address"
    ):
        code_by_unit_id[u["id"]] = u["code"]
        ctx.units[u["code"]] = u
    for u in ctx.units.values():
        u["parent_code"] = code_by_unit_id.get(u.pop("parent_id"))
    if sheet == sheets.Sheet.UNITS:
        return ctx

    code_by_position_id = {}
    for p in Position.objects.filter(region=region).values(
        "id", "code", "name", "unit__code", "kind", "jf_category", "jf_level", "kelas_jabatan", "is_leader", "required",
        "workload_hours",
    ):
        p["unit_code"] = p.pop("unit__code")
        code_by_position_id[p["id"]] = p["code"]
        ctx.positions[p["code"]] = p
    if sheet == sheets.Sheet.POSITIONS:
        return ctx

    links = defaultdict(set)
    for employee_id, name in EmployeeCompetence.objects.filter(employee__region=region).values_list(
        "employee_id", "competence__name"
    ):
        links[employee_id].add(name.casefold())
    for e in Employee.objects.filter(region=region).values(
        "id", "nip", "name", "front_title", "back_title", "status", "golongan", "unit_id", "position_id", "email"
    ):
        e["unit_code"] = code_by_unit_id.get(e.pop("unit_id"))
        e["position_code"] = code_by_position_id.get(e.pop("position_id"))
        e["competences"] = frozenset(links.get(e["id"], ()))
        ctx.employees[e["nip"]] = e
    ctx.competences = {n.casefold(): n for n in Competence.objects.filter(region=region).values_list("name", flat=True)}
    # A NIP is national: an active employee of another region must first be released
    # (mutasi) there. Only the fact is reported, never which region (PRF-3).
    file_nips = [n for n in (sheets.normalise_nip(r["values"].get("nip", "")) for r in table.rows) if n]
    new_nips = [n for n in file_nips if n not in ctx.employees]
    for i in range(0, len(new_nips), CHUNK):
        ctx.nips_elsewhere.update(
            Employee.objects.filter(nip__in=new_nips[i : i + CHUNK], is_active=True)
            .exclude(region=region)
            .values_list("nip", flat=True)
        )
    return ctx


def validate(sheet: str, table: Table, ctx: Context) -> Plan:
    plan = Plan(sheet=sheet, rows=len(table.rows), ignored_columns=table.ignored_columns)
    {
        sheets.Sheet.UNITS: _validate_units,
        sheets.Sheet.POSITIONS: _validate_positions,
        sheets.Sheet.EMPLOYEES: _validate_employees,
    }[sheet](table.rows, ctx, plan)
    plan.errors.sort(key=lambda e: e["row"])
    return plan


# ======================================================================================
# Units
# ======================================================================================
def _validate_units(rows: list[dict], ctx: Context, plan: Plan) -> None:
    first = _first_rows(rows, "kode")
    checked: list[tuple[_Row, str, dict]] = []
    parent_of = {code: u["parent_code"] for code, u in ctx.units.items()}
    for raw in rows:
        row = _Row(raw, plan.errors)
        code = row.required("kode", "Kode unit", 40)
        if code and first[code] != row.number:
            row.error("kode", _("Kode unit '%(code)s' ganda: sudah dipakai pada baris %(first)s.") % {"code": code, "first": first[code]})
        fields: dict = {}
        fields["name"] = row.required("nama", "Nama unit", 200)
        jenis = row.text("jenis")
        if not jenis:
            row.error("jenis", _('Jenis unit wajib diisi.'))
        elif (unit_type := sheets.choice(sheets.UNIT_TYPE_LOOKUP, jenis)) is None:
            row.error("jenis", _("Jenis unit '%(jenis)s' tidak dikenal (ORG-1).") % {"jenis": jenis})
        else:
            fields["unit_type"] = unit_type
        parent = row.text("kode_induk") or None
        if parent is not None and parent == code:
            row.error("kode_induk", _('Unit tidak boleh menjadi induk dirinya sendiri.'))
        elif parent is not None and parent not in ctx.units and parent not in first:
            row.error(
                "kode_induk", _("Kode unit induk '%(parent)s' tidak dikenal (tidak ada di daerah ini maupun di berkas).") % {"parent": parent}
            )
        else:
            fields["parent_code"] = parent
        if row.has("perangkat_daerah"):
            fields["is_perangkat_daerah"] = row.flag("perangkat_daerah")
        if row.has("unit_kerja_mandiri"):
            fields["is_mandiri"] = row.flag("unit_kerja_mandiri")
        if row.has("alamat"):
            fields["address"] = row.optional("alamat", "Alamat", 300)
        if code and first[code] == row.number and "parent_code" in fields:
            parent_of[code] = parent
        if row.bad:
            continue
        checked.append((row, code, fields))

    for row, code, fields in checked:
        # A unit whose chain of parents comes back to itself (ORG-1 is a tree).
        chain, seen, cur = [code], {code}, parent_of.get(code)
        while cur is not None and len(chain) <= len(parent_of) + 1:
            chain.append(cur)
            if cur in seen:
                row.error("kode_induk", f"Kode induk membentuk lingkaran: {' → '.join(chain)}.")
                break
            seen.add(cur)
            cur = parent_of.get(cur)
        existing = ctx.units.get(code)
        mandiri = fields.get("is_mandiri", existing["is_mandiri"] if existing else False)
        if mandiri and fields["unit_type"] not in MANDIRI_CAPABLE_TYPES:
            row.error(
                "unit_kerja_mandiri",
                _('Unit kerja mandiri hanya untuk Puskesmas, Sekolah, UPT tipe B atau RSUD.'),
            )
        if row.bad:
            continue
        defaults = {
            "is_perangkat_daerah": fields["unit_type"] in PERANGKAT_DAERAH_TYPES,
            "is_mandiri": False,
            "address": "",
        }
        _classify(plan, row, code, existing, fields, defaults)


# ======================================================================================
# Positions
# ======================================================================================
def _small_int(row: _Row, column: str, what: str, low: int, high: int, default):
    text = row.text(column)
    if not text:
        return default
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        row.error(column, _('%(what)s harus berupa angka.') % {"what": what})
        return None
    if not number.is_integer() or not low <= number <= high:
        row.error(column, _('%(what)s harus bilangan bulat %(low)s–%(high)s.') % {"what": what, "low": low, "high": high})
        return None
    return int(number)


def _hours(row: _Row, column: str, what: str) -> Decimal | None:
    """Hours per week with at most one decimal (PEN-14 weighs assignments against them)."""
    text = row.text(column)
    if not text:
        return None
    try:
        hours = Decimal(text.replace(",", "."))
    except InvalidOperation:
        row.error(column, _('%(what)s harus berupa angka jam per minggu.') % {"what": what})
        return None
    if not hours.is_finite() or not 0 <= hours <= 60 or hours != hours.quantize(Decimal("0.1")):
        row.error(column, _('%(what)s harus 0–60 jam per minggu, paling banyak satu angka desimal.') % {"what": what})
        return None
    return hours.quantize(Decimal("0.1"))


def _validate_positions(rows: list[dict], ctx: Context, plan: Plan) -> None:
    first = _first_rows(rows, "kode")
    checked: list[tuple[_Row, str, dict]] = []
    for raw in rows:
        row = _Row(raw, plan.errors)
        code = row.required("kode", "Kode jabatan", 40)
        if code and first[code] != row.number:
            row.error("kode", _("Kode jabatan '%(code)s' ganda: sudah dipakai pada baris %(first)s.") % {"code": code, "first": first[code]})
        fields: dict = {"name": row.required("nama", "Nama jabatan", 200)}
        unit_code = row.text("kode_unit")
        if not unit_code:
            row.error("kode_unit", _('Kode unit wajib diisi.'))
        elif unit_code not in ctx.units:
            row.error(
                "kode_unit", _("Kode unit '%(unit_code)s' tidak dikenal di daerah ini (impor lembar unit lebih dahulu).") % {"unit_code": unit_code}
            )
        else:
            fields["unit_code"] = unit_code
        kind = category = level = None
        if not row.text("jenis"):
            row.error("jenis", _('Jenis jabatan wajib diisi.'))
        elif (kind := sheets.choice(sheets.POSITION_KIND_LOOKUP, row.text("jenis"))) is None:
            row.error("jenis", _("Jenis jabatan '%(value)s' tidak dikenal (ORG-3).") % {"value": row.text('jenis')})
        if (
            row.text("kategori_jf")
            and (category := sheets.choice(sheets.JF_CATEGORY_LOOKUP, row.text("kategori_jf"))) is None
        ):
            row.error(
                "kategori_jf", _("Kategori JF '%(value)s' tidak dikenal (keahlian atau keterampilan).") % {"value": row.text('kategori_jf')}
            )
        if row.text("jenjang_jf") and (level := sheets.choice(sheets.JF_LEVEL_LOOKUP, row.text("jenjang_jf"))) is None:
            row.error("jenjang_jf", _("Jenjang JF '%(value)s' tidak dikenal (ORG-4).") % {"value": row.text('jenjang_jf')})
        if (
            kind
            and not (row.text("kategori_jf") and category is None)
            and not (row.text("jenjang_jf") and level is None)
        ):
            # An empty category follows the level (BU Ps 10).
            category = category or (JF_LEVEL_CATEGORY.get(level, "") if kind == PositionKind.FUNGSIONAL else "")
            message = position_error(kind, category, level or "")
            if message:
                row.error(position_column(kind, category, level or ""), message)
            else:
                fields.update(kind=kind, jf_category=category, jf_level=level or "")
        if row.has("kelas_jabatan"):
            fields["kelas_jabatan"] = _small_int(row, "kelas_jabatan", "Kelas jabatan", 1, 17, None)
        if row.has("pimpinan_unit"):
            fields["is_leader"] = row.flag("pimpinan_unit")
        if row.has("kebutuhan"):
            fields["required"] = _small_int(row, "kebutuhan", "Kebutuhan", 0, 9999, 1)
        if row.has("beban_kerja_jam"):
            fields["workload_hours"] = _hours(row, "beban_kerja_jam", "Beban kerja jabatan")
        if not row.bad:
            checked.append((row, code, fields))

    # One leading position per unit (ORG-2), judged on the state after the import.
    in_file = set(first)
    db_leader = {p["unit_code"]: p for c, p in ctx.positions.items() if p["is_leader"] and c not in in_file}
    file_leader: dict[str, int] = {}
    for row, code, fields in checked:
        existing = ctx.positions.get(code)
        is_leader = fields.get("is_leader", existing["is_leader"] if existing else False)
        unit_code = fields["unit_code"]
        if is_leader:
            other = db_leader.get(unit_code)
            if other is not None:
                row.error(
                    "pimpinan_unit",
                    _("Unit '%(unit_code)s' sudah mempunyai jabatan pimpinan: %(other)s (%(other2)s).") % {"unit_code": unit_code, "other": other['code'], "other2": other['name']},
                )
            elif unit_code in file_leader:
                row.error(
                    "pimpinan_unit",
                    _("Unit '%(unit_code)s' sudah mempunyai jabatan pimpinan pada baris %(file_leader)s.") % {"unit_code": unit_code, "file_leader": file_leader[unit_code]},
                )
            else:
                file_leader[unit_code] = row.number
            unit = ctx.units[unit_code]
            if fields["kind"] not in MANAGERIAL_KINDS and not (
                fields["kind"] == PositionKind.FUNGSIONAL and unit["is_mandiri"]
            ):
                row.error(
                    "pimpinan_unit",
                    _('Pimpinan unit harus jabatan JPT, administrator atau pengawas; jabatan fungsional hanya dapat memimpin unit kerja mandiri (ORG-2).'),
                )
        if row.bad:
            continue
        _classify(
            plan, row, code, existing, fields, {"kelas_jabatan": None, "is_leader": False, "required": 1, "workload_hours": None}
        )


# ======================================================================================
# Employees
# ======================================================================================
def _same_employee_value(name, old, new) -> bool:
    if name == "competences":
        return old == frozenset(n.casefold() for n in new)
    return old == new


def _validate_employees(rows: list[dict], ctx: Context, plan: Plan) -> None:
    first = _first_rows(rows, "nip", sheets.normalise_nip)
    for raw in rows:
        row = _Row(raw, plan.errors)
        nip = sheets.normalise_nip(row.text("nip"))
        info = None
        # The status decides the NIP layout: an NI PPPK carries 21 where a PNS NIP has the month.
        status = sheets.choice(sheets.STATUS_LOOKUP, row.text("status"))
        if not nip:
            row.error("nip", _('NIP wajib diisi.'))
        elif message := nip_error(nip, status):
            if "E+" in nip.upper():
                message += " Excel telah mengubah NIP menjadi angka; format kolom NIP sebagai Teks."
            row.error("nip", message)
        else:
            info = parse_nip(nip, status)
            if first[nip] != row.number:
                row.error("nip", _('NIP %(nip)s ganda: sudah dipakai pada baris %(first)s.') % {"nip": nip, "first": first[nip]})
            elif nip in ctx.nips_elsewhere:
                row.error(
                    "nip",
                    _('NIP %(nip)s sudah terdaftar sebagai pegawai aktif di pemerintah daerah lain; selesaikan mutasinya di daerah asal lebih dahulu.') % {"nip": nip},
                )
        fields: dict = {"name": row.required("nama", "Nama", 150)}
        if row.has("gelar_depan"):
            fields["front_title"] = row.optional("gelar_depan", "Gelar depan", 40)
        if row.has("gelar_belakang"):
            fields["back_title"] = row.optional("gelar_belakang", "Gelar belakang", 60)
        if not row.text("status"):
            row.error("status", _('Status kepegawaian wajib diisi (PNS atau PPPK).'))
        elif status is None:
            row.error("status", _("Status kepegawaian '%(value)s' tidak dikenal (PNS atau PPPK).") % {"value": row.text('status')})
        golongan = sheets.normalise_golongan(row.text("golongan"))
        if not golongan:
            row.error("golongan", _('Golongan wajib diisi.'))
        elif status and (message := golongan_error(status, golongan)):
            row.error("golongan", message)
        fields.update(status=status, golongan=golongan)

        unit_code = row.text("kode_unit") or None
        position_code = row.text("kode_jabatan") or None
        if unit_code and unit_code not in ctx.units:
            row.error("kode_unit", _("Kode unit '%(unit_code)s' tidak dikenal di daerah ini.") % {"unit_code": unit_code})
        if position_code:
            position = ctx.positions.get(position_code)
            if position is None:
                row.error(
                    "kode_jabatan",
                    _("Kode jabatan '%(position_code)s' tidak dikenal di daerah ini (impor lembar jabatan lebih dahulu).") % {"position_code": position_code},
                )
            elif unit_code is None:
                unit_code = position["unit_code"]  # the unit follows from the position
            elif position["unit_code"] != unit_code:
                row.error(
                    "kode_jabatan",
                    _("Jabatan '%(position_code)s' bukan jabatan pada unit '%(unit_code)s' (jabatan itu ada di unit '%(position)s').") % {"position_code": position_code, "unit_code": unit_code, "position": position['unit_code']},
                )
        fields.update(unit_code=unit_code, position_code=position_code)
        if row.has("email"):
            email = row.text("email")
            if email:
                try:
                    validate_email(email)
                except ValidationError:
                    row.error("email", _("Alamat surel '%(email)s' tidak valid.") % {"email": email})
                if len(email) > 254:
                    row.error("email", "Alamat surel terlalu panjang.")
            fields["email"] = email
        if row.has("kompetensi"):
            names = sheets.split_competences(row.text("kompetensi"))
            if any(len(n) > 150 for n in names):
                row.error("kompetensi", "Nama kompetensi terlalu panjang (maks. 150 karakter).")
            fields["competences"] = [ctx.competences.get(n.casefold(), n) for n in names]
        if row.bad:
            continue
        defaults = {"front_title": "", "back_title": "", "email": "", "competences": []}
        existing = ctx.employees.get(nip)
        if existing is None:
            fields.update(birth_date=info.birth_date, appointed_on=info.appointed_on, gender=info.gender)
        _classify(plan, row, nip, existing, fields, defaults, same=_same_employee_value)
