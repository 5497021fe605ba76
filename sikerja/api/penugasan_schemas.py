"""The request and response schemas of ``sikerja.api.penugasan`` (names as OpenAPI shows them),
split from it so the endpoints module stays readable (the candidate search and ketua ranking
schemas are in ``penugasan_candidate_schemas``); ``sikerja.api.penugasan`` re-exports every
name for the code that imports them from there."""

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Field, Schema

from sikerja import inputs
from sikerja.api.schemas import DecisionDate, ErrorOut, Id, SignedDate
from sikerja.assignments import services
from sikerja.assignments.models import Assignment, Form, Member, Mode, Nature, Scope, StandingKind, Step

MAX_MEMBERS = services.MAX_MEMBERS


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


class AssignmentRefusalOut(ErrorOut):
    messages: list[str] = Field(..., description="Setiap alasan penolakan, dengan pasal bila ada.")


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
    document_id: int | None = Field(
        None, description="ID naskah yang dihasilkan langkah ini (jawaban, naskah penugasan)."
    )
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
    verb: str = Field(
        ..., description="Peristiwa, mis. assignment.proposed, assignment.step_decided, assignment.issued."
    )
    at: dt.datetime = Field(..., description="Waktu.")
    actor: str | None = Field(None, description="Nama pengguna yang bertindak.")
    on_behalf_of_id: int | None = Field(None, description="ID pejabat yang digantikan (Plh./Plt.).")
    on_behalf_of_name: str | None = Field(None, description="Nama pejabat yang digantikan.")
    reason: str = Field(..., description="Alasan.")
    changes: dict[str, Any] = Field(
        ..., description="Rincian perubahan (langkah, status, anggota, pasal, nomor naskah)."
    )

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
    employee_id: Id | None = Field(
        None, description="ID pegawai pemerintah daerah ini; kosongkan untuk anggota dari luar."
    )
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
    members: list[MemberIn] = Field(
        ..., min_length=1, max_length=MAX_MEMBERS, description="Pegawai/anggota yang ditugaskan."
    )
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
    competences: list[CompetenceName] = Field(
        [], max_length=30, description="Kompetensi yang Anda tawarkan/dibutuhkan."
    )
    hours_per_week: float = Field(8, gt=0, le=60, description="Jam per minggu yang Anda ajukan.")
    nature: NatureCode = Field("reguler", description="Sifat: reguler atau insidental.")


class DecideIn(Schema):
    approve: bool = Field(..., description="true: setuju; false: tolak.")
    reason: str = Field(
        "", max_length=2000, description="Alasan/catatan; wajib untuk penolakan bila profil mewajibkannya."
    )
    approved_member_ids: list[Id] | None = Field(
        None,
        max_length=MAX_MEMBERS,
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


# --- standing governance teams (TIK-2, TIK-3): recorded through the same service as the page ---
class StandingMemberIn(Schema):
    employee_id: Id | None = Field(
        None, description="ID pegawai pemerintah daerah ini; kosongkan untuk anggota dari luar."
    )
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
