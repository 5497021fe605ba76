"""Units, positions (peta jabatan) and employees, read-only (ORG-1, ORG-3..6, TIK-1).

Structure (units, positions, leaders) is visible to every user of the region; employees only
through ``actor.employees()``, i.e. within the actor's scope (sikerja.accounts.access). Each
endpoint runs a fixed number of queries whatever the size of the region.
"""

from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from sikerja.accounts.access import Actor, access_unit
from sikerja.api.auth import API_AUTH
from sikerja.api.employee_page import EmployeePageOut, EmployeePageParams, employee_page
from sikerja.api.schemas import (
    ERRORS,
    EmployeeDetailOut,
    EmployeeFilters,
    Id,
    Pagination,
    PositionDetailOut,
    PositionFilters,
    PositionOut,
    UnitChildOut,
    UnitDetailOut,
    UnitFilters,
    UnitOut,
    check_params,
)
from sikerja.organisation.models import Employee, Position, Unit
from sikerja.organisation.selectors import employee_detail, employee_list, unit_ancestors, unit_children, unit_leader

router = Router(auth=API_AUTH, tags=["Organisasi"])

UNIT_ID = Path(..., description="ID unit.")
POSITION_ID = Path(..., description="ID jabatan.")
EMPLOYEE_ID = Path(..., description="ID pegawai.")


# --- reads this module needs beyond organisation.selectors -----------------------------------
def _region_units(actor: Actor):
    """The actor's units with tree fields; the recursive CTE stays inside the region."""
    return actor.units().tree_filter(region=actor.region)


def _positions(actor: Actor):
    return actor.positions().annotate(filled=Count("holders", filter=Q(holders__is_active=True)))


def access_position(actor: Actor, position_id: int) -> Position:
    position = _positions(actor).select_related("unit").filter(pk=position_id).first()
    if position is None:
        raise Http404("Jabatan tidak ditemukan.")
    return position


def unit_detail(actor: Actor, unit_id: int) -> Unit:
    """A unit with its path, leader and counts: eight queries whatever the size of the tree."""
    unit = access_unit(actor, unit_id)
    unit.ancestors = unit_ancestors(actor, unit)
    unit.tree_depth = len(unit.ancestors)
    unit.leader = unit_leader(unit)
    positions = Position.objects.filter(unit=unit).aggregate(n=Count("id"), required=Sum("required"))
    unit.counts = {
        "children": Unit.objects.filter(parent=unit, is_active=True).count(),
        "positions": positions["n"],
        "required": positions["required"] or 0,
        "employees": Employee.objects.filter(unit=unit, is_active=True).count(),
    }
    return unit


# --- units ----------------------------------------------------------------------------------
@router.get("/units", response={200: list[UnitOut], **ERRORS}, summary="Daftar unit organisasi")
@paginate(Pagination)
def list_units(request: HttpRequest, filters: Query[UnitFilters]):
    """Unit organisasi dan perangkat daerah sebagai daftar datar berurutan pohon (depth-first),
    masing-masing dengan `parent_id` dan `depth` (ORG-1)."""
    check_params(request, UnitFilters)
    actor = request.auth
    if filters.subtree_of:
        root = access_unit(actor, filters.subtree_of)
        qs = _region_units(actor).descendants(root, include_self=True)
    else:
        qs = _region_units(actor).with_tree_fields()
    if not filters.include_inactive:
        qs = qs.filter(is_active=True)
    if filters.parent_id:
        qs = qs.filter(parent_id=filters.parent_id)
    if filters.root:
        qs = qs.filter(parent__isnull=True)
    elif filters.root is False:
        qs = qs.filter(parent__isnull=False)
    if filters.unit_type:
        qs = qs.filter(unit_type=filters.unit_type)
    if filters.q and filters.q.strip():
        qs = qs.filter(name__icontains=filters.q.strip())
    if filters.perangkat_daerah_id:
        qs = qs.filter(perangkat_daerah_id=filters.perangkat_daerah_id)
    return qs


@router.get("/units/{unit_id}", response={200: UnitDetailOut, **ERRORS}, summary="Rincian unit organisasi")
def get_unit(request: HttpRequest, unit_id: Id = UNIT_ID):
    """Satu unit dengan induk, jalur dari akar, pimpinan unit dan ringkasan jumlah (ORG-1, ORG-2)."""
    return unit_detail(request.auth, unit_id)


@router.get(
    "/units/{unit_id}/children",
    response={200: list[UnitChildOut], **ERRORS},
    summary="Subunit langsung",
)
@paginate(Pagination)
def list_unit_children(request: HttpRequest, unit_id: Id = UNIT_ID):
    """Subunit aktif langsung dari unit ini, masing-masing dengan jumlah subunitnya."""
    check_params(request)
    actor = request.auth
    unit = access_unit(actor, unit_id)
    return unit_children(actor, unit.pk)


# --- positions ------------------------------------------------------------------------------
@router.get("/positions", response={200: list[PositionOut], **ERRORS}, summary="Daftar jabatan (peta jabatan)")
@paginate(Pagination)
def list_positions(request: HttpRequest, filters: Query[PositionFilters]):
    """Jabatan pada peta jabatan dengan kebutuhan dan jumlah pemegangnya (ORG-3, ORG-4, ORG-6)."""
    check_params(request, PositionFilters)
    qs = _positions(request.auth)
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.jf_level:
        qs = qs.filter(jf_level=filters.jf_level)
    return qs.order_by("unit_id", "-is_leader", "-kelas_jabatan", "name", "pk")


@router.get("/positions/{position_id}", response={200: PositionDetailOut, **ERRORS}, summary="Rincian jabatan")
def get_position(request: HttpRequest, position_id: Id = POSITION_ID):
    """Satu jabatan dengan unitnya, kebutuhan, pemegang dan kekurangannya (ORG-6)."""
    return access_position(request.auth, position_id)


# --- employees ------------------------------------------------------------------------------
@router.get("/employees", response={200: EmployeePageOut, **ERRORS}, summary="Daftar pegawai dalam cakupan Anda")
def list_employees(request: HttpRequest, filters: Query[EmployeeFilters], paging: Query[EmployeePageParams]):
    """Pegawai aktif yang boleh Anda lihat: seluruh daerah untuk peran se-daerah, subpohon unit
    Anda untuk kepala PD / pimpinan unit / PPK, dan selalu diri Anda sendiri (ORG-5). Sampai 500
    per halaman; `fields` memilih kolom, `count=false` melewatkan penghitungan seluruhnya."""
    check_params(request, EmployeeFilters, EmployeePageParams)
    actor = request.auth
    if filters.subtree_of:
        access_unit(actor, filters.subtree_of)  # 404 for a unit outside the region
    qs = employee_list(
        actor,
        q=(filters.q or "").strip(),
        unit_id=filters.subtree_of or filters.unit_id,
        subtree=bool(filters.subtree_of),
        status=filters.status or "",
        kind=filters.kind or "",
    )
    if filters.subtree_of and filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.golongan:
        qs = qs.filter(golongan=filters.golongan)
    return employee_page(qs, paging)


@router.get("/employees/{employee_id}", response={200: EmployeeDetailOut, **ERRORS}, summary="Rincian pegawai")
def get_employee(request: HttpRequest, employee_id: Id = EMPLOYEE_ID):
    """Satu pegawai dengan jabatan, unit, kompetensi dan pejabat penilai kinerjanya. Pegawai di
    luar cakupan Anda tidak ditemukan (404), sehingga keberadaannya pun tidak bocor."""
    return employee_detail(request.auth, employee_id)
