"""What map and SOP versions share: a version once approved never changes (PB-4).

The services refuse edits of an approved version with a clear message; ``save`` and ``delete``
refuse them too, so no code path (admin, shell, a forgotten service) can rewrite what was
approved. The only change an approved version accepts is being retired (its ``status`` and the
time it ended), because a review or a newer version may end it without rewriting it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionStatus(models.TextChoices):
    DRAFT = "draf", _("Draf")
    APPROVED = "disahkan", _("Disahkan")
    SUPERSEDED = "diganti", _("Digantikan versi baru")
    RETIRED = "dicabut", _("Dicabut")


class ImmutableVersion(ValidationError):
    """An attempt to change an approved version or its rows."""


FROZEN = "Versi yang sudah disahkan tidak dapat diubah; buat versi baru melalui reviu."
RETIRE_FIELDS = frozenset({"status", "retired_at"})


class VersionedModel(models.Model):
    number = models.PositiveIntegerField("nomor versi", default=1)
    status = models.CharField("status", max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    approved_at = models.DateTimeField("disahkan", null=True, blank=True)
    retired_at = models.DateTimeField("dicabut", null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored is not None and stored != VersionStatus.DRAFT:
                fields = kwargs.get("update_fields")
                retiring = stored == VersionStatus.APPROVED and fields is not None and set(fields) <= RETIRE_FIELDS
                if not retiring:
                    raise ImmutableVersion(FROZEN)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not self.is_draft:
            raise ImmutableVersion(FROZEN)
        return super().delete(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class VersionRow(models.Model):
    """A row (SIPOC row, SOP step, pelaksana column) of a version: frozen with it."""

    VERSION_FIELD = "version"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check()
        return super().delete(*args, **kwargs)

    def _check(self):
        version_model = type(self)._meta.get_field(self.VERSION_FIELD).related_model
        status = (
            version_model.objects.filter(pk=getattr(self, f"{self.VERSION_FIELD}_id"))
            .values_list("status", flat=True)
            .first()
        )
        if status is not None and status != VersionStatus.DRAFT:
            raise ImmutableVersion(FROZEN)
