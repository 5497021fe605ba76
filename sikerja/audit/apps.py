from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sikerja.audit"
    label = "audit"
