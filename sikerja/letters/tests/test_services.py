import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from sikerja.accounts.access import actor_for
from sikerja.audit.models import Event
from sikerja.letters.models import Document, ImmutableDocument, NumberingScheme, NumberSequence
from sikerja.letters.payloads import person_from_employee
from sikerja.letters.samples import sample_payload
from sikerja.letters.services import issue_document, revoke_document
from sikerja.letters.tests.conftest import actor_as, leader, staff
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Employee, Unit

pytestmark = [pytest.mark.req("PEN-15"), pytest.mark.django_db]


def test_numbers_follow_the_scheme_and_count_per_unit(demo, issue):
    year = dt.date.today().year
    a = issue("surat_perintah", unit_code="DISKOMINFO")
    b = issue("surat_tugas", unit_code="DISKOMINFO")
    c = issue("surat_perintah", unit_code="BKPSDM")
    assert a.number == f"800.1.11.1/001/DISKOMINFO/{year}"
    assert b.number == f"800.1.11.1/002/DISKOMINFO/{year}"
    assert c.number == f"800.1.11.1/001/BKPSDM/{year}"
    assert (a.sequence, b.sequence, c.sequence) == (1, 2, 1)


def test_sequence_restarts_each_year(demo, actor_of):
    unit, signer = demo.units["DISKOMINFO"], leader(demo, "DISKOMINFO")
    persons = [person_from_employee(e) for e in staff(demo, "DISKOMINFO")]
    numbers = []
    for day in (dt.date(2025, 12, 30), dt.date(2025, 12, 31), dt.date(2026, 1, 2)):
        doc = issue_document(actor=actor_as(signer), kind="surat_perintah", issuing_unit=unit,
                             payload=sample_payload("surat_perintah", persons=persons), official=signer, date=day)
        numbers.append(doc.number)
    assert numbers == ["800.1.11.1/001/DISKOMINFO/2025", "800.1.11.1/002/DISKOMINFO/2025", "800.1.11.1/001/DISKOMINFO/2026"]
    assert NumberSequence.objects.filter(unit=unit).count() == 2


def test_region_configures_its_pattern_and_classification(demo, issue):
    NumberingScheme.objects.create(region=demo.region, pattern="{klasifikasi}/{urut:04d}/{kode_unit}/{bulan_romawi}/{tahun}",
                                   classification={"keputusan": "100.3.3"})
    doc = issue("keputusan")
    today = dt.date.today()
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][today.month - 1]
    assert doc.number == f"100.3.3/0001/DISKOMINFO/{roman}/{today.year}"


def test_issuing_stores_hash_code_parties_and_event(demo, issue):
    import hashlib

    people = staff(demo, "DISKOMINFO")
    doc = issue("surat_perintah", persons=people)
    assert doc.sha256 == hashlib.sha256(bytes(doc.pdf)).hexdigest()
    assert len(doc.verification_code) == 10
    ids = set(doc.parties.values_list("pk", flat=True))
    assert {p.pk for p in people} | {leader(demo, "DISKOMINFO").pk} == ids
    ev = Event.objects.get(verb="document.issued", object_id=str(doc.pk))
    assert ev.changes["number"] == doc.number


def test_issued_documents_are_immutable(demo, issue):
    doc = issue()
    doc.subject = "diubah"
    with pytest.raises(ImmutableDocument):
        doc.save()
    with pytest.raises(ImmutableDocument):
        Document.objects.filter(pk=doc.pk).update(number="X")
    with pytest.raises(ImmutableDocument):
        Document.objects.filter(pk=doc.pk).delete()
    with pytest.raises(ImmutableDocument):
        doc.delete()
    assert Document.objects.get(pk=doc.pk).subject != "diubah"


def test_revoke_keeps_the_record(demo, issue, actor_of):
    doc = issue()
    revoke_document(actor=actor_of("admin.organisasi"), document_id=doc.pk, reason="Salah tanggal")
    doc = Document.objects.get(pk=doc.pk)
    assert doc.is_revoked and doc.revoked_at and doc.revoke_reason == "Salah tanggal"
    assert bytes(doc.pdf)[:5] == b"%PDF-"
    assert Event.objects.filter(verb="document.revoked", object_id=str(doc.pk)).exists()
    with pytest.raises(ValidationError):
        revoke_document(actor=actor_of("admin.organisasi"), document_id=doc.pk, reason="lagi")


def test_only_org_admins_and_the_signer_revoke(demo, issue, actor_of):
    doc = issue()  # signed by the Kepala Dinas Kominfo
    for other in ("kabid.aptika", "pegawai.kominfo"):
        with pytest.raises((PermissionDenied, Http404)):  # 404 for whom the letter is out of reach
            revoke_document(actor=actor_of(other), document_id=doc.pk, reason="x")
    with pytest.raises(ValidationError):
        revoke_document(actor=actor_of("admin.bkpsdm"), document_id=doc.pk, reason="  ")
    assert not Document.objects.get(pk=doc.pk).is_revoked
    # The official in whose name it was issued withdraws their own letter.
    assert revoke_document(actor=actor_of("kadis.kominfo"), document_id=doc.pk, reason="Keliru").is_revoked


def test_correction_is_a_new_document_replacing_the_old(demo, issue):
    old = issue()
    new = issue(replaces=old)
    old.refresh_from_db()
    assert new.replaces_id == old.pk and new.number != old.number
    assert old.is_revoked and new.number in old.revoke_reason


def test_who_may_issue(demo, issue):
    """Only the signer (see test_signing.py for every role and the Plh/Plt cases)."""
    kadis = leader(demo, "DISKOMINFO")
    assert issue(by="kadis.kominfo", signer=kadis).pk
    for username in ("pegawai.kominfo", "kabid.aptika", "admin.bkpsdm", "admin.organisasi"):
        with pytest.raises(PermissionDenied):
            issue(by=username, signer=kadis)


@pytest.mark.parametrize("change,message", [
    ({"dasar": []}, "Dasar"), ({"untuk": []}, "Untuk"), ({"persons": []}, "pegawai"), ({"subject": ""}, "Perihal"),
])
def test_bad_payload_is_refused_in_indonesian(demo, actor_of, change, message):
    payload = sample_payload("surat_perintah", persons=[person_from_employee(e) for e in staff(demo, "DISKOMINFO")])
    for k, v in change.items():
        setattr(payload, k, v)
    with pytest.raises(ValidationError) as exc:
        issue_document(actor=actor_as(leader(demo, "DISKOMINFO")), kind="surat_perintah",
                       issuing_unit=demo.units["DISKOMINFO"], payload=payload, official=leader(demo, "DISKOMINFO"))
    assert message in " ".join(exc.value.messages)
    assert not Document.objects.exists() and not NumberSequence.objects.filter(last_number__gt=0).exists()


def test_plh_needs_the_official_replaced(demo, issue):
    with pytest.raises(ValidationError):
        issue(capacity="plh")
    with pytest.raises(ValidationError):
        issue(capacity="bupati")


@pytest.mark.req("PRF-3")
def test_other_region_people_and_units_are_refused(demo, other_demo, actor_of):
    foreign = next(p.employee for p in other_demo.people if p.role == "staff")
    payload = sample_payload("surat_perintah", persons=[person_from_employee(foreign)])
    kadis = leader(demo, "DISKOMINFO")
    with pytest.raises(ValidationError):
        issue_document(actor=actor_as(kadis), kind="surat_perintah", issuing_unit=demo.units["DISKOMINFO"],
                       payload=payload, official=kadis)
    with pytest.raises(ValidationError):
        issue_document(actor=actor_as(kadis), kind="surat_perintah", issuing_unit=other_demo.units["DISKOMINFO"],
                       payload=sample_payload("surat_perintah"), official=kadis)


@pytest.mark.req("PEN-15")
@pytest.mark.django_db(transaction=True)
def test_render_runs_after_the_number_is_committed(monkeypatch):
    """Issue 10 item 7 (any database): rendering runs outside every transaction, when the
    reserved number is already committed; the files land in DocumentFile and the hash matches."""
    import hashlib

    from django.db import connection

    from sikerja.letters import services
    from sikerja.letters.models import DocumentFile, NumberSequence

    seen = {}
    real = services.render_files

    def spy(**kwargs):
        seen["in_atomic"] = connection.in_atomic_block
        seen["committed"] = NumberSequence.objects.get(unit=kwargs["unit"]).last_number
        return real(**kwargs)

    monkeypatch.setattr(services, "render_files", spy)
    region, _, _ = build_demo_region(n_employees=60, seed=7, slug="render-luar", user_prefix="rlr")
    unit = Unit.objects.get(region=region, code="DISKOMINFO")
    signer = Employee.objects.get(region=region, position__unit=unit, position__is_leader=True)
    user = get_user_model().objects.get(username="rlr.kadis.kominfo")
    doc = services.issue_document(
        actor=actor_for(user, region),
        kind="surat_perintah",
        issuing_unit=unit,
        payload=sample_payload("surat_perintah"),
        official=signer,
    )
    assert seen == {"in_atomic": False, "committed": 1}
    stored = DocumentFile.objects.get(document=doc)
    assert doc.sha256 == hashlib.sha256(bytes(stored.pdf)).hexdigest()
    assert bytes(stored.docx)[:2] == b"PK"
