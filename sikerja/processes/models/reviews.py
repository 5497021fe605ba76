"""A review and evaluation of an approved map or SOP version (PB-2, PB-3, PB-4): the findings,
the decision (keep, revise, retire) and, when revised, the new version it produced. The
monitoring whose evaluation fed it is linked, so the SOP's six-monthly results reach the review."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.TextChoices):
    KEEP = "tetap", _("Dipertahankan")
    REVISE = "revisi", _("Direvisi")
    RETIRE = "cabut", _("Dicabut")


class Review(models.Model):
    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="process_reviews")
    map_version = models.ForeignKey(
        "processes.MapVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    sop_version = models.ForeignKey(
        "processes.SopVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    findings = models.TextField("temuan", max_length=4000)
    decision = models.CharField("keputusan", max_length=10, choices=Decision.choices)
    new_map_version = models.OneToOneField(
        "processes.MapVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="produced_by"
    )
    new_sop_version = models.OneToOneField(
        "processes.SopVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="produced_by"
    )
    monitoring = models.ForeignKey(
        "processes.Monitoring",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name="hasil pemantauan yang dievaluasi",
    )
    reviewer = models.ForeignKey(
        "organisation.Employee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField("tanggal reviu")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(map_version__isnull=False) & models.Q(sop_version__isnull=True))
                | (models.Q(map_version__isnull=True) & models.Q(sop_version__isnull=False)),
                name="review_of_map_xor_sop",
            ),
        ]

    def __str__(self) -> str:
        return f"Reviu {self.decided_on}: {self.get_decision_display()}"

    @property
    def subject(self):
        return self.map_version or self.sop_version

    @property
    def new_version(self):
        return self.new_map_version or self.new_sop_version
