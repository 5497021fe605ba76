from django.apps import AppConfig


class GuideConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.guide"
    label = "guide"
    verbose_name = "Bantuan"
