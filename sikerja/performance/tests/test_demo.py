"""The demo region carries SKPs, evidence, feedback and one finished quarter whose curve breaks
in one unit and fits in another (issue 13 item 10)."""

import pytest

from sikerja.organisation.models import Unit
from sikerja.performance import selectors
from sikerja.performance.models import Period, SkpEvidence, SkpFeedback
from sikerja.performance.tests.helpers import actor


@pytest.mark.req("KIN-9", "KIN-2")
def test_demo_has_a_finished_quarter_that_breaks_the_curve_in_one_unit(demo):
    region = demo.region
    tw1 = Period.objects.get(region=region, kind="tw1")
    assert tw1.status == "ditutup"
    assert SkpEvidence.objects.filter(rhk__skp__region=region).exists()
    assert SkpFeedback.objects.filter(evidence__rhk__skp__region=region).exists()
    sekda = actor("sekda")
    broken = selectors.unit_curve(sekda, Unit.objects.get(region=region, code="DISKOMINFO.BID1").pk, tw1.pk)
    assert broken.n > 0 and broken.final == broken.n
    assert "baik_ada_di_bawah" in {b.rule for b in broken.breaches}
    fits = selectors.unit_curve(sekda, Unit.objects.get(region=region, code="BAPPEDA.BID3").pk, tw1.pk)
    assert fits.n > 0 and fits.setting is not None
    assert fits.breaches == [] or fits.n in (1, 2, 4)  # a unit this small may have no fitting pattern
