"""Opening the year (issue 13, Performance; KIN-6, KIN-7): the SKP drafts for everyone placed
and every cell of the year's Matriks Peran Hasil, with the leaders' adjustments, as an RHK of
its person's draft — in a number of queries that does not grow with the region; a re-run adds
nothing twice, an SKP already submitted and another region are left alone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.execution.models import PerformanceAgreement
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.performance import selectors, services
from sikerja.performance.benchdata import seed_mph
from sikerja.performance.models import Iki, MphAdjustment, Rhk, Skp
from sikerja.performance.services.periods import generate_drafts
from sikerja.performance.tests.helpers import actor, approved_skp

YEAR = 2034


def open_whole_year(admin, year=YEAR):
    with CaptureQueriesContext(connection) as q:
        services.open_year(admin, year=year)
        made = generate_drafts(admin, year=year)
    return made, len(q)


def expected_cells(region, year=YEAR):
    """What the MPH page shows, unit by unit: (employee, target, work) -> (role, title)."""
    out = {}
    for agreement in PerformanceAgreement.objects.filter(region=region, year=year).select_related("unit"):
        for row in selectors.mph_for_unit(region, agreement.unit, year).rows:
            for c in row.cells:
                out[c.key] = (c.role, c.role_label, c.title)
    return out


@pytest.mark.req("KIN-6", "KIN-7")
def test_opening_the_year_turns_every_adjusted_mph_cell_into_an_rhk_of_the_draft(demo, other_demo):
    region = demo.region
    seed_mph(region, YEAR)
    seed_mph(other_demo.region, YEAR)
    assert MphAdjustment.objects.filter(region=region, agreement__year=YEAR, action="hapus").exists()
    submitted, own_rhk, _, _ = approved_skp("pegawai.kominfo", year=YEAR)  # the person's, decided already

    made, _ = open_whole_year(actor("admin.bkpsdm"))

    cells = expected_cells(region)
    rhks = list(
        Rhk.objects.filter(skp__region=region, skp__year=YEAR, target__isnull=False).select_related("skp", "target")
    )
    got = {(r.skp.employee_id, r.target_id, r.work_id): r for r in rhks}
    assert made > 300 and len(rhks) == len(got)  # one RHK per cell, none twice
    drafted = set(Skp.objects.filter(region=region, year=YEAR, status="draf").values_list("employee_id", flat=True))
    expected = {k: v for k, v in cells.items() if k[0] in drafted}  # not the submitted one, nor the unplaced
    assert submitted.employee_id not in drafted and len(expected) > 300
    assert set(got) == set(expected)
    for key, (role, label, title) in expected.items():
        r = got[key]
        assert (r.role, r.text, r.kind, r.skp.status) == (role, f"{label}: {title}", "utama", "draf")
    renamed = MphAdjustment.objects.filter(region=region, agreement__year=YEAR, action="ubah").first()
    r = got[(renamed.employee_id, renamed.target_id, renamed.work_id)]
    assert r.text == f"Ketua tim: {renamed.title}"
    removed = MphAdjustment.objects.filter(region=region, agreement__year=YEAR, action="hapus").first()
    assert (removed.employee_id, removed.target_id, removed.work_id) not in got
    added = MphAdjustment.objects.filter(region=region, agreement__year=YEAR, action="tambah").first()
    assert got[(added.employee_id, added.target_id, None)].text == f"Individu: {added.title}"

    # Each RHK carries the target's indicator as its IKI (an aspek only on JA/JF SKPs) ...
    ikis = {i.rhk_id: i for i in Iki.objects.filter(rhk__in=rhks)}
    assert len(ikis) == len(rhks) == Iki.objects.filter(rhk__in=rhks).count()
    for r in rhks:
        assert (ikis[r.pk].indikator, ikis[r.pk].target) == (r.target.indikator, r.target.target)
        assert ikis[r.pk].aspek == ("kuantitas" if r.skp.form == "ja_jf" else "")
        assert r.perspektif == ("proses_bisnis" if r.skp.form == "jpt" else "")
    # ... and supports the assessor's RHK on the same target where the assessor has one.
    by_owner = {(r.skp.employee_id, r.target_id): r.pk for r in sorted(rhks, key=lambda r: -r.pk)}
    linked = [r for r in rhks if (r.skp.assessor_id, r.target_id) in by_owner]
    assert len(linked) > 100
    assert all(r.intervened_id == by_owner[(r.skp.assessor_id, r.target_id)] for r in linked)

    # The submitted SKP is untouched; the other region opened nothing.
    assert list(Rhk.objects.filter(skp=submitted)) == [own_rhk]
    assert Skp.objects.get(pk=submitted.pk).status == "disetujui"
    assert not Skp.objects.filter(region=other_demo.region, year=YEAR).exists()

    # Opening again writes nothing twice; a cell added to the MPH since lands once.
    before = (Skp.objects.filter(year=YEAR).count(), Rhk.objects.count(), Iki.objects.count())
    assert open_whole_year(actor("admin.bkpsdm"))[0] == 0
    assert (Skp.objects.filter(year=YEAR).count(), Rhk.objects.count(), Iki.objects.count()) == before
    member = next(r for r in rhks if r.role == "anggota")  # a role of their own beside the team's
    newcomer = MphAdjustment.objects.create(
        region=region,
        agreement=member.target.agreement,
        target=member.target,
        employee_id=member.skp.employee_id,
        action="tambah",
        role="individu",
        title="Reviu capaian triwulan",
        adjusted_by=member.target.agreement.leader,
    )
    open_whole_year(actor("admin.bkpsdm"))
    open_whole_year(actor("admin.bkpsdm"))
    [fresh] = Rhk.objects.filter(skp__year=YEAR, text="Individu: Reviu capaian triwulan")
    assert (fresh.skp.employee_id, fresh.target_id, fresh.ikis.count()) == (newcomer.employee_id, newcomer.target_id, 1)
    assert Rhk.objects.count() == before[1] + 1


@pytest.mark.req("KIN-6", "KIN-7")
def test_opening_the_year_takes_the_same_queries_for_a_small_and_a_larger_region(demo):
    large, _, _ = build_demo_region(n_employees=1400, seed=13, slug="buka-tahun-besar", user_prefix="btb")
    for region in (large, demo.region):
        seed_mph(region, YEAR)
    made_small, queries_small = open_whole_year(actor("admin.bkpsdm"))
    made_large, queries_large = open_whole_year(actor("btb.admin.bkpsdm", large))
    rhk_small = Rhk.objects.filter(skp__region=demo.region, skp__year=YEAR, target__isnull=False).count()
    rhk_large = Rhk.objects.filter(skp__region=large, skp__year=YEAR, target__isnull=False).count()
    assert made_large > 3 * made_small and rhk_large > 1.5 * rhk_small > 0
    assert queries_small == queries_large < 45
