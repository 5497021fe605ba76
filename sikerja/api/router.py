"""The REST API under /api/v1/ (TIK-1). One module per domain registers its router here."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="SiKerja API",
    version="1",
    description="API terbuka SiKerja untuk integrasi aplikasi SPBE lain.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)

# --- registrations (one router per domain) ---------------------------------------------------
from sikerja.api import errors, kedudukan, organisation, tenancy  # noqa: E402

errors.install(api)
api.add_router("/", tenancy.router)
api.add_router("/", organisation.router)
api.add_router("/", kedudukan.router)
api.add_router("/", "sikerja.letters.api.router")
api.add_router("/", "sikerja.api.penugasan.router")
# Before pelaksanaan: its /pelaksanaan/{work_id} would take /pelaksanaan/perjanjian-kinerja.
api.add_router("/", "sikerja.api.pelaksanaan_dokumen.router")
api.add_router("/", "sikerja.api.pelaksanaan_perencanaan.router")
api.add_router("/", "sikerja.api.pelaksanaan_rencana_tim.router")
api.add_router("/", "sikerja.api.pelaksanaan.router")
api.add_router("/", "sikerja.api.proses.router")
api.add_router("/", "sikerja.api.kinerja.router")
api.add_router("/", "sikerja.api.kinerja_mph.router")
api.add_router("/", "sikerja.api.profil.router")
