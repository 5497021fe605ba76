"""The perjanjian kinerja as a naskah dinas (MEK-1; issue 12 item 1) and the laporan
pelaksanaan tugas per period and final (MEK-4, TJ-1..3; issue 12 item 14): what they say (text
of the PDF and the DOCX), who may issue the PK, and who may download either."""

import io
import re
import subprocess

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sikerja.execution import services
from sikerja.execution.document_views import laporan_file
from sikerja.execution.models import PerformanceAgreement
from sikerja.execution.services import planning, problems
from sikerja.execution.services.common import ExecutionError
from sikerja.execution.tests.helpers import actor, emp, individual, pdf_upload, unit
from sikerja.letters.models import NumberSequence
from sikerja.letters.tests.factories import DelegationFactory

ROWS = [
    {"sasaran": "Meningkatnya layanan digital", "indikator": "Persentase layanan daring", "target": "80%"},
    {"sasaran": "Tata kelola SPBE yang andal", "indikator": "Indeks SPBE", "target": "3,5"},
]
LINK = "https://drive.example.go.id/laporan-bulan-1"


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    """What pdftotext (poppler) reads from the PDF, whitespace-insensitive."""
    out = subprocess.run(["pdftotext", "-", "-"], input=bytes(data), capture_output=True, check=True)
    return squash(out.stdout.decode())


def docx_text(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        xml = zf.read("word/document.xml").decode()
    return squash(re.sub(r"<[^>]+>", " ", xml.replace("</w:p>", "\n")))


def _agreement(region, login="kabid.aptika", code="DISKOMINFO.BID1"):
    return planning.create_agreement(actor=actor(login), unit_id=unit(region, code).pk, year=_year(), targets=ROWS)


def _year():
    from django.utils import timezone

    return timezone.localdate().year


# --- perjanjian kinerja ---------------------------------------------------------------------
@pytest.mark.req("MEK-1")
def test_signing_issues_the_pk_as_a_numbered_letter_with_both_parties_and_the_targets(demo):
    a = _agreement(demo.region)
    planning.sign_agreement(actor=actor("kabid.aptika"), agreement_id=a.pk)
    a.refresh_from_db()
    doc = a.document
    assert doc is not None and doc.kind == "perjanjian_kinerja" and doc.signer == emp("kabid.aptika")
    assert doc.number.endswith(f"/{unit(demo.region, 'DISKOMINFO.BID1').code}/{_year()}")
    leader, superior = emp("kabid.aptika"), emp("kadis.kominfo")
    assert set(doc.parties.values_list("pk", flat=True)) == {leader.pk, superior.pk}
    for text in (pdf_text(doc.pdf), docx_text(doc.docx)):
        assert f"PERJANJIAN KINERJA TAHUN {_year()}" in text and f"NOMOR {doc.number}" in text
        assert a.unit.name.upper() in text
        assert leader.full_name in text and f"NIP. {leader.nip}" in text
        assert superior.full_name in text and f"NIP. {superior.nip}" in text
        assert "selanjutnya disebut pihak pertama" in text and "selanjutnya disebut pihak kedua" in text
        assert "Pihak Pertama," in text and "Pihak Kedua," in text
        assert superior.position.name in text and leader.position.name in text  # Jabatan of each party
        for row in ROWS:
            assert row["sasaran"] in text and row["indikator"] in text and row["target"] in text
        assert "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014" in text
        assert "Peraturan Bupati Penajam Paser Utara Nomor 31 Tahun 2024" in text
        assert demo.region.capital in text and doc.verification_code in text


@pytest.mark.req("MEK-1")
def test_a_pd_heads_pk_names_the_kepala_daerah_as_pihak_kedua(demo):
    a = _agreement(demo.region, login="kadis.kominfo", code="DISKOMINFO")
    planning.sign_agreement(actor=actor("kadis.kominfo"), agreement_id=a.pk)
    a.refresh_from_db()
    assert a.status == PerformanceAgreement.Status.DISETUJUI
    text = pdf_text(a.document.pdf)
    assert f"{demo.region.head_title} Sungai Lestari" in text and "BUPATI SUNGAI LESTARI" in text.upper()


@pytest.mark.req("MEK-1")
def test_only_the_named_signer_or_their_plh_issues_the_pk(demo, other_demo):
    a = _agreement(demo.region)
    before = NumberSequence.objects.filter(unit=a.unit).values_list("last_number", flat=True).first() or 0
    for who in ("kadis.kominfo", "admin.bkpsdm", "pegawai.kominfo"):  # the superior, an admin, staff
        with pytest.raises(PermissionDenied):
            planning.sign_agreement(actor=actor(who), agreement_id=a.pk)
    with pytest.raises(Http404):  # another region's official
        planning.sign_agreement(actor=actor("lain.kabid.aptika"), agreement_id=a.pk)
    a.refresh_from_db()
    assert a.document_id is None and a.status == "draf"
    assert (NumberSequence.objects.filter(unit=a.unit).values_list("last_number", flat=True).first() or 0) == before
    plh = emp("pegawai.kominfo")
    DelegationFactory(delegator=emp("kabid.aptika"), delegate=plh, kind="plh")
    planning.sign_agreement(actor=actor("pegawai.kominfo"), agreement_id=a.pk)
    a.refresh_from_db()
    doc = a.document
    assert doc.signer == plh and doc.signer_capacity == "plh" and doc.on_behalf_of == emp("kabid.aptika")
    text = pdf_text(doc.pdf)
    assert f"Plh. {emp('kabid.aptika').position.name.upper()}" in text and plh.full_name in text


@pytest.mark.req("MEK-1")
def test_the_issued_pk_downloads_for_those_who_see_the_agreement_only(demo, other_demo, login):
    a = _agreement(demo.region)
    url = f"/pelaksanaan/perjanjian-kinerja/{a.pk}/naskah.pdf"
    assert login("kabid.aptika").get(url).status_code == 404  # not issued yet
    planning.sign_agreement(actor=actor("kabid.aptika"), agreement_id=a.pk)
    page = login("kabid.aptika").get(f"/pelaksanaan/perjanjian-kinerja/{a.pk}/").content.decode()
    assert 'id="agreement-document"' in page and "naskah.docx" in page
    for who in ("kabid.aptika", "kadis.kominfo"):
        r = login(who).get(url)
        assert r.status_code == 200 and r.content[:5] == b"%PDF-" and r["Content-Type"] == "application/pdf"
    docx = login("kadis.kominfo").get(url.replace(".pdf", ".docx"))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert login("kabid.riset").get(url).status_code == 404  # outside my unit
    assert login("lain.kadis.kominfo").get(url).status_code == 404  # other region
    assert login("kabid.aptika").get(url.replace(".pdf", ".exe")).status_code == 404


# --- laporan pelaksanaan tugas --------------------------------------------------------------
def _accepted_work(region):
    work = individual(region).work
    r = services.submit_report(
        actor=actor("pegawai.kominfo"), work_id=work.pk, progress=60, realisation="Modul pengaduan selesai diuji",
        budget_realised="900.000", links=[LINK], files=[pdf_upload("notulen-rapat.pdf")],
    )  # fmt: skip
    services.give_feedback(actor=actor("kabid.aptika"), report_id=r.pk, text_value="Lengkapi uji beban.")
    p = problems.raise_problem(
        actor=actor("pegawai.kominfo"), work_id=work.pk, title="Server uji belum tersedia",
        description="Server uji dari bidang persandian belum disiapkan.",
        recommendations=["Pinjam server bidang lain", "Tunda uji beban"],
    )  # fmt: skip
    decision = p.decisions.first()
    problems.decide_problem(actor=actor(decision.leader.user.username), decision_id=decision.pk, chosen=1)
    reviews = services.submit_result(actor=actor("pegawai.kominfo"), work_id=work.pk, summary="Aplikasi diserahkan")
    return work, r, reviews


@pytest.mark.req("MEK-4", "TJ-1", "TJ-3")
def test_the_final_laporan_has_the_reports_budget_evidence_feedback_problems_and_the_review_chain(demo):
    work, r, reviews = _accepted_work(demo.region)
    with pytest.raises(ExecutionError, match="setelah hasil pelaksanaan diterima"):
        laporan_file(actor("pegawai.kominfo"), work.pk, "pdf", period=None)
    services.decide_review(actor=actor("kabid.aptika"), review_id=reviews[0].pk, decision="teruskan", notes="Lengkap")
    services.decide_review(actor=actor("kadis.kominfo"), review_id=reviews[1].pk, decision="teruskan", notes="Sesuai")
    pdf, name = laporan_file(actor("pegawai.kominfo"), work.pk, "pdf", period=None)
    docx, _ = laporan_file(actor("kadis.kominfo"), work.pk, "docx", period=None)
    assert name.endswith("-akhir.pdf")
    kabid, kadis, me = emp("kabid.aptika"), emp("kadis.kominfo"), emp("pegawai.kominfo")
    for text in (pdf_text(pdf), docx_text(docx)):
        assert "LAPORAN AKHIR PELAKSANAAN TUGAS" in text and work.assignment.title.upper() in text
        assert work.assignment.letter.number in text  # the naskah penugasan it reports on
        assert me.full_name in text and f"NIP. {me.nip}" in text
        assert "Analisis kebutuhan" in text and "Dokumen kebutuhan" in text  # the plan
        assert "Modul pengaduan selesai diuji" in text and "60%" in text  # realisation
        assert "Rp1.500.000" in text and "Rp900.000" in text  # planned and realised budget
        assert LINK in text and "notulen-rapat.pdf" in text  # evidence
        assert "Lengkapi uji beban." in text and "Pejabat Penilai Kinerja" in text  # feedback
        assert "Server uji belum tersedia" in text and "Pinjam server bidang lain" in text  # kendala
        assert "Aplikasi diserahkan" in text  # the result
        assert "Diteruskan" in text and "Diterima, sesuai target" in text and "Lengkap" in text
        assert kabid.full_name in text and kadis.full_name in text
        assert f"diterima sesuai target oleh {kadis.full_name}" in text
        assert "bukan naskah dinas bernomor" in text


@pytest.mark.req("TJ-2", "TJ-3")
def test_a_period_laporan_covers_that_period_only(demo):
    work, r, _ = _accepted_work(demo.region)
    start, end = r.period_start.isoformat(), r.period_end.isoformat()
    pdf, name = laporan_file(actor("kabid.aptika"), work.pk, "pdf", period=(start, end))
    text = pdf_text(pdf)
    assert "LAPORAN PELAKSANAAN TUGAS" in text and "LAPORAN AKHIR" not in text
    assert "Modul pengaduan selesai diuji" in text and "s.d. periode ini" in text and "Rp900.000" in text
    assert name.endswith(f"-{start}.pdf")
    later = [p for p in work.dues.order_by("period_start").values_list("period_start", "period_end")][1]
    text = pdf_text(
        laporan_file(actor("kabid.aptika"), work.pk, "pdf", period=(later[0].isoformat(), later[1].isoformat()))[0]
    )
    assert "Modul pengaduan selesai diuji" not in text and "Belum ada laporan kemajuan pada periode ini" in text
    with pytest.raises(Http404):
        laporan_file(actor("kabid.aptika"), work.pk, "pdf", period=("2001-01-01", "2001-01-31"))
    with pytest.raises(Http404):
        laporan_file(actor("kabid.aptika"), work.pk, "pdf", period=("bukan", "tanggal"))


@pytest.mark.req("MEK-4", "TJ-3")
def test_the_laporan_downloads_from_the_work_page_for_those_who_see_the_work(demo, other_demo, login):
    work, r, reviews = _accepted_work(demo.region)
    me = login("pegawai.kominfo")
    page = me.get(f"/pelaksanaan/{work.pk}/").content.decode()
    query = f"?mulai={r.period_start.isoformat()}&selesai={r.period_end.isoformat()}"
    assert 'id="laporan"' in page and f"laporan-pelaksanaan.pdf{query.replace('&', '&amp;')}" in page
    assert 'id="laporan-final"' not in page
    url = f"/pelaksanaan/{work.pk}/laporan-pelaksanaan.pdf"
    refused = me.get(url)  # the final laporan before acceptance: said on the work's page
    assert refused.status_code == 400 and "setelah hasil pelaksanaan diterima" in refused.content.decode()
    ok = me.get(url.replace(".pdf", ".docx") + query)
    assert ok.status_code == 200 and ok.content[:2] == b"PK" and "attachment" in ok["Content-Disposition"]
    assert login("kabid.riset").get(url + query).status_code == 404  # outside my unit
    assert login("lain.kadis.kominfo").get(url + query).status_code == 404  # other region
    services.decide_review(actor=actor("kabid.aptika"), review_id=reviews[0].pk, decision="teruskan")
    services.decide_review(actor=actor("kadis.kominfo"), review_id=reviews[1].pk, decision="teruskan")
    assert 'id="laporan-final"' in me.get(f"/pelaksanaan/{work.pk}/").content.decode()
    final = login("kadis.kominfo").get(url)
    assert final.status_code == 200 and final.content[:5] == b"%PDF-"


@pytest.mark.req("MEK-1", "MEK-4")
def test_the_demo_has_an_issued_pk_and_an_accepted_work_whose_laporan_downloads(seeded, demo, other_demo):
    from sikerja.execution.models import Work
    from sikerja.execution.tests.test_monitoring import client_for

    for region, prefix in ((demo.region, ""), (other_demo.region, "lain.")):
        agreement = PerformanceAgreement.objects.get(region=region, unit__code="SETDA")
        assert agreement.document.kind == "perjanjian_kinerja" and agreement.document.signer == agreement.leader
        assert "BUPATI" in pdf_text(agreement.document.pdf).upper()
        work = Work.objects.get(region=region, assignment__title="Penyusunan Rekapitulasi Batas Wilayah Desa")
        assert work.status == "selesai"
        asisten = client_for(prefix + "asisten.pemerintahan")
        page = asisten.get(f"/pelaksanaan/{work.pk}/").content.decode()
        assert 'id="laporan-final"' in page
        final = asisten.get(f"/pelaksanaan/{work.pk}/laporan-pelaksanaan.pdf")
        text = pdf_text(final.content)
        assert final.status_code == 200 and "LAPORAN AKHIR PELAKSANAAN TUGAS" in text
        assert "Rekapitulasi batas wilayah 30 desa tersusun" in text and "Diterima, sesuai target" in text
        pk = asisten.get(f"/pelaksanaan/perjanjian-kinerja/{agreement.pk}/naskah.docx")
        assert pk.status_code == 200 and agreement.document.number in docx_text(pk.content)
