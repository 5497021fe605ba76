"""Accounts run by the region (PLT-1): logins for employees, password resets, deactivation,
roles. Each write checks the actor, runs in one transaction and writes the audit log.

A first password is delivered either by e-mail (a one-time link to set it, sent by the
background worker after commit) or printed once: the generated password is returned to the
caller for one page and never stored in clear."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from sikerja.accounts import rules
from sikerja.accounts.access import Actor
from sikerja.accounts.models import ApiToken, Role, RoleAssignment, UserSession
from sikerja.audit.services import record_event
from sikerja.inputs import clean_text
from sikerja.organisation.models import Employee, Unit

User = get_user_model()

EMAIL, PRINT = "email", "print"
DELIVERIES = (EMAIL, PRINT)
# Hashing a password takes a noticeable fraction of a second: printed passwords are made for
# at most this many people per run (the page says how many are left).
BULK_PRINT_LIMIT = 100
# Easy to read aloud and type: no 0/O, 1/l/I.
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class AccountError(ValueError):
    """A refusal with a message for the person (Bahasa Indonesia)."""


@dataclass
class Issued:
    employee: Employee
    user: object
    password: str | None  # only for printed delivery, shown once


def generate_password(length: int = 12) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def require_account_admin(actor: Actor) -> None:
    if not rules.may_manage_accounts(actor.roles, is_superuser=actor.is_superadmin):
        raise PermissionDenied("Hanya admin BKPSDM yang dapat mengelola akun pengguna.")


def users_of_region(region):
    """Users who belong to the region: a role there, or the login of one of its employees."""
    return User.objects.filter(Q(role_assignments__region=region) | Q(employee__region=region)).distinct()


def _user_in_region(actor: Actor, user_id: int, *, lock: bool = False):
    ids = users_of_region(actor.region).filter(pk=user_id).values("pk")
    qs = User.objects.filter(pk__in=ids)
    user = (qs.select_for_update() if lock else qs).first()
    if user is None:
        raise Http404("Pengguna tidak ditemukan di pemerintah daerah ini.")
    return user


def _username_for(employee: Employee) -> str:
    base = employee.nip
    if not User.objects.filter(username=base).exists():
        return base
    candidate = f"{employee.region.slug}.{employee.nip}"[:150]
    if User.objects.filter(username=candidate).exists():
        raise AccountError(f"Nama pengguna {base} sudah dipakai; hubungi administrator aplikasi.")
    return candidate


def _deliver(user, delivery: str, *, first: bool) -> str | None:
    """Set the first (or new) password: e-mail a one-time link, or return a printed one."""
    if delivery not in DELIVERIES:
        raise AccountError("Cara penyampaian kata sandi tidak dikenal.")
    if delivery == EMAIL:
        if not user.email:
            raise AccountError("Pegawai ini belum memiliki alamat surel; pilih cetak kata sandi.")
        user.set_unusable_password()
        user.save(update_fields=["password"])
        from sikerja.accounts.tasks import send_set_password_link

        transaction.on_commit(lambda: send_set_password_link.enqueue(user.pk, first))
        return None
    raw = generate_password()
    user.set_password(raw)
    user.save(update_fields=["password"])
    return raw


def _create_login(actor: Actor, employee: Employee, delivery: str) -> Issued:
    if employee.user_id:
        raise AccountError(f"{employee.full_name} sudah memiliki akun.")
    if not employee.is_active:
        raise AccountError(f"{employee.full_name} tidak aktif; akun tidak dibuat.")
    email = (employee.email or "").strip()
    if email:
        try:
            validate_email(email)
        except Exception as exc:
            raise AccountError(f"Alamat surel {employee.full_name} tidak valid.") from exc
    user = User.objects.create_user(username=_username_for(employee), email=email, first_name=employee.name[:150])
    employee.user = user
    employee.save(update_fields=["user"])
    RoleAssignment.objects.create(user=user, region=actor.region, role=Role.PEGAWAI)
    password = _deliver(user, delivery, first=True)
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="account.created",
        obj=employee,
        changes={"username": user.username, "delivery": delivery},
    )
    return Issued(employee=employee, user=user, password=password)


@transaction.atomic
def create_login(*, actor: Actor, employee_id: int, delivery: str) -> Issued:
    require_account_admin(actor)
    employee = Employee.objects.select_for_update().filter(region=actor.region, pk=employee_id).first()
    if employee is None:
        raise Http404("Pegawai tidak ditemukan di pemerintah daerah ini.")
    return _create_login(actor, employee, delivery)


def employees_without_login(region):
    return Employee.objects.filter(region=region, is_active=True, user__isnull=True)


@transaction.atomic
def create_logins_for_all(*, actor: Actor, delivery: str) -> tuple[list[Issued], list[str], int]:
    """A login for every active employee of the region without one. By e-mail: everyone who has
    an address (the others are listed); printed: up to BULK_PRINT_LIMIT per run.
    Returns (issued, skipped messages, how many are still without a login)."""
    require_account_admin(actor)
    if delivery not in DELIVERIES:
        raise AccountError("Cara penyampaian kata sandi tidak dikenal.")
    qs = employees_without_login(actor.region).select_for_update().select_related("region").order_by("name", "pk")
    if delivery == PRINT:
        qs = qs[:BULK_PRINT_LIMIT]
    issued, skipped = [], []
    for employee in qs:
        if delivery == EMAIL and not employee.email:
            skipped.append(f"{employee.full_name}: belum memiliki alamat surel")
            continue
        try:
            with transaction.atomic():
                issued.append(_create_login(actor, employee, delivery))
        except AccountError as exc:
            skipped.append(str(exc))
    left = employees_without_login(actor.region).count()
    return issued, skipped, left


@transaction.atomic
def reset_password(*, actor: Actor, user_id: int, delivery: str) -> str | None:
    require_account_admin(actor)
    user = _user_in_region(actor, user_id, lock=True)
    if not user.is_active:
        raise AccountError("Akun ini dinonaktifkan; aktifkan kembali sebelum mengatur ulang kata sandi.")
    password = _deliver(user, delivery, first=False)
    _end_sessions(user)
    record_event(
        region=actor.region, actor=actor.user, verb="account.password_reset", obj=user, changes={"delivery": delivery}
    )
    return password


def _end_sessions(user, *, keep: str | None = None) -> int:
    keys = list(
        UserSession.objects.filter(user=user, ended_at__isnull=True)
        .exclude(session_key=keep or "")
        .values_list("session_key", flat=True)
    )
    Session.objects.filter(session_key__in=keys).delete()
    return UserSession.objects.filter(session_key__in=keys).update(ended_at=timezone.now())


@transaction.atomic
def deactivate_login(*, actor: Actor, user_id: int, reason: str) -> None:
    """The person can no longer sign in; their employee record, roles' history and every event
    that names them stay (an employee who leaves keeps their history)."""
    require_account_admin(actor)
    reason = clean_text(reason, "Alasan", required=True, limit=500)
    user = _user_in_region(actor, user_id, lock=True)
    if user.pk == actor.user.pk:
        raise AccountError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    if user.is_superuser and not actor.user.is_superuser:
        raise PermissionDenied("Akun superadmin hanya dapat dikelola superadmin.")
    if not user.is_active:
        raise AccountError("Akun ini sudah nonaktif.")
    user.is_active = False
    user.save(update_fields=["is_active"])
    ApiToken.objects.filter(user=user, revoked=False).update(revoked=True)
    _end_sessions(user)
    record_event(region=actor.region, actor=actor.user, verb="account.deactivated", obj=user, reason=reason)


@transaction.atomic
def reactivate_login(*, actor: Actor, user_id: int) -> None:
    require_account_admin(actor)
    user = _user_in_region(actor, user_id, lock=True)
    if user.is_active:
        raise AccountError("Akun ini sudah aktif.")
    user.is_active = True
    user.save(update_fields=["is_active"])
    record_event(region=actor.region, actor=actor.user, verb="account.reactivated", obj=user)


@transaction.atomic
def grant_role(*, actor: Actor, user_id: int, role: str, unit_id: int | None = None) -> RoleAssignment:
    decision = rules.check_grant(actor.roles, role, has_unit=unit_id is not None, is_superuser=actor.is_superadmin)
    if not decision.allowed:
        if role in Role.values and role not in rules.grantable_roles(actor.roles, is_superuser=actor.is_superadmin):
            raise PermissionDenied(decision.message)
        raise AccountError(decision.message)
    user = _user_in_region(actor, user_id, lock=True)
    unit = None
    if unit_id is not None:
        unit = Unit.objects.filter(region=actor.region, pk=unit_id).first()
        if unit is None:
            raise Http404("Unit tidak ditemukan di pemerintah daerah ini.")
    if RoleAssignment.objects.filter(user=user, region=actor.region, role=role, unit=unit).exists():
        raise AccountError("Pengguna ini sudah memiliki peran tersebut.")
    ra = RoleAssignment.objects.create(user=user, region=actor.region, role=role, unit=unit)
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="role.granted",
        obj=user,
        changes={"role": role, "unit": unit.name if unit else None, "unit_id": unit.pk if unit else None},
    )
    return ra


@transaction.atomic
def withdraw_role(*, actor: Actor, role_assignment_id: int, reason: str = "") -> None:
    ra = (
        RoleAssignment.objects.select_for_update(of=("self",))
        .select_related("user", "unit")
        .filter(region=actor.region, pk=role_assignment_id)
        .first()
    )
    if ra is None:
        raise Http404("Peran tidak ditemukan di pemerintah daerah ini.")
    if ra.role not in rules.grantable_roles(actor.roles, is_superuser=actor.is_superadmin):
        raise PermissionDenied(f"Anda tidak berwenang mencabut peran {ra.get_role_display()}.")
    if ra.user_id == actor.user.pk and ra.role in rules.ACCOUNT_ADMIN_ROLES:
        raise AccountError("Anda tidak dapat mencabut peran admin Anda sendiri; minta admin lain melakukannya.")
    reason = clean_text(reason, "Alasan", limit=500)
    changes = {"role": ra.role, "unit": ra.unit.name if ra.unit_id else None, "unit_id": ra.unit_id}
    user = ra.user
    ra.delete()
    record_event(region=actor.region, actor=actor.user, verb="role.withdrawn", obj=user, changes=changes, reason=reason)


def end_other_sessions(*, user, current_key: str | None) -> int:
    with transaction.atomic():
        return _end_sessions(user, keep=current_key)


def active_sessions(user):
    """The user's browser sessions that Django still honours."""
    live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
    return list(
        UserSession.objects.filter(user=user, ended_at__isnull=True, session_key__in=live).order_by("-last_seen_at")
    )


@transaction.atomic
def revoke_own_token(*, user, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(user=user, pk=token_id).first()
    if token is None:
        raise Http404("Token tidak ditemukan.")
    if not token.revoked:
        token.revoked = True
        token.save(update_fields=["revoked"])
    return token


@transaction.atomic
def issue_own_token(*, user, name: str, days: int) -> tuple[ApiToken, str]:
    name = clean_text(name, "Nama token", required=True, limit=100)
    if not 1 <= int(days) <= 365:
        raise AccountError("Masa berlaku token 1 sampai 365 hari.")
    return ApiToken.issue(user=user, name=name, days=int(days))
