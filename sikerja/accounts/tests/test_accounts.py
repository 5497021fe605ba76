"""PLT-1: accounts run by the region's HR administrator; every user's own password and sessions."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse

from sikerja.accounts import services
from sikerja.accounts.models import Role, RoleAssignment
from sikerja.assignments.tests.people import actor
from sikerja.audit.models import Event
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Unit
from sikerja.testing.worker import run_worker_once

User = get_user_model()
NEW_PASSWORD = "Kerja-Bersama-2026!"


def without_login(region):
    return Employee.objects.filter(region=region, is_active=True, user__isnull=True).order_by("pk").first()


@pytest.mark.req("PLT-1")
def test_admin_creates_a_printed_login_and_the_employee_signs_in(demo, login):
    employee = without_login(demo.region)
    client = login("admin.bkpsdm")
    page = client.post(reverse("accounts:admin_create_login", args=[employee.pk]), {"delivery": "print"})
    assert page.status_code == 200
    html = page.content.decode()
    password = re.search(r'class="issued-password">([^<]+)<', html).group(1)
    employee.refresh_from_db()
    assert employee.user.username == employee.nip and employee.user.check_password(password)
    assert RoleAssignment.objects.filter(user=employee.user, region=demo.region, role=Role.PEGAWAI).exists()
    event = Event.objects.get(verb="account.created", object_id=str(employee.pk))
    assert event.actor.username == "admin.bkpsdm" and "password" not in str(event.changes)
    assert Client().login(username=employee.nip, password=password)
    again = client.post(reverse("accounts:admin_create_login", args=[employee.pk]), {"delivery": "print"}, follow=True)
    assert "sudah memiliki akun" in again.content.decode()


@pytest.mark.req("PLT-1")
def test_first_password_by_email_is_a_link_that_works_once(demo, django_capture_on_commit_callbacks):
    employee = without_login(demo.region)
    employee.email = "baru@contoh.go.id"
    employee.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        issued = services.create_login(actor=actor("admin.bkpsdm"), employee_id=employee.pk, delivery="email")
    assert issued.password is None and not issued.user.has_usable_password()
    run_worker_once()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["baru@contoh.go.id"]
    link = re.search(r"http\S*/akun/sandi/atur/\S+/", mail.outbox[0].body) or re.search(
        r"/akun/sandi/atur/\S+/", mail.outbox[0].body
    )
    path = link.group(0)
    client = Client()
    form = client.get(path, follow=True)
    set_url = form.redirect_chain[-1][0] if form.redirect_chain else path
    weak = client.post(set_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "terlalu umum" in weak.content.decode() or "common" in weak.content.decode()
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert Client().login(username=issued.user.username, password=NEW_PASSWORD)
    reused = Client().get(path, follow=True)
    assert "sudah dipakai atau kedaluwarsa" in reused.content.decode()


@pytest.mark.req("PLT-1")
def test_reset_link_expires(demo, settings):
    from sikerja.accounts.tasks import set_password_link

    user = User.objects.get(username="pegawai.ikp")
    path = set_password_link(user)
    settings.PASSWORD_RESET_TIMEOUT = -1
    assert "sudah dipakai atau kedaluwarsa" in Client().get(path, follow=True).content.decode()


@pytest.mark.req("PLT-1")
def test_only_the_hr_admin_manages_accounts_and_never_another_region(demo, other_demo, login):
    employee = without_login(demo.region)
    assert login("kadis.kominfo").get(reverse("accounts:admin")).status_code == 403
    with pytest.raises(PermissionDenied):
        services.create_login(actor=actor("sekda"), employee_id=employee.pk, delivery="print")
    foreign = without_login(other_demo.region)
    with pytest.raises(Http404):
        services.create_login(actor=actor("admin.bkpsdm"), employee_id=foreign.pk, delivery="print")
    foreign_user = User.objects.get(username="lain.pegawai.ikp")
    with pytest.raises(Http404):
        services.reset_password(actor=actor("admin.bkpsdm"), user_id=foreign_user.pk, delivery="print")
    response = login("admin.bkpsdm").get(reverse("accounts:admin_user", args=[foreign_user.pk]))
    assert response.status_code == 404


@pytest.mark.req("PLT-1")
def test_bulk_creation_for_every_employee_without_a_login(demo):
    left_before = services.employees_without_login(demo.region).count()
    issued, skipped, left = services.create_logins_for_all(actor=actor("admin.bkpsdm"), delivery="print")
    assert len(issued) == min(left_before, services.BULK_PRINT_LIMIT)
    assert left == left_before - len(issued)
    assert all(i.user.check_password(i.password) for i in issued[:2])


@pytest.mark.req("PLT-1")
def test_roles_are_given_and_withdrawn_within_the_region_by_who_may(demo, other_demo):
    admin = actor("admin.bkpsdm")
    user = User.objects.get(username="pegawai.kominfo")
    bidang = Unit.objects.get(region=demo.region, code="DISKOMINFO.BID1")
    ra = services.grant_role(actor=admin, user_id=user.pk, role=Role.PPK, unit_id=bidang.pk)
    granted = Event.objects.get(verb="role.granted", object_id=str(user.pk))
    assert granted.changes["role"] == "ppk" and granted.changes["unit_id"] == bidang.pk
    # a unit of another region, a subtree role without a unit, a giver who may not give
    foreign_unit = Unit.objects.filter(region=other_demo.region).first()
    with pytest.raises(Http404):
        services.grant_role(actor=admin, user_id=user.pk, role=Role.PIMPINAN_UNIT, unit_id=foreign_unit.pk)
    with pytest.raises(services.AccountError, match="pilih unitnya"):
        services.grant_role(actor=admin, user_id=user.pk, role=Role.KEPALA_PD)
    with pytest.raises(PermissionDenied):
        services.grant_role(actor=actor("kadis.kominfo"), user_id=user.pk, role=Role.ADMIN_BKPSDM)
    with pytest.raises(PermissionDenied):
        services.grant_role(actor=admin, user_id=user.pk, role=Role.SUPERADMIN)
    with pytest.raises(PermissionDenied):
        services.withdraw_role(actor=actor("sekda"), role_assignment_id=ra.pk)
    with pytest.raises(Http404):
        services.withdraw_role(actor=actor("lain.admin.bkpsdm", other_demo.region), role_assignment_id=ra.pk)
    services.withdraw_role(actor=admin, role_assignment_id=ra.pk, reason="Salah unit")
    assert not RoleAssignment.objects.filter(pk=ra.pk).exists()
    withdrawn = Event.objects.get(verb="role.withdrawn", object_id=str(user.pk))
    assert withdrawn.reason == "Salah unit" and withdrawn.changes["role"] == "ppk"


@pytest.mark.req("PLT-1")
def test_deactivated_login_cannot_sign_in_and_keeps_history(demo, login):
    client = login("pegawai.ikp")
    user = User.objects.get(username="pegawai.ikp")
    employee = user.employee
    services.deactivate_login(actor=actor("admin.bkpsdm"), user_id=user.pk, reason="Pensiun")
    user.refresh_from_db()
    assert not user.is_active and Employee.objects.get(pk=employee.pk).user_id == user.pk
    assert client.get(reverse("web:home")).status_code == 302  # the open session ended
    assert not Client().login(username="pegawai.ikp", password=DEMO_PASSWORD)
    assert Event.objects.filter(verb="account.deactivated", object_id=str(user.pk), reason="Pensiun").exists()
    with pytest.raises(services.AccountError):
        services.deactivate_login(
            actor=actor("admin.bkpsdm"), user_id=User.objects.get(username="admin.bkpsdm").pk, reason="x"
        )


@pytest.mark.req("PLT-1")
def test_user_changes_own_password_with_validators_and_sees_sessions(demo):
    client = Client()
    client.post(reverse("login"), {"username": "pegawai.ikp", "password": DEMO_PASSWORD})
    other = Client()
    other.post(reverse("login"), {"username": "pegawai.ikp", "password": DEMO_PASSWORD})
    page = client.get(reverse("accounts:mine")).content.decode()
    assert page.count("terakhir aktif") == 2 and "sesi ini" in page
    weak = client.post(
        reverse("accounts:password_change"),
        {"old_password": DEMO_PASSWORD, "new_password1": "pegawai.ikp", "new_password2": "pegawai.ikp"},
    )
    assert weak.status_code == 200 and "errorlist" in weak.content.decode()
    ok = client.post(
        reverse("accounts:password_change"),
        {"old_password": DEMO_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert ok.status_code == 302
    assert client.get(reverse("web:home")).status_code == 200  # this session stays
    assert other.get(reverse("web:home")).status_code == 302  # the other one ends with the old password
    assert Client().login(username="pegawai.ikp", password=NEW_PASSWORD)
