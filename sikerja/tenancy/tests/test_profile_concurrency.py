"""Two administrators save the same setting at once (PLT-6): the profile row is locked, so one
save wins, the other sees the new version and is refused as stale; no version is lost or
written twice (PostgreSQL: real concurrent transactions)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import Role, RoleAssignment
from sikerja.audit.models import Event
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.tenancy import profile_services as services
from sikerja.tenancy.models import Region, RegulationProfile

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"),
]


def _race(calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except Exception as exc:  # noqa: BLE001 - the outcome is what we assert on
            outcomes.append(getattr(exc, "code", None) or type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


@pytest.mark.req("PLT-6", "PRF-1")
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_the_same_setting_at_once_end_in_one_new_version():
    from sikerja.tenancy.services import sync_builtin_profiles

    sync_builtin_profiles()
    region, _, _ = build_demo_region(n_employees=120, seed=7, slug="profil-serentak", user_prefix="ps")
    first = get_user_model().objects.get(username="ps.admin.organisasi")
    second = get_user_model().objects.create_user("ps.admin.kedua", password="x-Uji-12345")
    RoleAssignment.objects.create(user=second, region=region, role=Role.ADMIN_ORGANISASI)
    own = services.derive_profile(actor=actor_for(first, region), reason="Perbup daerah")

    def save(user, signer):
        def call():
            actor = actor_for(user, Region.objects.get(pk=region.pk))
            services.edit_setting(
                actor=actor, key="letter_signer", value={"lintas_unit": signer}, article="Pasal 20 ayat (4)",
                reason=f"Penanda tangan {signer}", expected_version=1,
            )  # fmt: skip

        return call

    outcomes = _race([save(first, "kepala_pd"), save(second, "sekretaris_daerah")])
    assert sorted(outcomes) == ["ok", "stale"], outcomes
    own = RegulationProfile.objects.get(pk=own.pk)
    assert own.version == 2 and own.history.count() == 2
    assert Event.objects.filter(verb="profile.setting_changed", object_id=str(own.pk)).count() == 1
    winner = own.settings["letter_signer"]["value"]["lintas_unit"]
    assert own.history.get(version=2).settings["letter_signer"]["value"]["lintas_unit"] == winner
