from django.apps import AppConfig


class ExecutionConfig(AppConfig):
    name = "sikerja.execution"
    label = "execution"
    verbose_name = "Pelaksanaan dan pertanggungjawaban"
