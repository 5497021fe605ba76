"""The perjanjian kinerja as a naskah dinas (issue 12 item 1; MEK-1, PPU Lampiran huruf A angka
1 huruf a): its wording only. Issuing (number, render, who may sign) is the letters engine's —
``services.planning.sign_agreement`` issues it as the leader (pihak pertama) or their Plh/Plt,
through ``letters.services.issue_document``, which refuses anyone else."""

from __future__ import annotations

from sikerja.execution.models import PerformanceAgreement
from sikerja.i18n import in_indonesian
from sikerja.letters.citations import agreement_basis
from sikerja.letters.payloads import PerjanjianKinerjaPayload, TargetRow, person_from_employee


def head_of_region(region) -> str:
    """The kepala daerah as a PK names them, e.g. "Bupati Penajam Paser Utara": the kepala daerah's title (the region's own word for it)
    followed by the region's name without "Kabupaten"/"Kota"."""
    name = region.name
    for prefix in ("Kabupaten ", "Kota "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return f"{region.head_title} {name}".strip()


@in_indonesian
def agreement_payload(agreement: PerformanceAgreement) -> PerjanjianKinerjaPayload:
    """The PK of the agreement as it stands: pihak kedua is the leader's superior (a snapshot of
    name, NIP, pangkat, jabatan), or the kepala daerah by title when the unit is a perangkat
    daerah (their PK is signed with the kepala daerah outside this system)."""
    superior = agreement.superior
    if superior is not None:
        pihak_kedua = person_from_employee(superior)
        title = superior.position.name if superior.position_id else pihak_kedua.jabatan
    else:
        pihak_kedua, title = None, head_of_region(agreement.region)
    return PerjanjianKinerjaPayload(
        subject=f"Perjanjian Kinerja Tahun {agreement.year} {agreement.unit.name}",
        year=agreement.year,
        unit=agreement.unit.name,
        dasar=agreement_basis(agreement.region.profile),
        pihak_kedua=pihak_kedua,
        pihak_kedua_title=title,
        targets=[TargetRow(t.sasaran, t.indikator, t.target) for t in agreement.targets.order_by("order", "pk")],
    )
