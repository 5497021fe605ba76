import pytest
from django.urls import reverse

from sikerja.organisation.models import Employee, Unit
from sikerja.organisation.rules.golongan import pangkat_label


@pytest.mark.req("ORG-1")
def test_tree_lists_perangkat_daerah_and_expands(demo, login):
    client = login("admin.organisasi")
    tree = client.get(reverse("web:unit_tree")).content.decode()
    assert "Sekretariat Daerah" in tree and "Inspektorat Daerah" in tree and "Kecamatan" in tree
    setda = Unit.objects.get(region=demo.region, code="SETDA")
    children = client.get(reverse("web:unit_children", args=[setda.pk])).content.decode()
    assert "Asisten Administrasi Umum" in children
    found = client.get(reverse("web:unit_tree"), {"q": "organisasi"}).content.decode()
    assert "Bagian Organisasi" in found and "Asisten Administrasi Umum" in found  # path shown


@pytest.mark.req("ORG-2", "ORG-6")
def test_unit_page_shows_leader_peta_jabatan_and_staff(demo, login):
    client = login("admin.bkpsdm")
    unit = Unit.objects.get(region=demo.region, code="DISKOMINFO.BID1")
    page = client.get(reverse("web:unit_detail", args=[unit.pk])).content.decode()
    leader = Employee.objects.get(unit=unit, position__is_leader=True)
    assert leader.full_name in page and "Kepala Bidang Aplikasi Informatika" in page
    assert "Pranata Komputer Ahli Muda" in page and "Fungsional" in page
    for emp in Employee.objects.filter(unit=unit)[:5]:
        assert emp.nip in page


@pytest.mark.req("ORG-5")
def test_employee_page_shows_the_record(demo, login):
    client = login("admin.bkpsdm")
    emp = Employee.objects.filter(region=demo.region, position__kind="fungsional", placements__isnull=False).first()
    page = client.get(reverse("web:employee_detail", args=[emp.pk])).content.decode()
    assessor = emp.placements.get(effective_until__isnull=True).assessor
    for text in (emp.nip, emp.get_status_display(), pangkat_label(emp.status, emp.golongan), emp.position.name, emp.unit.name, assessor.full_name):
        assert text in page, text
    assert emp.competence_links.first().competence.name in page


@pytest.mark.req("ORG-1")
def test_org_chart_shows_the_whole_perangkat_daerah(demo, login):
    client = login("admin.bkpsdm")
    pd = Unit.objects.get(region=demo.region, code="DINKES")
    page = client.get(reverse("web:org_chart", args=[pd.pk])).content.decode()
    for unit in Unit.objects.filter(perangkat_daerah=pd):
        assert f'data-unit="{unit.pk}"' in page
    assert "RSUD" in page or "Rumah Sakit" in page


@pytest.mark.req("PRF-1")
def test_profile_page_lists_every_setting_with_its_article(demo, login):
    client = login("pegawai.kominfo")
    page = client.get(reverse("web:profile")).content.decode()
    profile = demo.region.profile
    assert profile.name in page
    for entry in profile.settings.values():
        if entry.get("article"):
            assert entry["article"].replace('"', "&quot;") in page or entry["article"] in page


def test_home_summarises_the_region(demo, login):
    page = login("sekda").get(reverse("web:home")).content.decode()
    assert demo.region.name in page and "Perangkat daerah" in page
