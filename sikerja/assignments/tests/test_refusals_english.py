"""PLT-5: the refusals of the older services speak the page's language. The msgids stay in
Indonesian (the other tests compare them); with English active the same refusal reads in
English, with its values in place."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.inputs import InputError, check_not_future, clean_text
from sikerja.organisation.models import Placement
from sikerja.organisation.placement_services import PlacementError, place_employee


def _proposal(**kw):
    data = dict(
        title="Tim data",
        purpose="Menyusun data",
        target="Data terbit",
        starts_on=START,
        ends_on=END,
        competences=["Statistik"],
        hours_per_week=4,
    )
    data.update(kw)
    return data


def _propose(demo, **kw):
    return services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.kominfo").pk)],
        **_proposal(**kw),
    )


@pytest.mark.req("PLT-5")
def test_assignment_refusals_read_in_english(demo):
    today = timezone.localdate()
    past = dict(starts_on=today - dt.timedelta(days=60), ends_on=today - dt.timedelta(days=30))
    with translation.override("en"), pytest.raises(AssignmentError) as exc:
        _propose(demo, **past)
    message = exc.value.messages[0]
    assert message.startswith("The whole assignment period (") and "has passed" in message
    assert "sudah lewat" not in message
    # the same refusal in Indonesian (the default) keeps its wording
    with pytest.raises(AssignmentError, match="sudah lewat"):
        _propose(demo, **past)
    with translation.override("en"), pytest.raises(AssignmentError) as exc:
        services.propose(actor=actor("kabid.aptika"), form="kelompok", owning_unit_id=1, members=[], **_proposal())
    assert exc.value.messages == ["The form of assignment must be individual or work team."]
    assert not Assignment.objects.exists()


@pytest.mark.req("PLT-5")
def test_input_guard_names_the_field_in_english(demo):
    with translation.override("en"), pytest.raises(AssignmentError) as exc:
        _propose(demo, purpose="Menyusun\x00data")
    assert exc.value.messages == ["Purpose and objectives contains a NUL character."]
    with translation.override("en"), pytest.raises(InputError) as exc:
        clean_text("x" * 201, "Nama", limit=200)
    assert exc.value.messages == ["Name is at most 200 characters."]
    with translation.override("en"), pytest.raises(InputError) as exc:
        check_not_future(dt.date(2030, 1, 2), "Tanggal keputusan", today=dt.date(2030, 1, 1))
    assert exc.value.messages[0].startswith("Decree date may not be after today (")
    with pytest.raises(InputError, match="Nama paling panjang 200 karakter"):
        clean_text("x" * 201, "Nama", limit=200)
    assert not Assignment.objects.exists()


@pytest.mark.req("PLT-5")
def test_kedudukan_refusal_reads_in_english(demo):
    admin, someone = actor("admin.bkpsdm"), emp("pegawai.kominfo")
    before = Placement.objects.count()
    with translation.override("en"), pytest.raises(PlacementError) as exc:
        place_employee(
            actor=admin,
            employee_id=someone.pk,
            assessor_id=someone.pk,
            basis_number="800/1/2026",
            basis_date=timezone.localdate(),
            effective_from=timezone.localdate(),
        )
    assert exc.value.code == "self"
    assert str(exc.value) == "An employee cannot be their own performance assessor."
    with translation.override("en"), pytest.raises(PlacementError) as exc:
        place_employee(
            actor=admin,
            employee_id=someone.pk,
            assessor_id=someone.pk,
            basis_number=" ",
            basis_date=timezone.localdate(),
            effective_from=timezone.localdate(),
        )
    assert str(exc.value) == "The number of the basis (decree) is required."
    assert Placement.objects.count() == before
