"""Regions (tenants) and regulation profiles (PRF-1, PRF-3)."""

from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Path, Router
from ninja.pagination import paginate

from sikerja.accounts.access import regions_of
from sikerja.accounts.models import RoleAssignment
from sikerja.api.auth import API_AUTH
from sikerja.api.schemas import (
    ERRORS,
    Pagination,
    ProfileDetailOut,
    ProfileOut,
    RegionDetailOut,
    RegionOut,
    check_params,
)
from sikerja.organisation.models import Employee, Position, Unit
from sikerja.tenancy.models import Region, RegulationProfile

router = Router(auth=API_AUTH, tags=["Pemerintah daerah dan profil regulasi"])


def _regions_for(request: HttpRequest) -> list[Region]:
    """The caller's regions, each with the caller's roles there and whether it is the current one."""
    actor = request.auth
    regions = regions_of(actor.user)
    roles: dict[int, list[str]] = {}
    for region_id, role in (
        RoleAssignment.objects.filter(user=actor.user).order_by("role").values_list("region_id", "role").distinct()
    ):
        roles.setdefault(region_id, []).append(role)
    for region in regions:
        region.roles = roles.get(region.pk, [])
        region.is_current = region.pk == actor.region.pk
    return regions


@router.get(
    "/regions",
    response={200: list[RegionOut], **ERRORS},
    summary="Daftar pemerintah daerah yang dapat Anda akses",
)
@paginate(Pagination)
def list_regions(request: HttpRequest):
    """Pemerintah daerah tempat Anda memiliki peran. Pilih salah satunya dengan `?region=<slug>`
    atau header `X-Region: <slug>` pada permintaan lain."""
    check_params(request)
    return _regions_for(request)


@router.get(
    "/regions/{slug}",
    response={200: RegionDetailOut, **ERRORS},
    summary="Rincian pemerintah daerah",
)
def get_region(request: HttpRequest, slug: str = Path(..., max_length=60, description="Kode pemerintah daerah.")):
    """Satu pemerintah daerah yang dapat Anda akses; daerah lain tidak ditemukan (PRF-3)."""
    region = next((r for r in _regions_for(request) if r.slug == slug), None)
    if region is None:
        raise Http404("Pemerintah daerah tidak ditemukan.")
    region.counts = {
        "units": Unit.objects.filter(region=region, is_active=True).count(),
        "positions": Position.objects.filter(region=region).count(),
        "employees": Employee.objects.filter(region=region, is_active=True).count(),
    }
    return region


def _visible_profiles(request: HttpRequest):
    """Built-in profiles and the own profiles of the caller's regions; another region's own
    profile is not found (PLT-6, PRF-3)."""
    return RegulationProfile.objects.filter(
        Q(is_builtin=True) | Q(owner__in=[r.pk for r in regions_of(request.auth.user)])
    )


@router.get(
    "/profiles",
    response={200: list[ProfileOut], **ERRORS},
    summary="Daftar profil regulasi",
)
@paginate(Pagination)
def list_profiles(request: HttpRequest):
    """Semua profil regulasi: lima peraturan bupati bawaan dan profil `nasional` (PRF-1)."""
    check_params(request)
    return _visible_profiles(request).order_by("key")


@router.get(
    "/profiles/{key}",
    response={200: ProfileDetailOut, **ERRORS},
    summary="Rincian profil regulasi beserta pengaturannya",
)
def get_profile(request: HttpRequest, key: str = Path(..., max_length=60, description="Kunci profil regulasi.")):
    """Profil regulasi dengan setiap pengaturan: nilai, pasal dasar, catatan, dan apakah peraturan
    diam tentang hal itu (PRF-1)."""
    profile = _visible_profiles(request).filter(key=key).first()
    if profile is None:
        raise Http404("Profil regulasi tidak ditemukan.")
    return profile
