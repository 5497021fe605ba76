from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DelegationQuerySet(models.QuerySet):
    """The one definition of a delegation that is in force (issue 9 item 18)."""

    def running(self, on=None):
        """Not revoked and covering ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(revoked_at__isnull=True, starts_on__lte=on, ends_on__gte=on)

    def acting(self, on=None):
        """Running Plh/Plt delegations: the delegate acts on the delegator's behalf (KED-5)."""
        return self.running(on).filter(kind__in=[Delegation.Kind.PLH, Delegation.Kind.PLT])


class Delegation(models.Model):
    """Assessor authority given to another official for a period (KED-5).

    * Plh / Plt: the delegate acts as PPK for the delegator's direct reports while the
      delegator is absent; placements keep naming the delegator.
    * Pendelegasian kewenangan: the delegate may be named PPK although their position is
      below the profile's minimum ("pejabat lain yang diberi pendelegasian kewenangan").
    """

    class Kind(models.TextChoices):
        PLH = "plh", _("Pelaksana Harian (Plh.)")
        PLT = "plt", _("Pelaksana Tugas (Plt.)")
        AUTHORITY = "pendelegasian", _("Pendelegasian kewenangan PPK")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="delegations")
    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)
    delegator = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, related_name="delegations_given", verbose_name="pemberi"
    )
    delegate = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, related_name="delegations_received", verbose_name="penerima"
    )
    starts_on = models.DateField("mulai")
    ends_on = models.DateField("sampai")
    basis_number = models.CharField("nomor dasar", max_length=120)
    basis_date = models.DateField("tanggal dasar")
    reason = models.TextField("alasan", blank=True)
    revoked_at = models.DateTimeField("dicabut", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("pendelegasian")
        verbose_name_plural = "pendelegasian"
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="delegation_period_valid"),
            models.CheckConstraint(condition=~models.Q(delegator=models.F("delegate")), name="delegation_not_to_self"),
        ]
        indexes = [models.Index(fields=["region", "delegate", "starts_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.delegate} atas nama {self.delegator}"

    def status_label(self, on=None) -> str:
        """berlaku / belum berlaku / berakhir / dicabut, for pages and the API (issue 9 item 12)."""
        on = on or timezone.localdate()
        if self.revoked_at is not None:
            return "dicabut"
        if self.starts_on > on:
            return "belum berlaku"
        if self.ends_on < on:
            return "berakhir"
        return "berlaku"
