"""Regional governments (tenants) and the regulation profile each one runs under (PRF-1..3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RegulationProfile(models.Model):
    """A regulation turned into data: each setting carries its value and the article it follows.

    Built-in profiles are loaded from ``sikerja/tenancy/profiles/*.yaml`` (PRF-1); an
    administrator may edit a profile's settings, and the history keeps every version.
    """

    key = models.SlugField("kunci", max_length=60, unique=True)
    name = models.CharField("nama", max_length=200)
    title = models.TextField("judul peraturan", blank=True)
    legal_basis = models.CharField("dasar hukum", max_length=300)
    implements = models.CharField("melaksanakan", max_length=300, blank=True)
    version = models.PositiveIntegerField("versi", default=1)
    is_builtin = models.BooleanField("bawaan", default=False)
    settings = models.JSONField("pengaturan", default=dict)
    # A region's own profile (PLT-6): which region owns it, and which built-in profile at which
    # version (with that version's settings) it was derived from, to tell of newer built-ins.
    owner = models.ForeignKey(
        "tenancy.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="own_profiles",
        verbose_name="milik daerah",
    )  # fmt: skip
    derived_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="derived", verbose_name="diturunkan dari"
    )
    derived_from_version = models.PositiveIntegerField("versi profil asal", null=True, blank=True)
    base_settings = models.JSONField("pengaturan profil asal saat diturunkan", default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("profil regulasi")
        verbose_name_plural = "profil regulasi"

    def __str__(self) -> str:
        return self.name

    def setting(self, key: str):
        """The setting entry ``{value, article, note, silent}``; an unknown key is silent."""
        return self.settings.get(key) or {"value": None, "article": None, "silent": True}

    def value(self, key: str):
        return self.setting(key).get("value")


class Region(models.Model):
    """A Pemerintah Daerah: the tenant. All organisation data hangs from one (PRF-3)."""

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    slug = models.SlugField("kode", max_length=60, unique=True)
    name = models.CharField("nama", max_length=200)
    kind = models.CharField("jenis", max_length=10, choices=Kind.choices, default=Kind.KABUPATEN)
    province = models.CharField("provinsi", max_length=100, blank=True)
    head_title = models.CharField("sebutan kepala daerah", max_length=50, default="Bupati")
    capital = models.CharField("ibu kota", max_length=100, blank=True)
    address = models.CharField("alamat", max_length=300, blank=True)
    profile = models.ForeignKey(
        RegulationProfile, on_delete=models.PROTECT, related_name="regions", verbose_name="profil regulasi"
    )
    is_active = models.BooleanField("aktif", default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("pemerintah daerah")
        verbose_name_plural = "pemerintah daerah"

    def __str__(self) -> str:
        return self.name
