"""Ratings and the nine-cell predikat matrix of PermenPANRB 6/2022 (KIN-8).

The matrix is the regulation itself, not a regional choice, so it lives here as data; the
numeric IKI scoring of the superseded PermenPANRB 8/2021 is deliberately absent (KIN-11)."""

from __future__ import annotations

from django.utils.translation import gettext


class RuleError(ValueError):
    """Input a rule cannot judge (a rating outside the three values); message in Indonesian."""


DI_ATAS, SESUAI, DI_BAWAH = "di_atas", "sesuai", "di_bawah"
RATINGS = (DI_ATAS, SESUAI, DI_BAWAH)
RATING_LABELS = {DI_ATAS: "Di Atas Ekspektasi", SESUAI: "Sesuai Ekspektasi", DI_BAWAH: "Di Bawah Ekspektasi"}

SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG = (
    "sangat_baik",
    "baik",
    "butuh_perbaikan",
    "kurang",
    "sangat_kurang",
)
PREDIKATS = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
PREDIKAT_LABELS = {
    SANGAT_BAIK: "Sangat Baik",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG: "Kurang/Misconduct",
    SANGAT_KURANG: "Sangat Kurang",
}
MATRIX_ARTICLE = "PermenPANRB 6/2022 Lampiran (kuadran predikat kinerja pegawai)"

# (rating hasil kerja, rating perilaku kerja) -> predikat
MATRIX: dict[tuple[str, str], str] = {
    (DI_ATAS, DI_ATAS): SANGAT_BAIK,
    (DI_ATAS, SESUAI): BAIK,
    (SESUAI, DI_ATAS): BAIK,
    (SESUAI, SESUAI): BAIK,
    (DI_BAWAH, DI_ATAS): BUTUH_PERBAIKAN,
    (DI_BAWAH, SESUAI): BUTUH_PERBAIKAN,
    (DI_ATAS, DI_BAWAH): KURANG,
    (SESUAI, DI_BAWAH): KURANG,
    (DI_BAWAH, DI_BAWAH): SANGAT_KURANG,
}


def check_rating(value, label: str = "Rating") -> str:
    if value not in RATINGS:
        raise RuleError(gettext("%(label)s harus salah satu dari: Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah Ekspektasi.") % {"label": label})
    return value


def predikat(hasil_kerja: str, perilaku: str) -> str:
    """The employee's predikat from the two ratings, exactly as the matrix lists it."""
    check_rating(hasil_kerja, "Rating hasil kerja")
    check_rating(perilaku, "Rating perilaku kerja")
    return MATRIX[(hasil_kerja, perilaku)]


def below_expectation(value: str) -> bool:
    """Predikat that call for a development plan (KIN-4): anything under Baik."""
    return value in (BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
