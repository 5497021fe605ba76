"""Vocabularies of the organisation domain, in the words of the regulations.

Unit types follow REQUIREMENTS ORG-1 (PPU Lampiran B.1 a–j) plus the inner units those
patterns name (asisten, bagian, bidang, seksi, ...). Position kinds and JF levels follow
BU Ps 6–10 (ORG-3, ORG-4).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitType(models.TextChoices):
    # Perangkat daerah and unit kerja that ORG-1 lists.
    SETDA = "setda", _("Sekretariat Daerah")
    SETWAN = "setwan", _("Sekretariat DPRD")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    SATPOL_PP = "satpol_pp", _("Satuan Polisi Pamong Praja")
    DPMPTSP = "dpmptsp", _("Dinas Penanaman Modal dan PTSP")
    RSUD = "rsud", _("Rumah Sakit Umum Daerah")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    UPT_A = "upt_a", _("UPT Tipe A")
    UPT_B = "upt_b", _("UPT Tipe B")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    SEKOLAH = "sekolah", _("Sekolah")
    # Inner units of a perangkat daerah (PPU Lampiran B.1).
    ASISTEN = "asisten", _("Asisten")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    INSPEKTUR_PEMBANTU = "irban", _("Inspektur Pembantu")
    BAGIAN = "bagian", _("Bagian")
    SUBBAGIAN = "subbagian", _("Sub Bagian")
    BIDANG = "bidang", _("Bidang")
    SUBBIDANG = "subbidang", _("Sub Bidang")
    SEKSI = "seksi", _("Seksi")


# Types that stand as a perangkat daerah of their own (root of a subtree).
PERANGKAT_DAERAH_TYPES = frozenset(
    {
        UnitType.SETDA,
        UnitType.SETWAN,
        UnitType.INSPEKTORAT,
        UnitType.DINAS,
        UnitType.BADAN,
        UnitType.SATPOL_PP,
        UnitType.DPMPTSP,
        UnitType.KECAMATAN,
    }
)
# Units a pejabat fungsional may be appointed to lead (unit kerja mandiri, Ps 1 of each perbup).
MANDIRI_CAPABLE_TYPES = frozenset({UnitType.PUSKESMAS, UnitType.SEKOLAH, UnitType.UPT_B, UnitType.RSUD})


class PositionKind(models.TextChoices):
    JPT_UTAMA = "jpt_utama", _("JPT Utama")
    JPT_MADYA = "jpt_madya", _("JPT Madya")
    JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    FUNGSIONAL = "fungsional", _("Fungsional")
    PELAKSANA = "pelaksana", _("Pelaksana")


MANAGERIAL_KINDS = (
    PositionKind.JPT_UTAMA,
    PositionKind.JPT_MADYA,
    PositionKind.JPT_PRATAMA,
    PositionKind.ADMINISTRATOR,
    PositionKind.PENGAWAS,
)
# Higher number = higher level; used to compare "one level above" (BU Ps 17(3)).
KIND_RANK = {
    PositionKind.JPT_UTAMA: 7,
    PositionKind.JPT_MADYA: 6,
    PositionKind.JPT_PRATAMA: 5,
    PositionKind.ADMINISTRATOR: 4,
    PositionKind.PENGAWAS: 3,
    PositionKind.FUNGSIONAL: 2,
    PositionKind.PELAKSANA: 1,
}


class JfCategory(models.TextChoices):
    KEAHLIAN = "keahlian", _("Keahlian")
    KETERAMPILAN = "keterampilan", _("Keterampilan")


class JfLevel(models.TextChoices):
    AHLI_UTAMA = "ahli_utama", _("Ahli Utama")
    AHLI_MADYA = "ahli_madya", _("Ahli Madya")
    AHLI_MUDA = "ahli_muda", _("Ahli Muda")
    AHLI_PERTAMA = "ahli_pertama", _("Ahli Pertama")
    PENYELIA = "penyelia", _("Penyelia")
    MAHIR = "mahir", _("Mahir")
    TERAMPIL = "terampil", _("Terampil")
    PEMULA = "pemula", _("Pemula")


# BU Ps 10: each level belongs to one category.
JF_LEVEL_CATEGORY = {
    JfLevel.AHLI_UTAMA: JfCategory.KEAHLIAN,
    JfLevel.AHLI_MADYA: JfCategory.KEAHLIAN,
    JfLevel.AHLI_MUDA: JfCategory.KEAHLIAN,
    JfLevel.AHLI_PERTAMA: JfCategory.KEAHLIAN,
    JfLevel.PENYELIA: JfCategory.KETERAMPILAN,
    JfLevel.MAHIR: JfCategory.KETERAMPILAN,
    JfLevel.TERAMPIL: JfCategory.KETERAMPILAN,
    JfLevel.PEMULA: JfCategory.KETERAMPILAN,
}
# Higher number = higher level, across both categories (keahlian above keterampilan).
JF_LEVEL_RANK = {
    JfLevel.AHLI_UTAMA: 8,
    JfLevel.AHLI_MADYA: 7,
    JfLevel.AHLI_MUDA: 6,
    JfLevel.AHLI_PERTAMA: 5,
    JfLevel.PENYELIA: 4,
    JfLevel.MAHIR: 3,
    JfLevel.TERAMPIL: 2,
    JfLevel.PEMULA: 1,
}


class EmploymentStatus(models.TextChoices):
    PNS = "pns", _("PNS")
    PPPK = "pppk", _("PPPK")


class Gender(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


# PNS pangkat/golongan ruang (PP 99/2000), lowest to highest.
PNS_GOLONGAN = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]
# PPPK grades (Perpres 98/2020): golongan I to XVII.
PPPK_GOLONGAN = [
    ("I", "I"), ("II", "II"), ("III", "III"), ("IV", "IV"), ("V", "V"), ("VI", "VI"),
    ("VII", "VII"), ("VIII", "VIII"), ("IX", "IX"), ("X", "X"), ("XI", "XI"), ("XII", "XII"),
    ("XIII", "XIII"), ("XIV", "XIV"), ("XV", "XV"), ("XVI", "XVI"), ("XVII", "XVII"),
]  # fmt: skip
GOLONGAN_CHOICES = [(code, f"{name} ({code})") for code, name in PNS_GOLONGAN] + [
    (code, f"PPPK golongan {code}") for code, _ in PPPK_GOLONGAN
]
PNS_GOLONGAN_RANK = {code: i + 1 for i, (code, _) in enumerate(PNS_GOLONGAN)}
PPPK_GOLONGAN_RANK = {code: i + 1 for i, (code, _) in enumerate(PPPK_GOLONGAN)}
PANGKAT_NAME = dict(PNS_GOLONGAN)


class CompetenceKind(models.TextChoices):
    KOMPETENSI = "kompetensi", _("Kompetensi")
    KEAHLIAN = "keahlian", _("Keahlian")
    KETERAMPILAN = "keterampilan", _("Keterampilan")
