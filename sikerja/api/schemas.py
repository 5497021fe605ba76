"""Input and output schemas of the API: English field names, Indonesian descriptions (TIK-1)."""

from __future__ import annotations

import datetime as dt
import enum
import math
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import AfterValidator, BeforeValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from sikerja import inputs
from sikerja.api.errors import MAX_ID, invalid_input
from sikerja.organisation.choices import (
    GOLONGAN_CHOICES,
    PANGKAT_NAME,
    CompetenceKind,
    EmploymentStatus,
    Gender,
    JfCategory,
    JfLevel,
    PositionKind,
    UnitType,
)
from sikerja.tenancy.models import Region

# An id the database can hold; anything else is a 422, never an overflow inside the query.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Golongan = enum.StrEnum("Golongan", [(code, code) for code, _ in GOLONGAN_CHOICES])
Golongan.__doc__ = "Pangkat/golongan ruang PNS (I/a–IV/e) atau golongan PPPK (I–XVII)."

# --- date windows (issue 9 item 15): the rules of sikerja.inputs, as pydantic types ----------
DATE_LABELS = {
    "starts_on": "Tanggal mulai",
    "ends_on": "Tanggal selesai",
    "basis_date": "Tanggal dasar penetapan",
    "effective_from": "Tanggal berlaku",
}


def _window(check):
    """A pydantic validator running one check of sikerja.inputs; its refusal is a 400 (errors.REFUSED_TYPES)."""

    def validate(value: dt.date, info: ValidationInfo) -> dt.date:
        label = DATE_LABELS.get(info.field_name or "", "Tanggal")
        try:
            return check(value, label)
        except inputs.InputError as exc:
            raise PydanticCustomError("date_window", "{reason}", {"reason": exc.messages[0]}) from None

    return AfterValidator(validate)


def _iso_text(value):
    """A date comes as 'YYYY-MM-DD': pydantic would otherwise read the number 0 as 1970-01-01."""
    if isinstance(value, bool | int | float):
        raise PydanticCustomError("date_type", "harus berupa tanggal YYYY-MM-DD.")
    return value


ISO_TEXT = BeforeValidator(_iso_text)

# When a decision (placement, delegation, assignment, team) takes effect: not decades back, at
# most inputs.MAX_YEARS_AHEAD years ahead (a delegation to year 4444 is a typing error).
DecisionDate = Annotated[
    dt.date, ISO_TEXT, _window(lambda v, label: inputs.check_decision_date(v, label, today=timezone.localdate()))
]
# When a decree was signed: never after today, never before inputs.EARLIEST_DATE.
SignedDate = Annotated[dt.date, ISO_TEXT, _window(lambda v, label: inputs.check_not_future(v, label, today=timezone.localdate()))]

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


# --- errors -------------------------------------------------------------------------------
class ErrorOut(Schema):
    code: str = Field(..., description="Kode galat yang stabil untuk program, mis. not_found, not_authenticated.")
    detail: str = Field(..., description="Penjelasan galat dalam Bahasa Indonesia.")
    messages: list[str] = Field(..., description="Setiap alasan, satu per butir (sekurang-kurangnya satu).")


class FieldErrorOut(Schema):
    field: str = Field(..., description="Nama parameter atau kolom yang salah.")
    location: str = Field(..., description="Letak parameter: query, path, header, body.")
    type: str = Field(..., description="Jenis galat validasi, mis. int_parsing, enum.")
    message: str = Field(..., description="Penjelasan galat untuk kolom ini.")


class BadRequestOut(ErrorOut):
    """400: the request fits the schema but is refused (unstorable character, date outside its
    window, unreadable body, a rule of the regulation)."""


class ValidationErrorOut(BadRequestOut):
    errors: list[FieldErrorOut] = Field(..., description="Galat per kolom.")


# Every operation can answer these: 400 from the input guard (NUL, lone surrogate, unreadable
# body) or a date window, 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE, 429 after too many
# wrong tokens from one address (PLT-2).
ERRORS: dict[int, Any] = {
    400: BadRequestOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    413: BadRequestOut,
    422: ValidationErrorOut,
    429: ErrorOut,
}


# --- pagination ---------------------------------------------------------------------------
class Pagination(PageNumberPagination):
    """Page-number pagination that says so when a page does not exist (404, not an empty page)."""

    class Input(Schema):
        page: int = Field(1, ge=1, description="Nomor halaman, mulai dari 1.")
        page_size: int | None = Field(
            None, ge=1, description=f"Jumlah butir per halaman (bawaan {PAGE_SIZE}, paling banyak {MAX_PAGE_SIZE})."
        )

    class Output(Schema):
        items: list[Any] = Field(..., description="Butir pada halaman ini.")
        count: int = Field(..., description="Jumlah seluruh butir yang cocok dengan filter.")
        page: int = Field(..., description="Nomor halaman ini.")
        page_size: int = Field(..., description="Jumlah butir per halaman.")
        num_pages: int = Field(..., description="Jumlah halaman.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset, pagination: Input, request: HttpRequest, **params: Any) -> Any:
        page_size = self._get_page_size(pagination.page_size)
        count = self._items_count(queryset)
        num_pages = max(1, math.ceil(count / page_size))
        if pagination.page > num_pages:
            raise Http404(f"Halaman {pagination.page} tidak ada; jumlah halaman {num_pages}.")
        offset = (pagination.page - 1) * page_size
        return {
            "items": queryset[offset : offset + page_size],
            "count": count,
            "page": pagination.page,
            "page_size": page_size,
            "num_pages": num_pages,
        }


COMMON_PARAMS = frozenset({"page", "page_size", "region"})


def check_params(request: HttpRequest, *schemas: type[Schema]) -> None:
    """Refuse query parameters an endpoint does not know: a typo must not silently widen a filter."""
    known = set(COMMON_PARAMS)
    for schema in schemas:
        known.update(schema.model_fields)
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise invalid_input(
            unknown[0],
            f"parameter tidak dikenal. Parameter yang dikenal: {', '.join(sorted(known))}.",
            type_="extra_forbidden",
        )


# --- tenancy ------------------------------------------------------------------------------
class ProfileOut(Schema):
    key: str = Field(..., description="Kunci profil regulasi, mis. klungkung, nasional.")
    name: str = Field(..., description="Nama singkat profil.")
    title: str = Field(..., description="Judul lengkap peraturan.")
    legal_basis: str = Field(..., description="Dasar hukum profil.")
    implements: str = Field(..., description="Peraturan yang dilaksanakan, mis. PermenPANRB 7/2022.")
    version: int = Field(..., description="Versi profil; naik setiap kali isi profil berubah.")
    is_builtin: bool = Field(..., description="Profil bawaan yang dikirim bersama aplikasi.")


class ProfileSettingOut(Schema):
    value: Any = Field(None, description="Nilai pengaturan (teks, daftar, angka, benar/salah, atau kosong).")
    article: str | None = Field(None, description="Pasal yang menjadi dasar pengaturan.")
    note: str | None = Field(None, description="Catatan penafsiran.")
    silent: bool = Field(False, description="Benar bila peraturan tidak mengatur hal ini.")


class ProfileDetailOut(ProfileOut):
    settings: dict[str, ProfileSettingOut] = Field(..., description="Pengaturan profil menurut kuncinya.")

    @staticmethod
    def resolve_settings(obj) -> dict[str, dict]:
        out = {}
        for key, entry in (obj.settings or {}).items():
            entry = entry if isinstance(entry, dict) else {"value": entry}
            out[key] = {
                "value": entry.get("value"),
                "article": entry.get("article"),
                "note": entry.get("note"),
                "silent": bool(entry.get("silent", False)),
            }
        return out


class ProfileRef(Schema):
    key: str = Field(..., description="Kunci profil regulasi.")
    name: str = Field(..., description="Nama profil.")
    legal_basis: str = Field(..., description="Dasar hukum.")
    version: int = Field(..., description="Versi profil.")


class RegionOut(Schema):
    id: int = Field(..., description="ID pemerintah daerah.")
    slug: str = Field(..., description="Kode pemerintah daerah; dipakai pada ?region= atau header X-Region.")
    name: str = Field(..., description="Nama pemerintah daerah.")
    kind: Region.Kind = Field(..., description="Kabupaten atau kota.")
    province: str = Field(..., description="Provinsi.")
    head_title: str = Field(..., description="Sebutan kepala daerah (Bupati/Wali Kota).")
    capital: str = Field(..., description="Ibu kota.")
    profile: ProfileRef = Field(..., description="Profil regulasi yang berlaku di daerah ini.")
    roles: list[str] = Field(..., description="Peran Anda di daerah ini.")
    is_current: bool = Field(..., description="Benar untuk daerah tempat permintaan ini dijalankan.")


class RegionCounts(Schema):
    units: int = Field(..., description="Jumlah unit organisasi aktif.")
    positions: int = Field(..., description="Jumlah jabatan pada peta jabatan.")
    employees: int = Field(..., description="Jumlah pegawai aktif.")


class RegionDetailOut(RegionOut):
    address: str = Field(..., description="Alamat kantor pemerintah daerah.")
    counts: RegionCounts = Field(..., description="Ringkasan jumlah data.")


# --- organisation: references -------------------------------------------------------------
class UnitRef(Schema):
    id: int = Field(..., description="ID unit.")
    name: str = Field(..., description="Nama unit.")
    code: str = Field(..., description="Kode unit.")
    unit_type: UnitType = Field(..., description="Jenis unit.")


class PositionRef(Schema):
    id: int = Field(..., description="ID jabatan.")
    name: str = Field(..., description="Nama jabatan.")
    kind: PositionKind = Field(..., description="Jenis jabatan (JPT, administrator, pengawas, fungsional, pelaksana).")
    jf_level: JfLevel | None = Field(None, description="Jenjang jabatan fungsional; kosong bila bukan fungsional.")
    kelas_jabatan: int | None = Field(None, description="Kelas jabatan.")
    is_leader: bool = Field(..., description="Jabatan pimpinan unit.")

    @staticmethod
    def resolve_jf_level(obj) -> str | None:
        return obj.jf_level or None


class PersonRef(Schema):
    """A person as the structure shows them (leader, assessor): no personal data."""

    id: int = Field(..., description="ID pegawai.")
    name: str = Field(..., description="Nama tanpa gelar.")
    full_name: str = Field(..., description="Nama dengan gelar.")
    position: PositionRef | None = Field(None, description="Jabatan.")


# --- units --------------------------------------------------------------------------------
class UnitOut(Schema):
    id: int = Field(..., description="ID unit.")
    name: str = Field(..., description="Nama unit organisasi atau perangkat daerah.")
    code: str = Field(..., description="Kode unit, unik dalam daerah.")
    unit_type: UnitType = Field(..., description="Jenis unit (ORG-1).")
    unit_type_label: str = Field(..., description="Nama jenis unit.")
    parent_id: int | None = Field(None, description="ID unit induk; kosong untuk akar pohon.")
    perangkat_daerah_id: int | None = Field(None, description="ID perangkat daerah yang menaungi unit ini.")
    is_perangkat_daerah: bool = Field(..., description="Unit ini sebuah perangkat daerah.")
    is_mandiri: bool = Field(..., description="Unit kerja mandiri yang dapat dipimpin pejabat fungsional.")
    order: int = Field(..., description="Urutan di antara unit sesama induk.")
    is_active: bool = Field(..., description="Unit masih aktif.")
    depth: int | None = Field(None, description="Kedalaman dalam pohon (0 untuk akar), bila tersedia.")

    @staticmethod
    def resolve_unit_type_label(obj) -> str:
        return obj.get_unit_type_display()

    @staticmethod
    def resolve_depth(obj) -> int | None:
        return getattr(obj, "tree_depth", None)


class UnitChildOut(UnitOut):
    child_count: int = Field(..., description="Jumlah subunit aktif langsung.")


class UnitCounts(Schema):
    children: int = Field(..., description="Jumlah subunit aktif langsung.")
    positions: int = Field(..., description="Jumlah jabatan pada peta jabatan unit.")
    required: int = Field(..., description="Jumlah kebutuhan pegawai menurut peta jabatan unit.")
    employees: int = Field(..., description="Jumlah pegawai aktif di unit (tanpa subunit).")


class UnitDetailOut(UnitOut):
    address: str = Field(..., description="Alamat.")
    parent: UnitRef | None = Field(None, description="Unit induk.")
    perangkat_daerah: UnitRef | None = Field(None, description="Perangkat daerah yang menaungi.")
    ancestors: list[UnitRef] = Field(..., description="Unit di atasnya, dari akar sampai induk.")
    leader: PersonRef | None = Field(None, description="Pimpinan unit (pemegang jabatan pimpinan), bila terisi.")
    counts: UnitCounts = Field(..., description="Ringkasan jumlah.")


class UnitFilters(Schema):
    parent_id: Id | None = Field(None, description="Hanya subunit langsung dari unit ini.")
    root: bool | None = Field(None, description="true: hanya akar pohon (unit tanpa induk).")
    unit_type: UnitType | None = Field(None, description="Jenis unit.")
    q: str | None = Field(None, max_length=100, description="Bagian dari nama unit.")
    perangkat_daerah_id: Id | None = Field(None, description="Hanya unit di bawah perangkat daerah ini.")
    subtree_of: Id | None = Field(None, description="Unit ini dan seluruh keturunannya.")
    include_inactive: bool = Field(False, description="true: sertakan unit yang tidak aktif.")


# --- positions ----------------------------------------------------------------------------
class PositionOut(Schema):
    id: int = Field(..., description="ID jabatan.")
    name: str = Field(..., description="Nama jabatan.")
    code: str = Field(..., description="Kode jabatan, unik dalam daerah.")
    kind: PositionKind = Field(..., description="Jenis jabatan (ORG-3).")
    kind_label: str = Field(..., description="Nama jenis jabatan.")
    jf_category: JfCategory | None = Field(None, description="Kategori jabatan fungsional (ORG-4).")
    jf_level: JfLevel | None = Field(None, description="Jenjang jabatan fungsional (ORG-4).")
    kelas_jabatan: int | None = Field(None, description="Kelas jabatan.")
    is_leader: bool = Field(..., description="Jabatan pimpinan unit.")
    required: int = Field(..., description="Kebutuhan pegawai menurut peta jabatan.")
    filled: int = Field(..., description="Jumlah pemegang jabatan yang aktif (bezetting).")
    unit_id: int = Field(..., description="ID unit pemilik jabatan.")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_jf_category(obj) -> str | None:
        return obj.jf_category or None

    @staticmethod
    def resolve_jf_level(obj) -> str | None:
        return obj.jf_level or None


class PositionDetailOut(PositionOut):
    unit: UnitRef = Field(..., description="Unit pemilik jabatan.")
    vacancy: int = Field(..., description="Kebutuhan dikurangi pemegang (negatif bila lebih).")

    @staticmethod
    def resolve_vacancy(obj) -> int:
        return obj.required - obj.filled


class PositionFilters(Schema):
    unit_id: Id | None = Field(None, description="Hanya jabatan pada unit ini.")
    kind: PositionKind | None = Field(None, description="Jenis jabatan.")
    jf_level: JfLevel | None = Field(None, description="Jenjang jabatan fungsional.")


# --- employees ----------------------------------------------------------------------------
class EmployeeOut(Schema):
    id: int = Field(..., description="ID pegawai.")
    nip: str = Field(..., description="NIP (18 digit).")
    name: str = Field(..., description="Nama tanpa gelar.")
    full_name: str = Field(..., description="Nama dengan gelar.")
    front_title: str = Field(..., description="Gelar depan.")
    back_title: str = Field(..., description="Gelar belakang.")
    status: EmploymentStatus = Field(..., description="Status kepegawaian: PNS atau PPPK (ORG-5).")
    golongan: Golongan = Field(..., description="Pangkat/golongan.")
    gender: Gender = Field(..., description="Jenis kelamin: L atau P.")
    is_active: bool = Field(..., description="Pegawai aktif.")
    unit: UnitRef | None = Field(None, description="Unit tempat pegawai bekerja.")
    position: PositionRef | None = Field(None, description="Jabatan pegawai.")


class CompetenceOut(Schema):
    id: int = Field(..., description="ID kompetensi.")
    name: str = Field(..., description="Nama kompetensi, keahlian atau keterampilan.")
    kind: CompetenceKind = Field(..., description="Kompetensi, keahlian atau keterampilan (ORG-5).")
    level: int = Field(..., ge=1, le=4, description="Tingkat: 1 dasar, 2 menengah, 3 mahir, 4 ahli.")
    level_label: str = Field(..., description="Nama tingkat.")


class AssessorOut(Schema):
    employee: PersonRef = Field(..., description="Pejabat penilai kinerja.")
    basis_number: str = Field(..., description="Nomor dasar penetapan kedudukan.")
    basis_date: dt.date = Field(..., description="Tanggal dasar penetapan.")
    effective_from: dt.date = Field(..., description="Berlaku mulai.")

    @staticmethod
    def resolve_employee(obj):
        return obj.assessor


class EmployeeDetailOut(EmployeeOut):
    pangkat: str | None = Field(None, description="Nama pangkat (PNS); kosong untuk PPPK.")
    birth_date: dt.date = Field(..., description="Tanggal lahir.")
    appointed_on: dt.date = Field(..., description="TMT pengangkatan.")
    email: str = Field(..., description="Surel.")
    has_managerial_experience: bool = Field(..., description="Pernah menduduki jabatan manajerial.")
    perangkat_daerah: UnitRef | None = Field(None, description="Perangkat daerah tempat pegawai bekerja.")
    competences: list[CompetenceOut] = Field(..., description="Kompetensi, keahlian dan keterampilan.")
    assessor: AssessorOut | None = Field(None, description="Pejabat penilai kinerja yang berlaku (kedudukan terbuka).")

    @staticmethod
    def resolve_pangkat(obj) -> str | None:
        return PANGKAT_NAME.get(obj.golongan)

    @staticmethod
    def resolve_perangkat_daerah(obj):
        return obj.unit.perangkat_daerah if obj.unit_id else None

    @staticmethod
    def resolve_competences(obj) -> list[dict]:
        return [
            {
                "id": link.competence.pk,
                "name": link.competence.name,
                "kind": link.competence.kind,
                "level": link.level,
                "level_label": link.get_level_display(),
            }
            for link in obj.competence_list
        ]

    @staticmethod
    def resolve_assessor(obj):
        return obj.current_placement


class EmployeeFilters(Schema):
    unit_id: Id | None = Field(None, description="Hanya pegawai pada unit ini (tanpa subunit).")
    subtree_of: Id | None = Field(None, description="Pegawai pada unit ini dan seluruh subunitnya.")
    status: EmploymentStatus | None = Field(None, description="Status kepegawaian: pns atau pppk.")
    kind: PositionKind | None = Field(None, description="Jenis jabatan.")
    golongan: Golongan | None = Field(None, description="Pangkat/golongan, mis. III/a atau IX.")
    q: str | None = Field(None, max_length=100, description="Bagian dari nama, atau awalan NIP.")
