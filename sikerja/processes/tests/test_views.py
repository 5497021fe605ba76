"""Pages of proses bisnis: catalogue, process, maps, SOP, relasi, monitoring, unit section."""

import pytest
from django.urls import reverse

from sikerja.processes.models import MapKind, MapVersion, Monitoring, Process, Review, SopVersion, VersionStatus


def table(html, table_id):
    start = html.index(f'id="{table_id}"')
    return html[start : html.index("</table>", start)]


def _approved_sop(region, name="Pembangunan Aplikasi Layanan Publik"):
    return SopVersion.objects.get(sop__region=region, sop__name=name, status=VersionStatus.APPROVED)


@pytest.mark.req("PB-1", "PB-5")
def test_catalogue_lists_levels_kinds_and_searches_by_unit_word_and_position(demo, login):
    c = login("pegawai.kominfo")
    r = c.get(reverse("proses:index"))
    assert r.status_code == 200
    html = r.content.decode()
    assert "PB.0" in html and "Perencanaan pembangunan daerah" in html and "Proses manajemen" in html
    bappeda = Process.objects.get(region=demo.region, code="PB.1.1").owning_unit
    r = c.get(reverse("proses:index"), {"unit": bappeda.pk})
    html = table(r.content.decode(), "processes")
    assert "Perencanaan pembangunan daerah" in html and "Manajemen ASN" in html  # BAPPEDA takes part in ASN
    assert "Pengelolaan aplikasi layanan publik" not in html
    html = table(c.get(reverse("proses:index"), {"q": "aplikasi"}).content.decode(), "processes")
    assert "Pengelolaan aplikasi layanan publik" in html and "Manajemen ASN" not in html
    sop = _approved_sop(demo.region)
    position = sop.actors.first().position
    html = table(c.get(reverse("proses:index"), {"position": position.pk}).content.decode(), "processes")
    assert "Pengelolaan aplikasi layanan publik" in html and "Manajemen ASN" not in html


@pytest.mark.req("PB-1")
def test_the_word_search_finds_processes_by_the_names_of_units_parties_and_positions(demo, login):
    c = login("pegawai.kominfo")

    def found(q):
        return table(c.get(reverse("proses:index"), {"q": q}).content.decode(), "processes")

    planning = Process.objects.get(region=demo.region, code="PB.1.1")
    html = found(planning.owning_unit.name)
    assert "Perencanaan pembangunan daerah" in html and "Pengelolaan aplikasi layanan publik" not in html
    assert "Manajemen ASN" in found("BKN") and "Perencanaan pembangunan daerah" not in found("BKN")  # a party outside
    position = _approved_sop(demo.region).actors.first().position
    assert "Pengelolaan aplikasi layanan publik" in found(position.name)
    assert "Pengelolaan" not in found("zzz-tidak-ada")


@pytest.mark.req("PB-5")
def test_relasi_is_generated_from_participation_as_table_and_diagram(demo, login):
    r = login("pegawai.kominfo").get(reverse("proses:relasi"))
    html = r.content.decode()
    assert r.status_code == 200 and 'id="relasi"' in html and "<svg" in html
    assert "DPRD" in html and "Masyarakat" in html  # outside parties appear as columns


@pytest.mark.req("PB-4", "PB-3")
def test_process_and_map_pages_show_versions_and_the_review_that_produced_v2(demo, login):
    c = login("pegawai.kominfo")
    p = Process.objects.get(region=demo.region, code="PB.1.2")
    assert c.get(reverse("proses:process", args=[p.pk])).status_code == 200
    v2 = MapVersion.objects.get(map__process=p, number=2)
    html = c.get(reverse("proses:map_version", args=[v2.pk])).content.decode()
    assert "Direvisi" in html and "Menghasilkan" in html and "Uji coba bersama" in html
    v1 = MapVersion.objects.get(map__process=p, number=1)
    diff = c.get(reverse("proses:map_diff", args=[v1.pk, v2.pk])).content.decode()
    assert "Uji coba bersama pengusul" in diff  # added
    assert "Mengajukan usulan aplikasi" in diff


@pytest.mark.req("PB-5")
def test_sipoc_page_and_bpmn_download(demo, login):
    c = login("pegawai.kominfo")
    root = Process.objects.get(region=demo.region, code="PB.0")
    sipoc = MapVersion.objects.get(map__process=root, map__kind=MapKind.PETA_PROSES)
    html = c.get(reverse("proses:map_version", args=[sipoc.pk])).content.decode()
    assert "Pemerintah Pusat" in html and "RPJMD dan RKPD" in html
    drawn = MapVersion.objects.get(map__process=root, map__kind=MapKind.PETA_SUBPROSES)
    r = c.get(reverse("proses:map_bpmn", args=[drawn.pk]))
    assert r.status_code == 200 and r["Content-Type"].startswith("application/xml")
    assert b"bpmn:definitions" in r.content and ".bpmn" in r["Content-Disposition"]


@pytest.mark.req("PB-6")
def test_sop_page_pdf_and_docx(demo, login):
    c = login("pegawai.kominfo")
    v = _approved_sop(demo.region)
    html = c.get(reverse("proses:sop_version", args=[v.pk])).content.decode()
    assert v.nomor in html and "Menganalisis kebutuhan" in html and 'data-symbol="keputusan"' in html
    r = c.get(reverse("proses:sop_pdf", args=[v.pk]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    r = c.get(reverse("proses:sop_docx", args=[v.pk]))
    assert r.status_code == 200 and r.content[:2] == b"PK"


@pytest.mark.req("PB-6")
def test_overdue_monitoring_is_shown_to_the_unit_leader_not_to_another_unit(demo, login):
    overdue = Monitoring.objects.get(
        region=demo.region, done_on__isnull=True, sop_version__sop__name="Pembangunan Aplikasi Layanan Publik"
    )
    html = login("kabid.aptika").get(reverse("proses:index")).content.decode()
    assert 'id="overdue"' in html and reverse("proses:monitoring", args=[overdue.pk]) in html
    html = login("kabid.riset").get(reverse("proses:index")).content.decode()
    assert 'id="overdue"' not in html


@pytest.mark.req("PB-1")
def test_unit_page_loads_its_processes_and_sops(demo, login):
    c = login("pegawai.kominfo")
    unit = Process.objects.get(region=demo.region, code="PB.1.2").owning_unit
    assert (
        reverse("proses:unit_section", args=[unit.pk])
        in c.get(reverse("web:unit_detail", args=[unit.pk])).content.decode()
    )
    html = c.get(reverse("proses:unit_section", args=[unit.pk])).content.decode()
    assert (
        "Pengelolaan aplikasi layanan publik" in html
        and "Perencanaan pembangunan daerah" in html
        and "Manajemen ASN" in html
    )


@pytest.mark.req("PB-6")
def test_position_page_lists_the_sop_steps_it_performs(demo, login):
    v = _approved_sop(demo.region)
    step = v.steps.get(no=2)
    html = login("pegawai.kominfo").get(reverse("proses:position", args=[step.actor.position_id])).content.decode()
    assert step.kegiatan in html


@pytest.mark.req("PB-4")
def test_demo_has_a_finished_review_that_produced_an_approved_version(demo):
    r = Review.objects.get(region=demo.region, decision="revisi", map_version__isnull=False)
    assert r.new_map_version.status == VersionStatus.APPROVED and r.map_version.status == VersionStatus.SUPERSEDED
