"""The three spreadsheets of ORG-7: their columns (Bahasa Indonesia) and how a cell's text
maps to a stored value. Pure data and pure functions; no ORM.

Imports are upserts keyed by ``kode`` (units, positions) or ``nip`` (employees). A column
listed as optional may be left out of a file: the field is then left as it is on existing
rows and takes its default on new ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import gettext

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


def _help(message: str, **values):
    """A column's help, read in the page's language when shown; ``%(name)s`` values are the
    cell words (choice values, ya/tidak), which stay as the file must hold them."""
    return lazy(lambda: gettext(message) % values if values else gettext(message), str)()


def _values(choices) -> str:
    return ", ".join(choices.values)


YA_TIDAK = "ya/tidak"

UNITS = SheetSpec(
    key=Sheet.UNITS,
    title="Unit organisasi",
    slug="unit",
    key_column="kode",
    columns=(
        Column("kode", True, _help("Kode unik unit di daerah ini (maks. 40 karakter).")),
        Column("nama", True, _help("Nama unit (maks. 200 karakter).")),
        Column("jenis", True, _help("Jenis unit: %(values)s (atau namanya, mis. 'Dinas').", values=_values(UnitType))),
        Column("kode_induk", True, _help("Kode unit induk; kosong untuk perangkat daerah tertinggi.")),
        Column("perangkat_daerah", False, _help("%(ya_tidak)s: unit ini perangkat daerah.", ya_tidak=YA_TIDAK)),
        Column("unit_kerja_mandiri", False, _help("%(ya_tidak)s: unit kerja mandiri (dipimpin pejabat fungsional).", ya_tidak=YA_TIDAK)),
        Column("alamat", False, _help("Alamat kantor (maks. 300 karakter).")),
    ),
)

POSITIONS = SheetSpec(
    key=Sheet.POSITIONS,
    title="Jabatan",
    slug="jabatan",
    key_column="kode",
    columns=(
        Column("kode", True, _help("Kode unik jabatan di daerah ini (maks. 40 karakter).")),
        Column("nama", True, _help("Nama jabatan (maks. 200 karakter).")),
        Column("kode_unit", True, _help("Kode unit tempat jabatan ini (unit harus sudah ada).")),
        Column("jenis", True, _help("Jenis jabatan: %(values)s.", values=_values(PositionKind))),
        Column("kategori_jf", False, _help("Kategori JF: %(values)s; kosong = mengikuti jenjang.", values=_values(JfCategory))),
        Column("jenjang_jf", True, _help("Jenjang JF: %(values)s (atau 'Ahli Muda'); hanya untuk fungsional.", values=_values(JfLevel))),
        Column("kelas_jabatan", False, _help("Kelas jabatan 1–17; boleh kosong.")),
        Column("pimpinan_unit", False, _help("%(ya_tidak)s: jabatan ini memimpin unitnya (satu per unit).", ya_tidak=YA_TIDAK)),
        Column("kebutuhan", False, _help("Jumlah kebutuhan pegawai (angka, bawaan 1).")),
        Column("beban_kerja_jam", False, _help("Beban kerja jabatan, jam per minggu dari analisis beban kerja (0–60); boleh kosong.")),
    ),
)

EMPLOYEES = SheetSpec(
    key=Sheet.EMPLOYEES,
    title="Pegawai",
    slug="pegawai",
    key_column="nip",
    columns=(
        Column("nip", True, _help("NIP 18 angka (format kolom sebagai Teks di Excel).")),
        Column("nama", True, _help("Nama tanpa gelar (maks. 150 karakter).")),
        Column("gelar_depan", False, _help("Gelar depan, mis. 'dr.'.")),
        Column("gelar_belakang", False, _help("Gelar belakang, mis. 'S.Kom., M.T.'.")),
        Column("status", True, _help("PNS atau PPPK.")),
        Column("golongan", True, _help("PNS: I/a sampai IV/e; PPPK: I sampai XVII.")),
        Column("kode_unit", True, _help("Kode unit kerja; boleh kosong bila kode_jabatan diisi.")),
        Column("kode_jabatan", True, _help("Kode jabatan; harus jabatan pada unit di kode_unit.")),
        Column("email", False, _help("Alamat surel.")),
        Column("kompetensi", False, _help("Kompetensi/keahlian/keterampilan, dipisah titik koma (;).")),
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
