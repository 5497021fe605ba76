"""What the page benchmark measures: every main page and list endpoint of a demo region.

Each entry is ``(name, url, who)``; ``who`` is ``"region"`` (the region-wide admin BKPSDM) or
``"unit"`` (the head of one bidang, who is also its PPK). Pages that other work adds later are
marked optional: a 404 there means "not built yet" and the page is skipped, not failed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from sikerja.organisation.models import Unit

USERS = {"region": "admin.bkpsdm", "unit": "kabid.aptika"}


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    who: str = "region"
    optional: bool = False


def largest_pd(region) -> Unit:
    """The perangkat daerah with the most units: the org chart's worst case."""
    row = (
        Unit.objects.filter(region=region)
        .values("perangkat_daerah")
        .annotate(n=Count("pk"))
        .order_by("-n", "perangkat_daerah")
        .first()
    )
    return Unit.objects.get(pk=row["perangkat_daerah"])


def bench_pages(region) -> list[Page]:
    pd = largest_pd(region)
    start = dt.date.today()
    period = {"starts_on": start.isoformat(), "ends_on": (start + dt.timedelta(days=90)).isoformat()}
    candidates = reverse("penugasan:candidates")
    employees_api = "/api/v1/employees"
    pages = [
        Page("beranda", reverse("web:home")),
        Page("pohon organisasi", reverse("web:unit_tree")),
        Page(f"anak unit ({pd.code})", reverse("web:unit_children", args=[pd.pk])),
        Page(f"bagan ({pd.code})", reverse("web:org_chart", args=[pd.pk])),
        Page("daftar pegawai", reverse("web:employee_list")),
        Page("cari pegawai 'siti'", reverse("web:employee_list") + "?q=siti"),
        Page("API pegawai 50", f"{employees_api}?page_size=50"),
        Page("API pegawai 200", f"{employees_api}?page_size=200"),
        Page("API pegawai 500", f"{employees_api}?page_size=500", optional=True),
        Page("API pegawai 500 ringkas", f"{employees_api}?page_size=500&count=false&fields=id,nip,name", optional=True),
        Page("laporan kedudukan (daerah)", reverse("ked:report")),
        Page("laporan kedudukan (unit)", reverse("ked:report"), who="unit"),
        Page("calon penugasan tanpa filter", f"{candidates}?{urlencode(period)}"),
        Page(
            "calon penugasan 1 kompetensi",
            f"{candidates}?{urlencode({**period, 'competences': 'Pelayanan Publik'})}",
        ),
        Page("calon penugasan (unit)", f"{candidates}?{urlencode(period)}", who="unit"),
        Page("kotak masuk penugasan", reverse("penugasan:inbox")),
        Page("daftar naskah", reverse("letters:list")),
        Page("pelaksanaan", reverse("pelaksanaan:mine")),
        Page("pelaksanaan (unit)", reverse("pelaksanaan:mine"), who="unit"),
        Page("kinerja", "/kinerja/", optional=True),
        Page("proses bisnis", "/proses-bisnis/", optional=True),
    ]
    return pages
