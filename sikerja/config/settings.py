"""Settings, driven by environment variables so one codebase serves demo, CI and production.

DATABASE_URL selects the database (SQLite file by default; PostgreSQL in production).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
# The demo key is public; production must set DJANGO_SECRET_KEY (see README).
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "insecure-demo-key-set-DJANGO_SECRET_KEY-in-production"
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # its Swagger UI from our own static files, not a CDN a government network may block
    "csp",
    "django.contrib.humanize",
    "simple_history",
    "sikerja.tenancy",
    "sikerja.accounts",
    "sikerja.organisation",
    "sikerja.audit",
    "sikerja.letters",
    "sikerja.assignments",
    "sikerja.execution",
    "sikerja.processes",
    "sikerja.performance",
    "sikerja.api",
    "sikerja.web",
    "sikerja.guide",
    # Platform (issue 11): notifications + background worker, login protection, second factor.
    "sikerja.notifications",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware place (after sessions, before common); only an explicit choice counts.
    "sikerja.web.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "sikerja.accounts.middleware.SessionActivityMiddleware",
    "sikerja.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After auth and messages (its 400 page renders like any page), before every view (issue 9 item 14).
    "sikerja.web.input_guard.InputGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sikerja.config.replica.ReplicaReadsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "sikerja.config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sikerja.web.context.region",
                "sikerja.assignments.context.penugasan",
                "sikerja.notifications.context.bell",
            ],
        },
    },
]

WSGI_APPLICATION = "sikerja.config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'sikerja.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while one writer commits; a busy timeout instead of
    # "database is locked" when two people save at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The candidate search (PEN-14) spends far longer compiling with JIT than running: measured
    # 1.6 s vs 0.28 s on 50,000 employees (bench_assignments). Short OLTP queries gain nothing from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

# A streaming replica for reads that may lag (issue 15, sikerja/config/replica.py). Only the
# pages listed here read from it, and only for GET/HEAD; sessions, users and roles never do.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=DATABASES["default"].get("CONN_MAX_AGE", 0)
    )
    DATABASES["replica"].setdefault("OPTIONS", {}).update(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["sikerja.config.replica.ReplicaRouter"]
SIKERJA_REPLICA_FRESH_SECONDS = int(os.environ.get("SIKERJA_REPLICA_FRESH_SECONDS", "30"))
SIKERJA_REPLICA_PAGES = frozenset({
    "ked:report", "ked:report_xlsx",  # the region's placement report and its export
    # the organisation as browsed: structure changes rarely, a change is seen a moment later
    "web:unit_tree", "web:unit_detail", "web:unit_children", "web:org_chart", "web:employee_list",
    "penugasan:candidates",  # only a display: proposing re-checks availability on the primary
    "audit:log",  # the audit log: what happened, a moment late
    "pelaksanaan:monitoring", "pelaksanaan:monitoring_xlsx",  # the leader's monitoring and export
    "kinerja:curve", "kinerja:curve_xlsx",  # a unit's predikat distribution
    "proses:index", "proses:relasi",  # the process catalogue and the peta relasi
})  # fmt: skip

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

# Bahasa Indonesia for everyone, whatever the browser asks; English only when a person chooses
# it with the switch in the footer (PLT-5, sikerja/web/language.py). Letters stay Indonesian.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
TIME_ZONE = os.environ.get("TZ_NAME", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "sikerja" / "locale"]
# No USE_THOUSAND_SEPARATOR: it would also group ids and years in forms (value="1.234"); pages
# group counts explicitly with intcomma, which follows the active language.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request otherwise
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("SIKERJA_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG and env_bool("SIKERJA_COLLECTSTATIC", False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

# Uploaded spreadsheets are read in memory; 10 MB is far above a 15,000-row sheet.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SIKERJA_HTTPS = env_bool("SIKERJA_HTTPS", False)  # production behind HTTPS (docs/operations.md)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", SIKERJA_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Scripts only from this site (no inline script, no eval: behaviours live in web/sikerja.js);
# styles may be inline (style attributes on pages and letters); nothing may frame the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Behind HTTPS (the production install sets DJANGO_SECURE_COOKIES=1 and SIKERJA_HTTPS=1):
# HSTS for a year, redirect to HTTPS, and trust the proxy's scheme header.
if SIKERJA_HTTPS:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The HSTS preload list binds every subdomain of the region's domain for years: the region's
# own decision, not a default, so the deploy check's reminder about it is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Platform (issue 11) ------------------------------------------------------------------
SIKERJA_DEMO = env_bool("SIKERJA_DEMO", False)
SIKERJA_PUBLIC_URL = os.environ.get("SIKERJA_PUBLIC_URL", "")

# Login protection (PLT-2): django-axes throttles then locks, per account and per address.
# The first backend checks the lock for every login through a request (page, /admin/);
# authentication without a request (test client, shell) has no attacker and is let through.
AUTHENTICATION_BACKENDS = [
    "sikerja.accounts.backends.LoginProtectionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIKERJA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("SIKERJA_LOGIN_COOLOFF_HOURS", "0.25"))  # hours: 15 minutes
# Lock a username tried from anywhere, and an address trying many usernames.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("SIKERJA_PROXY_COUNT", "0"))  # 1 behind nginx
AXES_VERBOSE = False
# API bearer tokens: failed attempts per address before a 429 (sikerja.accounts.throttle).
SIKERJA_TOKEN_FAILURE_LIMIT = int(os.environ.get("SIKERJA_TOKEN_FAILURE_LIMIT", "20"))
SIKERJA_TOKEN_FAILURE_WINDOW = 15 * 60  # seconds
SIKERJA_API_TOKEN_DAYS = int(os.environ.get("SIKERJA_API_TOKEN_DAYS", "90"))

# Sessions end after inactivity; "ingat saya" keeps a longer one on a personal device.
SESSION_COOKIE_AGE = int(os.environ.get("SIKERJA_SESSION_IDLE_MINUTES", "30")) * 60
SIKERJA_REMEMBER_ME_AGE = 14 * 24 * 3600
PASSWORD_RESET_TIMEOUT = 2 * 3600  # a reset link works for two hours, once

# Second factor (PLT-1) for administrators and the Sekretaris Daerah. The demo (`make demo`
# sets SIKERJA_DEMO=1) and the test suite relax it so the public demo logins keep working;
# production enforces it. The tests that prove the enforcement switch it on.
SIKERJA_REQUIRE_SECOND_FACTOR = env_bool("SIKERJA_REQUIRE_SECOND_FACTOR", not SIKERJA_DEMO)
OTP_TOTP_ISSUER = "SiKerja"

AUTH_PASSWORD_VALIDATORS += [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Background work (PLT-3): django-tasks with its database backend; `manage.py sikerja_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mail: printed to the console unless an SMTP server is configured (docs/operations.md).
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if os.environ.get("EMAIL_HOST") else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "SiKerja <sikerja@localhost>")
