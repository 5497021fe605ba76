from django.core.management.base import BaseCommand

from sikerja.tenancy.services import sync_builtin_profiles


class Command(BaseCommand):
    help = "Muat atau perbarui profil regulasi bawaan dari berkas YAML yang dikirim bersama aplikasi."

    def handle(self, *args, **options):
        for profile in sync_builtin_profiles():
            self.stdout.write(f"{profile.key}: {profile.name} (versi {profile.version})")
