"""Choices shared by the kinerja models; values match the pure rules' constants."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.performance.rules import curve, predikat


class Rating(models.TextChoices):
    DI_ATAS = predikat.DI_ATAS, _("Di Atas Ekspektasi")
    SESUAI = predikat.SESUAI, _("Sesuai Ekspektasi")
    DI_BAWAH = predikat.DI_BAWAH, _("Di Bawah Ekspektasi")


class Predikat(models.TextChoices):
    SANGAT_BAIK = predikat.SANGAT_BAIK, _("Sangat Baik")
    BAIK = predikat.BAIK, _("Baik")
    BUTUH_PERBAIKAN = predikat.BUTUH_PERBAIKAN, _("Butuh Perbaikan")
    KURANG = predikat.KURANG, _("Kurang/Misconduct")
    SANGAT_KURANG = predikat.SANGAT_KURANG, _("Sangat Kurang")


class OrgPredikat(models.TextChoices):
    ISTIMEWA = curve.ISTIMEWA, _("Istimewa")
    BAIK = predikat.BAIK, _("Baik")
    BUTUH_PERBAIKAN = predikat.BUTUH_PERBAIKAN, _("Butuh Perbaikan")
    KURANG = predikat.KURANG, _("Kurang")
    SANGAT_KURANG = predikat.SANGAT_KURANG, _("Sangat Kurang")


RATING_VALUES = [c.value for c in Rating]
