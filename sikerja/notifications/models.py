"""One notification model for every hand-over (DESIGN.md: one model, one ``notify`` service).

The bell, the inbox page and the daily digest all read ``Notification``; each person's e-mail
choice is a ``NotificationSettings`` row (absent = the defaults: e-mail on, no digest)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    region = models.ForeignKey("tenancy.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    verb = models.CharField("jenis", max_length=60)
    title = models.CharField("judul", max_length=300)
    url = models.CharField("tautan", max_length=500, blank=True)
    # The object the notification is about, as the audit log names objects (label + pk).
    target_type = models.CharField("jenis objek", max_length=60, blank=True)
    target_id = models.CharField("id objek", max_length=40, blank=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    read_at = models.DateTimeField("dibaca", null=True, blank=True)
    # Set when the message left by e-mail (alone or in a digest): a retried task never sends twice.
    emailed_at = models.DateTimeField("dikirim lewat surel", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notifikasi")
        verbose_name_plural = "notifikasi"
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notif_unread"),
            models.Index(fields=["recipient", "verb", "target_type", "target_id"], name="notif_target"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.title}"


class NotificationSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email_enabled = models.BooleanField("kirim lewat surel", default=True)
    daily_digest = models.BooleanField("ringkasan harian, bukan satu surel per pemberitahuan", default=False)

    class Meta:
        verbose_name = _("pengaturan notifikasi")
        verbose_name_plural = "pengaturan notifikasi"

    def __str__(self) -> str:
        return f"{self.user}: surel {'aktif' if self.email_enabled else 'mati'}"


class WorkerHeartbeat(models.Model):
    """Written by the background worker every few seconds; the health endpoint reads it."""

    worker_id = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField()
    started_at = models.DateTimeField()

    class Meta:
        verbose_name = _("detak pekerja latar")
        verbose_name_plural = "detak pekerja latar"

    def __str__(self) -> str:
        return f"{self.worker_id} @ {self.seen_at:%Y-%m-%d %H:%M:%S}"
