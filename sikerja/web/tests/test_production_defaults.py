"""Issue 10 items 11-12: error pages in the site's layout; safe production defaults (CSP, no
inline script, refuse to start on the demo key or without the public address)."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.views.defaults import server_error

from sikerja.config.production import production_problems, require_production_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.req("PLT-8")
def test_an_unknown_address_shows_the_menu_and_plain_words(demo, login, client):
    page = login("kabid.aptika").get("/tidak-ada-halaman-ini/")
    html = page.content.decode()
    assert page.status_code == 404
    assert "Halaman tidak ditemukan" in html and 'aria-label="Menu utama"' in html  # the site's layout, with its menu
    assert "Resolver404" not in html and "tried" not in html
    anonymous = client.get("/tidak-ada-halaman-ini/")
    assert anonymous.status_code in (302, 404) and b"Resolver404" not in anonymous.content


@pytest.mark.req("PLT-8")
def test_the_server_error_page_is_in_the_site_layout():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Terjadi kesalahan pada server" in html and "sikerja.css" in html and 'class="topbar"' in html


@pytest.mark.req("PLT-8")
def test_every_page_carries_a_content_security_policy_without_inline_script(demo, login):
    response = login("kabid.aptika").get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_no_template_carries_inline_script_or_event_handlers():
    """The policy forbids them; this keeps new templates from bringing them back."""
    offenders = []
    for path in ROOT.glob("sikerja/**/templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", text):
            offenders.append(f"{path.relative_to(ROOT)}: {m.group(0)}")
        for m in re.finditer(r"\s(on[a-z]+|hx-on(:|::)[a-z-]+)=", text):
            offenders.append(f"{path.relative_to(ROOT)}: {m.group(1)}")
    assert not offenders, "\n".join(offenders)


class Settings:
    def __init__(self, **kw):
        self.DEBUG, self.SIKERJA_DEMO = False, False
        self.SECRET_KEY, self.SIKERJA_PUBLIC_URL = "insecure-demo-key-set-DJANGO_SECRET_KEY-in-production", ""
        self.__dict__.update(kw)


@pytest.mark.req("PLT-8")
def test_production_refuses_the_demo_key_and_a_missing_public_address(monkeypatch):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    problems = production_problems(Settings())
    assert len(problems) == 2 and "DJANGO_SECRET_KEY" in problems[0] and "SIKERJA_PUBLIC_URL" in problems[1]
    with pytest.raises(ImproperlyConfigured, match="tidak dijalankan"):
        require_production_settings(Settings())
    assert "alamat publik lengkap" in production_problems(Settings(SIKERJA_PUBLIC_URL="http://localhost:8000"))[-1]
    monkeypatch.setenv("DJANGO_SECRET_KEY", "k" * 50)
    assert production_problems(Settings(SECRET_KEY="k" * 50, SIKERJA_PUBLIC_URL="https://sikerja.kab.go.id")) == []
    # The demo and a developer's DEBUG are not production.
    assert production_problems(Settings(SIKERJA_DEMO=True)) == [] == production_problems(Settings(DEBUG=True))
