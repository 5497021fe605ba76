from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "sikerja.tenancy"
    label = "tenancy"
