"""Stored results of the kedudukan rules (issue 15 item 1).

The validation report (KED-8) reads these rows instead of judging every placement of the
region on each request. Only services write them (``sikerja.organisation.placement_checks``):
the service that changes a placement, delegation, employee or profile recomputes the people
it affects; imports and seeds recompute the region; ``manage.py refresh_placement_findings``
repairs. Nothing here is a record of its own: it can always be recomputed from the data.
"""

from django.db import models


class PlacementCheck(models.Model):
    """One active employee as the rules saw them on ``computed_on``: structural officials are
    counted but not judged; ``limitation`` says what could not be checked."""

    employee = models.OneToOneField(
        "organisation.Employee", on_delete=models.CASCADE, primary_key=True, related_name="placement_check"
    )
    region = models.ForeignKey("tenancy.Region", on_delete=models.CASCADE, related_name="+")
    # The employee's unit when judged: what the report is scoped and grouped by.
    unit = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE, null=True, related_name="+")
    assessor = models.ForeignKey("organisation.Employee", on_delete=models.SET_NULL, null=True, related_name="+")
    structural = models.BooleanField(default=False)
    has_findings = models.BooleanField(default=False)
    limitation = models.TextField(blank=True)
    computed_on = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["region", "unit"], name="placement_check_scope"),
            models.Index(
                fields=["region", "unit"], condition=models.Q(has_findings=True), name="placement_check_findings"
            ),
            models.Index(fields=["region", "unit"], condition=~models.Q(limitation=""), name="placement_check_limited"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}: {'ada temuan' if self.has_findings else 'sesuai'}"


class PlacementFinding(models.Model):
    """One finding against one employee's placement: the rule, its article, the message."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey("organisation.Employee", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE, null=True, related_name="+")
    requirement = models.CharField(max_length=10)  # rule code, e.g. KED-4
    article = models.CharField(max_length=300)
    message = models.TextField()
    seq = models.PositiveSmallIntegerField(default=0)  # the order judge() gave

    class Meta:
        ordering = ["employee_id", "seq"]
        indexes = [models.Index(fields=["region", "unit", "requirement"], name="placement_finding_scope")]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.requirement}"


class PlacementCheckDay(models.Model):
    """The day a region's checks were last brought up to date: placements and delegations
    start and end by date, so the first read of a new day recomputes the people whose
    placement or delegation took effect or ended since."""

    region = models.OneToOneField("tenancy.Region", on_delete=models.CASCADE, primary_key=True, related_name="+")
    computed_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.region_id}: {self.computed_on}"
