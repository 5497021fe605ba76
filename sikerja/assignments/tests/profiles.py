"""The six shipped profiles as the rules see them (pure: read from the YAML files, no database)."""

from sikerja.assignments.rules import Profile
from sikerja.tenancy.services import builtin_profile_data

PROFILES = {d["key"]: Profile(name=d["name"], settings=d["settings"]) for d in builtin_profile_data()}
KEYS = sorted(PROFILES)
MU, KL, BU, PPU, BT, NAS = (
    "mahakam-ulu",
    "klungkung",
    "barito-utara",
    "penajam-paser-utara",
    "belitung-timur",
    "nasional",
)
SCOPES = ("dalam_unit", "lintas_unit", "lintas_pd", "lintas_instansi")
