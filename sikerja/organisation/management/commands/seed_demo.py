import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sikerja.organisation.db_stats import analyse
from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.tenancy.models import Region


class Command(BaseCommand):
    help = "Bangun pemerintah daerah fiktif yang realistis untuk demo dan benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=5000, help="jumlah pegawai (default 5000)")
        parser.add_argument("--seed", type=int, default=20240601, help="benih acak; sama benih, sama data")
        parser.add_argument("--slug", default="sungai-lestari")
        parser.add_argument("--name", default="Kabupaten Sungai Lestari")
        parser.add_argument("--profile", default="penajam-paser-utara", help="kunci profil regulasi")
        parser.add_argument("--no-users", action="store_true", help="tanpa akun demo")
        parser.add_argument("--user-prefix", default="", help="awalan nama akun demo, mis. 'telukdamai'")
        parser.add_argument("--if-missing", action="store_true", help="lewati bila daerah sudah ada")
        parser.add_argument("--quiet", action="store_true", help="tanpa daftar akun demo")

    def handle(self, *args, **opts):
        if opts["employees"] < 50:
            raise CommandError("Jumlah pegawai minimal 50.")
        if Region.objects.filter(slug=opts["slug"]).exists():
            if opts["if_missing"]:
                self.stdout.write(f"Daerah '{opts['slug']}' sudah ada; data demo tidak dibangun ulang.")
                if not opts["quiet"]:
                    self._print_logins()
                return
            raise CommandError(f"Daerah '{opts['slug']}' sudah ada. Pakai --slug lain atau basis data baru.")
        started = time.perf_counter()
        region, logins, _ = build_demo_region(
            n_employees=opts["employees"], seed=opts["seed"], slug=opts["slug"], name=opts["name"],
            profile=opts["profile"], with_users=not opts["no_users"], user_prefix=opts["user_prefix"], with_execution=True,
        )
        analyse()  # a seeded region is planned from real statistics at once (issue 15 item 5)
        User = get_user_model()
        if not opts["no_users"] and not User.objects.filter(username="superadmin").exists():
            User.objects.create_superuser("superadmin", "", DEMO_PASSWORD)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{region.name}: {region.units.count()} unit, {region.positions.count()} jabatan, "
                f"{region.employees.count()} pegawai, profil {region.profile.key} ({elapsed:.1f} dtk)"
            )
        )
        if not opts["quiet"]:
            self._print_logins()

    def _print_logins(self):
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        if not users.exists():
            return
        self.stdout.write(f"\nAkun demo (kata sandi: {DEMO_PASSWORD}):")
        for user in users:
            roles = ", ".join(sorted({ra.get_role_display() for ra in user.role_assignments.all()})) or (
                "Superadmin" if user.is_superuser else "-"
            )
            self.stdout.write(f"  {user.username:20} {roles}")
