"""Issue 10 item 8: no internal codes on a page an official sees — requirement numbers of the
catalogue (KED-1, PEN-7, TIK-2 ...), setting keys or format strings."""

import re

import pytest
from django.urls import NoReverseMatch, reverse

REQUIREMENT = re.compile(r"\b(?:PRF|ORG|KED|PEN|TIK|PEL|TJ|MEK|KIN|PB|PLT)-\d+\b")
FORMAT_STRING = re.compile(r"\{(?:urut|klasifikasi|kode_unit|tahun|bulan_romawi)[^}]*\}")
TAG = re.compile(r"<[^>]+>")
SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S)

PAGES = {
    "admin.bkpsdm": ["web:home", "ked:report", "ked:patterns", "web:profile", "standing:list",
                     "letters:list", "guide:index", "accounts:admin", "audit:log", "proses:index"],
    "kabid.aptika": ["web:home", "penugasan:inbox", "penugasan:propose", "ked:report", "pelaksanaan:mine",
                     "web:employee_list", "web:unit_tree"],
    "pegawai.kominfo": ["web:home", "penugasan:inbox", "penugasan:apply", "accounts:mine"],
}  # fmt: skip


def visible_text(html: str) -> str:
    return TAG.sub(" ", SCRIPT.sub(" ", html))


@pytest.mark.req("PEN-15", "KED-8")
@pytest.mark.parametrize("username", sorted(PAGES))
def test_pages_show_no_requirement_numbers_or_format_strings(demo, login, username):
    client = login(username)
    problems = {}
    for name in PAGES[username]:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # a page another part of the application has not added yet
        r = client.get(url)
        if r.status_code != 200:
            continue
        text = visible_text(r.content.decode())
        found = REQUIREMENT.findall(text) + FORMAT_STRING.findall(text)
        if found:
            problems[url] = sorted(set(found))
    assert problems == {}
