"""Pathfinder settings: one module, configured by environment variables.

PATHFINDER_ENV chooses the profile:
- "development" (default): the demo you get from `make run`; SQLite under var/,
  e-mail printed to the console, two-step verification optional.
- "production": secure cookies, HSTS, two-step verification required, and the
  process refuses to start with development secrets or DEBUG.

Every secret can also be given as a file: FOO_FILE=/run/secrets/foo.
See docs/deploying.md for the full list.
"""

from pathlib import Path

import dj_database_url
import nhsuk_frontend_jinja
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from pathfinder.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

ENV = env_str("PATHFINDER_ENV", "development")
if ENV not in {"development", "production"}:
    raise ImproperlyConfigured(f"PATHFINDER_ENV must be 'development' or 'production', not {ENV!r}.")
PRODUCTION = ENV == "production"

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else DEVELOPMENT_SECRET_KEY)
# DEBUG is off even in the demo, so newcomers see the product's own calm error
# pages rather than tracebacks. Turn it on with DEBUG=1 when developing.
DEBUG = env_bool("DEBUG", False)

if PRODUCTION:
    if not SECRET_KEY or SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "Production needs its own SECRET_KEY (at least 50 random characters); see docs/deploying.md."
        )
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The address in e-mailed links and calendar feeds. Production requires it;
# in development, links point at the server that is running (core/links.py).
SITE_URL = env_str("SITE_URL", "")
if PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "Production needs SITE_URL, the https:// address people use to reach Pathfinder; see docs/deploying.md."
    )

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_tasks_db",
    "pathfinder.core",
    "pathfinder.accounts",
    "pathfinder.programmes",
    "pathfinder.reports",
    "pathfinder.instruments",
    "pathfinder.assessments",
    "pathfinder.surveys",
    "pathfinder.workforce",
    "pathfinder.lens",
    "pathfinder.planning",
    "pathfinder.discovery",
    "pathfinder.evidence",
    "pathfinder.measures",
    "pathfinder.api",
    "pathfinder.learning",
    "pathfinder.national",
    "pathfinder.thisisme",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed here (static files are already compressed by
    # WhiteNoise, which answers before this). Django's GZip middleware pads each
    # response with random-length bytes ("Heal The Breach"), the BREACH
    # mitigation; CSRF tokens are also masked afresh on every page.
    "django.middleware.gzip.GZipMiddleware",
    "pathfinder.core.middleware.RequestIdMiddleware",
    "pathfinder.core.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "pathfinder.core.links.SiteAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "pathfinder.accounts.middleware.SessionLimitsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # People who hold a 'This is me' profile reach only their own pages.
    "pathfinder.thisisme.middleware.PersonBoundaryMiddleware",
    "pathfinder.accounts.middleware.RequireTwoStepMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pathfinder.core.middleware.NoStoreMiddleware",
    "pathfinder.core.middleware.MethodNotAllowedMiddleware",
]

ROOT_URLCONF = "pathfinder.urls"
WSGI_APPLICATION = "pathfinder.wsgi.application"

TEMPLATES = [
    {
        # Pages are Jinja2 with the NHS.UK frontend macros. The Jinja2 engine is
        # first so our page templates also replace django-allauth's.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [Path(nhsuk_frontend_jinja.__file__).parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "pathfinder.jinja2env.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "pathfinder.core.context_processors.pathfinder",
            ],
        },
    },
    {
        # Only for the plain-text e-mails that django-allauth renders itself;
        # ours, in pathfinder/templates, replace its wording.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "pathfinder" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]

# --- Database -------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'pathfinder.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The same backend, with a health check that needs no SELECT 1 while the
    # connection is idle and has nothing to read (pathfinder/core/db/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "pathfinder.core.db.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The default database lives in var/, which a fresh clone does not have yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE avoids "database is locked" upgrades under concurrent writes.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("SQLITE_TEST_NAME", "") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    # A database cache is shared by every worker process, so sign-in throttling
    # counts attempts across all of them.
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "pathfinder_cache"}
}

# --- Accounts, passwords and sessions -----------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# OWASP ASVS L2: 30 minutes idle, 12 hours absolute.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
# Database sessions that remember their expiry, so a reading page writes the
# session at most once a minute (core/sessions.py, core/middleware.py).
SESSION_ENGINE = "pathfinder.core.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Flash messages often name people, so they stay on the server, not in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_FAILURE_VIEW = "pathfinder.core.views.errors.csrf_failure"

ACCOUNT_ADAPTER = "pathfinder.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"reset_password": "pathfinder.accounts.forms.ResetPasswordForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
# Never e-mail an address that has no account (no "sign up here" mails to strangers).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Pathfinder: "
ACCOUNT_RATE_LIMITS = {
    # Throttle guessing, counted across workers. A client pauses after 5 failures
    # for one address, or 20 over any addresses (an office may share one address
    # between many people): the "key" here is address and client together, so a
    # stranger cannot lock someone out (see AccountAdapter).
    "login_failed": "20/5m/ip,5/5m/key",
    # One address guessed from many clients: 30 failures in 5 minutes slows
    # everyone trying it until the guessing stops.
    "login_failed_account": "30/5m/key",
    "login": "30/m/ip",
    "reset_password": "5/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_ADAPTER = "pathfinder.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Pathfinder"
# Two-step verification: required for everyone in production, optional (and
# labelled so on every page) in the demo.
PATHFINDER_REQUIRE_MFA = env_bool("PATHFINDER_REQUIRE_MFA", PRODUCTION)

# --- Mail -----------------------------------------------------------------------
_SMTP = "django.core.mail.backends.smtp.EmailBackend"
_CONSOLE = "django.core.mail.backends.console.EmailBackend"
MAILERS = {
    "default": {
        # The demo prints e-mails (such as invitations) in the terminal.
        "BACKEND": env_str("EMAIL_BACKEND", _SMTP if PRODUCTION else _CONSOLE),
        "OPTIONS": {},
    }
}
if MAILERS["default"]["BACKEND"] == _SMTP:
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Pathfinder <pathfinder@localhost>")

# --- Background tasks -------------------------------------------------------------
# Work that must not happen inside a request (such as password-reset e-mails,
# whose sending time would reveal who has an account). In production a worker
# (`manage.py db_worker`) runs them from the database; the demo runs them at once.
_DB_TASKS = "django_tasks_db.DatabaseBackend"
_IMMEDIATE_TASKS = "django.tasks.backends.immediate.ImmediateBackend"
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", _DB_TASKS if PRODUCTION else _IMMEDIATE_TASKS)}}

# --- Encryption of sensitive fields (keys rotate: the first one encrypts) ----------
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
if PRODUCTION and not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("Production needs FIELD_ENCRYPTION_KEYS; see docs/deploying.md.")

# --- Disclosure control ----------------------------------------------------------
# The fewest respondents behind any survey figure. It can be raised, never lowered.
PATHFINDER_MIN_GROUP = env_int("PATHFINDER_MIN_GROUP", 10)
# How long the national view's figures are kept before they are worked out again (0: never kept).
PATHFINDER_NATIONAL_CACHE_SECONDS = env_int("PATHFINDER_NATIONAL_CACHE_SECONDS", 600)
if PATHFINDER_MIN_GROUP < 10:
    raise ImproperlyConfigured("PATHFINDER_MIN_GROUP can be raised above 10 but never lowered below it.")

# --- Security headers -----------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],  # ASVS 5.0 3.4.3 asks for none; no page uses <base>
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Behind a TLS-terminating proxy, set SECURE_PROXY_SSL_HEADER via the environment.
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        # Throttling must count the real client, not the proxy in front of us.
        ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# --- Static files -------------------------------------------------------------
STATIC_URL = "/static/"
# Only production collects static files; elsewhere WhiteNoise serves them from the source folders.
STATIC_ROOT = BASE_DIR / "staticfiles" if PRODUCTION else None
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# --- Internationalisation ---------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

# --- Logging: JSON lines, no personal data -----------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "pathfinder.logging.JsonFormatter"}},
    "filters": {
        "request_id": {"()": "pathfinder.logging.RequestIdFilter"},
        "redact_tokens": {"()": "pathfinder.logging.RedactTokensFilter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id", "redact_tokens"]}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs the full request line for 4xx; ours carries only the path.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING" if not DEBUG else "INFO"},
    },
}

PATHFINDER_VERSION = "0.1.0"
