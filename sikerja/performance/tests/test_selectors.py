"""Everyone sees their own (issue 13 item 9): own SKP; the PPK the people they assess; leaders
their subtree; nobody another region or outside their unit. Query counts stay constant."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from sikerja.performance import selectors, services
from sikerja.performance.tests.helpers import actor, actor_of, approved_skp, emp, open_year, ppk_of


@pytest.mark.req("KIN-3")
def test_own_ppk_and_subtree_see_the_skp_a_colleague_does_not(demo):
    skp, _, a, ppk = approved_skp("pegawai.kominfo")
    assert selectors.get_skp(a, skp.pk) == skp
    assert selectors.get_skp(ppk, skp.pk) == skp
    assert selectors.get_skp(actor("kadis.kominfo"), skp.pk) == skp  # kepala PD: the subtree
    with pytest.raises(Http404):
        selectors.get_skp(actor_of(emp("pegawai.ikp")), skp.pk)


@pytest.mark.req("KIN-3")
def test_outside_my_unit_is_not_found(demo):
    skp, _, _, _ = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    with pytest.raises(Http404):
        selectors.get_skp(actor("kabid.ikp"), skp.pk)
    with pytest.raises(Http404):
        selectors.unit_curve(actor("kabid.ikp"), emp("kabid.aptika").unit_id, periods["tw1"].pk)
    assert skp.pk not in set(selectors.visible_skps(actor("kabid.ikp")).values_list("pk", flat=True))


@pytest.mark.req("KIN-3")
def test_another_region_sees_nothing(demo, other_demo):
    skp, _, _, _ = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    stranger = actor("lain.admin.bkpsdm")  # region-wide, but in Teluk Damai
    with pytest.raises(Http404):
        selectors.get_skp(stranger, skp.pk)
    with pytest.raises(Http404):
        selectors.unit_curve(stranger, emp("kabid.aptika").unit_id, periods["tw1"].pk)
    assert not selectors.visible_skps(stranger).filter(pk=skp.pk).exists()
    with pytest.raises(Http404):
        services.add_coaching(stranger, skp.pk, text_value="x")


@pytest.mark.req("KIN-3")
def test_ppk_inbox_lists_the_people_assessed_in_constant_queries(demo):
    e = emp("pegawai.kominfo")
    ppk, assessor = ppk_of(e)
    periods = open_year(demo.region)
    selectors.ppk_inbox(ppk, 2031, periods["tw1"])  # the actor's own lookups are cached after this
    with CaptureQueriesContext(connection) as before:
        rows = selectors.ppk_inbox(ppk, 2031, periods["tw1"])
    assert e.pk in [r.employee.pk for r in rows]
    approved_skp(e)
    for row in rows[:3]:
        if row.employee.pk != e.pk:
            services.draft_skp(actor_of(row.employee), year=2031)
    with CaptureQueriesContext(connection) as after:
        rows = selectors.ppk_inbox(ppk, 2031, periods["tw1"])
    assert next(r for r in rows if r.employee.pk == e.pk).skp.status == "disetujui"
    assert len(after) == len(before)
