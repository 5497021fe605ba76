"""PLT-3 / PLT-5: a notification mail is written in the recipient's chosen language (their
profile), else in the language active when it is sent; Indonesian by default. The stored
title itself stays as it was written."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from sikerja.accounts.models import UserPreference
from sikerja.notifications.services import notify, update_settings
from sikerja.notifications.tasks import language_of
from sikerja.testing.worker import run_worker_once

User = get_user_model()


def with_email(username, language=None):
    user = User.objects.get(username=username)
    user.email = f"{username}@contoh.go.id"
    user.save(update_fields=["email"])
    if language:
        UserPreference.objects.update_or_create(user=user, defaults={"language": language})
    return user


@pytest.mark.req("PLT-3", "PLT-5")
def test_single_mail_follows_the_recipients_language(demo, django_capture_on_commit_callbacks):
    english, indonesian = with_email("pegawai.ikp", "en"), with_email("kabid.ikp")
    with django_capture_on_commit_callbacks(execute=True):
        notify(english, "uji.satu", None, title="Laporan menunggu")
        notify(indonesian, "uji.satu", None, title="Laporan menunggu")
    run_worker_once()
    by_to = {m.to[0]: m for m in mail.outbox}
    en, idn = by_to["pegawai.ikp@contoh.go.id"], by_to["kabid.ikp@contoh.go.id"]
    assert en.subject == "[SiKerja] Laporan menunggu"
    assert en.body.startswith("Dear ") and "Laporan menunggu" in en.body
    assert "This e-mail was sent by SiKerja" in en.body and "Yth." not in en.body
    assert idn.body.startswith("Yth. ") and "Surel ini dikirim oleh SiKerja" in idn.body
    assert "This e-mail" not in idn.body


@pytest.mark.req("PLT-3", "PLT-5")
def test_digest_follows_the_recipients_language(demo, django_capture_on_commit_callbacks):
    user = with_email("kabid.ikp", "en")
    update_settings(user=user, email_enabled=True, daily_digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, "uji.satu", None, title="Laporan pertama menunggu")
        notify(user, "uji.dua", None, title="Laporan kedua menunggu")
    run_worker_once()
    assert mail.outbox == []
    call_command("send_notification_digests", stdout=io.StringIO())
    run_worker_once()
    (message,) = mail.outbox
    assert message.subject == "[SiKerja] Daily summary: 2 notifications"
    assert "Summary of the SiKerja notifications you have not read:" in message.body
    assert "- Laporan pertama menunggu" in message.body and "- Laporan kedua menunggu" in message.body
    assert "Ringkasan" not in message.body


@pytest.mark.req("PLT-5")
def test_without_a_choice_the_active_language_then_indonesian(demo):
    user = User.objects.get(username="kabid.ikp")
    UserPreference.objects.filter(user=user).delete()
    with translation.override("en"):
        assert language_of(user) == "en"
    with translation.override(None):
        assert language_of(user) == "id"
    UserPreference.objects.create(user=user, language="id")
    with translation.override("en"):
        assert language_of(user) == "id"  # the person's own choice wins
