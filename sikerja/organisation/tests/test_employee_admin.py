"""PLT-6: the HR administrator edits an employee, records a mutasi and a departure; each with
its reason in the history and the event log; nobody else may, and no other region's employee."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sikerja.assignments import services as assignment_services
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.audit.models import Event
from sikerja.organisation import employee_services as services
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Placement, Position


def staff():
    return emp("pegawai.kominfo")


@pytest.mark.req("PLT-6")
def test_edit_keeps_the_reason_in_history_and_refuses_what_does_not_fit(demo):
    e = staff()
    other_unit_position = Position.objects.filter(region=demo.region).exclude(unit=e.unit).first()
    with pytest.raises(services.EmployeeError, match="bukan jabatan pada"):
        services.update_employee(
            actor=actor("admin.bkpsdm"), employee_id=e.pk, name=e.name, golongan=e.golongan,
            position_id=other_unit_position.pk, reason="Koreksi",
        )  # fmt: skip
    with pytest.raises(services.EmployeeError, match="surel tidak valid"):
        services.update_employee(
            actor=actor("admin.bkpsdm"), employee_id=e.pk, name=e.name, golongan=e.golongan,
            position_id=e.position_id, email="bukan-surel", reason="Koreksi",
        )  # fmt: skip
    wrong = "IX" if e.status == "pns" else "III/a"
    with pytest.raises(services.EmployeeError, match="tidak berlaku"):
        services.update_employee(
            actor=actor("admin.bkpsdm"), employee_id=e.pk, name=e.name, golongan=wrong,
            position_id=e.position_id, reason="Koreksi",
        )  # fmt: skip
    updated = services.update_employee(
        actor=actor("admin.bkpsdm"), employee_id=e.pk, name="Nama Terkoreksi", front_title=e.front_title,
        back_title=e.back_title, golongan=e.golongan, email="nama@contoh.go.id", position_id=e.position_id,
        reason="Salah ketik nama pada impor",
    )  # fmt: skip
    assert updated.name == "Nama Terkoreksi" and updated.email == "nama@contoh.go.id"
    assert updated.history.first().history_change_reason == "Salah ketik nama pada impor"
    event = Event.objects.get(verb="employee.updated", object_id=str(e.pk))
    assert event.changes["name"] == [e.name, "Nama Terkoreksi"] and event.reason == "Salah ketik nama pada impor"


@pytest.mark.req("PLT-6")
def test_only_the_hr_administrator_of_the_region(demo, other_demo, login):
    e = staff()
    for who in ("kabid.aptika", "admin.organisasi", "pegawai.kominfo"):
        with pytest.raises(PermissionDenied):
            services.deactivate_employee(
                actor=actor(who), employee_id=e.pk, effective_on=timezone.localdate(), reason="x"
            )
        assert login(who).get(reverse("web:employee_manage", args=[e.pk])).status_code == 403
    with pytest.raises(services.EmployeeError, match="tidak ditemukan"):
        services.deactivate_employee(
            actor=actor("lain.admin.bkpsdm"), employee_id=e.pk, effective_on=timezone.localdate(), reason="x"
        )
    assert login("lain.admin.bkpsdm").get(reverse("web:employee_manage", args=[e.pk])).status_code == 404
    assert Employee.objects.get(pk=e.pk).is_active


@pytest.mark.req("PLT-6", "KED-6")
def test_mutasi_ends_the_placement_and_names_the_assignments_still_running(demo):
    e = staff()
    today = timezone.localdate()
    a = assignment_services.propose(
        actor=actor("kabid.aptika"), form="individu", owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(e.pk)], title="Buku data", purpose="Menyusun", target="Buku", starts_on=START,
        ends_on=END, competences=[], hours_per_week=2,
    )  # fmt: skip
    before = Placement.objects.filter(employee=e).current(today).get()
    target = unit(demo.region, "BAPPEDA")
    position = Position.objects.filter(unit=target).first()
    with pytest.raises(services.EmployeeError, match="pada tanggal berlakunya"):
        services.move_employee(
            actor=actor("admin.bkpsdm"), employee_id=e.pk, unit_id=target.pk, position_id=None,
            effective_on=today + dt.timedelta(days=3), basis_number="800/1/2026",
        )  # fmt: skip
    result = services.move_employee(
        actor=actor("admin.bkpsdm"), employee_id=e.pk, unit_id=target.pk,
        position_id=position.pk if position else None, effective_on=today, basis_number="800/MUT/2026",
    )  # fmt: skip
    e.refresh_from_db()
    before.refresh_from_db()
    assert e.unit == target and e.position == position
    assert before.effective_until == today - dt.timedelta(days=1) and result.placement_closed == before
    assert not Placement.objects.filter(employee=e).current(today).exists()  # a new PPK is set next
    assert [x.pk for x in result.running] == [a.pk]  # the letter stays; its signer decides
    event = Event.objects.get(verb="employee.moved", object_id=str(e.pk))
    assert event.changes["unit"][1] == target.name and event.changes["basis"] == "800/MUT/2026"


@pytest.mark.req("PLT-6")
def test_an_employee_who_leaves_keeps_their_history_and_cannot_sign_in(demo, login):
    e = staff()
    today = timezone.localdate()
    response = login("admin.bkpsdm").post(
        reverse("web:employee_deactivate", args=[e.pk]), {"effective_on": today.isoformat(), "reason": "Pensiun"}
    )
    assert response.status_code == 302
    e.refresh_from_db()
    assert not e.is_active and not e.user.is_active
    assert Placement.objects.filter(employee=e).count() >= 1  # history kept
    assert not Placement.objects.filter(employee=e).current(today).exists()
    assert Event.objects.filter(verb="employee.deactivated", object_id=str(e.pk), reason="Pensiun").exists()
    assert not Client().login(username="pegawai.kominfo", password=DEMO_PASSWORD)
    again = login("admin.bkpsdm").post(
        reverse("web:employee_deactivate", args=[e.pk]), {"effective_on": today.isoformat(), "reason": "Lagi"}
    )
    assert again.status_code == 400 and "sudah tidak aktif" in again.content.decode()


@pytest.mark.req("PLT-6")
def test_the_manage_page_and_refusals_in_words(demo, login):
    e = staff()
    client = login("admin.bkpsdm")
    page = client.get(reverse("web:employee_manage", args=[e.pk])).content.decode()
    assert "Ubah data" in page and "Mutasi ke unit lain" in page and "Pegawai berhenti" in page
    assert (
        reverse("web:employee_manage", args=[e.pk])
        in client.get(reverse("web:employee_detail", args=[e.pk])).content.decode()
    )
    options = client.get(reverse("web:employee_unit_positions", args=[e.pk]), {"unit": e.unit_id}).content.decode()
    assert e.position.name in options
    empty = client.post(reverse("web:employee_edit", args=[e.pk]), {"name": "", "golongan": e.golongan, "reason": ""})
    assert empty.status_code == 400 and "Nama wajib diisi" in empty.content.decode()
