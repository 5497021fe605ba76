"""Writes of maps and their versions (PB-4, PB-5): a draft is edited (SIPOC rows, or the drawing
as BPMN XML + sanitised SVG), then approved; an approved version never changes — a new draft
is copied from it (through a review, or by the owner)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.processes.bpmn import MAX_BPMN_BYTES, MAX_SVG_BYTES
from sikerja.processes.models import MapKind, MapMethod, MapVersion, Process, ProcessMap, SipocRow, VersionStatus
from sikerja.processes.models.maps import DRAWN_KINDS
from sikerja.processes.services.common import ProcessError, require_draft, require_writer, text

MAX_XML = MAX_BPMN_BYTES  # a 500-element map is well under 1 MB
MAX_SVG = MAX_SVG_BYTES
MAX_SIPOC = 100
SIPOC_FIELDS = ("supplier", "input", "process", "output", "customer")


@transaction.atomic
def create_map(*, actor: Actor, process: Process, kind: str, title: str, method: str = MapMethod.BPMN) -> MapVersion:
    require_writer(actor, process.owning_unit_id)
    if kind not in MapKind.values:
        raise ProcessError(gettext("Jenis peta tidak dikenal."))
    if method not in MapMethod.values:
        raise ProcessError(gettext("Metode peta harus BPMN atau diagram alir."))
    title = text(title, "Judul peta", required=True, limit=200)
    if ProcessMap.objects.filter(process=process, kind=kind, title=title).exists():
        raise ProcessError(gettext("Peta dengan judul ini sudah ada."))
    pmap = ProcessMap.objects.create(process=process, kind=kind, title=title)
    version = MapVersion.objects.create(map=pmap, number=1, method=method, created_by=actor.employee)
    record_event(region=actor.region, actor=actor.user, verb="process.map_created", obj=pmap, changes={"kind": kind})
    return version


def _copy(version: MapVersion, actor: Actor, note: str) -> MapVersion:
    number = (
        MapVersion.objects.filter(map=version.map).order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    new = MapVersion.objects.create(
        map=version.map,
        number=number,
        method=version.method,
        bpmn_xml=version.bpmn_xml,
        svg=version.svg,
        note=text(note, "Catatan versi", limit=500),
        created_by=actor.employee,
    )
    SipocRow.objects.bulk_create(
        [
            SipocRow(version=new, order=r.order, **{f: getattr(r, f) for f in SIPOC_FIELDS})
            for r in version.sipoc_rows.all()
        ]
    )
    return new


@transaction.atomic
def new_map_version(*, actor: Actor, version: MapVersion, note: str = "") -> MapVersion:
    require_writer(actor, version.map.process.owning_unit_id)
    if version.is_draft:
        raise ProcessError(gettext("Versi ini masih draf; ubah draf ini saja."), code="wrong_state")
    if version.map.versions.filter(status=VersionStatus.DRAFT).exists():
        raise ProcessError(gettext("Peta ini sudah memiliki draf versi baru."), code="wrong_state")
    new = _copy(version, actor, note)
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="process.map_version_created",
        obj=new,
        changes={"from": version.number},
    )
    return new


def _locked(version: MapVersion) -> MapVersion:
    return MapVersion.objects.select_for_update().select_related("map__process").get(pk=version.pk)


@transaction.atomic
def save_sipoc(*, actor: Actor, version: MapVersion, rows: list[dict]) -> None:
    version = _locked(version)
    require_writer(actor, version.map.process.owning_unit_id)
    require_draft(version)
    if version.map.kind != MapKind.PETA_PROSES:
        raise ProcessError(gettext("Tabel SIPOC hanya untuk peta proses."))
    clean = []
    for i, row in enumerate(rows, 1):
        values = {f: text(row.get(f, ""), f"Baris {i} {f}", limit=300) for f in SIPOC_FIELDS}
        if any(values.values()):
            if not values["process"]:
                raise ProcessError(gettext("Baris %(i)s: kolom proses wajib diisi.") % {"i": i})
            clean.append(values)
    if len(clean) > MAX_SIPOC:
        raise ProcessError(gettext("Paling banyak %(MAX_SIPOC)s baris SIPOC.") % {"MAX_SIPOC": MAX_SIPOC})
    version.sipoc_rows.all().delete()
    SipocRow.objects.bulk_create([SipocRow(version=version, order=i, **v) for i, v in enumerate(clean, 1)])
    record_event(
        region=actor.region, actor=actor.user, verb="process.sipoc_saved", obj=version, changes={"rows": len(clean)}
    )


def bpmn_messages(exc) -> list[str]:
    return [str(m) for m in getattr(exc, "messages", None) or [str(exc)]]


@transaction.atomic
def save_drawing(*, actor: Actor, version: MapVersion, bpmn_xml: str | bytes, svg: str) -> MapVersion:
    """Validate the BPMN (well-formed, OMG schema, references), sanitise the SVG, store both."""
    from sikerja.processes.bpmn import BpmnError, sanitize_svg, validate_bpmn

    version = _locked(version)
    require_writer(actor, version.map.process.owning_unit_id)
    require_draft(version)
    if version.map.kind not in DRAWN_KINDS:
        raise ProcessError(gettext("Peta proses diisi sebagai tabel SIPOC, bukan gambar."))
    raw = bpmn_xml.encode("utf-8") if isinstance(bpmn_xml, str) else bytes(bpmn_xml or b"")
    if len(raw) > MAX_XML:
        raise ProcessError(gettext("Berkas BPMN terlalu besar (paling besar 5 MB)."))
    if not raw.strip():
        raise ProcessError(gettext("Gambar peta kosong: tidak ada BPMN XML yang dikirim."))
    if len(svg or "") > MAX_SVG:
        raise ProcessError(gettext("Gambar SVG terlalu besar (paling besar 8 MB)."))
    try:
        validate_bpmn(raw)
        clean_svg = sanitize_svg(svg or "")
    except BpmnError as exc:
        raise ProcessError(["BPMN tidak dapat disimpan:"] + bpmn_messages(exc)) from exc
    try:
        version.bpmn_xml = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProcessError(gettext("Berkas BPMN harus berenkode UTF-8.")) from exc
    version.svg = clean_svg
    version.save(update_fields=["bpmn_xml", "svg"])
    record_event(
        region=actor.region, actor=actor.user, verb="process.drawing_saved", obj=version, changes={"bytes": len(raw)}
    )
    return version


@transaction.atomic
def approve_map_version(*, actor: Actor, version: MapVersion) -> MapVersion:
    version = _locked(version)
    require_writer(actor, version.map.process.owning_unit_id)
    require_draft(version)
    if version.map.kind == MapKind.PETA_PROSES and not version.sipoc_rows.exists():
        raise ProcessError(gettext("Isi tabel SIPOC sebelum mengesahkan peta proses."))
    if version.map.is_drawn and not version.bpmn_xml:
        raise ProcessError(gettext("Gambar peta sebelum mengesahkannya."))
    now = timezone.now()
    for old in MapVersion.objects.filter(map=version.map, status=VersionStatus.APPROVED):
        old.status, old.retired_at = VersionStatus.SUPERSEDED, now
        old.save(update_fields=["status", "retired_at"])
    version.status, version.approved_at, version.approved_by = VersionStatus.APPROVED, now, actor.employee
    version.save(update_fields=["status", "approved_at", "approved_by"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="process.map_approved",
        obj=version,
        changes={"number": version.number},
    )
    return version
