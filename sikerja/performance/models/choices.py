"""Choices shared by the kinerja models; values match the pure rules' constants."""

from django.db import models

from sikerja.performance.rules import curve, predikat


class Rating(models.TextChoices):
    DI_ATAS = predikat.DI_ATAS, "Di Atas Ekspektasi"
    SESUAI = predikat.SESUAI, "Sesuai Ekspektasi"
    DI_BAWAH = predikat.DI_BAWAH, "Di Bawah Ekspektasi"


class Predikat(models.TextChoices):
    SANGAT_BAIK = predikat.SANGAT_BAIK, "Sangat Baik"
    BAIK = predikat.BAIK, "Baik"
    BUTUH_PERBAIKAN = predikat.BUTUH_PERBAIKAN, "Butuh Perbaikan"
    KURANG = predikat.KURANG, "Kurang/Misconduct"
    SANGAT_KURANG = predikat.SANGAT_KURANG, "Sangat Kurang"


class OrgPredikat(models.TextChoices):
    ISTIMEWA = curve.ISTIMEWA, "Istimewa"
    BAIK = predikat.BAIK, "Baik"
    BUTUH_PERBAIKAN = predikat.BUTUH_PERBAIKAN, "Butuh Perbaikan"
    KURANG = predikat.KURANG, "Kurang"
    SANGAT_KURANG = predikat.SANGAT_KURANG, "Sangat Kurang"


RATING_VALUES = [c.value for c in Rating]
