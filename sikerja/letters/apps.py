from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "sikerja.letters"
    label = "letters"
    verbose_name = "Naskah dinas"
