"""Penugasan and tim kerja over the API (issue 5, TIK-1): list, detail with steps and history,
propose (penunjukan), apply (pengajuan sukarela), decide a step, issue the letter, cancel, the
inbox, candidate search and the ketua ranking.

Writes go through ``sikerja.assignments.services``, so the same rules, locks, events, letters
and Indonesian messages apply as on the web pages. Status codes:

* 201 for a new assignment, 200 for a transition (both answer with the full detail);
* 400 ``refused``: the regulation or the data refuses the request (reversed period, unknown
  employee, missing reason for a rejection, ...); ``messages`` lists each reason;
* 409 ``already_decided`` (the step was decided already, e.g. the same answer sent twice),
  ``step_not_current`` (an earlier step still waits), ``already_closed`` (cancelling an assignment
  no longer in process): the request was valid but the assignment has moved on;
* 403 when the caller may not act (not the official of the step, not the signer, not a party);
* 404 for another region's assignment, or a step that is not part of the assignment;
* 422 for input that does not fit the schema (missing field, wrong type, unknown choice).
"""

import datetime as dt
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from sikerja import inputs
from sikerja.api.auth import API_AUTH
from sikerja.api.errors import invalid_input
from sikerja.api.schemas import ERRORS, DecisionDate, ErrorOut, Id, Pagination, SignedDate, check_params
from sikerja.assignments import candidates, services, standing
from sikerja.assignments.models import Assignment, Form, Member, Mode, Nature, Scope, StandingKind, Step
from sikerja.assignments.selectors import assignment_detail, inbox, visible_assignments
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.organisation.choices import PositionKind

router = Router(auth=API_AUTH, tags=["Penugasan"])

ASSIGNMENT_ID = Path(..., description="ID penugasan.")
STEP_ID = Path(..., description="ID langkah penugasan.")
MAX_MEMBERS = services.MAX_MEMBERS
CANDIDATE_DEFAULT_DAYS = 90


def _literal(choices) -> Any:
    """A Literal of a TextChoices' values: validated input, listed in the schema, no enum name clash."""
    return Literal[tuple(choices.values)]


FormCode = _literal(Form)
ScopeCode = _literal(Scope)
ModeCode = _literal(Mode)
NatureCode = _literal(Nature)
StandingKindCode = _literal(StandingKind)
StatusCode = _literal(Assignment.Status)
RoleCode = _literal(Member.Role)
MemberStatusCode = _literal(Member.Status)
StepKindCode = _literal(Step.Kind)
StepStatusCode = _literal(Step.Status)
# A competence named in a request: as long as a competence's name may be.
CompetenceName = Annotated[str, Field(max_length=inputs.SHORT_TEXT)]


# --- errors ---------------------------------------------------------------------------------
class AssignmentRefusalOut(ErrorOut):
    messages: list[str] = Field(..., description="Setiap alasan penolakan, dengan pasal bila ada.")


# AssignmentError codes that mean "the assignment has moved on", not "your input is wrong".
CONFLICTS = ("already_decided", "step_not_current", "already_closed", "not_issued")
REFUSALS = {400: AssignmentRefusalOut, 409: AssignmentRefusalOut}


def _refuse(exc: ValidationError, *, conflicts: bool = True):
    messages = [str(m) for m in exc.messages]
    detail = " ".join(messages)
    code = getattr(exc, "code", None)
    if conflicts and code in CONFLICTS:
        return Status(409, {"code": code, "detail": detail, "messages": messages})
    return Status(400, {"code": "refused", "detail": detail, "messages": messages})


# --- output ---------------------------------------------------------------------------------
class AssignmentRef(Schema):
    id: int = Field(..., description="ID penugasan.")
    title: str = Field(..., description="Nama kegiatan/tim.")
    form: FormCode = Field(..., description="Bentuk: individu atau tim_kerja.")
    form_label: str = Field(..., description="Nama bentuk penugasan.")
    scope: ScopeCode = Field(..., description="Lingkup: dalam_unit, lintas_unit, lintas_pd, lintas_instansi.")
    scope_label: str = Field(..., description="Nama lingkup.")
    mode: ModeCode = Field(..., description="Cara: penunjukan atau pengajuan_sukarela.")
    nature: NatureCode = Field(..., description="Sifat: reguler atau insidental.")
    status: StatusCode = Field(..., description="Status: proses, diterbitkan, ditolak, dibatalkan.")
    status_label: str = Field(..., description="Nama status.")
    owning_unit_id: int = Field(..., description="ID unit pemilik kinerja.")
    owning_unit_name: str = Field(..., description="Nama unit pemilik kinerja.")
    initiated_by_id: int = Field(..., description="ID pegawai pengusul/pemohon.")
    starts_on: dt.date = Field(..., description="Tanggal mulai.")
    ends_on: dt.date = Field(..., description="Tanggal selesai.")

    @staticmethod
    def resolve_form_label(obj) -> str:
        return obj.get_form_display()

    @staticmethod
    def resolve_scope_label(obj) -> str:
        return obj.get_scope_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_owning_unit_name(obj) -> str:
        return obj.owning_unit.name


class AssignmentOut(AssignmentRef):
    standing_kind: StandingKindCode = Field(..., description="Jenis tim tetap (tata kelola SPBE); kosong bila bukan.")
    hours_per_week: float = Field(..., description="Alokasi jam per minggu.")
    instrument: str = Field(..., description="Jenis naskah penugasan, mis. surat_perintah, keputusan.")
    initiated_by_name: str = Field(..., description="Nama pengusul/pemohon.")
    letter_id: int | None = Field(None, description="ID naskah penugasan setelah diterbitkan.")
    letter_number: str | None = Field(None, description="Nomor naskah penugasan.")
    process_id: int | None = Field(None, description="ID proses bisnis yang dijalankan (bila dikaitkan).")
    member_count: int = Field(..., description="Jumlah anggota/pegawai yang diusulkan.")
    created_at: dt.datetime = Field(..., description="Waktu pengusulan.")
    closed_at: dt.datetime | None = Field(None, description="Waktu diterbitkan, ditolak atau dibatalkan.")

    @staticmethod
    def resolve_initiated_by_name(obj) -> str:
        return obj.initiated_by.full_name

    @staticmethod
    def resolve_letter_number(obj) -> str | None:
        if hasattr(obj, "letter_number"):
            return obj.letter_number
        return obj.letter.number if obj.letter_id else None


class MemberOut(Schema):
    id: int = Field(..., description="ID anggota penugasan.")
    employee_id: int | None = Field(None, description="ID pegawai; kosong untuk anggota dari luar pemerintah daerah.")
    name: str = Field(..., description="Nama (dengan gelar).")
    nip: str = Field(..., description="NIP; boleh kosong untuk anggota dari luar.")
    position_name: str = Field(..., description="Jabatan pegawai, atau jabatan anggota dari luar bila dicatat.")
    home_unit_id: int | None = Field(None, description="ID unit asal pegawai saat diusulkan.")
    home_unit_name: str = Field(..., description="Nama unit asal, atau instansi/unsur anggota dari luar.")
    external: bool = Field(..., description="Anggota dari luar pemerintah daerah ini.")
    role: RoleCode = Field(..., description="Peran: ketua, sekretaris, anggota.")
    status: MemberStatusCode = Field(..., description="Status: diusulkan, disetujui, ditolak.")
    hours_per_week: float = Field(..., description="Jam per minggu.")
    overbooking_reason: str = Field(..., description="Alasan bila melampaui kapasitas (PEN-14).")
    decision_reason: str = Field(..., description="Alasan penolakan oleh pimpinan unit asalnya.")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.display_name

    @staticmethod
    def resolve_nip(obj) -> str:
        return obj.employee.nip if obj.employee_id else obj.external_nip

    @staticmethod
    def resolve_position_name(obj) -> str:
        if not obj.employee_id:
            return obj.external_position
        return obj.employee.position.name if obj.employee.position_id else ""

    @staticmethod
    def resolve_home_unit_name(obj) -> str:
        return obj.home_unit.name if obj.home_unit_id else obj.external_org

    @staticmethod
    def resolve_external(obj) -> bool:
        return obj.is_external


class StepOut(Schema):
    id: int = Field(..., description="ID langkah.")
    order: int = Field(..., description="Urutan; langkah berurutan sama dijalankan bersamaan.")
    kind: StepKindCode = Field(..., description="jawab_permohonan, persetujuan, konfirmasi, atau terbitkan.")
    kind_label: str = Field(..., description="Nama jenis langkah.")
    role: str = Field(..., description="Peran pejabat yang bertindak, mis. pimpinan_unit, sekretaris_daerah.")
    action: str = Field(..., description="Tindakan yang harus dilakukan.")
    article: str = Field(..., description="Pasal yang menjadi dasar langkah ini.")
    official_id: int | None = Field(None, description="ID pejabat yang harus bertindak.")
    official_name: str = Field(..., description="Nama pejabat yang harus bertindak.")
    status: StepStatusCode = Field(..., description="menunggu, disetujui, sebagian, ditolak, selesai, dibatalkan.")
    status_label: str = Field(..., description="Nama status.")
    is_current: bool = Field(..., description="Langkah ini dapat dijalankan sekarang.")
    member_ids: list[int] = Field(..., description="ID anggota yang disebut dalam langkah ini.")
    decided_by_id: int | None = Field(None, description="ID pegawai yang memutus.")
    decided_by_name: str | None = Field(None, description="Nama pegawai yang memutus.")
    on_behalf_of_id: int | None = Field(None, description="ID pejabat yang digantikan (Plh./Plt.).")
    on_behalf_of_name: str | None = Field(None, description="Nama pejabat yang digantikan.")
    decided_at: dt.datetime | None = Field(None, description="Waktu keputusan.")
    reason: str = Field(..., description="Alasan/catatan keputusan.")
    request_document_id: int | None = Field(None, description="ID nota dinas permohonan (PEN-6, PEN-9).")
    request_document_number: str | None = Field(None, description="Nomor nota dinas permohonan.")
    document_id: int | None = Field(None, description="ID naskah yang dihasilkan langkah ini (jawaban, naskah penugasan).")
    document_number: str | None = Field(None, description="Nomor naskah yang dihasilkan.")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_official_name(obj) -> str:
        return obj.official.full_name if obj.official_id else ""

    @staticmethod
    def resolve_is_current(obj) -> bool:
        return bool(getattr(obj, "is_current", False))

    @staticmethod
    def resolve_member_ids(obj) -> list[int]:
        return [m.pk for m in obj.members.all()]

    @staticmethod
    def resolve_decided_by_name(obj) -> str | None:
        return obj.decided_by.full_name if obj.decided_by_id else None

    @staticmethod
    def resolve_on_behalf_of_name(obj) -> str | None:
        return obj.on_behalf_of.full_name if obj.on_behalf_of_id else None

    @staticmethod
    def resolve_request_document_number(obj) -> str | None:
        return obj.request_document.number if obj.request_document_id else None

    @staticmethod
    def resolve_document_number(obj) -> str | None:
        return obj.document.number if obj.document_id else None


class EventOut(Schema):
    id: int = Field(..., description="ID peristiwa.")
    verb: str = Field(..., description="Peristiwa, mis. assignment.proposed, assignment.step_decided, assignment.issued.")
    at: dt.datetime = Field(..., description="Waktu.")
    actor: str | None = Field(None, description="Nama pengguna yang bertindak.")
    on_behalf_of_id: int | None = Field(None, description="ID pejabat yang digantikan (Plh./Plt.).")
    on_behalf_of_name: str | None = Field(None, description="Nama pejabat yang digantikan.")
    reason: str = Field(..., description="Alasan.")
    changes: dict[str, Any] = Field(..., description="Rincian perubahan (langkah, status, anggota, pasal, nomor naskah).")

    @staticmethod
    def resolve_actor(obj) -> str | None:
        return obj.actor.get_username() if obj.actor_id else None

    @staticmethod
    def resolve_on_behalf_of_name(obj) -> str | None:
        return obj.on_behalf_of.full_name if obj.on_behalf_of_id else None


class AmendmentOut(Schema):
    kind: Literal["diakhiri", "diperpanjang"] = Field(..., description="diakhiri (lebih awal) atau diperpanjang.")
    previous_ends_on: dt.date = Field(..., description="Tanggal selesai sebelum perubahan.")
    new_ends_on: dt.date = Field(..., description="Tanggal selesai menurut perubahan.")
    reason: str = Field(..., description="Alasan perubahan.")
    status: Literal["berlaku", "dicabut"] = Field(..., description="berlaku, atau dicabut bersama naskahnya.")
    document_id: int = Field(..., description="ID naskah perubahan.")
    document_number: str = Field(..., description="Nomor naskah perubahan.")

    @staticmethod
    def resolve_document_number(obj) -> str:
        return obj.document.number


class AssignmentDetailOut(AssignmentOut):
    purpose: str = Field(..., description="Maksud dan tujuan.")
    target: str = Field(..., description="Ekspektasi/target kinerja.")
    competences: list[str] = Field(..., description="Kompetensi yang dibutuhkan.")
    other_arrangements: str = Field(..., description="Pengaturan lainnya.")
    law_requires_decree: bool = Field(..., description="Peraturan lain mewajibkan keputusan.")
    decisions: list[str] = Field(..., description="Dasar keputusan: pasal yang diterapkan saat diusulkan.")
    members: list[MemberOut] = Field(..., description="Anggota/pegawai yang ditugaskan.")
    steps: list[StepOut] = Field(..., description="Langkah sebelum naskah terbit, berurutan.")
    current_step_ids: list[int] = Field(..., description="ID langkah yang dapat dijalankan sekarang.")
    events: list[EventOut] = Field(..., description="Riwayat: siapa, kapan, atas nama siapa, dan mengapa (MEK-5).")
    amendments: list[AmendmentOut] = Field(
        ..., description="Pengakhiran lebih awal dan perpanjangan, dengan naskahnya."
    )
    process_name: str | None = Field(None, description="Kode dan nama proses bisnis yang dijalankan.")

    @staticmethod
    def resolve_process_name(obj) -> str | None:
        return str(obj.process) if obj.process_id else None

    @staticmethod
    def resolve_competences(obj) -> list[str]:
        return [str(c) for c in obj.competences or []]

    @staticmethod
    def resolve_decisions(obj) -> list[str]:
        return [str(d) for d in obj.decisions or []]

    @staticmethod
    def resolve_members(obj) -> list:
        return obj.members_out

    @staticmethod
    def resolve_steps(obj) -> list:
        return obj.steps_out

    @staticmethod
    def resolve_events(obj) -> list:
        return obj.events_out

    @staticmethod
    def resolve_amendments(obj) -> list:
        return obj.amendments_out


class InboxStepOut(Schema):
    id: int = Field(..., description="ID langkah.")
    order: int = Field(..., description="Urutan langkah.")
    kind: StepKindCode = Field(..., description="Jenis langkah.")
    role: str = Field(..., description="Peran pejabat yang bertindak.")
    action: str = Field(..., description="Tindakan yang harus dilakukan.")
    article: str = Field(..., description="Dasar pasal.")
    official_id: int | None = Field(None, description="ID pejabat yang harus bertindak.")
    official_name: str = Field(..., description="Nama pejabat yang harus bertindak.")
    acting_for: bool = Field(..., description="Anda bertindak sebagai Plh./Plt. pejabat tersebut.")
    request_document_id: int | None = Field(None, description="ID nota dinas permohonan.")
    request_document_number: str | None = Field(None, description="Nomor nota dinas permohonan.")
    assignment: AssignmentRef = Field(..., description="Penugasan yang bersangkutan.")

    @staticmethod
    def resolve_official_name(obj) -> str:
        return obj.official.full_name if obj.official_id else ""

    @staticmethod
    def resolve_request_document_number(obj) -> str | None:
        return obj.request_document.number if obj.request_document_id else None


class ReceivedOut(Schema):
    member_id: int = Field(..., description="ID keanggotaan Anda.")
    role: RoleCode = Field(..., description="Peran Anda.")
    hours_per_week: float = Field(..., description="Jam per minggu.")
    letter_id: int | None = Field(None, description="ID naskah penugasan.")
    letter_number: str | None = Field(None, description="Nomor naskah penugasan.")
    assignment: AssignmentRef = Field(..., description="Penugasan yang diterbitkan untuk Anda.")


class InboxOut(Schema):
    count: int = Field(..., description="Jumlah langkah yang menunggu tindakan Anda.")
    to_act: list[InboxStepOut] = Field(..., description="Langkah yang menunggu Anda (atau pejabat yang Anda gantikan).")
    received: list[ReceivedOut] = Field(..., description="Penugasan yang diterbitkan untuk Anda.")
    proposed: list[AssignmentRef] = Field(..., description="Penugasan yang Anda usulkan/ajukan dan masih diproses.")


# --- input ----------------------------------------------------------------------------------
class AssignmentFilters(Schema):
    status: StatusCode | None = Field(None, description="Status: proses, diterbitkan, ditolak, dibatalkan.")
    form: FormCode | None = Field(None, description="Bentuk: individu atau tim_kerja.")
    scope: ScopeCode | None = Field(None, description="Lingkup: dalam_unit, lintas_unit, lintas_pd, lintas_instansi.")
    mode: ModeCode | None = Field(None, description="Cara: penunjukan atau pengajuan_sukarela.")
    process: Id | None = Field(None, description="ID proses bisnis yang dijalankan penugasan.")


class MemberIn(Schema):
    employee_id: Id | None = Field(None, description="ID pegawai pemerintah daerah ini; kosongkan untuk anggota dari luar.")
    external_name: str = Field("", max_length=200, description="Nama anggota dari luar pemerintah daerah.")
    external_org: str = Field("", max_length=200, description="Instansi/unsur anggota dari luar.")
    external_position: str = Field("", max_length=200, description="Jabatan anggota dari luar (dicetak di lampiran).")
    external_nip: str = Field("", max_length=18, description="NIP anggota dari luar (18 angka), bila ASN.")
    role: RoleCode = Field("anggota", description="Peran dalam tim: ketua, sekretaris, anggota.")
    hours_per_week: float | None = Field(None, gt=0, le=60, description="Jam per minggu; bawaan dari penugasan.")
    overbooking_reason: str = Field(
        "", max_length=2000, description="Alasan bila penugasan melampaui kapasitas pegawai (PEN-14)."
    )


class ProposeIn(Schema):
    form: FormCode = Field(..., description="Bentuk: individu atau tim_kerja.")
    owning_unit_id: Id = Field(..., description="ID unit pemilik kinerja.")
    title: str = Field(..., max_length=300, description="Nama kegiatan/tim.")
    purpose: str = Field(..., max_length=2000, description="Maksud dan tujuan.")
    target: str = Field(..., max_length=2000, description="Ekspektasi/target kinerja.")
    starts_on: DecisionDate = Field(..., description="Tanggal mulai.")
    ends_on: DecisionDate = Field(..., description="Tanggal selesai.")
    members: list[MemberIn] = Field(..., min_length=1, max_length=MAX_MEMBERS, description="Pegawai/anggota yang ditugaskan.")
    competences: list[CompetenceName] = Field([], max_length=30, description="Kompetensi yang dibutuhkan.")
    hours_per_week: float = Field(8, gt=0, le=60, description="Alokasi jam per minggu.")
    other_arrangements: str = Field("", max_length=2000, description="Pengaturan lainnya.")
    nature: NatureCode = Field("reguler", description="Sifat: reguler atau insidental (tugas tambahan).")
    law_requires_decree: bool = Field(False, description="Peraturan lain mewajibkan penetapan dengan keputusan.")
    use_request: bool | None = Field(
        None, description="Kirim nota dinas permohonan lintas unit meski profil tidak mewajibkannya; kosong: bawaan."
    )
    standing_kind: StandingKindCode = Field("", description="Jenis tim tetap tata kelola SPBE; kosong bila bukan.")
    process_id: Id | None = Field(
        None, description="ID proses bisnis pemerintah daerah Anda yang dijalankan penugasan ini; boleh kosong."
    )


class ApplyIn(Schema):
    owning_unit_id: Id = Field(..., description="ID unit pemilik kinerja yang ingin diikuti.")
    title: str = Field(..., max_length=300, description="Kinerja/kegiatan yang ingin diikuti.")
    purpose: str = Field(..., max_length=2000, description="Maksud dan tujuan.")
    target: str = Field(..., max_length=2000, description="Ekspektasi/target kinerja.")
    starts_on: DecisionDate = Field(..., description="Tanggal mulai.")
    ends_on: DecisionDate = Field(..., description="Tanggal selesai.")
    competences: list[CompetenceName] = Field([], max_length=30, description="Kompetensi yang Anda tawarkan/dibutuhkan.")
    hours_per_week: float = Field(8, gt=0, le=60, description="Jam per minggu yang Anda ajukan.")
    nature: NatureCode = Field("reguler", description="Sifat: reguler atau insidental.")


class DecideIn(Schema):
    approve: bool = Field(..., description="true: setuju; false: tolak.")
    reason: str = Field("", max_length=2000, description="Alasan/catatan; wajib untuk penolakan bila profil mewajibkannya.")
    approved_member_ids: list[Id] | None = Field(
        None, max_length=MAX_MEMBERS,
        description="Persetujuan sebagian: ID anggota (atau ID pegawai) yang disetujui; yang lain ditolak (PEN-9).",
    )


class IssueIn(Schema):
    ketua_member_id: Id | None = Field(
        None, description="Tetapkan ketua baru dari anggota yang disetujui (bila ketua semula tidak disetujui)."
    )


class CancelIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000, description="Alasan pembatalan.")


class ProcessLinkIn(Schema):
    process_id: Id | None = Field(
        ..., description="ID proses bisnis pemerintah daerah Anda yang dijalankan; null melepas kaitannya."
    )


class AmendIn(Schema):
    new_ends_on: dt.date = Field(
        ...,
        description="Tanggal selesai yang baru: sebelum yang berlaku mengakhiri lebih awal, sesudahnya memperpanjang.",
    )
    reason: str = Field(
        ..., min_length=1, max_length=2000, description="Alasan perubahan; dimuat dalam naskah perubahan."
    )


class AssignmentRevokeIn(Schema):
    reason: str = Field(..., min_length=1, max_length=1000, description="Alasan pencabutan naskah penugasan.")


# --- helpers --------------------------------------------------------------------------------
def _detail(actor, assignment_id: int) -> Assignment:
    """The assignment with its members, steps and events attached, as ``AssignmentDetailOut`` reads it."""
    view = assignment_detail(actor, assignment_id)
    a = view.assignment
    current = {s.pk for s in view.current}
    for step in view.steps:
        step.is_current = step.pk in current
    a.member_count = len(view.members)
    a.members_out, a.steps_out, a.events_out = view.members, view.steps, view.events
    a.amendments_out = view.amendments
    a.current_step_ids = sorted(current)
    return a


def _for_action(actor, assignment_id: int, step_id: int | None = None) -> None:
    """404 outside the region (or a step of another assignment); 403 for a caller who is not a
    party to the assignment, before the service says anything about its state."""
    if not Assignment.objects.filter(region=actor.region, pk=assignment_id).exists():
        raise Http404("Penugasan tidak ditemukan di pemerintah daerah ini.")
    if step_id is not None and not Step.objects.filter(assignment_id=assignment_id, pk=step_id).exists():
        raise Http404("Langkah tidak ditemukan pada penugasan ini.")
    if not visible_assignments(actor).filter(pk=assignment_id).exists():
        raise PermissionDenied("Anda bukan pihak pada penugasan ini dan tidak berwenang menjalankan langkahnya.")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").replace(";", ",").split(",") if v.strip()]


# --- reads ----------------------------------------------------------------------------------
@router.get("/penugasan", response={200: list[AssignmentOut], **ERRORS}, summary="Daftar penugasan")
@paginate(Pagination)
def list_assignments(request: HttpRequest, filters: Query[AssignmentFilters]):
    """Penugasan yang boleh Anda lihat: sebagai pengusul, anggota, pejabat pada langkahnya (atau
    Plh./Plt.-nya), atasan unit pemilik kinerja atau unit anggota; seluruh daerah untuk peran
    se-daerah. Terbaru lebih dulu. Jumlah kueri tetap, berapa pun banyaknya penugasan."""
    check_params(request, AssignmentFilters)
    qs = visible_assignments(request.auth)
    for key in ("status", "form", "scope", "mode"):
        value = getattr(filters, key)
        if value:
            qs = qs.filter(**{key: value})
    if filters.process:
        qs = qs.filter(process_id=filters.process)
    return (
        qs.select_related("owning_unit", "initiated_by")
        .annotate(member_count=Count("members", distinct=True), letter_number=F("letter__number"))
        .order_by("-created_at", "-pk")
    )


@router.get("/penugasan/kotak-masuk", response={200: InboxOut, **ERRORS}, summary="Kotak masuk penugasan")
def get_inbox(request: HttpRequest):
    """Langkah yang menunggu tindakan Anda (atau pejabat yang Anda gantikan sebagai Plh./Plt.),
    penugasan yang diterbitkan untuk Anda, dan usulan Anda yang masih diproses."""
    check_params(request)
    actor = request.auth
    box = inbox(actor)
    me = actor.employee.pk if actor.employee else None
    for step in box.to_act:
        step.acting_for = step.official_id != me
    return {
        "count": box.count,
        "to_act": box.to_act,
        "received": [
            {
                "member_id": m.pk, "role": m.role, "hours_per_week": float(m.hours_per_week),
                "letter_id": m.assignment.letter_id,
                "letter_number": m.assignment.letter.number if m.assignment.letter_id else None,
                "assignment": m.assignment,
            }
            for m in box.received
        ],
        "proposed": box.proposed,
    }


# --- candidates and the ketua ranking (PEN-11, PEN-14) ---------------------------------------
# Comma-separated position kinds: the pattern lists the enum, so the schema says which words are valid.
_KIND = "(?:" + "|".join(PositionKind.values) + ")"
KINDS_PATTERN = rf"^\s*(?:{_KIND}\s*(?:[,;]\s*{_KIND}\s*)*)?$"


class CandidateFilters(Schema):
    competences: str | None = Field(
        None, max_length=4000, description="Kompetensi yang dibutuhkan, dipisah koma; pegawai yang memiliki paling sedikit satu."
    )
    unit_id: Id | None = Field(None, description="Hanya pegawai pada unit ini dan seluruh subunitnya.")
    q: str | None = Field(None, max_length=100, description="Bagian dari nama, atau awalan NIP.")
    kinds: str | None = Field(
        None, max_length=200, pattern=KINDS_PATTERN,
        description=f"Jenis jabatan dipisah koma, dari: {', '.join(PositionKind.values)}; bawaan fungsional,pelaksana (PEN-1).",
    )
    starts_on: DecisionDate | None = Field(None, description="Mulai periode penugasan; bawaan hari ini.")
    ends_on: DecisionDate | None = Field(None, description=f"Selesai periode; bawaan {CANDIDATE_DEFAULT_DAYS} hari setelah mulai.")
    hours_per_week: float = Field(8, ge=0, le=60, description="Jam per minggu yang akan diminta.")
    limit: int = Field(20, ge=1, le=100, description="Jumlah baris (paling banyak 100).")
    offset: int = Field(0, ge=0, le=1_000_000, description="Posisi baris pertama, mulai dari 0.")


class CompetenceMatchOut(Schema):
    score: int = Field(..., description="Kecocokan kompetensi 0-100.")
    matched: list[str] = Field(..., description="Kompetensi yang dimiliki.")
    missing: list[str] = Field(..., description="Kompetensi yang tidak dimiliki.")
    article: str = Field(..., description="Dasar pasal.")
    message: str = Field(..., description="Penjelasan.")


class AvailabilityOut(Schema):
    load_percent: float = Field(..., description="Beban minggu terberat (beban jabatan + penugasan lain + permintaan ini), persen.")
    overbooked: bool = Field(..., description="Melampaui kapasitas pada paling sedikit satu minggu.")
    overbooked_weeks: list[str] = Field(..., description="Minggu ISO yang melampaui kapasitas, mis. 2026-W49.")
    article: str = Field(..., description="Dasar pasal.")
    message: str = Field(..., description="Penjelasan.")


class CandidateRowOut(Schema):
    employee_id: int = Field(..., description="ID pegawai.")
    name: str = Field(..., description="Nama dengan gelar.")
    nip: str | None = Field(None, description="NIP; kosong (null) bagi pegawai di luar cakupan Anda.")
    in_scope: bool = Field(True, description="Pegawai dalam cakupan Anda; di luar cakupan, NIP dan daftar kompetensi tidak ditampilkan.")
    unit_id: int | None = Field(None, description="ID unit pegawai.")
    unit_name: str = Field(..., description="Nama unit pegawai.")
    position_name: str = Field(..., description="Jabatan.")
    position_kind: PositionKind | None = Field(None, description="Jenis jabatan.")
    own_hours: float = Field(..., description="Beban kerja jabatan per minggu (ABK); 0 bila belum diukur.")
    own_hours_known: bool = Field(..., description="Beban kerja jabatan sudah diukur.")
    committed_hours: float = Field(..., description="Jam per minggu penugasan lain yang diterima (minggu terberat).")
    competences: list[str] = Field(..., description="Kompetensi yang dimiliki; kosong bagi pegawai di luar cakupan Anda.")
    overbooked: bool = Field(..., description="Permintaan ini akan melampaui kapasitas pegawai (PEN-14).")
    match: CompetenceMatchOut = Field(..., description="Kecocokan kompetensi.")
    availability: AvailabilityOut = Field(..., description="Ketersediaan waktu selama periode.")


class CandidatePageOut(Schema):
    items: list[CandidateRowOut] = Field(..., description="Calon pada halaman ini.")
    total: int = Field(..., description="Jumlah seluruh calon yang cocok.")
    limit: int = Field(..., description="Jumlah baris yang diminta.")
    offset: int = Field(..., description="Posisi baris pertama.")


class KetuaIn(Schema):
    employee_ids: list[Id] = Field(..., min_length=1, max_length=100, description="ID pegawai calon ketua.")
    owning_unit_id: Id | None = Field(
        None, description="ID unit pemilik kinerja (tim lintas unit: calon dari unit ini diutamakan); kosong untuk tim dalam satu unit."
    )


class RankedOut(Schema):
    employee_id: int = Field(..., description="ID pegawai.")
    name: str = Field(..., description="Nama dengan gelar.")
    kind: str = Field(..., description="Jenis jabatan.")
    position: int = Field(..., description="Peringkat, mulai dari 1.")
    explanation: list[str] = Field(..., description="Alasan peringkat per kriteria, dengan pasal.")
    tied_with_previous: bool = Field(..., description="Sama kuat dengan calon di atasnya menurut kriteria peraturan.")


class ExcludedOut(Schema):
    employee_id: int = Field(..., description="ID pegawai.")
    name: str = Field(..., description="Nama dengan gelar.")
    kind: str = Field(..., description="Jenis jabatan.")
    reason: str = Field(..., description="Mengapa tidak dapat menjadi ketua.")
    article: str = Field(..., description="Dasar pasal.")


class KetuaRankingOut(Schema):
    ranked: list[RankedOut] = Field(..., description="Calon yang dapat menjadi ketua, berurutan (PEN-11).")
    excluded: list[ExcludedOut] = Field(..., description="Calon yang tidak dapat menjadi ketua (PEN-10), dengan alasannya.")
    criteria: list[str] = Field(..., description="Kriteria yang diterapkan, berurutan.")
    article: str = Field(..., description="Dasar pasal urutan prioritas.")
    message: str = Field(..., description="Penjelasan.")


def _candidate_row(row) -> dict:
    e, m, a = row.employee, row.match, row.availability
    return {
        "employee_id": e.pk, "name": e.full_name, "nip": row.nip, "in_scope": row.in_scope, "unit_id": e.unit_id,
        "unit_name": row.unit_name,
        "position_name": row.position_name, "position_kind": e.position.kind if e.position_id else None,
        "own_hours": row.own_hours, "own_hours_known": row.own_hours_known, "committed_hours": row.committed_hours,
        "competences": list(row.competences), "overbooked": row.overbooked,
        "match": {"score": m.score, "matched": list(m.matched), "missing": list(m.missing), "article": m.article,
                  "message": m.message},
        "availability": {"load_percent": a.load_percent, "overbooked": a.overbooked,
                         "overbooked_weeks": list(a.overbooked_weeks), "article": a.article, "message": a.message},
    }


@router.get(
    "/penugasan/kandidat", response={200: CandidatePageOut, **ERRORS, 400: AssignmentRefusalOut}, summary="Cari calon pegawai untuk penugasan"
)
def search_candidates(request: HttpRequest, filters: Query[CandidateFilters]):
    """Pegawai se-daerah yang memiliki kompetensi yang dibutuhkan dan masih mempunyai waktu:
    beban kerja jabatan, penugasan lain yang diterima, dan kecocokan kompetensi (PEN-14).
    Diurutkan menurut kecocokan kompetensi lalu beban paling ringan. Hanya untuk pimpinan (403)."""
    check_params(request, CandidateFilters)
    actor = request.auth
    candidates.require_search(actor)  # 403 before any 400 about the filters
    kinds = _split(filters.kinds) or list(candidates.DEFAULT_KINDS)
    unknown = [k for k in kinds if k not in PositionKind.values]
    if unknown:
        raise invalid_input("kinds", f"harus salah satu dari: {', '.join(PositionKind.values)}.", type_="enum")
    starts_on = filters.starts_on or timezone.localdate()
    ends_on = filters.ends_on or starts_on + dt.timedelta(days=CANDIDATE_DEFAULT_DAYS)
    try:
        page = candidates.search_candidates(
            actor, competences=_split(filters.competences), unit_id=filters.unit_id, q=(filters.q or "").strip(),
            kinds=kinds, starts_on=starts_on, ends_on=ends_on, hours_per_week=filters.hours_per_week,
            limit=filters.limit, offset=filters.offset,
        )
    except ValidationError as exc:
        return _refuse(exc, conflicts=False)
    return {"items": [_candidate_row(r) for r in page.rows], "total": page.total, "limit": page.limit, "offset": page.offset}


@router.post("/penugasan/calon-ketua", response={200: KetuaRankingOut, **ERRORS, 400: AssignmentRefusalOut}, summary="Urutan calon ketua tim")
def rank_ketua_candidates(request: HttpRequest, data: KetuaIn):
    """Calon ketua diurutkan menurut prioritas peraturan daerah, tiap peringkat dengan alasan
    dan pasalnya (PEN-11); yang tidak dapat menjadi ketua dicantumkan dengan alasannya (PEN-10).
    Hanya untuk pimpinan yang menyusun tim (403)."""
    actor = request.auth
    candidates.require_search(actor)  # 403 before any 400 about the filters
    try:
        ranking = candidates.ketua_ranking(actor, data.employee_ids, data.owning_unit_id)
    except ValidationError as exc:
        return _refuse(exc, conflicts=False)
    return {
        "ranked": [
            {"employee_id": r.candidate.employee_id, "name": r.candidate.name, "kind": r.candidate.kind,
             "position": r.position, "explanation": list(r.explanation), "tied_with_previous": r.tied_with_previous}
            for r in ranking.ranked
        ],
        "excluded": [
            {"employee_id": x.candidate.employee_id, "name": x.candidate.name, "kind": x.candidate.kind,
             "reason": x.reason, "article": x.article}
            for x in ranking.excluded
        ],
        "criteria": list(ranking.criteria), "article": ranking.article, "message": ranking.message,
    }


# --- standing governance teams (TIK-2, TIK-3): recorded through the same service as the page ---
class StandingMemberIn(Schema):
    employee_id: Id | None = Field(None, description="ID pegawai pemerintah daerah ini; kosongkan untuk anggota dari luar.")
    role: RoleCode = Field("anggota", description="Peran dalam tim: ketua, sekretaris, anggota.")
    external_name: str = Field("", max_length=200, description="Nama anggota dari luar pemerintah daerah.")
    external_org: str = Field("", max_length=200, description="Instansi anggota dari luar.")
    unsur: str = Field("", max_length=60, description="Unsur anggota dari luar (akademisi, dunia_usaha, ...).")


class StandingTeamIn(Schema):
    kind: StandingKindCode = Field(..., description="Jenis tim tetap.")
    title: str = Field(..., max_length=300, description="Nama tim.")
    purpose: str = Field("", max_length=10000, description="Tugas tim; kosong: tugas yang dirinci peraturan.")
    target: str = Field("", max_length=10000, description="Ekspektasi/target.")
    basis_number: str = Field(..., max_length=120, description="Nomor keputusan penetapan.")
    basis_date: SignedDate = Field(..., description="Tanggal keputusan penetapan; tidak setelah hari ini.")
    starts_on: DecisionDate = Field(..., description="Berlaku mulai.")
    ends_on: DecisionDate = Field(..., description="Berlaku sampai.")
    hours_per_week: float = Field(2, gt=0, le=60, description="Alokasi jam per minggu.")
    members: list[StandingMemberIn] = Field(..., max_length=200, description="Anggota tim.")


@router.post("/penugasan/tim-tetap", response={201: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Catat tim tetap")
def record_standing_team(request: HttpRequest, data: StandingTeamIn):
    """Tim tetap tata kelola yang ditetapkan Keputusan Bupati: dicatat oleh admin organisasi atau
    Sekretaris Daerah, dengan susunan diperiksa menurut profil regulasi (sama dengan halaman)."""
    actor = request.auth
    values = data.dict(exclude={"members"})
    members = [standing.StandingMemberInput(**m.dict()) for m in data.members]
    try:
        team = standing.form_standing_team(actor, members=members, **values)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(201, _detail(actor, team.pk))


# --- one assignment and its transitions ------------------------------------------------------
@router.post("/penugasan", response={201: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Usulkan penugasan (penunjukan)")
def propose_assignment(request: HttpRequest, data: ProposeIn):
    """Penugasan individu atau tim kerja dengan penunjukan oleh pimpinan unit pemilik kinerja
    (atau Plh./Plt.-nya), atau oleh PPK dalam satu unit. Langkahnya mengikuti profil regulasi:
    permohonan pelibatan ke pimpinan unit asal lintas unit (PEN-6, PEN-9), lalu penerbitan naskah
    oleh penanda tangan yang ditetapkan (PEN-5, PEN-7). Bila tidak ada yang ditunggu dan Anda
    penanda tangannya, naskah langsung terbit. Ditolak aturan: 400 dengan alasan dan pasalnya."""
    actor = request.auth
    values = data.dict(exclude={"members"})
    members = [
        MemberInput(
            employee_id=m.employee_id, role=m.role, hours_per_week=m.hours_per_week, overbooking_reason=m.overbooking_reason,
            external_name=m.external_name, external_nip=m.external_nip, external_org=m.external_org,
            external_position=m.external_position,
        )
        for m in data.members
    ]
    try:
        a = services.propose(actor=actor, members=members, **values)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(201, _detail(actor, a.pk))


@router.post("/penugasan/pengajuan", response={201: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Ajukan diri (pengajuan sukarela)")
def apply_voluntarily(request: HttpRequest, data: ApplyIn):
    """Pejabat fungsional atau pelaksana mengajukan diri untuk suatu kinerja (PEN-3). Langkahnya
    mengikuti profil: persetujuan atasan langsung/PPK lintas unit (PEN-12), atau alur PPU Ps 11(2)
    dan 11(3)."""
    actor = request.auth
    try:
        a = services.apply_voluntarily(actor=actor, **data.dict())
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(201, _detail(actor, a.pk))


@router.get("/penugasan/{assignment_id}", response={200: AssignmentDetailOut, **ERRORS}, summary="Rincian penugasan")
def get_assignment(request: HttpRequest, assignment_id: Id = ASSIGNMENT_ID):
    """Satu penugasan dengan anggota, langkah (siapa memutus, kapan, atas nama siapa, alasan,
    pasal, naskah) dan riwayat peristiwanya (MEK-5). Di luar cakupan Anda atau daerah lain: 404."""
    check_params(request)
    return _detail(request.auth, assignment_id)


@router.post(
    "/penugasan/{assignment_id}/langkah/{step_id}/putuskan",
    response={200: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Putuskan langkah penugasan",
)
def decide_step(request: HttpRequest, data: DecideIn, assignment_id: Id = ASSIGNMENT_ID, step_id: Id = STEP_ID):
    """Menjawab permohonan pelibatan (seluruhnya, sebagian, atau tidak; penolakan dengan alasan,
    PEN-9), menyetujui atau menolak pengajuan sukarela (PEN-12), atau konfirmasi pemohon. Hanya
    pejabat langkah itu atau Plh./Plt.-nya (403). Langkah yang sudah diputus: 409."""
    actor = request.auth
    _for_action(actor, assignment_id, step_id)
    try:
        services.decide(actor=actor, assignment_id=assignment_id, step_id=step_id, approve=data.approve,
                        reason=data.reason, approved_member_ids=data.approved_member_ids)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/langkah/{step_id}/terbitkan",
    response={200: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Terbitkan naskah penugasan",
)
def issue_letter(request: HttpRequest, data: IssueIn | None = None, assignment_id: Id = ASSIGNMENT_ID, step_id: Id = STEP_ID):
    """Penanda tangan (atau Plh./Plt.-nya) menerbitkan surat perintah/surat tugas/keputusan bagi
    anggota yang disetujui (PEN-5, PEN-7, PEN-8). Bukan penanda tangan: 403. Sudah terbit: 409."""
    actor = request.auth
    _for_action(actor, assignment_id, step_id)
    try:
        services.issue(actor=actor, assignment_id=assignment_id, step_id=step_id, ketua_member_id=data.ketua_member_id if data else None)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/batal", response={200: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Batalkan penugasan",
)
def cancel_assignment(request: HttpRequest, data: CancelIn, assignment_id: Id = ASSIGNMENT_ID):
    """Pengusul atau pemohon (atau Plh./Plt.-nya) membatalkan penugasan yang masih diproses, dengan
    alasan. Bukan pengusul: 403. Sudah terbit, ditolak atau dibatalkan: 409."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.cancel(actor=actor, assignment_id=assignment_id, reason=data.reason)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/proses-bisnis",
    response={200: AssignmentDetailOut, **REFUSALS, **ERRORS},
    summary="Tetapkan proses bisnis yang dijalankan penugasan",
)
def name_process(request: HttpRequest, data: ProcessLinkIn, assignment_id: Id = ASSIGNMENT_ID):
    """Pengusul atau pimpinan unit pemilik kinerja (atau Plh./Plt.-nya) mengaitkan penugasan yang
    masih diproses atau berjalan dengan proses bisnis daerahnya (hanya proses yang aktif). Proses
    daerah lain atau tidak aktif: 400. Bukan pengusul/pimpinan: 403. Sudah ditolak, dibatalkan
    atau dicabut: 409. Naskah penugasan tidak berubah."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.set_process(actor=actor, assignment_id=assignment_id, process_id=data.process_id)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/ubah",
    response={200: AssignmentDetailOut, **REFUSALS, **ERRORS},
    summary="Akhiri lebih awal atau perpanjang penugasan",
)
def amend_assignment(request: HttpRequest, data: AmendIn, assignment_id: Id = ASSIGNMENT_ID):
    """Penanda tangan naskah penugasan (atau Plh./Plt.-nya) mengakhiri penugasan yang sudah terbit
    lebih awal atau memperpanjangnya, dengan naskah baru yang merujuk naskah pertama. Perpanjangan
    memeriksa kembali beban kerja pegawai (PEN-14). Bukan penanda tangan: 403. Belum terbit atau
    sudah dicabut: 409."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.amend(actor=actor, assignment_id=assignment_id, new_ends_on=data.new_ends_on, reason=data.reason)
    except AssignmentError as exc:
        return _refuse(exc)
    except ValidationError as exc:  # the letter could not be issued (its content)
        return _refuse(exc, conflicts=False)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/cabut",
    response={200: AssignmentDetailOut, **REFUSALS, **ERRORS},
    summary="Cabut naskah penugasan",
)
def revoke_assignment(request: HttpRequest, data: AssignmentRevokeIn, assignment_id: Id = ASSIGNMENT_ID):
    """Penanda tangan (atau Plh./Plt.-nya) mencabut naskah penugasan: penugasan berakhir, jamnya
    tidak lagi dihitung, naskah perubahannya ikut dicabut, dan verifikasi naskah menyatakan
    DICABUT. Bukan penanda tangan: 403. Belum terbit atau sudah dicabut: 409."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.revoke(actor=actor, assignment_id=assignment_id, reason=data.reason)
    except AssignmentError as exc:
        return _refuse(exc)
    except ValidationError as exc:
        return _refuse(exc, conflicts=False)
    return Status(200, _detail(actor, assignment_id))
