from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "sikerja.organisation"
    label = "organisation"
