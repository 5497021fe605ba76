"""Recompute the stored kedudukan findings (issue 15 item 1): a repair after data was written
outside the services (a restore, a manual fix in the database)."""

import time

from django.core.management.base import BaseCommand, CommandError

from sikerja.organisation.placement_checks import refresh
from sikerja.tenancy.models import Region


class Command(BaseCommand):
    help = "Hitung ulang temuan validasi kedudukan yang tersimpan (semua daerah, atau --region SLUG)."

    def add_arguments(self, parser):
        parser.add_argument("--region", default="", help="slug daerah; bawaan semua daerah")

    def handle(self, *args, **opts):
        regions = Region.objects.select_related("profile").order_by("slug")
        if opts["region"]:
            regions = regions.filter(slug=opts["region"])
            if not regions.exists():
                raise CommandError(f"Daerah {opts['region']} tidak ditemukan.")
        for region in regions:
            started = time.perf_counter()
            n = refresh(region)
            self.stdout.write(f"{region.slug}: {n} pegawai diperiksa ({time.perf_counter() - started:.1f} dtk)")
