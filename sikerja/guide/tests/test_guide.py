"""PLT-7: help inside the app — a guide per role and per flow, linked from every page's title,
citing the region's own regulation and naming buttons that really exist."""

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from django.template.loader import get_template
from django.urls import reverse

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import MemberInput
from sikerja.guide import content
from sikerja.organisation.models import Employee, Unit
from sikerja.tenancy.labels import SETTING_LABELS
from sikerja.tenancy.models import Region
from sikerja.testing.factories import ProfileFactory

pytestmark = pytest.mark.req("PLT-7")

GUIDES = sorted(content.registry())
HELP_LINK = re.compile(r'<a class="help-link" id="help-link" href="([^"]+)"')
CODES = re.compile(r"\b(?:PEN|KED|PLT|ORG|MEK|PRF|NAS|LAP)-\d+\b")


def _main(page: str) -> str:
    return page.split('<main id="main">', 1)[1].split("</main>", 1)[0]


def _issued(region) -> Assignment:
    kabid = Employee.objects.get(user__username="kabid.aptika")
    today = dt.date.today()
    a = services.propose(
        actor=actor_for(kabid.user, region),
        form="individu",
        owning_unit_id=Unit.objects.get(region=region, code="DISKOMINFO.BID1").pk,
        members=[MemberInput(Employee.objects.get(user__username="pegawai.kominfo").pk)],
        title="Penyusunan buku data sektoral",
        purpose="Menyusun data sektoral",
        target="Buku data sektoral terbit",
        starts_on=today,
        ends_on=today + dt.timedelta(days=90),
        competences=["Statistik"],
        hours_per_week=6,
    )
    a.refresh_from_db()
    assert a.status == Assignment.Status.DITERBITKAN and a.letter_id
    return a


def test_the_index_lists_every_guide_by_role_and_by_flow(demo, login):
    page = login("pegawai.kominfo").get(reverse("guide:index")).content.decode()
    roles = page.split('id="guides-roles"', 1)[1].split("</ul>", 1)[0]
    flows = page.split('id="guides-flows"', 1)[1].split("</ul>", 1)[0]
    for g in content.by_kind(content.ROLE):
        assert reverse("guide:detail", args=[g.slug]) in roles
    for g in content.by_kind(content.FLOW):
        assert reverse("guide:detail", args=[g.slug]) in flows
    assert len(content.by_kind(content.ROLE)) == 6 and len(content.by_kind(content.FLOW)) == 11
    # the employee's own role guide is offered first
    assert reverse("guide:detail", args=["pegawai"]) in page.split('id="my-guide"', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize("slug", GUIDES)
def test_every_guide_renders_for_a_logged_in_user(demo, login, slug):
    guide = content.get(slug)
    response = login("pegawai.kominfo").get(reverse("guide:detail", args=[slug]))
    assert response.status_code == 200
    main = html.unescape(_main(response.content.decode()))
    assert str(guide.title) in main and str(guide.purpose) in main and str(guide.who) in main
    for step in guide.steps:
        assert str(step.text) in main
    for related in guide.related:
        assert reverse("guide:detail", args=[related]) in main
    # no internal codes, setting keys or requirement IDs on the page
    assert not CODES.search(main), CODES.search(main)
    for key in guide.settings:
        assert key not in main
        assert SETTING_LABELS[key] in main


def test_an_unknown_guide_is_a_404_and_anonymous_users_log_in_first(demo, login, client):
    assert login("pegawai.kominfo").get("/bantuan/tidak-ada/").status_code == 404
    response = client.get(reverse("guide:index"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_each_main_page_links_its_guide_next_to_the_title(demo, login):
    a = _issued(demo.region)
    emp = Employee.objects.get(user__username="pegawai.kominfo")
    pages = [
        ("pegawai.kominfo", reverse("web:home"), "pegawai"),
        ("kabid.aptika", reverse("web:home"), "pimpinan-unit"),
        ("admin.bkpsdm", reverse("web:home"), "admin-bkpsdm"),
        ("kabid.aptika", reverse("penugasan:inbox"), "jawaban-permohonan"),
        ("kabid.aptika", reverse("penugasan:detail", args=[a.pk]), "ubah-cabut"),  # the signer may change it
        ("pegawai.kominfo", reverse("penugasan:detail", args=[a.pk]), "jawaban-permohonan"),
        ("kabid.aptika", reverse("penugasan:propose"), "penunjukan"),
        ("pegawai.kominfo", reverse("penugasan:apply"), "pengajuan-sukarela"),
        ("admin.bkpsdm", reverse("ked:report"), "kedudukan"),
        ("admin.bkpsdm", reverse("ked:place", args=[emp.pk]), "kedudukan"),
        ("admin.bkpsdm", reverse("ked:delegations"), "pendelegasian"),
        ("admin.bkpsdm", reverse("letters:list"), "naskah"),
        ("admin.bkpsdm", reverse("letters:detail", args=[a.letter_id]), "naskah"),
        ("pegawai.kominfo", reverse("accounts:mine"), "akun"),
        ("admin.bkpsdm", reverse("accounts:admin"), "admin-bkpsdm"),
        ("pegawai.kominfo", reverse("notifications:inbox"), "notifikasi"),
        ("admin.organisasi", reverse("io:index"), "impor-ekspor"),
        ("sekda", reverse("standing:list"), "tim-tetap"),
    ]
    clients = {}
    for username, url, slug in pages:
        client = clients.setdefault(username, login(username))
        response = client.get(url)
        assert response.status_code == 200, url
        found = HELP_LINK.search(response.content.decode())
        assert found, f"no Bantuan link on {url}"
        assert found.group(1) == reverse("guide:detail", args=[slug]), url
        assert slug in content.registry()
        assert client.get(found.group(1)).status_code == 200
    # a page that names no guide links the index
    page = clients["admin.bkpsdm"].get(reverse("web:unit_tree")).content.decode()
    assert HELP_LINK.search(page).group(1) == reverse("guide:index")


def _citations(page: str) -> str:
    return html.unescape(page.split('id="citations"', 1)[1].split("</ul>", 1)[0])


def test_a_guide_cites_the_article_of_the_regions_own_profile(demo, other_demo, login):
    ppu, bu = demo.region.profile, other_demo.region.profile
    assert ppu.name != bu.name
    url = reverse("guide:detail", args=["penunjukan"])
    here = _citations(login("pegawai.kominfo").get(url).content.decode())
    there = _citations(login("lain.pegawai.kominfo").get(url).content.decode())
    for key in ("scopes", "work_forms", "assignment_modes"):
        if key not in content.get("penunjukan").settings:
            continue
        assert f"{ppu.name} {ppu.settings[key]['article']}" in here
        assert f"{bu.name} {bu.settings[key]['article']}" in there
    assert ppu.name not in there and bu.name not in here


def test_the_citation_follows_an_edited_profile_and_says_when_it_is_silent(demo, login):
    region = Region.objects.get(pk=demo.region.pk)  # a fresh copy: demo.region is shared by the session
    region.profile = ProfileFactory(
        key="perbup-uji",
        name="Perbup Uji 1/2030",
        settings={
            "letter_signer": {"value": "kepala_pd", "article": "Pasal 77 ayat (3)"},
            "individual_letter_kind": {"value": None, "article": None, "silent": True},
        },
    )
    region.save(update_fields=["profile"])
    cites = _citations(login("pegawai.kominfo").get(reverse("guide:detail", args=["ubah-cabut"])).content.decode())
    assert "Perbup Uji 1/2030 Pasal 77 ayat (3)" in cites and "kepala PD" in cites
    assert "Perbup Uji 1/2030 tidak mengatur hal ini." in cites
    assert "Perbup Penajam" not in cites


def _template_text(name: str) -> str:
    return html.unescape(Path(get_template(name).origin.name).read_text(encoding="utf-8"))


def test_the_steps_name_buttons_and_headings_that_exist_in_their_templates():
    checked = 0
    for guide in content.registry().values():
        for related in guide.related:
            assert related in content.registry(), (guide.slug, related)
        for step in guide.steps:
            for control in step.controls:
                assert f"“{control.text}”" in str(step.text), (guide.slug, control.text)
                assert control.text in _template_text(control.template), (guide.slug, control)
                checked += 1
    assert checked > 100


def test_a_renamed_button_would_fail_the_check():
    assert "Setujui semua" in _template_text("assignments/detail.html")
    assert "Setujui semuanya sekaligus" not in _template_text("assignments/detail.html")


def test_every_start_page_of_a_guide_exists():
    for guide in content.registry().values():
        if guide.start:
            assert reverse(guide.start).startswith("/"), guide.slug
