"""Only the signer signs (issue 10 item 2): the official the rule names, or their Plh/Plt while the
delegation runs — nobody else, whichever path issues the letter and whatever role the actor has."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sikerja.accounts.models import Role
from sikerja.letters.authority import NotTheSigner, signing_authority
from sikerja.letters.models import Document, NumberSequence
from sikerja.letters.payloads import person_from_employee
from sikerja.letters.samples import sample_payload
from sikerja.letters.services import issue_document
from sikerja.letters.tests.conftest import actor_as, docx_text, leader, pdf_text, squash, staff
from sikerja.letters.tests.factories import DelegationFactory
from sikerja.organisation.choices import PositionKind
from sikerja.testing.factories import EmployeeFactory, PositionFactory, RegionFactory, UnitFactory

pytestmark = [pytest.mark.req("PEN-7", "PEN-15"), pytest.mark.django_db]
TODAY = dt.date.today()


@pytest.fixture
def dinas():
    """A small dinas built from factories: kepala dinas, a kepala bidang below, two staff."""
    region = RegionFactory(capital="Tanjung Uji")
    pd = UnitFactory(region=region, name="Dinas Pekerjaan Umum", code="DPU")
    bidang = UnitFactory(region=region, parent=pd, name="Bidang Bina Marga", code="DPU.BM")
    kadis = EmployeeFactory(
        name="Ir. Kepala Dinas",
        position=PositionFactory(
            unit=pd, is_leader=True, kind=PositionKind.JPT_PRATAMA, name="Kepala Dinas Pekerjaan Umum"
        ),
        golongan="IV/c",
    )
    kabid = EmployeeFactory(
        name="Kepala Bidang Uji",
        position=PositionFactory(
            unit=bidang, is_leader=True, kind=PositionKind.ADMINISTRATOR, name="Kepala Bidang Bina Marga"
        ),
        golongan="IV/a",
    )
    people = [EmployeeFactory(position=PositionFactory(unit=bidang, kind=PositionKind.PELAKSANA)) for _ in range(2)]
    return type(
        "Dinas", (), {"region": region, "pd": pd, "bidang": bidang, "kadis": kadis, "kabid": kabid, "people": people}
    )


def sign(actor, d, *, official=None, **kw):
    payload = sample_payload("surat_perintah", persons=[person_from_employee(e) for e in d.people], official="")
    return issue_document(
        actor=actor, kind="surat_perintah", issuing_unit=d.pd, payload=payload, official=official or d.kadis, **kw
    )


def nothing_issued(d):
    return (
        not Document.objects.filter(region=d.region).exists()
        and not NumberSequence.objects.filter(region=d.region, last_number__gt=0).exists()
    )


def test_the_named_signer_signs_in_their_own_name(dinas):
    doc = sign(actor_as(dinas.kadis, Role.KEPALA_PD), dinas)
    assert doc.signer == dinas.kadis and doc.signer_capacity == "definitif" and doc.on_behalf_of is None
    assert doc.signer_display == "Kepala Dinas Pekerjaan Umum"
    text = squash(pdf_text(doc.pdf))
    assert "KEPALA DINAS PEKERJAAN UMUM" in text and "Plh." not in text and "Plt." not in text


@pytest.mark.req("KED-5")
@pytest.mark.parametrize("kind,prefix", [("plh", "Plh."), ("plt", "Plt.")])
def test_plh_or_plt_signs_while_the_delegation_runs_and_the_letter_says_so(dinas, kind, prefix):
    DelegationFactory(delegator=dinas.kadis, delegate=dinas.kabid, kind=kind)
    doc = sign(actor_as(dinas.kabid, Role.PIMPINAN_UNIT), dinas)
    assert doc.signer == dinas.kabid and doc.on_behalf_of == dinas.kadis and doc.signer_capacity == kind
    assert doc.signer_display == f"{prefix} Kepala Dinas Pekerjaan Umum"
    for text in (squash(pdf_text(doc.pdf)), squash(docx_text(doc.docx))):
        assert f"{prefix} KEPALA DINAS PEKERJAAN UMUM" in text
        assert dinas.kabid.full_name in text and dinas.kabid.nip in text
        assert dinas.kadis.full_name not in text  # the Plh signs with their own name and NIP


@pytest.mark.req("KED-5")
def test_the_capacity_comes_from_the_delegation_not_from_the_caller(dinas):
    DelegationFactory(delegator=dinas.kadis, delegate=dinas.kabid, kind="plt")
    doc = sign(
        actor_as(dinas.kabid), dinas, official=None, signer=dinas.kabid, capacity="plh", on_behalf_of=dinas.kadis
    )
    assert doc.signer_capacity == "plt" and doc.signer_display.startswith("Plt. ")


@pytest.mark.req("KED-5")
@pytest.mark.parametrize("period", ["ended", "future", "revoked", "authority"])
def test_a_delegation_not_in_force_gives_no_signature(dinas, period):
    from django.utils import timezone

    kw = {
        "ended": {"starts_on": TODAY - dt.timedelta(days=10), "ends_on": TODAY - dt.timedelta(days=1)},
        "future": {"starts_on": TODAY + dt.timedelta(days=1), "ends_on": TODAY + dt.timedelta(days=5)},
        "revoked": {"revoked_at": timezone.now()},
        # "pendelegasian kewenangan PPK" lends assessor authority, never the signature
        "authority": {"kind": "pendelegasian"},
    }[period]
    DelegationFactory(delegator=dinas.kadis, delegate=dinas.kabid, **kw)
    with pytest.raises(NotTheSigner) as exc:
        sign(actor_as(dinas.kabid, Role.PIMPINAN_UNIT), dinas)
    message = str(exc.value)
    assert (
        "hanya dapat ditandatangani oleh Ir. Kepala Dinas (Kepala Dinas Pekerjaan Umum) atau Plh./Plt.-nya" in message
    )
    if period == "ended":
        assert "berakhir pada" in message
    assert nothing_issued(dinas)


def test_a_delegation_covers_only_its_delegator(dinas):
    other = EmployeeFactory(position=PositionFactory(unit=UnitFactory(region=dinas.region), is_leader=True))
    DelegationFactory(delegator=other, delegate=dinas.kabid, kind="plh")
    with pytest.raises(NotTheSigner):
        sign(actor_as(dinas.kabid), dinas)
    assert nothing_issued(dinas)


def test_unit_leader_may_not_sign_for_the_superior(dinas):
    actor = actor_as(dinas.kabid, Role.PIMPINAN_UNIT)
    with pytest.raises(NotTheSigner):
        sign(actor, dinas)  # the rule names the kepala dinas
    with pytest.raises(NotTheSigner):
        sign(actor, dinas, official=None, signer=dinas.kadis)  # nor by naming the superior as signer
    assert nothing_issued(dinas)


@pytest.mark.parametrize("role", [Role.ADMIN_BKPSDM, Role.ADMIN_ORGANISASI, Role.SEKDA])
def test_administrators_and_region_wide_roles_may_not_sign_for_anyone(dinas, role):
    admin = EmployeeFactory(position=PositionFactory(unit=dinas.bidang))
    actor = actor_as(admin, role)
    with pytest.raises(NotTheSigner):
        sign(actor, dinas)
    with pytest.raises(NotTheSigner):
        sign(actor, dinas, official=None, signer=dinas.kadis)
    with pytest.raises(NotTheSigner):
        sign(actor, dinas, official=None, signer=dinas.kabid, capacity="plh", on_behalf_of=dinas.kadis)
    assert nothing_issued(dinas)


def test_demo_admin_logins_may_not_sign(demo, actor_of):
    payload = sample_payload("surat_perintah", persons=[person_from_employee(e) for e in staff(demo, "DISKOMINFO")])
    for username in ("admin.bkpsdm", "admin.organisasi", "kabid.aptika", "pegawai.kominfo"):
        with pytest.raises(NotTheSigner):
            issue_document(
                actor=actor_of(username),
                kind="surat_perintah",
                issuing_unit=demo.units["DISKOMINFO"],
                payload=payload,
                official=leader(demo, "DISKOMINFO"),
            )
    assert not Document.objects.filter(region=demo.region).exists()


def test_an_account_without_an_employee_record_signs_nothing(dinas):
    from sikerja.accounts.access import actor_for
    from sikerja.testing.factories import user_with_role

    actor = actor_for(user_with_role(dinas.region, Role.ADMIN_BKPSDM), dinas.region)
    with pytest.raises(NotTheSigner, match="tidak terhubung dengan data pegawai"):
        sign(actor, dinas)


def test_an_inactive_employee_signs_nothing(dinas):
    dinas.kadis.is_active = False
    dinas.kadis.save(update_fields=["is_active"])
    actor = actor_as(dinas.kadis)
    with pytest.raises(NotTheSigner):
        sign(actor, dinas)


@pytest.mark.req("PRF-3")
def test_other_region_may_not_sign(dinas):
    elsewhere = RegionFactory()
    outsider = EmployeeFactory(position=PositionFactory(unit=UnitFactory(region=elsewhere), is_leader=True))
    # even with a (wrongly recorded) delegation from this region's official
    DelegationFactory(region=elsewhere, delegator=dinas.kadis, delegate=outsider, kind="plh")
    actor = actor_as(outsider, Role.KEPALA_PD)
    with pytest.raises((PermissionDenied, ValidationError)):
        sign(actor, dinas)
    with pytest.raises(NotTheSigner):
        signing_authority(actor, official=dinas.kadis)
    assert nothing_issued(dinas)
