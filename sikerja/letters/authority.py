"""Who may sign a naskah dinas: the one place every issuing path goes through (issue 10 item 2).

A letter is signed by the official the rule names as signer (PEN-7: BU Ps 20(4), 21(4);
BT Ps 10(4), 11(4); PPU Ps 11(1) huruf c) or, while a Plh/Plt delegation of that official runs,
by the delegate on the official's behalf (KED-5) — and by nobody else. An administrator
(admin BKPSDM, admin organisasi) manages letters but never signs one in an official's name, and
a unit leader does not sign in the name of a superior. ``services.issue_document`` calls
``signing_authority`` itself, so no caller can skip it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from sikerja.accounts.access import Actor
from sikerja.letters.models import SignerCapacity
from sikerja.letters.rules import date_id
from sikerja.organisation.models import Delegation, Employee


class NotTheSigner(PermissionDenied):
    """The actor is neither the named signer nor their running Plh/Plt (message in Indonesian)."""


@dataclass(frozen=True)
class SigningAuthority:
    """How the actor signs: in their own name (definitif) or as Plh./Plt. of ``on_behalf_of``."""

    signer: Employee
    capacity: str
    on_behalf_of: Employee | None = None
    delegation: Delegation | None = None


def _who(official: Employee) -> str:
    position = official.position.name if official.position_id else ""
    return f"{official.full_name} ({position})" if position else official.full_name


def signing_authority(actor: Actor, *, official: Employee, on: dt.date | None = None) -> SigningAuthority:
    """The authority of ``actor`` to sign a letter the rule gives to ``official``, on ``on``
    (today by default); raises ``NotTheSigner`` with the reason otherwise."""
    on = on or timezone.localdate()
    me = actor.employee
    if me is None or not me.is_active:
        raise NotTheSigner(
            f"Naskah ini hanya dapat ditandatangani oleh {_who(official)} atau Plh./Plt.-nya. "
            "Akun Anda tidak terhubung dengan data pegawai aktif, sehingga tidak dapat menandatangani naskah dinas."
        )
    if official.region_id != actor.region.pk:
        raise NotTheSigner("Penanda tangan naskah ini bukan pejabat pemerintah daerah Anda.")
    if me.pk == official.pk:
        if not official.is_active:
            raise NotTheSigner("Pegawai yang tidak aktif tidak dapat menandatangani naskah dinas.")
        return SigningAuthority(signer=me, capacity=SignerCapacity.DEFINITIF)
    # KED-5: only a running Plh/Plt stands in for the official; a "pendelegasian kewenangan PPK"
    # lends assessor authority, not the signature.
    acting = Delegation.objects.filter(region=actor.region, delegator=official, delegate=me)
    delegation = acting.acting(on=on).order_by("-starts_on", "-pk").first()
    if delegation is not None:
        return SigningAuthority(signer=me, capacity=delegation.kind, on_behalf_of=official, delegation=delegation)
    ended = acting.filter(kind__in=[Delegation.Kind.PLH, Delegation.Kind.PLT], revoked_at__isnull=True, ends_on__lt=on)
    last = ended.order_by("-ends_on").first()
    detail = (
        f" Penunjukan Anda sebagai {last.get_kind_display()} berakhir pada {date_id(last.ends_on)}."
        if last is not None
        else " Anda bukan pejabat itu dan tidak sedang menjadi Plh./Plt.-nya."
    )
    raise NotTheSigner(f"Naskah ini hanya dapat ditandatangani oleh {_who(official)} atau Plh./Plt.-nya.{detail}")
