"""Log in through a region's own OpenID Connect identity provider (PLT-1).

The protocol (authorisation code with PKCE, state, nonce, ID-token signature, issuer and
audience checks) is Authlib's; what is SiKerja's is the decision of *who* that identity is: an
active employee of that region, matched by NIP or by verified e-mail, who already has an active
SiKerja login created by the region's HR administrator. An identity the region does not know
never gets an account by logging in.
"""

from __future__ import annotations

from dataclasses import dataclass

from authlib.integrations.django_client import OAuth

from sikerja.accounts.models import IdentityProvider
from sikerja.organisation.models import Employee

SCOPE = "openid email profile"


class SsoRefused(Exception):
    """The identity provider answered, but SiKerja does not let this identity in."""


def metadata_url(issuer: str) -> str:
    return issuer.rstrip("/") + "/.well-known/openid-configuration"


def client_for(provider: IdentityProvider):
    """A fresh Authlib client for this region's provider: settings edited by the administrator
    apply to the next login without a restart."""
    oauth = OAuth()
    return oauth.register(
        name=f"region{provider.region_id}",
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        server_metadata_url=metadata_url(provider.issuer),
        client_kwargs={"scope": SCOPE, "code_challenge_method": "S256"},
    )


def _nip_claim(claims: dict) -> str:
    for key in ("nip", "preferred_username"):
        digits = "".join(str(claims.get(key) or "").split())
        if digits.isdigit() and len(digits) == 18:
            return digits
    return ""


@dataclass(frozen=True)
class Identity:
    employee: Employee
    user: object


def identify(provider: IdentityProvider, claims: dict) -> Identity:
    """The employee and login the ID token's claims name, or SsoRefused with the reason."""
    employees = Employee.objects.filter(region_id=provider.region_id, is_active=True).select_related("user")
    if provider.match == IdentityProvider.Match.EMAIL:
        email = str(claims.get("email") or "").strip()
        if not email or claims.get("email_verified") is not True:
            raise SsoRefused("Penyedia identitas tidak mengirim alamat surel yang terverifikasi.")
        matches = list(employees.filter(email__iexact=email)[:2])
        what = f"surel {email}"
    else:
        nip = _nip_claim(claims)
        if not nip:
            raise SsoRefused("Penyedia identitas tidak mengirim NIP (18 angka).")
        matches = list(employees.filter(nip=nip)[:2])
        what = f"NIP {nip}"
    if len(matches) != 1:
        raise SsoRefused(
            f"Tidak ada satu pegawai aktif dengan {what} di {provider.region.name}."
            if not matches
            else f"Lebih dari satu pegawai memakai {what}; minta admin BKPSDM membetulkan datanya."
        )
    employee = matches[0]
    user = employee.user
    if user is None or not user.is_active:
        raise SsoRefused(
            "Anda belum memiliki akun SiKerja yang aktif. Admin BKPSDM membuatkan akun terlebih dahulu; "
            "setelah itu Anda dapat masuk melalui penyedia identitas daerah."
        )
    return Identity(employee=employee, user=user)
