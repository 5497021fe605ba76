import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PlacementQuerySet(models.QuerySet):
    """The one definition of which placement counts when (issue 9 item 11).

    A placement is *current* on a day when its period covers that day; one whose period starts
    later is *scheduled*; a withdrawn one (cancelled before it took effect) counts never.
    """

    def active(self):
        return self.filter(withdrawn_at__isnull=True)

    def current(self, on: dt.date | None = None):
        on = on or timezone.localdate()
        return self.active().filter(effective_from__lte=on).filter(
            models.Q(effective_until__isnull=True) | models.Q(effective_until__gte=on)
        )

    def scheduled(self, on: dt.date | None = None):
        return self.active().filter(effective_from__gt=on or timezone.localdate())

    def latest_open(self):
        """The last placement of the sequence (no end date): current or scheduled."""
        return self.active().filter(effective_until__isnull=True)


class Placement(models.Model):
    """Kedudukan: an employee placed under an assessor (PPK), with its basis (KED-1, KED-6).

    Placements of one employee form a sequence: each new one closes the previous the day before
    it takes effect, so exactly one (the last) is open; it may still lie in the future. Which
    one is current is decided by the dates (``Placement.objects.current()``), never by "open".
    """

    class Status(models.TextChoices):
        CURRENT = "berlaku", _("Berlaku")
        SCHEDULED = "terjadwal", _("Terjadwal")
        ENDED = "berakhir", _("Berakhir")
        WITHDRAWN = "ditarik", _("Ditarik")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="placements")
    employee = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="placements")
    assessor = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.PROTECT,
        related_name="assessed_placements",
        verbose_name="pejabat penilai kinerja",
    )
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="placements")
    basis_number = models.CharField("nomor dasar penetapan", max_length=120)
    basis_date = models.DateField("tanggal dasar penetapan")
    effective_from = models.DateField("berlaku mulai")
    effective_until = models.DateField("berlaku sampai", null=True, blank=True)
    # Withdrawn before it took effect (KED-6: kept, not deleted, so the history shows it).
    withdrawn_at = models.DateTimeField("ditarik", null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("kedudukan")
        verbose_name_plural = "kedudukan"
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=models.Q(effective_until__isnull=True, withdrawn_at__isnull=True),
                name="one_open_placement_per_employee",
            ),
            models.CheckConstraint(condition=~models.Q(employee=models.F("assessor")), name="not_own_assessor"),
        ]
        indexes = [models.Index(fields=["region", "assessor"], condition=models.Q(effective_until__isnull=True), name="open_placement_by_assessor")]

    def __str__(self) -> str:
        return f"{self.employee} → {self.assessor} (sejak {self.effective_from:%d-%m-%Y})"

    def status(self, on: dt.date | None = None) -> "Placement.Status":
        on = on or timezone.localdate()
        if self.withdrawn_at is not None:
            return self.Status.WITHDRAWN
        if self.effective_from > on:
            return self.Status.SCHEDULED
        if self.effective_until is not None and self.effective_until < on:
            return self.Status.ENDED
        return self.Status.CURRENT

    @property
    def status_label(self) -> str:
        return self.status().label
