from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sikerja.web"
    label = "web"

    def ready(self):
        # Registers the deployment check (manage.py check --deploy).
        from sikerja.config import production  # noqa: F401
