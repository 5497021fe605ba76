from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "sikerja.notifications"
    label = "notifications"
    verbose_name = "Notifikasi"

    def ready(self) -> None:
        # Hand-overs of the existing flows are derived from the audit log (handovers.py).
        from sikerja.audit.services import event_recorded
        from sikerja.notifications import handovers

        event_recorded.connect(handovers.on_event_recorded, dispatch_uid="notifications.handovers")
