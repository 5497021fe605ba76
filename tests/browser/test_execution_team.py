"""Issue 12 "Done means" in a real browser: ONE team's work followed from the perjanjian
kinerja target to an accepted result, under two regulations.

- PPU (the demo region): the Sekda's agreement, the target handed Sekda → Asisten → Kepala
  Bagian (PPU Lampiran huruf C angka 1 huruf a), a team in the Bagian, its plan approved first
  (Ps 5(1)), tasks, reports, and the Setda review chain: Kepala Bagian → Asisten → Sekretaris
  Daerah accepts (Lampiran huruf C angka 1 huruf c).
- Barito Utara (a second small region built by the demo builder): a Dinas agreement handed to a
  Kepala Bidang, the ketua's report to the pimpinan unit and pimpinan PD (Ps 30 ayat (2)), and,
  with no review chain in the Perbup, the PPK then the pimpinan unit accepts.

The officials at each step are read back through the ORM and the profile's rules."""

import subprocess

import pytest
from django.core.management import call_command

from sikerja.assignments import officials
from sikerja.execution import rules
from sikerja.execution.demo import _leader
from sikerja.execution.models import Report
from sikerja.execution.services.common import ppk_for
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Employee, Unit

from .team_walk import Walk

pytestmark = pytest.mark.browser


def _staff(region, code_prefix, n, kinds=("fungsional",)):
    found = list(
        Employee.objects.filter(
            region=region,
            unit__code__startswith=code_prefix,
            position__kind__in=kinds,
            position__is_leader=False,
            user__isnull=True,
            is_active=True,
        ).order_by("unit__code", "pk")[:n]
    )
    assert len(found) == n, f"{code_prefix}: {len(found)} pejabat fungsional"
    return found


@pytest.fixture
def walk(browser, live_server, shots):
    made = []

    def _make(region, **kw):
        w = Walk(region=region, live_url=live_server.url, browser=browser, shots=shots, **kw)
        made.append(w)
        return w

    yield _make
    for w in made:
        w.close()


@pytest.mark.req("MEK-1", "MEK-2", "MEK-3", "MEK-4", "PEL-4", "PEL-6", "TJ-2", "TJ-3")
def test_ppu_team_from_target_to_accepted_in_the_setda_chain(demo_live, walk, tmp_path):
    region = demo_live.region
    sekda, asisten, kabag = (_leader(region, c) for c in ("SETDA", "SETDA.AS1", "SETDA.AS1.B1"))
    ketua = _staff(region, "SETDA.AS1.B1", 1)[0]
    member = next(
        e for e in _staff(region, "SETDA.AS1.", 2, ("fungsional", "pelaksana")) if e != ketua
    )  # another Bagian
    w = walk(
        region,
        agreement_unit=Unit.objects.get(region=region, code="SETDA"),
        handers=[sekda, asisten, kabag],
        owning_unit=Unit.objects.get(region=region, code="SETDA.AS1.B1"),
        ketua=ketua,
        members=[member],
        title="Tim Tindak Lanjut Evaluasi Kelembagaan",
        prefix="ppu",
    )
    work, chain = w.run()
    # The Setda chain of the profile (Lampiran huruf C angka 1 huruf c), not the general one:
    # the ketua's Kepala Bagian/Sub Bagian, then the Asisten, and the Sekretaris Daerah accepts.
    setda = rules.review_chain(officials.profile_of(region), "setda")
    assert setda.unit_type == "setda"
    assert [stage.label for _, stage in chain] == [s.label for s in setda.stages]
    assert [o.pk for o, _ in chain] == [ppk_for(ketua).pk, asisten.pk, sekda.pk]
    assert work.reviews.filter(status="diterima").get().official_id == sekda.pk
    assert "Pasal 12 ayat (4)" in Report.objects.get(work=work, author=ketua).article  # to the PPK and/or pimpinan unit
    _read_the_laporan(w, ketua, work, sekda, tmp_path)


def _read_the_laporan(w, reader, work, accepted_by, tmp_path):
    """The newcomer reads the laporan pelaksanaan tugas of the accepted work (issue 12 item 14):
    downloaded from the work's page in the browser, its text read back from the PDF."""
    page = w.page(reader)
    page.goto(f"{w.live_url}/pelaksanaan/{work.pk}/")
    final = page.locator("#laporan-final")
    with page.expect_download() as info:
        final.get_by_role("link", name="Unduh PDF").click()
    pdf = tmp_path / "laporan.pdf"
    info.value.save_as(pdf)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "LAPORAN AKHIR PELAKSANAAN TUGAS" in text.upper()
    assert work.assignment.title in text
    assert accepted_by.name in text  # the acceptance record names who accepted


@pytest.fixture
def barito_live(transactional_db, live_server):
    """A small region under the Barito Utara profile, committed so the live server sees it."""
    call_command("flush", interactive=False, verbosity=0)
    region, _logins, _builder = build_demo_region(
        n_employees=300,
        seed=12,
        slug="barito-uji",
        name="Kabupaten Barito Uji",
        profile="barito-utara",
        province="Kalimantan Tengah",
    )
    return region


@pytest.mark.req("MEK-1", "MEK-2", "MEK-3", "MEK-4", "PEL-4", "TJ-2", "TJ-3")
def test_barito_utara_team_from_target_to_accepted(barito_live, walk):
    region = barito_live
    kadis, kabid = _leader(region, "DISKOMINFO"), _leader(region, "DISKOMINFO.BID1")
    ketua = _staff(region, "DISKOMINFO.BID1.", 1)[0]
    member = next(e for e in _staff(region, "DISKOMINFO.BID", 2, ("fungsional", "pelaksana")) if e != ketua)
    w = walk(
        region,
        agreement_unit=Unit.objects.get(region=region, code="DISKOMINFO"),
        handers=[kadis, kabid],
        owning_unit=Unit.objects.get(region=region, code="DISKOMINFO.BID1"),
        ketua=ketua,
        members=[member],
        title="Tim Portal Satu Data",
        prefix="bu",
    )
    work, chain = w.run()
    # No review chain in the Perbup: the PPK (the ketua's Kepala Seksi), then the pimpinan unit
    # of the owning unit accepts; the ketua reported to the pimpinan unit and the pimpinan PD
    # (Ps 30 ayat (2)), unlike PPU's PPK and/or pimpinan unit.
    general = rules.review_chain(officials.profile_of(region), "dinas")
    assert general.unit_type is None
    assert [o.pk for o, _ in chain] == [ppk_for(ketua).pk, kabid.pk]
    assert chain[-1][1].accepts and chain[-1][1].role == "pimpinan_unit"
    report = Report.objects.get(work=work, author=ketua)
    assert {r["employee_id"] for r in report.recipients} == {kabid.pk, kadis.pk}
    assert "Pasal 30 ayat (2)" in report.article
