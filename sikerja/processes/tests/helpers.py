"""Test data for proses bisnis, built through the services."""

from django.utils import timezone

from sikerja.accounts.access import actor_for
from sikerja.assignments.tests.people import actor, emp, unit
from sikerja.organisation.models import Employee, Position
from sikerja.processes import services
from sikerja.processes.rules.steps import StepInput

__all__ = ["actor", "emp", "unit", "long_sop", "org_admin"]


def org_admin(region):
    from django.contrib.auth import get_user_model

    user = (
        get_user_model()
        .objects.filter(role_assignments__region=region, role_assignments__role="admin_organisasi")
        .first()
    )
    return actor_for(user, region)


def long_sop(region, n=60, actors=5, approve=True):
    """An SOP of ``n`` steps over ``actors`` positions, with decisions looping back, approved."""
    a = org_admin(region)
    positions = list(
        Position.objects.filter(region=region, unit__code__startswith="DISKOMINFO").order_by("pk")[:actors]
    )
    v = services.create_sop(actor=a, name=f"SOP uji {n} langkah", owning_unit_id=unit(region, "DISKOMINFO").pk)
    steps = [StepInput(1, "Mulai: menerima permohonan", 0, "terminator", "Surat", "5 menit", "Catatan")]
    for i in range(2, n):
        if i % 9 == 0:
            steps.append(
                StepInput(
                    i,
                    f"Langkah {i}: memeriksa hasil",
                    i % actors,
                    "keputusan",
                    "Berkas",
                    "1 jam",
                    "Hasil periksa",
                    yes_to=i + 1,
                    no_to=max(2, i - 3),
                )
            )
        else:
            steps.append(
                StepInput(
                    i,
                    f"Langkah {i}: mengolah berkas permohonan dan mencatatnya",
                    i % actors,
                    "proses",
                    "Berkas",
                    "1 jam",
                    "Berkas olahan",
                )
            )
    steps.append(StepInput(n, "Selesai: menyerahkan hasil", 0, "terminator", "Hasil", "10 menit", "Tanda terima"))
    services.save_steps(actor=a, version=v, position_ids=[p.pk for p in positions], steps=steps)
    approver = Employee.objects.filter(
        region=region, position__unit__code="DISKOMINFO", position__is_leader=True
    ).first()
    services.save_identity(
        actor=a,
        version=v,
        data={
            "nomor": "800/099/UJI/2026",
            "approver": approver.pk,
            "effective_on": timezone.localdate(),
            "dasar_hukum": "PermenPANRB 35/2012",
        },
    )
    if approve:
        services.approve_sop_version(actor=a, version=v)
    v.refresh_from_db()
    return v
