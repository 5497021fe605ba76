from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sikerja.accounts.models import ApiToken


class Command(BaseCommand):
    help = "Terbitkan token API untuk seorang pengguna. Token hanya ditampilkan sekali."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="nama pemakaian token, mis. 'integrasi-simpeg'")

    def handle(self, *args, **opts):
        user = get_user_model().objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"Pengguna '{opts['username']}' tidak ditemukan.")
        _, raw = ApiToken.issue(user=user, name=opts["name"])
        self.stdout.write(raw)
