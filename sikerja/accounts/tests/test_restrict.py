"""``objects.restrict(actor, action)``: one policy per model and action, region first, fail
closed (issue 9 item 18). Edge cases are built with factories, not the shared demo region."""

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import Role
from sikerja.accounts.restrict import UnknownAction
from sikerja.assignments import candidates
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.letters.models import Document
from sikerja.letters.services import may_revoke
from sikerja.letters.tests.factories import DelegationFactory
from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import Employee
from sikerja.testing.factories import (
    EmployeeFactory,
    PlacementFactory,
    PositionFactory,
    RegionFactory,
    UnitFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db
_codes = itertools.count(1)


@pytest.fixture
def org():
    region = RegionFactory()
    pd = UnitFactory(region=region, name="Dinas Pertanian", code="DISTAN")
    bidang = UnitFactory(region=region, parent=pd, name="Bidang Hortikultura", code="DISTAN.HORTI")
    other_bidang = UnitFactory(region=region, parent=pd, name="Bidang Perkebunan", code="DISTAN.KEBUN")
    kabid = EmployeeFactory(position=PositionFactory(unit=bidang, kind=PositionKind.ADMINISTRATOR, is_leader=True))
    staff = EmployeeFactory(position=PositionFactory(unit=bidang))
    outsider = EmployeeFactory(position=PositionFactory(unit=other_bidang))
    other_leader = EmployeeFactory(
        position=PositionFactory(unit=other_bidang, kind=PositionKind.ADMINISTRATOR, is_leader=True)
    )
    stranger = EmployeeFactory(position=PositionFactory(unit=UnitFactory(region=RegionFactory())))
    return SimpleNamespace(**locals())


def as_actor(region, employee, role=Role.PIMPINAN_UNIT, unit=None):
    user = user_with_role(region, role, unit=unit if unit is not None else employee.unit, employee=employee)
    return actor_for(user, region)


def assignment(org, owning_unit, initiated_by, members=()):
    a = Assignment.objects.create(
        region=org.region,
        form="individu",
        scope="dalam_unit",
        title="Pendataan lahan",
        owning_unit=owning_unit,
        purpose="Pendataan",
        target="Data lahan",
        starts_on=dt.date(2026, 12, 1),
        ends_on=dt.date(2026, 12, 31),
        initiated_by=initiated_by,
        instrument="surat_tugas",
    )
    for m in members:
        Member.objects.create(assignment=a, employee=m, home_unit=m.unit)
    return a


def document(org, signer, *, parties=(), on_behalf_of=None, region=None):
    n = next(_codes)
    doc = Document.objects.create(
        region=region or org.region,
        kind="surat_tugas",
        number=f"800/{n}/DISTAN/2026",
        sequence=n,
        date=dt.date(2026, 12, 1),
        issuing_unit=signer.unit,
        subject="Penugasan",
        payload={},
        signer=signer,
        signer_capacity="plh" if on_behalf_of else "definitif",
        on_behalf_of=on_behalf_of,
        signer_display="Kepala Bidang",
        sha256="0" * 64,
        verification_code=f"KODE{n:08d}",
    )
    doc.parties.set(parties)
    return doc


@pytest.mark.req("PRF-3")
def test_an_unknown_action_fails_closed(org):
    actor = as_actor(org.region, org.kabid)
    for model in (Employee, Assignment, Document):
        with pytest.raises(UnknownAction):
            model.objects.restrict(actor, "hapus-semua")


@pytest.mark.req("PRF-3")
def test_employees_view_is_the_subtree_the_own_record_and_never_another_region(org):
    actor = as_actor(org.region, org.kabid)
    seen = set(Employee.objects.restrict(actor, "view").values_list("pk", flat=True))
    assert {org.kabid.pk, org.staff.pk} <= seen
    assert org.outsider.pk not in seen  # outside my unit
    assert org.stranger.pk not in seen  # another region
    pegawai = as_actor(org.region, org.outsider, role=Role.PEGAWAI, unit=None)
    assert set(Employee.objects.restrict(pegawai, "view").values_list("pk", flat=True)) == {org.outsider.pk}
    assert actor.employees().count() == Employee.objects.restrict(actor).count()


@pytest.mark.req("KED-5")
def test_a_plh_sees_the_people_they_assess_for_the_absent_ppk(org):
    PlacementFactory(employee=org.outsider, assessor=org.other_leader, effective_from=dt.date(2025, 1, 2))
    actor = as_actor(org.region, org.kabid)
    assert not Employee.objects.restrict(actor).filter(pk=org.outsider.pk).exists()
    DelegationFactory(delegator=org.other_leader, delegate=org.kabid, kind="plh")
    actor = as_actor(org.region, org.kabid)
    assert Employee.objects.restrict(actor).filter(pk=org.outsider.pk).exists()


@pytest.mark.req("PRF-3")
def test_employees_change_is_for_the_hr_administrator_of_the_region_only(org):
    hr = actor_for(user_with_role(org.region, Role.ADMIN_BKPSDM), org.region)
    changeable = set(Employee.objects.restrict(hr, "change").values_list("pk", flat=True))
    assert {org.kabid.pk, org.staff.pk, org.outsider.pk} <= changeable and org.stranger.pk not in changeable
    assert not Employee.objects.restrict(as_actor(org.region, org.kabid), "change").exists()


@pytest.mark.req("PRF-3")
def test_assignments_view_is_parties_and_their_superiors(org):
    mine = assignment(org, org.bidang, org.kabid, members=[org.staff])
    theirs = assignment(org, org.other_bidang, org.other_leader, members=[org.outsider])
    borrowed = assignment(org, org.other_bidang, org.other_leader, members=[org.staff])  # my staff, their unit
    kabid = as_actor(org.region, org.kabid)
    assert set(Assignment.objects.restrict(kabid)) == {mine, borrowed}
    outsider = as_actor(org.region, org.outsider, role=Role.PEGAWAI, unit=None)
    assert set(Assignment.objects.restrict(outsider)) == {theirs}
    Step.objects.create(
        assignment=theirs,
        order=1,
        kind=Step.Kind.choices[0][0],
        role="pimpinan",
        action="Menyetujui",
        official=org.kabid,
    )
    assert set(Assignment.objects.restrict(as_actor(org.region, org.kabid))) == {mine, theirs, borrowed}
    stranger = as_actor(org.stranger.region, org.stranger)
    assert not Assignment.objects.restrict(stranger).exists()


@pytest.mark.req("PRF-3")
def test_documents_view_names_someone_in_scope(org):
    for_staff = document(org, org.kabid, parties=[org.staff])
    for_outsider = document(org, org.other_leader, parties=[org.outsider])
    kabid = as_actor(org.region, org.kabid)
    assert set(Document.objects.restrict(kabid)) == {for_staff}
    sekda = actor_for(user_with_role(org.region, Role.SEKDA), org.region)
    assert {for_staff, for_outsider} <= set(Document.objects.restrict(sekda))
    assert not Document.objects.restrict(as_actor(org.stranger.region, org.stranger)).exists()


@pytest.mark.req("KED-5")
def test_documents_revoke_is_the_official_their_running_plh_or_an_org_admin(org):
    signed = document(org, org.other_leader, parties=[org.outsider])
    by_plh = document(org, org.kabid, parties=[org.outsider], on_behalf_of=org.other_leader)
    other = as_actor(org.region, org.other_leader)
    assert set(Document.objects.restrict(other, "revoke")) == {signed, by_plh}
    kabid = as_actor(org.region, org.kabid)
    assert set(Document.objects.restrict(kabid, "revoke")) == {by_plh}  # the Plh who signed it
    assert not may_revoke(kabid, signed)
    DelegationFactory(delegator=org.other_leader, delegate=org.kabid, kind="plt")
    assert may_revoke(as_actor(org.region, org.kabid), signed)
    ended = DelegationFactory(
        delegator=org.other_leader,
        delegate=org.staff,
        kind="plh",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 1, 9),
    )
    assert not may_revoke(as_actor(org.region, ended.delegate), signed)  # a delegation that ended
    admin = actor_for(user_with_role(org.region, Role.ADMIN_ORGANISASI), org.region)
    assert set(Document.objects.restrict(admin, "revoke")) >= {signed, by_plh}


@pytest.mark.req("PEN-14")
def test_candidate_search_and_ketua_ranking_guard_themselves(org):
    pegawai = as_actor(org.region, org.staff, role=Role.PEGAWAI, unit=None)
    with pytest.raises(PermissionDenied, match="Pencarian dan pemilihan calon"):
        candidates.search_candidates(pegawai, starts_on=dt.date(2026, 12, 1), ends_on=dt.date(2026, 12, 31))
    with pytest.raises(PermissionDenied, match="Pencarian dan pemilihan calon"):
        candidates.ketua_ranking(pegawai, [org.staff.pk], None)
    leader = as_actor(org.region, org.kabid)
    page = candidates.search_candidates(leader, starts_on=dt.date(2026, 12, 1), ends_on=dt.date(2026, 12, 31))
    assert org.staff.pk in {r.employee.pk for r in page.rows}
