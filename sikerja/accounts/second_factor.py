"""TOTP with recovery codes (django-otp) for administrators and the Sekretaris Daerah (PLT-1)."""

from __future__ import annotations

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def pending_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def new_totp_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    """The provisioning URI as an inline SVG QR code (no external service sees the secret)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4)


@transaction.atomic
def confirm_totp(request, device: TOTPDevice, code: str) -> list[str] | None:
    """The first correct code confirms the device and returns fresh recovery codes (shown once)."""
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    static, _ = StaticDevice.objects.get_or_create(
        user=device.user, name="Kode pemulihan", defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    otp_login(request, device)
    return codes


def verify_code(request, code: str) -> bool:
    """A TOTP code or one recovery code (which is then used up)."""
    device = match_token(request.user, code)
    if device is None:
        return False
    otp_login(request, device)
    return True
