"""The SKP, the dokumen evaluasi kinerja and the penetapan predikat kinerja organisasi as PDF
and DOCX: the same data in both, in Bahasa Indonesia, with the people, tables and signature
blocks; the same access as the pages (another region and another unit get a 404)."""

import io
import os

import pytest
from docx import Document

from sikerja.performance import services
from sikerja.performance.tests.helpers import approved_skp, open_year

DUMP = os.environ.get("KIN_DOC_DUMP")  # a folder: the documents are written there to look at


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def dump(name, data):
    if DUMP:
        with open(os.path.join(DUMP, name), "wb") as f:
            f.write(data)


def evaluated(demo):
    skp, rhk, a, ppk = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    iki = rhk.ikis.get()
    ev = services.evaluate(
        ppk,
        skp.pk,
        period_id=periods["tw1"].pk,
        rating_hasil="di_atas",
        rating_perilaku="sesuai",
        realisations={iki.pk: "3 aplikasi berjalan"},
    )
    return skp, rhk, ev, periods


@pytest.mark.req("KIN-6")
def test_skp_as_docx_holds_the_people_rhk_behaviour_lampiran_and_signatures(demo, login):
    skp, rhk, _, _ = approved_skp("pegawai.kominfo")
    c = login("pegawai.kominfo")
    r = c.get(f"/kinerja/skp/{skp.pk}/skp.docx")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert f"skp-{skp.employee.nip}-2031" in r["Content-Disposition"]
    dump("skp.docx", r.content)
    text = docx_text(r.content)
    e, assessor = skp.employee, skp.assessor
    for value in (
        "SASARAN KINERJA PEGAWAI",
        e.name,
        e.nip,
        e.get_golongan_display(),
        e.position.name,
        assessor.name,
        assessor.nip,
        "Aplikasi layanan berjalan (utama)",
        "Jumlah aplikasi",
        "3 aplikasi",
        "Kuantitas",
        "Berorientasi Pelayanan",
        "Kolaboratif",
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Dukungan sumber daya",
        "Konsekuensi",
        "Pegawai yang dinilai",
        "Pejabat penilai kinerja",
        f"NIP. {assessor.nip}",
    ):
        assert value in text, value
    assert "Realisasi" not in text  # an SKP, not an evaluation
    page = c.get(f"/kinerja/skp/{skp.pk}/").content.decode()
    assert f"/kinerja/skp/{skp.pk}/skp.docx" in page
    pdf = c.get(f"/kinerja/skp/{skp.pk}/skp.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    dump("skp.pdf", pdf.content)


@pytest.mark.req("KIN-3", "KIN-8")
def test_evaluation_document_as_docx_holds_realisation_ratings_and_predikat(demo, login):
    skp, _, ev, periods = evaluated(demo)
    c = login("pegawai.kominfo")
    r = c.get(f"/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}.docx")
    assert r.status_code == 200
    dump("evaluasi.docx", r.content)
    text = docx_text(r.content)
    for value in (
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "Periode Triwulan I 2031",
        "3 aplikasi berjalan",
        "Rating hasil kerja",
        "Di Atas Ekspektasi",
        "Sesuai Ekspektasi",
        "Baik (draf)",  # (Di Atas, Sesuai) → Baik
        "Capaian kinerja organisasi",
        "Pola distribusi",
    ):
        assert value in text, value
    page = c.get(f"/kinerja/skp/{skp.pk}/").content.decode()
    assert f"/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}.docx" in page
    dump("evaluasi.pdf", c.get(f"/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}.pdf").content)


@pytest.mark.req("KIN-6", "KIN-3")
def test_documents_out_of_reach_are_not_found(demo, other_demo, login):
    skp, _, ev, _ = evaluated(demo)
    for username in ("pegawai.ikp", "kabid.ikp", "lain.admin.bkpsdm"):  # another person, unit, region
        c = login(username)
        for url in (
            f"/kinerja/skp/{skp.pk}/skp.docx",
            f"/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}.docx",
            f"/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}.pdf",
        ):
            assert c.get(url).status_code == 404, (username, url)
    assert login("pegawai.kominfo").get(f"/kinerja/skp/{skp.pk}/evaluasi/999999.docx").status_code == 404


@pytest.mark.req("KIN-6")
def test_the_docx_stays_in_indonesian_on_an_english_page(demo, login):
    from django.utils import translation

    from sikerja.performance.documents import skp_docx
    from sikerja.performance.tests.helpers import actor_of

    skp, _, _, _ = approved_skp("pegawai.kominfo")
    with translation.override("en"):
        data, _ = skp_docx(actor_of(skp.employee), skp.pk)
        assert translation.get_language() == "en"
    text = docx_text(data)
    assert "Berorientasi Pelayanan" in text and "Disetujui" in text and "Approved" not in text


@pytest.mark.req("KIN-6", "KIN-3")
def test_documents_over_the_api(demo, other_demo):
    from sikerja.performance.tests.test_api import client_of

    skp, _, ev, _ = evaluated(demo)
    me = client_of("pegawai.kominfo")
    r = me.get(f"/api/v1/kinerja/skp/{skp.pk}/docx")
    assert r.status_code == 200 and "SASARAN KINERJA PEGAWAI" in docx_text(r.content)
    assert me.get(f"/api/v1/kinerja/skp/{skp.pk}/pdf").content.startswith(b"%PDF")
    r = me.get(f"/api/v1/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}/docx")
    assert r.status_code == 200 and "3 aplikasi berjalan" in docx_text(r.content)
    assert me.get(f"/api/v1/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}/pdf").content.startswith(b"%PDF")
    for other in ("pegawai.ikp", "lain.admin.bkpsdm"):  # outside the unit, another region
        r = client_of(other).get(f"/api/v1/kinerja/skp/{skp.pk}/docx")
        assert r.status_code == 404 and r.json()["code"] == "not_found"
    schema = me.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/kinerja/skp/{skp_id}/evaluasi/{evaluation_id}/docx" in schema


# --- KIN-9 / KIN-10: penetapan predikat kinerja organisasi ------------------------------------
def penetapan_set(demo):
    from sikerja.performance.tests.helpers import actor, emp

    periods = open_year(demo.region)
    unit = emp("kabid.aptika").unit
    row = services.set_unit_predikat(
        actor("kadis.kominfo"),
        unit_id=unit.pk,
        period_id=periods["tw1"].pk,
        rating="di_atas",
        predikat_value="istimewa",
        basis="Seluruh target perjanjian kinerja tercapai",
        recommendations=[
            {"from": "perencanaan", "text": "Capaian 110%"},
            {"from": "pengawasan", "text": "Tanpa temuan"},
        ],
    )
    return unit, periods["tw1"], row


@pytest.mark.req("KIN-9", "KIN-10")
def test_penetapan_predikat_as_docx_and_pdf(demo, login):
    from sikerja.performance.tests.helpers import emp

    unit, period, row = penetapan_set(demo)
    kadis = emp("kadis.kominfo")
    assert row.set_by == kadis and row.set_at is not None and row.on_behalf_of is None
    c = login("kadis.kominfo")
    r = c.get(f"/kinerja/kurva/penetapan.docx?unit={unit.pk}&periode={period.pk}")
    assert r.status_code == 200 and f"penetapan-predikat-{unit.code}" in r["Content-Disposition"]
    dump("penetapan.docx", r.content)
    text = docx_text(r.content)
    for value in (
        "PENETAPAN PREDIKAT KINERJA ORGANISASI",
        unit.name,
        "Triwulan I 2031",
        "Di Atas Ekspektasi",
        "Istimewa",
        "Seluruh target perjanjian kinerja tercapai",
        "unit perencanaan: Capaian 110%",
        "unit pengawasan: Tanpa temuan",
        "Sangat Baik paling banyak 70%",  # the pattern the predikat fixes (SE MenPANRB 3/2023)
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 6 Tahun 2022 "
        "tentang Pengelolaan Kinerja Pegawai Aparatur Sipil Negara",
        f"{kadis.name} (NIP {kadis.nip})",
        f"{kadis.position.name},",
        f"NIP. {kadis.nip}",
    ):
        assert value in text, value
    pdf = c.get(f"/kinerja/kurva/penetapan.pdf?unit={unit.pk}&periode={period.pk}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    dump("penetapan.pdf", pdf.content)
    page = c.get(f"/kinerja/kurva/?unit={unit.pk}&periode={period.pk}").content.decode()
    assert f"/kinerja/kurva/penetapan.docx?unit={unit.pk}&amp;periode={period.pk}" in page


@pytest.mark.req("KIN-10")
def test_penetapan_out_of_reach_or_not_set_is_not_found(demo, other_demo, login):
    unit, period, _ = penetapan_set(demo)
    for username in ("kabid.ikp", "lain.admin.bkpsdm"):  # another unit, another region
        for ext in ("pdf", "docx"):
            url = f"/kinerja/kurva/penetapan.{ext}?unit={unit.pk}&periode={period.pk}"
            assert login(username).get(url).status_code == 404, (username, url)
    c = login("kadis.kominfo")
    other_period = open_year(demo.region)["tw2"]
    assert c.get(f"/kinerja/kurva/penetapan.pdf?unit={unit.pk}&periode={other_period.pk}").status_code == 404
    assert c.get("/kinerja/kurva/penetapan.docx?unit=abc").status_code == 404


@pytest.mark.req("KIN-10")
def test_penetapan_over_the_api(demo, other_demo):
    from sikerja.performance.tests.test_api import client_of

    unit, period, _ = penetapan_set(demo)
    r = client_of("kadis.kominfo").get(f"/api/v1/kinerja/penetapan-predikat/{unit.pk}/{period.pk}/docx")
    assert r.status_code == 200 and "Istimewa" in docx_text(r.content)
    r = client_of("kadis.kominfo").get(f"/api/v1/kinerja/penetapan-predikat/{unit.pk}/{period.pk}/pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    for other in ("kabid.ikp", "lain.admin.bkpsdm"):
        r = client_of(other).get(f"/api/v1/kinerja/penetapan-predikat/{unit.pk}/{period.pk}/pdf")
        assert r.status_code == 404 and r.json()["code"] == "not_found"


@pytest.mark.req("KIN-6")
def test_a_jpt_skp_as_docx_carries_the_perspektif(demo, login):
    skp, _, _, _ = approved_skp("kadis.kominfo")
    assert skp.form == "jpt"
    r = login("kadis.kominfo").get(f"/kinerja/skp/{skp.pk}/skp.docx")
    assert r.status_code == 200
    dump("skp-jpt.docx", r.content)
    text = docx_text(r.content)
    assert "Perspektif" in text and "Proses Bisnis" in text and "RHK atasan" not in text
    assert skp.assessor.name in text and f"NIP. {skp.assessor.nip}" in text
