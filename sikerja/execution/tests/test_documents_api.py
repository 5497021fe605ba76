"""The PK and the laporan pelaksanaan tugas over the API (TIK-1): the same files as the pages,
404 for another region or outside my unit, refusals as {code, detail, messages}."""

import pytest

from sikerja.execution import services
from sikerja.execution.tests.helpers import actor
from sikerja.execution.tests.test_api import client_of
from sikerja.execution.tests.test_documents import _accepted_work, _agreement, docx_text, pdf_text

API = "/api/v1/pelaksanaan"


@pytest.mark.req("MEK-1", "TIK-1")
def test_the_issued_pk_over_the_api(demo, other_demo):
    a = _agreement(demo.region)
    url = f"{API}/perjanjian-kinerja/{a.pk}/naskah"
    assert client_of("kabid.aptika").get(url).status_code == 404  # not issued yet
    signed = client_of("kabid.aptika").post(f"{API}/perjanjian-kinerja/{a.pk}/tandatangani")
    number = signed.json()["document_number"]
    assert signed.status_code == 200 and number and number.endswith(f"/{a.year}")
    pdf = client_of("kadis.kominfo").get(url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert f"NOMOR {number}" in pdf_text(pdf.content)
    docx = client_of("kadis.kominfo").get(url, {"format": "docx"})
    assert docx.status_code == 200 and f"NOMOR {number}" in docx_text(docx.content)
    bad = client_of("kadis.kominfo").get(url, {"format": "exe"})
    assert bad.status_code == 422 and bad.json()["code"]
    assert client_of("kadis.kominfo").get(url, {"jenis": "pdf"}).status_code == 422  # unknown parameter
    assert client_of("kabid.riset").get(url).status_code == 404  # outside my unit
    assert client_of("lain.kadis.kominfo").get(url).status_code == 404  # other region


@pytest.mark.req("MEK-4", "TJ-3", "TIK-1")
def test_the_laporan_over_the_api(demo, other_demo):
    work, r, reviews = _accepted_work(demo.region)
    url = f"{API}/{work.pk}/laporan-pelaksanaan"
    me = client_of("pegawai.kominfo")
    early = me.get(url)
    assert early.status_code == 409 and early.json()["code"] == "wrong_state"
    assert "setelah hasil pelaksanaan diterima" in early.json()["detail"]
    half = me.get(url, {"mulai": r.period_start.isoformat()})
    assert half.status_code == 400 and half.json()["messages"]
    period = {"mulai": r.period_start.isoformat(), "selesai": r.period_end.isoformat()}
    ok = me.get(url, {**period, "format": "docx"})
    assert ok.status_code == 200 and "Modul pengaduan selesai diuji" in docx_text(ok.content)
    assert me.get(url, {"mulai": "2001-01-01", "selesai": "2001-01-31"}).status_code == 404
    assert client_of("kabid.riset").get(url, period).status_code == 404  # outside my unit
    assert client_of("lain.kadis.kominfo").get(url, period).status_code == 404  # other region
    services.decide_review(actor=actor("kabid.aptika"), review_id=reviews[0].pk, decision="teruskan")
    services.decide_review(actor=actor("kadis.kominfo"), review_id=reviews[1].pk, decision="teruskan")
    final = client_of("kadis.kominfo").get(url)
    assert final.status_code == 200 and "LAPORAN AKHIR PELAKSANAAN TUGAS" in pdf_text(final.content)
    schema = client_of("kadis.kominfo").get("/api/v1/openapi.json").json()
    assert "/api/v1/pelaksanaan/{work_id}/laporan-pelaksanaan" in schema["paths"]
