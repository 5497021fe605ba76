"""Writes of SOP AP (PB-6): the SOP and its versions, the identity block, the pelaksana columns
(positions of the region), the steps table (typed or imported from XLSX) and approval. An
approved version never changes (PB-4); the approver's jabatan, nama and NIP are copied onto the
version when it is approved, as they are printed on the document."""

from __future__ import annotations

import datetime as dt
import io

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.inputs import InputError, check_date
from sikerja.organisation.models import Employee, Position, Unit
from sikerja.processes.models import Process, Sop, SopActor, SopStep, SopVersion, VersionStatus
from sikerja.processes.rules.monitoring import add_months
from sikerja.processes.rules.steps import MAX_STEPS, StepInput, check_steps
from sikerja.processes.services.common import ProcessError, require_draft, require_writer, text

IDENTITY_TEXTS = ("dasar_hukum", "kualifikasi", "keterkaitan", "peralatan", "peringatan", "pencatatan")
IDENTITY_DATES = (
    ("made_on", "Tanggal pembuatan"),
    ("revised_on", "Tanggal revisi"),
    ("effective_on", "Tanggal efektif"),
)
MAX_XLSX = 2 * 1024 * 1024
MAX_ACTORS = 12


@transaction.atomic
def create_sop(*, actor: Actor, name, owning_unit_id, process_id=None) -> SopVersion:
    unit = Unit.objects.filter(region=actor.region, pk=owning_unit_id).first()
    if unit is None:
        raise ProcessError(gettext("Unit tidak ditemukan di pemerintah daerah ini."))
    require_writer(actor, unit.pk)
    process = None
    if process_id:
        process = Process.objects.filter(region=actor.region, pk=process_id).first()
        if process is None:
            raise ProcessError(gettext("Proses bisnis tidak ditemukan di pemerintah daerah ini."))
    sop = Sop.objects.create(
        region=actor.region, name=text(name, "Nama SOP", required=True, limit=300), owning_unit=unit, process=process
    )
    version = SopVersion.objects.create(sop=sop, number=1, made_on=timezone.localdate())
    record_event(region=actor.region, actor=actor.user, verb="sop.created", obj=sop)
    return version


def _locked(version: SopVersion) -> SopVersion:
    return SopVersion.objects.select_for_update().select_related("sop").get(pk=version.pk)


@transaction.atomic
def save_identity(*, actor: Actor, version: SopVersion, data: dict) -> SopVersion:
    version = _locked(version)
    require_writer(actor, version.sop.owning_unit_id)
    require_draft(version)
    version.nomor = text(data.get("nomor", ""), "Nomor SOP", limit=100)
    for field in IDENTITY_TEXTS:
        setattr(version, field, text(data.get(field, ""), SopVersion._meta.get_field(field).verbose_name.capitalize()))
    for field, label in IDENTITY_DATES:
        value = data.get(field)
        if value:
            try:
                value = check_date(value, label, earliest=dt.date(1990, 1, 1), latest=dt.date(2100, 12, 31))
            except InputError as exc:
                raise ProcessError(exc.messages) from exc
        setattr(version, field, value or None)
    approver_id = data.get("approver")
    if approver_id:
        approver = Employee.objects.filter(region=actor.region, pk=approver_id, is_active=True).first()
        if approver is None:
            raise ProcessError(gettext("Pejabat pengesah harus pegawai aktif pemerintah daerah ini."))
        version.approver = approver
    else:
        version.approver = None
    version.save()
    record_event(region=actor.region, actor=actor.user, verb="sop.identity_saved", obj=version)
    return version


@transaction.atomic
def save_steps(*, actor: Actor, version: SopVersion, position_ids: list[int], steps: list[StepInput]) -> SopVersion:
    """Replace the pelaksana columns and the steps table, or nothing (every reason at once)."""
    version = _locked(version)
    require_writer(actor, version.sop.owning_unit_id)
    require_draft(version)
    ids = [int(p) for p in position_ids]
    if len(set(ids)) != len(ids):
        raise ProcessError(gettext("Satu jabatan hanya boleh menjadi satu kolom pelaksana."))
    if len(ids) > MAX_ACTORS:
        raise ProcessError(gettext("Paling banyak %(MAX_ACTORS)s kolom pelaksana.") % {"MAX_ACTORS": MAX_ACTORS})
    positions = {p.pk: p for p in Position.objects.filter(region=actor.region, pk__in=ids)}
    if len(positions) != len(ids):
        raise ProcessError(gettext("Pelaksana harus jabatan di pemerintah daerah ini."))
    problems = check_steps(steps, len(ids))
    if problems:
        raise ProcessError(problems)
    version.steps.all().delete()
    version.actors.all().delete()
    actors = SopActor.objects.bulk_create(
        [SopActor(version=version, order=i, position_id=pk) for i, pk in enumerate(ids)]
    )
    SopStep.objects.bulk_create(
        [
            SopStep(
                version=version,
                no=s.no,
                kegiatan=s.kegiatan.strip(),
                actor=actors[s.actor],
                symbol=s.symbol,
                kelengkapan=s.kelengkapan,
                waktu=s.waktu,
                output=s.output,
                keterangan=s.keterangan,
                yes_to=s.yes_to,
                no_to=s.no_to,
            )
            for s in steps
        ]
    )
    record_event(
        region=actor.region, actor=actor.user, verb="sop.steps_saved", obj=version, changes={"steps": len(steps)}
    )
    return version


XLSX_COLUMNS = ("no", "kegiatan", "pelaksana", "simbol", "kelengkapan", "waktu", "output", "keterangan", "ya", "tidak")


def parse_steps_xlsx(content: bytes, position_names: dict[str, int | None]) -> tuple[list[int], list[StepInput]]:
    """Rows of the first sheet: a header row naming the columns (XLSX_COLUMNS), then one step a
    row; "pelaksana" names a position by its name. Returns the positions in order of first use."""
    from openpyxl import load_workbook

    if len(content) > MAX_XLSX:
        raise ProcessError(gettext("Berkas XLSX terlalu besar (paling besar 2 MB)."))
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True, max_row=MAX_STEPS + 2, max_col=len(XLSX_COLUMNS) + 4))
    except Exception as exc:  # a broken or disguised file: say so, never a 500
        raise ProcessError(gettext("Berkas bukan XLSX yang dapat dibaca.")) from exc
    if not rows:
        raise ProcessError(gettext("Lembar pertama berkas XLSX kosong."))
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c for c in ("no", "kegiatan", "pelaksana", "simbol") if c not in header]
    if missing:
        raise ProcessError(gettext("Baris judul XLSX tidak memuat kolom: %(missing)s.") % {"missing": ', '.join(missing)})
    col = {name: header.index(name) for name in XLSX_COLUMNS if name in header}
    lowered = {k.strip().lower(): v for k, v in position_names.items()}
    used: list[int] = []
    steps: list[StepInput] = []
    problems: list[str] = []

    def cell(row, name):
        i = col.get(name)
        value = row[i] if i is not None and i < len(row) else None
        return "" if value is None else str(value).strip()

    def number(value, where):
        if value == "":
            return None
        try:
            return int(float(value))
        except ValueError:
            problems.append(gettext("%(where)s: '%(value)s' bukan nomor langkah.") % {"where": where, "value": value[:20]})
            return None

    for r, row in enumerate(rows[1:], 2):
        if not any(v not in (None, "") for v in row):
            continue
        where = f"Baris {r}"
        name = cell(row, "pelaksana").lower()
        if name not in lowered:
            problems.append(
                gettext("%(where)s: pelaksana '%(pelaksana)s' bukan jabatan di pemerintah daerah ini.") % {"where": where, "pelaksana": cell(row, 'pelaksana')[:60]}
            )
            continue
        pk = lowered[name]
        if pk is None:
            problems.append(
                gettext("%(where)s: nama jabatan '%(pelaksana)s' dipakai beberapa jabatan; tulis kode jabatannya.") % {"where": where, "pelaksana": cell(row, 'pelaksana')[:60]}
            )
            continue
        if pk not in used:
            used.append(pk)
        steps.append(
            StepInput(
                no=number(cell(row, "no"), where) or 0,
                kegiatan=cell(row, "kegiatan"),
                actor=used.index(pk),
                symbol=cell(row, "simbol"),
                kelengkapan=cell(row, "kelengkapan"),
                waktu=cell(row, "waktu"),
                output=cell(row, "output"),
                keterangan=cell(row, "keterangan"),
                yes_to=number(cell(row, "ya"), where),
                no_to=number(cell(row, "tidak"), where),
            )
        )
    if len(rows) > MAX_STEPS + 1:
        problems.append(gettext("Paling banyak %(MAX_STEPS)s langkah dalam satu SOP.") % {"MAX_STEPS": MAX_STEPS})
    if problems:
        raise ProcessError(problems)
    return used, steps


def position_lookup(region, unit: Unit) -> dict[str, int | None]:
    """Name or code of a position -> its pk. A name is looked up in the SOP's own unit first,
    then its PD, then the region; a name several positions share at that tier maps to None (the
    import then asks for the code, which is unique)."""
    pd = unit.perangkat_daerah_id or unit.pk
    rows = list(
        Position.objects.filter(region=region).values_list("pk", "name", "code", "unit_id", "unit__perangkat_daerah_id")
    )
    lookup: dict[str, int | None] = {}
    for tier in (
        lambda r: True,
        lambda r: r[3] == pd or r[4] == pd,
        lambda r: r[3] == unit.pk,
    ):  # broadest first, so a narrower tier overrides
        seen: dict[str, int | None] = {}
        for pk, name, _code, *_ in filter(tier, rows):
            key = name.strip().lower()
            seen[key] = None if key in seen and seen[key] != pk else pk
        lookup.update(seen)
    lookup.update({code.strip().lower(): pk for pk, _n, code, *_ in rows})
    return lookup


def import_steps_xlsx(*, actor: Actor, version: SopVersion, content: bytes) -> SopVersion:
    names = position_lookup(actor.region, version.sop.owning_unit)
    position_ids, steps = parse_steps_xlsx(content, names)
    return save_steps(actor=actor, version=version, position_ids=position_ids, steps=steps)


@transaction.atomic
def approve_sop_version(*, actor: Actor, version: SopVersion) -> SopVersion:
    from sikerja.processes.models import Monitoring

    version = _locked(version)
    require_writer(actor, version.sop.owning_unit_id)
    require_draft(version)
    problems = []
    if not version.steps.exists():
        problems.append(gettext("Isi tabel langkah sebelum mengesahkan SOP."))
    if version.approver is None:
        problems.append(gettext("Pilih pejabat yang mengesahkan SOP."))
    if not version.nomor:
        problems.append(gettext("Isi nomor SOP."))
    if problems:
        raise ProcessError(problems)
    now = timezone.now()
    for old in SopVersion.objects.filter(sop=version.sop, status=VersionStatus.APPROVED):
        old.status, old.retired_at = VersionStatus.SUPERSEDED, now
        old.save(update_fields=["status", "retired_at"])
    approver = version.approver
    version.approver_name = approver.full_name[:200]
    version.approver_nip = approver.nip
    version.approver_position = (approver.position.name if approver.position_id else "")[:200]
    version.effective_on = version.effective_on or timezone.localdate()
    version.status, version.approved_at = VersionStatus.APPROVED, now
    version.save()
    # The first six-monthly monitoring falls due six months after the SOP takes effect.
    Monitoring.objects.create(region=actor.region, sop_version=version, due_on=add_months(version.effective_on))
    record_event(
        region=actor.region, actor=actor.user, verb="sop.approved", obj=version, changes={"number": version.number}
    )
    return version


def copy_sop_version(version: SopVersion) -> SopVersion:
    number = (
        SopVersion.objects.filter(sop=version.sop).order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    fields = ["nomor", "made_on", "approver", *IDENTITY_TEXTS]
    new = SopVersion.objects.create(
        sop=version.sop, number=number, revised_on=timezone.localdate(), **{f: getattr(version, f) for f in fields}
    )
    actors = {}
    for a in version.actors.all():
        actors[a.pk] = SopActor.objects.create(version=new, order=a.order, position_id=a.position_id)
    SopStep.objects.bulk_create(
        [
            SopStep(
                version=new,
                no=s.no,
                kegiatan=s.kegiatan,
                actor=actors[s.actor_id],
                symbol=s.symbol,
                kelengkapan=s.kelengkapan,
                waktu=s.waktu,
                output=s.output,
                keterangan=s.keterangan,
                yes_to=s.yes_to,
                no_to=s.no_to,
            )
            for s in version.steps.all()
        ]
    )
    return new


@transaction.atomic
def new_sop_version(*, actor: Actor, version: SopVersion) -> SopVersion:
    require_writer(actor, version.sop.owning_unit_id)
    if version.is_draft or version.sop.versions.filter(status=VersionStatus.DRAFT).exists():
        raise ProcessError(gettext("SOP ini sudah memiliki draf; ubah draf itu."), code="wrong_state")
    new = copy_sop_version(version)
    record_event(
        region=actor.region, actor=actor.user, verb="sop.version_created", obj=new, changes={"from": version.number}
    )
    return new
