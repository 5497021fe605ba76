from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    """Pengelolaan kinerja (PermenPANRB 6/2022, SE MenPANRB 3/2023): SKP, evidence, feedback,
    periodic evaluation, predikat, organisation predikat and the distribution curve (KIN-1..11)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.performance"
    label = "performance"
    verbose_name = "Pengelolaan kinerja"
