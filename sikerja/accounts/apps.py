from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sikerja.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from sikerja.accounts import signals

        user_logged_in.connect(signals.session_started, dispatch_uid="accounts.session_started")
        user_logged_out.connect(signals.session_ended, dispatch_uid="accounts.session_ended")
