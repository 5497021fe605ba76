"""Daily: queue one digest mail per person who chose it and has unread, unmailed notifications.
Run from cron or a systemd timer (docs/operations.md)."""

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef

from sikerja.notifications.models import Notification, NotificationSettings
from sikerja.notifications.tasks import send_digest


class Command(BaseCommand):
    help = "Antrekan ringkasan harian notifikasi bagi pengguna yang memilihnya"

    def handle(self, *args, **options):
        pending = Notification.objects.filter(recipient=OuterRef("user"), emailed_at__isnull=True, read_at__isnull=True)
        users = (
            NotificationSettings.objects.filter(email_enabled=True, daily_digest=True, user__is_active=True)
            .filter(Exists(pending))
            .values_list("user_id", flat=True)
        )
        n = 0
        for user_id in users.iterator():
            send_digest.enqueue(user_id)
            n += 1
        self.stdout.write(f"{n} ringkasan diantrekan.")
