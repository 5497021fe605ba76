"""PLT-5: Bahasa Indonesia by default, a complete English interface chosen with a switch that
is remembered, numbers and dates in the active language, letters always in Indonesian."""

import datetime as dt
import importlib.util
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sikerja.accounts.models import Role, UserPreference
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.web.template_text import unmarked

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "sikerja" / "locale" / "en" / "LC_MESSAGES" / "django.po"
# Page templates another change marks itself (none now), and the letters' own content:
# naskah dinas are legal documents in Bahasa Indonesia whatever the page's language.
EXCLUDED_DIRS: tuple[str, ...] = ()
LETTER_CONTENT = {
    f"sikerja/letters/templates/letters/{n}.html"
    for n in (
        "naskah_base",
        "nota_dinas",
        "surat_perintah",
        "keputusan",
        "_tembusan",
        "_persons_table",
        "_person",
        "_sign",
        "perjanjian_kinerja",
        "_pk_sign",
    )
}
# The SOP and SKP documents (PDF/DOCX) are official documents too.
DOCUMENT_CONTENT = {"sikerja/processes/templates/processes/sop_document.html",
                    "sikerja/performance/templates/performance/document_pdf.html",
                    "sikerja/execution/templates/execution/laporan_pdf.html",
                    "sikerja/performance/templates/performance/_signatures.html",
                    "sikerja/performance/templates/performance/penetapan_pdf.html"}  # fmt: skip
INDONESIAN_CHROME = ("Beranda", "Keluar", "Menu utama", "Pegawai", "Penugasan", "Organisasi", "Bantuan", "Notifikasi")


def _compiler():
    spec = importlib.util.spec_from_file_location("compile_messages", ROOT / "scripts" / "compile_messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def english(client: Client) -> Client:
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("web:home")})
    assert response.status_code == 302 and response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    return client


def visible(html: str) -> str:
    """The page's text without markup, scripts and attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.req("PLT-5")
def test_indonesian_by_default_even_for_an_english_browser(demo, login):
    client = login("kadis.kominfo")
    page = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in page
    text = visible(page)
    assert "Beranda" in page and "Keluar" in text and "Menunggu tindakan Anda" in text
    assert "Sign out" not in text and "Waiting for your action" not in text
    # The switch offers both languages, Indonesian selected; it posts to the language view.
    assert f'action="{reverse("set_language")}"' in page
    assert re.search(r'<option value="id" lang="id" selected>Bahasa Indonesia</option>', page)


@pytest.mark.req("PLT-5")
def test_switching_to_english_renders_home_list_and_form_in_english(demo, login):
    client = english(login("kadis.kominfo"))
    home = client.get(reverse("web:home")).content.decode()
    assert '<html lang="en">' in home and "<title>Home · SiKerja" in home
    text = visible(home)
    for phrase in ("Sign out", "Waiting for your action", "My assignments", "Organisation", "Employees",
                   "Assignments", "Letters", "Help", "Display language changed."):  # fmt: skip
        assert phrase in text, phrase
    for word in INDONESIAN_CHROME:
        assert not re.search(rf"\b{word}\b", text), word
    # A list page: the employees, with its search form and table headings.
    listing = visible(client.get(reverse("web:employee_list")).content.decode())
    assert "All position types" in listing and "Search" in listing
    assert not re.search(r"\b(Cari|Keluar|Beranda|Jabatan)\b", listing)
    # A form: the appointment, with Python-side labels and choices in English too.
    form = visible(client.get(reverse("penugasan:propose")).content.decode())
    for phrase in ("Appointment", "Hours allocated per week", "Unit owning the performance",
                   "Purpose and objectives", "Individual assignment", "Work team", "Send the appointment"):  # fmt: skip
        assert phrase in form, phrase
    assert not re.search(r"\b(Alokasi jam per minggu|Maksud dan tujuan|Kirim penunjukan|Keluar)\b", form)
    # And back: Indonesian again.
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert "Keluar" in visible(client.get(reverse("web:home")).content.decode())


@pytest.mark.req("PLT-5")
def test_the_choice_is_stored_and_applied_at_the_next_login(demo, login):
    english(login("kadis.kominfo"))
    assert UserPreference.objects.get(user__username="kadis.kominfo").language == "en"
    fresh = Client()  # another device: no language cookie yet
    assert "Masuk ke SiKerja" in fresh.get(reverse("login")).content.decode()
    response = fresh.post(reverse("login"), {"username": "kadis.kominfo", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Sign out" in fresh.get(reverse("web:home")).content.decode()
    # Someone who never chose keeps Indonesian.
    other = Client()
    response = other.post(reverse("login"), {"username": "admin.bkpsdm", "password": DEMO_PASSWORD})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert "Keluar" in other.get(reverse("web:home")).content.decode()


@pytest.mark.req("PLT-5")
def test_an_unknown_language_is_ignored(demo, login):
    client = login("kadis.kominfo")
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert "Keluar" in client.get(reverse("web:home")).content.decode()
    assert not UserPreference.objects.filter(user__username="kadis.kominfo").exists()


@pytest.mark.req("PLT-5")
def test_error_pages_and_anonymous_pages_follow_the_cookie(demo):
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Sign in to SiKerja" in client.get(reverse("login")).content.decode()
    client.force_login(get_user_model().objects.get(username="kadis.kominfo"))
    missing = client.get("/pegawai/999999999/").content.decode()
    assert "Page not found" in missing and "Halaman tidak ditemukan" not in missing


NUMBERS = Template(
    '{% load i18n humanize %}{{ day|date:"j F Y" }}|{{ hours|floatformat:"-1" }}|{{ count|intcomma }}|'
    '{% blocktranslate trimmed with own_hours=hours|floatformat:"-1" %}{{ own_hours }} jam/minggu{% endblocktranslate %}'
)


@pytest.mark.req("PLT-5")
@pytest.mark.parametrize(
    "language, expected",
    [("id", "2 Desember 2026|37,5|12.345|37,5 jam/minggu"), ("en", "2 December 2026|37.5|12,345|37.5 hours/week")],
)
def test_numbers_and_dates_follow_the_language(language, expected):
    context = Context({"day": dt.date(2026, 12, 2), "hours": Decimal("37.5"), "count": 12345})
    with translation.override(language):
        assert NUMBERS.render(context) == expected


@pytest.mark.req("PLT-5")
def test_python_labels_follow_the_language():
    with translation.override("en"):
        assert str(Role.SEKDA.label) == "Regional Secretary"
    with translation.override("id"):
        assert str(Role.SEKDA.label) == "Sekretaris Daerah"


@pytest.mark.req("PLT-5")
def test_letters_stay_in_indonesian_when_the_page_is_english():
    from sikerja.letters.payloads import AssignmentPayload, Person
    from sikerja.letters.tests.test_content import _text

    person = Person("Budi", "198703152010011002", "Penata (III/c)", "Analis", "Bidang A", status="pns", role="Ketua")
    payload = AssignmentPayload(subject="Tim", dasar=["Peraturan"], persons=[person], untuk=["Bekerja"])
    with translation.override("en"):
        text = _text("surat_perintah", payload)
        assert translation.get_language() == "en"  # restored after the letter
    assert "Desember 2026" in text and "December" not in text
    assert "NIP" in text and "Sign out" not in text


@pytest.mark.req("PLT-5")
def test_the_committed_mo_is_up_to_date_with_the_po():
    mo = PO.with_suffix(".mo")
    assert mo.exists(), "run scripts/compile_messages.py"
    assert _compiler().compile_po(PO) == mo.read_bytes(), "django.mo is stale: run scripts/compile_messages.py"


@pytest.mark.req("PLT-5")
def test_every_message_has_an_english_translation_with_the_same_placeholders():
    entries = [e for e in _compiler().parse_po(PO.read_text(encoding="utf-8")) if e["msgid"]]
    assert len(entries) > 900
    empty = [e["msgid"] for e in entries if not all(e["msgstr"].values()) or e["fuzzy"]]
    assert empty == []
    for e in entries:
        for pattern in (r"%\(\w+\)s", r"\{\w+\}"):
            assert sorted(re.findall(pattern, e["msgstr"][0])) == sorted(re.findall(pattern, e["msgid"])), e["msgid"]


def page_templates() -> list[Path]:
    found = []
    for path in sorted((ROOT / "sikerja").glob("*/templates/**/*.html")):
        rel = path.relative_to(ROOT).as_posix()
        if (EXCLUDED_DIRS and rel.startswith(EXCLUDED_DIRS)) or rel in LETTER_CONTENT | DOCUMENT_CONTENT:
            continue
        found.append(path)
    return found


@pytest.mark.req("PLT-5")
def test_every_template_string_is_marked_for_translation():
    templates = page_templates()
    assert len(templates) > 50
    problems = {}
    for path in templates:
        source = path.read_text(encoding="utf-8")
        left = unmarked(source)
        uses = re.search(r"\{%\s*(translate|trans|blocktranslate|blocktrans)\b", source)
        if left or (uses and not re.search(r"\{%\s*load\s[^%]*\bi18n\b", source)):
            problems[path.relative_to(ROOT).as_posix()] = left or ["{% load i18n %} missing"]
    assert problems == {}


@pytest.mark.req("PLT-5")
def test_the_scanner_finds_unmarked_text_and_accepts_marked_text():
    assert unmarked('<p>Simpan</p><a title="Akun saya">{{ x }}</a>') == ["Simpan", "Akun saya"]
    assert unmarked('{% load i18n %}<p>{% translate "Simpan" %}</p><b>{{ n }} · SiKerja</b>') == []
    assert unmarked("<p>{% blocktranslate %}Halo {{ nama }}{% endblocktranslate %}</p><style>.a{b:c}</style>") == []
    assert unmarked('{% if a %}<span class="x{% if b %} y{% endif %}">lewat</span>{% endif %}') == ["lewat"]
    assert unmarked('{{ a|default:"tidak ada" }}{{ b|default:_("tidak ada") }}{{ c|default:"–" }}') == ["tidak ada"]


@pytest.mark.req("PLT-5")
def test_profile_values_are_written_in_the_active_language(demo, login):
    from sikerja.tenancy.labels import setting_label, value_label

    with translation.override("id"):
        assert value_label(37.5) == "37,5" and value_label(True) == "ya" and value_label(None) == "tidak diatur"
        assert value_label(["individu", "tim_kerja"]) == "individu, tim kerja"
        assert setting_label("scopes") == "Lingkup penugasan"
    with translation.override("en"):
        assert value_label(37.5) == "37.5" and value_label(True) == "yes" and value_label(None) == "not regulated"
        assert value_label(["individu", "tim_kerja"]) == "individual, work team"
        assert setting_label("scopes") == "Assignment scopes"
    page = visible(english(login("kadis.kominfo")).get(reverse("web:profile")).content.decode())
    assert "Assignment scopes" in page and "Setting" in page and "Lingkup penugasan" not in page


@pytest.mark.req("PLT-5")
def test_event_log_words_follow_the_language(demo, login):
    from sikerja.audit.words import object_kind_words, verb_words

    with translation.override("en"):
        assert verb_words("role.granted") == "Role granted"
        assert verb_words("assignment.unknown_thing") == "Assignments: unknown thing"
        assert object_kind_words("organisation.employee") == "Employee"
    with translation.override("id"):
        assert verb_words("role.granted") == "Peran diberikan"
        assert object_kind_words("organisation.employee") == "Pegawai"
    page = visible(english(login("admin.bkpsdm")).get(reverse("audit:log")).content.decode())
    assert "Event log" in page and "All events" in page and "Semua peristiwa" not in page


@pytest.mark.req("PLT-5")
def test_form_errors_are_in_the_language_of_the_page(demo, login):
    for language, expected, other in (
        ("id", "Nama kegiatan/tim wajib diisi.", "Activity/team name is required."),
        ("en", "Activity/team name is required.", "Nama kegiatan/tim wajib diisi."),
    ):
        client = login("kabid.aptika")
        client.post(reverse("set_language"), {"language": language, "next": "/"})
        page = client.post(reverse("penugasan:propose"), {"form": "individu", "title": ""}).content.decode()
        assert expected in page and other not in page


@pytest.mark.req("PLT-5")
def test_execution_performance_and_process_pages_follow_the_language(demo, login):
    pages = (
        (reverse("pelaksanaan:mine"), "My execution", "Pelaksanaan saya"),
        (reverse("kinerja:mine"), "My performance", "Kinerja saya"),
        (reverse("proses:index"), "business process catalogue", "Katalog proses bisnis pemerintah daerah"),
    )
    client = login("kadis.kominfo")
    for url, english_words, indonesian_words in pages:
        text = visible(client.get(url).content.decode())
        assert indonesian_words in text and english_words not in text, url
    english(client)
    for url, english_words, indonesian_words in pages:
        text = visible(client.get(url).content.decode())
        assert english_words in text and indonesian_words not in text, url


@pytest.mark.req("PLT-5")
def test_the_sop_document_stays_in_indonesian_when_the_page_is_english(demo):
    import io

    from docx import Document

    from sikerja.processes.documents import sop_docx
    from sikerja.processes.models import SopVersion, VersionStatus

    version = SopVersion.objects.filter(sop__region=demo.region, status=VersionStatus.APPROVED).first()
    with translation.override("en"):
        doc = Document(io.BytesIO(sop_docx(version)))
        assert translation.get_language() == "en"  # restored after the document
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Nomor SOP" in text and "Kelengkapan" in text
    assert "SOP number" not in text and "Requirements" not in text


@pytest.mark.req("PLT-5")
def test_the_modellers_messages_follow_the_language():
    from sikerja.processes.modeller_words import modeller_words

    with translation.override("en"):
        words = modeller_words()
    assert words["Peta baru dibuat."] == "New map created."
    assert words["Nama lajur diganti menjadi %(name)s."] == "Lane renamed to %(name)s."
    with translation.override("id"):
        assert modeller_words()["Peta baru dibuat."] == "Peta baru dibuat."
