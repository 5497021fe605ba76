from django.apps import AppConfig


class ProcessesConfig(AppConfig):
    name = "sikerja.processes"
    label = "processes"
    verbose_name = "Proses bisnis dan SOP"
