"""The candidate search and ketua ranking schemas of ``sikerja.api.penugasan`` (PEN-11, PEN-14),
kept apart from the assignment schemas in ``sikerja.api.penugasan_schemas``; both are
re-exported by ``sikerja.api.penugasan``."""

from ninja import Field, Schema

from sikerja.api.schemas import DecisionDate, Id
from sikerja.organisation.choices import PositionKind

CANDIDATE_DEFAULT_DAYS = 90


# --- candidates and the ketua ranking (PEN-11, PEN-14) ---------------------------------------
# Comma-separated position kinds: the pattern lists the enum, so the schema says which words are valid.
_KIND = "(?:" + "|".join(PositionKind.values) + ")"
KINDS_PATTERN = rf"^\s*(?:{_KIND}\s*(?:[,;]\s*{_KIND}\s*)*)?$"


class CandidateFilters(Schema):
    competences: str | None = Field(
        None,
        max_length=4000,
        description="Kompetensi yang dibutuhkan, dipisah koma; pegawai yang memiliki paling sedikit satu.",
    )
    unit_id: Id | None = Field(None, description="Hanya pegawai pada unit ini dan seluruh subunitnya.")
    q: str | None = Field(None, max_length=100, description="Bagian dari nama, atau awalan NIP.")
    kinds: str | None = Field(
        None,
        max_length=200,
        pattern=KINDS_PATTERN,
        description=f"Jenis jabatan dipisah koma, dari: {', '.join(PositionKind.values)}; bawaan fungsional,pelaksana (PEN-1).",
    )
    starts_on: DecisionDate | None = Field(None, description="Mulai periode penugasan; bawaan hari ini.")
    ends_on: DecisionDate | None = Field(
        None, description=f"Selesai periode; bawaan {CANDIDATE_DEFAULT_DAYS} hari setelah mulai."
    )
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
    load_percent: float = Field(
        ..., description="Beban minggu terberat (beban jabatan + penugasan lain + permintaan ini), persen."
    )
    overbooked: bool = Field(..., description="Melampaui kapasitas pada paling sedikit satu minggu.")
    overbooked_weeks: list[str] = Field(..., description="Minggu ISO yang melampaui kapasitas, mis. 2026-W49.")
    article: str = Field(..., description="Dasar pasal.")
    message: str = Field(..., description="Penjelasan.")


class CandidateRowOut(Schema):
    employee_id: int = Field(..., description="ID pegawai.")
    name: str = Field(..., description="Nama dengan gelar.")
    nip: str | None = Field(None, description="NIP; kosong (null) bagi pegawai di luar cakupan Anda.")
    in_scope: bool = Field(
        True, description="Pegawai dalam cakupan Anda; di luar cakupan, NIP dan daftar kompetensi tidak ditampilkan."
    )
    unit_id: int | None = Field(None, description="ID unit pegawai.")
    unit_name: str = Field(..., description="Nama unit pegawai.")
    position_name: str = Field(..., description="Jabatan.")
    position_kind: PositionKind | None = Field(None, description="Jenis jabatan.")
    own_hours: float = Field(..., description="Beban kerja jabatan per minggu (ABK); 0 bila belum diukur.")
    own_hours_known: bool = Field(..., description="Beban kerja jabatan sudah diukur.")
    committed_hours: float = Field(..., description="Jam per minggu penugasan lain yang diterima (minggu terberat).")
    competences: list[str] = Field(
        ..., description="Kompetensi yang dimiliki; kosong bagi pegawai di luar cakupan Anda."
    )
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
        None,
        description="ID unit pemilik kinerja (tim lintas unit: calon dari unit ini diutamakan); kosong untuk tim dalam satu unit.",
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
    excluded: list[ExcludedOut] = Field(
        ..., description="Calon yang tidak dapat menjadi ketua (PEN-10), dengan alasannya."
    )
    criteria: list[str] = Field(..., description="Kriteria yang diterapkan, berurutan.")
    article: str = Field(..., description="Dasar pasal urutan prioritas.")
    message: str = Field(..., description="Penjelasan.")
