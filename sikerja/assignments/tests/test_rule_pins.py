"""Pins for rules that a mutation of the code once left green (issue 9, "Tests that pin
behaviour"): the permohonan content check (PEN-6) and the kepala PD as signer of a cross-unit
individual assignment under Barito Utara (PEN-7), both at the service, where users meet them."""

import pytest

from sikerja.assignments import services
from sikerja.assignments.models import Assignment, Step
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.organisation.models import Employee


def base(**kw):
    data = dict(title="Survei kepuasan layanan", purpose="Mengukur kepuasan layanan", target="Laporan survei terbit",
                starts_on=START, ends_on=END, competences=["Statistik"], hours_per_week=4)
    data.update(kw)
    return data


def _bid2_staff(region):
    return (
        Employee.objects.filter(region=region, unit__code="DISKOMINFO.BID2", position__kind__in=["fungsional", "pelaksana"])
        .order_by("pk")
        .first()
    )


@pytest.mark.req("PEN-6")
def test_a_cross_unit_request_without_all_four_contents_is_refused_and_nothing_is_stored(other_demo):
    region = other_demo.region
    before = Assignment.objects.filter(region=region).count()
    with pytest.raises(AssignmentError, match=r"Permohonan belum memuat: kompetensi.*Pasal 20 ayat \(3\)"):
        services.propose(actor=actor("lain.kabid.aptika"), form="individu", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(_bid2_staff(region).pk)], **base(competences=[]))
    assert Assignment.objects.filter(region=region).count() == before


@pytest.mark.req("PEN-6", "PEN-7")
def test_barito_utara_cross_unit_individual_is_requested_then_signed_by_the_kepala_pd(other_demo):
    region = other_demo.region
    a = services.propose(actor=actor("lain.kabid.aptika"), form="individu", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(_bid2_staff(region).pk)], **base())
    assert a.scope == "lintas_unit"
    request = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    assert request.official.unit.code == "DISKOMINFO.BID2"  # the home leader answers first
    issue = a.steps.get(kind=Step.Kind.TERBITKAN)
    assert issue.official == emp("lain.kadis.kominfo")  # BU Ps 20(4): the kepala perangkat daerah
    assert "Pasal 20 ayat (4)" in issue.article
