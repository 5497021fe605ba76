"""Safe production defaults (issue 10 item 12): outside the demo and without DEBUG, SiKerja
refuses to start on the public demo secret key or without its public address (the address every
letter's QR code and verification link carries). The WSGI entry point that gunicorn loads calls
``require_production_settings``; ``manage.py check --deploy`` reports the same problems."""

from __future__ import annotations

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

DEMO_KEY_PREFIX = "insecure-demo-key"


def production_problems(settings) -> list[str]:
    if settings.DEBUG or getattr(settings, "SIKERJA_DEMO", False):
        return []
    problems = []
    if not os.environ.get("DJANGO_SECRET_KEY") or str(settings.SECRET_KEY).startswith(DEMO_KEY_PREFIX):
        problems.append("DJANGO_SECRET_KEY belum diisi: kunci demo bersifat publik dan tidak boleh dipakai di produksi.")
    url = getattr(settings, "SIKERJA_PUBLIC_URL", "")
    if not url:
        problems.append(
            "SIKERJA_PUBLIC_URL belum diisi: alamat publik itu dimuat di kode QR dan tautan verifikasi setiap naskah."
        )
    elif not url.startswith(("https://", "http://")) or "localhost" in url or "127.0.0.1" in url:
        problems.append(f"SIKERJA_PUBLIC_URL ({url}) harus alamat publik lengkap, mis. https://sikerja.kab.go.id.")
    return problems


def require_production_settings(settings) -> None:
    problems = production_problems(settings)
    if problems:
        raise ImproperlyConfigured("SiKerja tidak dijalankan: " + " ".join(problems))


@checks.register(checks.Tags.security, deploy=True)
def check_production_settings(app_configs, **kwargs):
    from django.conf import settings

    return [checks.Error(p, id="sikerja.E001") for p in production_problems(settings)]
