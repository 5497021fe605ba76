"""The three spreadsheets of ORG-7: their columns (Bahasa Indonesia) and how a cell's text
maps to a stored value. Pure data and pure functions; no ORM.

Imports are upserts keyed by ``kode`` (units, positions) or ``nip`` (employees). A column
listed as optional may be left out of a file: the field is then left as it is on existing
rows and takes its default on new ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sikerja.organisation.choices import EmploymentStatus, JfCategory, JfLevel, PositionKind, UnitType
from sikerja.organisation.models import ImportBatch

Sheet = ImportBatch.Sheet


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: str  # also the XLSX worksheet title
    slug: str  # used in downloaded file names
    key_column: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_headers(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


def _values(choices) -> str:
    return ", ".join(choices.values)


YA_TIDAK = "ya/tidak"

UNITS = SheetSpec(
    key=Sheet.UNITS,
    title="Unit organisasi",
    slug="unit",
    key_column="kode",
    columns=(
        Column("kode", True, "Kode unik unit di daerah ini (maks. 40 karakter)."),
        Column("nama", True, "Nama unit (maks. 200 karakter)."),
        Column("jenis", True, f"Jenis unit: {_values(UnitType)} (atau namanya, mis. 'Dinas')."),
        Column("kode_induk", True, "Kode unit induk; kosong untuk perangkat daerah tertinggi."),
        Column("perangkat_daerah", False, f"{YA_TIDAK}: unit ini perangkat daerah."),
        Column("unit_kerja_mandiri", False, f"{YA_TIDAK}: unit kerja mandiri (dipimpin pejabat fungsional)."),
        Column("alamat", False, "Alamat kantor (maks. 300 karakter)."),
    ),
)

POSITIONS = SheetSpec(
    key=Sheet.POSITIONS,
    title="Jabatan",
    slug="jabatan",
    key_column="kode",
    columns=(
        Column("kode", True, "Kode unik jabatan di daerah ini (maks. 40 karakter)."),
        Column("nama", True, "Nama jabatan (maks. 200 karakter)."),
        Column("kode_unit", True, "Kode unit tempat jabatan ini (unit harus sudah ada)."),
        Column("jenis", True, f"Jenis jabatan: {_values(PositionKind)}."),
        Column("kategori_jf", False, f"Kategori JF: {_values(JfCategory)}; kosong = mengikuti jenjang."),
        Column("jenjang_jf", True, f"Jenjang JF: {_values(JfLevel)} (atau 'Ahli Muda'); hanya untuk fungsional."),
        Column("kelas_jabatan", False, "Kelas jabatan 1–17; boleh kosong."),
        Column("pimpinan_unit", False, f"{YA_TIDAK}: jabatan ini memimpin unitnya (satu per unit)."),
        Column("kebutuhan", False, "Jumlah kebutuhan pegawai (angka, bawaan 1)."),
        Column("beban_kerja_jam", False, "Beban kerja jabatan, jam per minggu dari analisis beban kerja (0–60); boleh kosong."),
    ),
)

EMPLOYEES = SheetSpec(
    key=Sheet.EMPLOYEES,
    title="Pegawai",
    slug="pegawai",
    key_column="nip",
    columns=(
        Column("nip", True, "NIP 18 angka (format kolom sebagai Teks di Excel)."),
        Column("nama", True, "Nama tanpa gelar (maks. 150 karakter)."),
        Column("gelar_depan", False, "Gelar depan, mis. 'dr.'."),
        Column("gelar_belakang", False, "Gelar belakang, mis. 'S.Kom., M.T.'."),
        Column("status", True, "PNS atau PPPK."),
        Column("golongan", True, "PNS: I/a sampai IV/e; PPPK: I sampai XVII."),
        Column("kode_unit", True, "Kode unit kerja; boleh kosong bila kode_jabatan diisi."),
        Column("kode_jabatan", True, "Kode jabatan; harus jabatan pada unit di kode_unit."),
        Column("email", False, "Alamat surel."),
        Column("kompetensi", False, "Kompetensi/keahlian/keterampilan, dipisah titik koma (;)."),
    ),
)

SHEETS: dict[str, SheetSpec] = {s.key: s for s in (UNITS, POSITIONS, EMPLOYEES)}


# --- cell text → value ----------------------------------------------------------------
def _norm(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


def _lookup(choices) -> dict[str, str]:
    table = {}
    for value, label in choices.choices:
        table[_norm(value)] = value
        table[_norm(str(label))] = value
    return table


UNIT_TYPE_LOOKUP = _lookup(UnitType)
POSITION_KIND_LOOKUP = _lookup(PositionKind)
JF_CATEGORY_LOOKUP = _lookup(JfCategory)
JF_LEVEL_LOOKUP = _lookup(JfLevel)
STATUS_LOOKUP = _lookup(EmploymentStatus)

_TRUE = {"ya", "y", "yes", "true", "benar", "1"}
_FALSE = {"tidak", "tdk", "no", "n", "false", "salah", "0", ""}


def choice(lookup: dict[str, str], text: str) -> str | None:
    return lookup.get(_norm(text))


def yes_no(text: str) -> bool | None:
    t = text.strip().lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    return None


def yes_no_text(value: bool) -> str:
    return "ya" if value else "tidak"


def normalise_nip(text: str) -> str:
    # Excel users force text with a leading apostrophe; NIPs are often written in groups.
    return text.strip().lstrip("'").replace(" ", "")


def normalise_golongan(text: str) -> str:
    t = text.strip().replace(" ", "")
    if "/" in t:
        ruang, _, huruf = t.partition("/")
        return f"{ruang.upper()}/{huruf.lower()}"
    return t.upper()


def split_competences(text: str) -> list[str]:
    seen: dict[str, str] = {}
    for part in re.split(r"[;\n]", text):
        name = " ".join(part.split())
        if name:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())
