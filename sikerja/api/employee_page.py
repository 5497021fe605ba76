"""One page of ``GET /employees`` without building model instances (issue 15 item 4).

The list is the API's biggest read: a client syncing a region of 50,000 people walks it page
by page. So a page may hold up to 500 rows, ``fields=`` names the item fields a client wants
(the others are left out of the answer and out of the SELECT), ``count=false`` skips counting
the whole scope (``count`` and ``num_pages`` are then null and ``has_next`` says whether to go
on), and rows are read with ``.values()`` and written as JSON directly — no ``Employee``,
``Unit`` or ``Position`` instance and no per-row validation. The shape is the documented
``EmployeePageOut`` (the contract test validates the answers against it).
"""

from __future__ import annotations

import json
import math
from typing import Any

from django.http import Http404, HttpResponse
from ninja import Field, Schema
from pydantic import ConfigDict

from sikerja.api.errors import invalid_input
from sikerja.api.schemas import PAGE_SIZE, Golongan, PositionRef, UnitRef
from sikerja.organisation.choices import EmploymentStatus, Gender

EMPLOYEE_MAX_PAGE_SIZE = 500

# item field -> the columns it needs
SCALARS = ("id", "nip", "name", "front_title", "back_title", "status", "golongan", "gender", "is_active")
UNIT_COLUMNS = {"id": "unit__id", "name": "unit__name", "code": "unit__code", "unit_type": "unit__unit_type"}
POSITION_COLUMNS = {
    "id": "position__id",
    "name": "position__name",
    "kind": "position__kind",
    "jf_level": "position__jf_level",
    "kelas_jabatan": "position__kelas_jabatan",
    "is_leader": "position__is_leader",
}
FIELDS = (*SCALARS[:3], "full_name", *SCALARS[3:], "unit", "position")
_ONE = "(" + "|".join(FIELDS) + ")"
FIELDS_PATTERN = f"^{_ONE}(,{_ONE})*$"  # a comma list of field names, documented so


def _no_defaults(schema: dict[str, Any]) -> None:
    # Fields are optional only because ``fields=`` may leave them out; they are never null.
    for prop in schema.get("properties", {}).values():
        prop.pop("default", None)
        if len(prop.get("allOf", ())) == 1:  # a default made pydantic wrap the $ref; unwrap it
            prop.update(prop.pop("allOf")[0])


class EmployeeItemOut(Schema):
    """A pegawai in the list; with ``fields=`` only the named fields are present."""

    model_config = ConfigDict(json_schema_extra=_no_defaults)

    id: int = Field(None, description="ID pegawai.")
    nip: str = Field(None, description="NIP (18 digit).")
    name: str = Field(None, description="Nama tanpa gelar.")
    full_name: str = Field(None, description="Nama dengan gelar.")
    front_title: str = Field(None, description="Gelar depan.")
    back_title: str = Field(None, description="Gelar belakang.")
    status: EmploymentStatus = Field(None, description="Status kepegawaian: PNS atau PPPK (ORG-5).")
    golongan: Golongan = Field(None, description="Pangkat/golongan.")
    gender: Gender = Field(None, description="Jenis kelamin: L atau P.")
    is_active: bool = Field(None, description="Pegawai aktif.")
    unit: UnitRef | None = Field(None, description="Unit tempat pegawai bekerja.")
    position: PositionRef | None = Field(None, description="Jabatan pegawai.")


class EmployeePageOut(Schema):
    items: list[EmployeeItemOut] = Field(..., description="Pegawai pada halaman ini.")
    count: int | None = Field(..., description="Jumlah seluruh pegawai yang cocok; null bila count=false.")
    page: int = Field(..., description="Nomor halaman ini.")
    page_size: int = Field(..., description="Jumlah butir per halaman.")
    num_pages: int | None = Field(..., description="Jumlah halaman; null bila count=false.")
    has_next: bool = Field(..., description="Masih ada halaman berikutnya.")


class EmployeePageParams(Schema):
    page: int = Field(1, ge=1, description="Nomor halaman, mulai dari 1.")
    page_size: int | None = Field(
        None,
        ge=1,
        description=f"Jumlah butir per halaman (bawaan {PAGE_SIZE}, paling banyak {EMPLOYEE_MAX_PAGE_SIZE}).",
    )
    count: bool = Field(True, description="Hitung seluruh pegawai yang cocok (false: lebih cepat, count null).")
    fields: str | None = Field(
        None,
        max_length=300,
        pattern=FIELDS_PATTERN,
        description="Kolom butir yang diminta, dipisah koma, mis. id,nip,name. Bawaan: semua. "
        f"Pilihan: {', '.join(FIELDS)}.",
    )


def chosen_fields(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return FIELDS
    names = tuple(dict.fromkeys(f.strip() for f in raw.split(",") if f.strip()))
    unknown = [f for f in names if f not in FIELDS]
    if unknown or not names:
        raise invalid_input(
            "fields", f"kolom tidak dikenal: {', '.join(unknown) or '(kosong)'}. Pilihan: {', '.join(FIELDS)}."
        )
    return names


def _columns(fields: tuple[str, ...]) -> list[str]:
    cols = [f for f in SCALARS if f in fields]
    if "full_name" in fields:
        cols += [c for c in ("name", "front_title", "back_title") if c not in cols]
    if "unit" in fields:
        cols += list(UNIT_COLUMNS.values())
    if "position" in fields:
        cols += list(POSITION_COLUMNS.values())
    return cols


def _item(row: dict, fields: tuple[str, ...]) -> dict:
    item = {}
    for f in fields:
        if f == "full_name":
            front = f"{row['front_title']} " if row["front_title"] else ""
            back = f", {row['back_title']}" if row["back_title"] else ""
            item[f] = f"{front}{row['name']}{back}"
        elif f == "unit":
            item[f] = {k: row[c] for k, c in UNIT_COLUMNS.items()} if row["unit__id"] is not None else None
        elif f == "position":
            if row["position__id"] is None:
                item[f] = None
            else:
                pos = {k: row[c] for k, c in POSITION_COLUMNS.items()}
                pos["jf_level"] = pos["jf_level"] or None  # as PositionRef.resolve_jf_level
                item[f] = pos
        else:
            item[f] = row[f]
    return item


def employee_page(queryset, params: EmployeePageParams) -> HttpResponse:
    fields = chosen_fields(params.fields)
    page_size = min(params.page_size or PAGE_SIZE, EMPLOYEE_MAX_PAGE_SIZE)
    offset = (params.page - 1) * page_size
    count = num_pages = None
    if params.count:
        count = queryset.count()
        num_pages = max(1, math.ceil(count / page_size))
        if params.page > num_pages:
            raise Http404(f"Halaman {params.page} tidak ada; jumlah halaman {num_pages}.")
    # One row past the page says whether there is a next one without counting.
    rows = list(queryset.values(*_columns(fields))[offset : offset + page_size + 1])
    has_next = len(rows) > page_size
    rows = rows[:page_size]
    if count is None and params.page > 1 and not rows:
        raise Http404(f"Halaman {params.page} tidak ada.")
    body = {
        "items": [_item(row, fields) for row in rows],
        "count": count,
        "page": params.page,
        "page_size": page_size,
        "num_pages": num_pages,
        "has_next": has_next,
    }
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/json")
