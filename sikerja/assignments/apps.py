from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    name = "sikerja.assignments"
    label = "assignments"
    verbose_name = "Penugasan"

    def ready(self):
        # The receiver that makes an assignment follow the revocation of its letters.
        from sikerja.assignments.actions import lifecycle  # noqa: F401
