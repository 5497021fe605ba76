"""The append-only domain event log: who did what, on whose behalf, when, and why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    pass


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Log peristiwa tidak dapat diubah.")

    def delete(self):
        raise AppendOnlyError("Log peristiwa tidak dapat dihapus.")


class Event(models.Model):
    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, null=True, related_name="events")
    at = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verb = models.CharField("peristiwa", max_length=60)
    object_type = models.CharField("jenis objek", max_length=60)
    object_id = models.CharField("id objek", max_length=40)
    object_repr = models.CharField("objek", max_length=300)
    changes = models.JSONField("perubahan", default=dict)
    reason = models.TextField("alasan", blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("peristiwa")
        verbose_name_plural = "log peristiwa"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.verb} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Log peristiwa tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Log peristiwa tidak dapat dihapus.")
