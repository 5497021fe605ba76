from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    name = "sikerja.assignments"
    label = "assignments"
    verbose_name = "Penugasan"
