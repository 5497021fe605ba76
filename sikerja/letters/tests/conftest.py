"""Fixtures of the naskah dinas tests: issue real documents in the demo region."""

import io

import pytest
from django.contrib.auth import get_user_model

from sikerja.accounts.access import actor_for
from sikerja.letters.payloads import person_from_employee
from sikerja.letters.samples import sample_payload
from sikerja.letters.services import issue_document


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(bytes(data))).pages)


def docx_text(data: bytes) -> str:
    from docx import Document as Docx

    doc = Docx(io.BytesIO(bytes(data)))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def squash(text: str) -> str:
    """Whitespace-insensitive text (PDF extraction breaks lines where the layout does)."""
    return " ".join(text.split())


@pytest.fixture
def actor_of(demo):
    def _actor(username):
        user = get_user_model().objects.get(username=username)
        from sikerja.tenancy.models import Region

        region = Region.objects.filter(role_assignments__user=user).distinct().get()
        return actor_for(user, region)

    return _actor


def staff(builder, unit_code, n=3):
    """Up to n non-leading employees of a unit and its subunits."""
    return [
        p.employee for p in builder.people
        if (p.unit_code == unit_code or p.unit_code.startswith(unit_code + ".")) and p.role != "leader"
    ][:n]


def leader(builder, unit_code):
    return next(p.employee for p in builder.people if p.unit_code == unit_code and p.role == "leader")


def actor_as(employee, role="pegawai"):
    """The actor of an employee's own login (created when the demo gave them none)."""
    from sikerja.accounts.models import RoleAssignment
    from sikerja.organisation.models import Employee
    from sikerja.testing.factories import UserFactory

    # Fresh from the database: the demo's Employee objects are shared by every test, and a user
    # set on one of them in an earlier (rolled back) test no longer exists.
    employee = Employee.objects.select_related("user").get(pk=employee.pk)
    user = employee.user if employee.user_id else None
    if user is None:
        user = UserFactory(username=f"uji.{employee.pk}")
        employee.user = user
        employee.save(update_fields=["user"])
    if not RoleAssignment.objects.filter(user=user, region_id=employee.region_id).exists():
        RoleAssignment.objects.create(user=user, region_id=employee.region_id, role=role, unit=employee.unit)
    return actor_for(user, employee.region)


@pytest.fixture
def issue(demo, actor_of):
    """issue(kind, unit_code='DISKOMINFO', persons=[...], signer=None, by=None, **kw) -> Document.

    Signed by ``signer`` (the unit's leader by default) through their own login; ``by`` names
    another demo login as the actor (to prove who may not sign)."""

    def _issue(kind="surat_perintah", *, unit_code="DISKOMINFO", persons=None, by=None, signer=None, **kw):
        unit = demo.units[unit_code]
        people = persons if persons is not None else staff(demo, unit_code)
        payload = sample_payload(kind, persons=[person_from_employee(e) for e in people], official="")
        signer = signer or leader(demo, unit_code)
        actor = actor_of(by) if by else actor_as(signer)
        if "official" not in kw:
            kw["signer"] = signer
        return issue_document(actor=actor, kind=kind, issuing_unit=unit, payload=payload, **kw)

    return _issue
