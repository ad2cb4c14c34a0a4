"""Django settings for Orchid, read from the environment (see docs/operations.md).

Environment:
  ORCHID_DEBUG          Django DEBUG (default: on; set 0 in production)
  ORCHID_SANDBOX        sandbox registry behaviour (default: on; set 0 for a production registry)
  ORCHID_SECRET_KEY     required unless DEBUG or SANDBOX is on
  ORCHID_ALLOWED_HOSTS  comma-separated (default: localhost, 127.0.0.1, [::1])
  ORCHID_LOG_LEVEL      console log level (default: INFO)
  ORCHID_VAR_DIR        data directory (default: <checkout>/var); holds orchid.sqlite3
  DATABASE_URL          selects another database, e.g. postgres://user:pw@host:5432/orchid
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from orchid import config

_env = os.environ

DEBUG = config.env_bool(_env, "ORCHID_DEBUG", True)

#: A sandbox registry (like sandbox.orcid.org): test data, relaxed checks. Later features read this flag.
SANDBOX = config.env_bool(_env, "ORCHID_SANDBOX", True)

# The host written in iD and client URIs inside messages (`https://orcid.org/0000-...`), as ORCID's
# display guidelines ask; a community registry sets its own.
ORCID_ID_HOST = _env.get("ORCHID_ID_HOST", "orcid.org")

_secret = _env.get("ORCHID_SECRET_KEY", "")
if not _secret:
    if not (DEBUG or SANDBOX):
        raise ImproperlyConfigured(
            "ORCHID_SECRET_KEY must be set when ORCHID_DEBUG and ORCHID_SANDBOX are off"
        )
    _secret = "orchid-development-only-insecure-secret-key"  # dev/sandbox only
SECRET_KEY = _secret

ALLOWED_HOSTS = config.env_list(_env, "ORCHID_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

VAR_DIR = config.ensure_var_dir(config.var_dir(_env))

DATABASES = {"default": config.database_config(_env, VAR_DIR)}

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "oauth2_provider",
    "orchid.core",
    "orchid.oauth",
    "orchid.organizations",
    "orchid.records",
    "orchid.search",
    "orchid.api",
]

# django-oauth-toolkit with Orchid's own models (ORCID's client types, the researcher a token is for).
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth.Client"
OAUTH2_PROVIDER_ACCESS_TOKEN_MODEL = "oauth.AccessToken"
OAUTH2_PROVIDER_REFRESH_TOKEN_MODEL = "oauth.RefreshToken"
OAUTH2_PROVIDER_ID_TOKEN_MODEL = "oauth.IDToken"
OAUTH2_PROVIDER_GRANT_MODEL = "oauth.Grant"

# ORCID's token endpoint behaviour on DOT's machinery (orchid/oauth/server.py): UUID4 tokens, ORCID's
# lifetimes (~20 years for client-credentials and persistent tokens), ORCID's scope rules.
OAUTH2_PROVIDER = {
    "ACCESS_TOKEN_GENERATOR": "orchid.oauth.server.new_token_value",
    "REFRESH_TOKEN_GENERATOR": "orchid.oauth.server.new_token_value",
    "OAUTH2_SERVER_CLASS": "orchid.oauth.server.OrcidServer",
    "OAUTH2_VALIDATOR_CLASS": "orchid.oauth.server.OrcidOAuth2Validator",
    "SCOPES_BACKEND_CLASS": "orchid.oauth.server.OrcidScopesBackend",
    "ACCESS_TOKEN_EXPIRE_SECONDS": 631138519,
    # ORCID's authorization-code flow predates PKCE and does not require it.
    "PKCE_REQUIRED": False,
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "orchid.urls"
WSGI_APPLICATION = "orchid.wsgi.application"

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
            ],
        },
    },
]

# Renderings of Public API reads (orchid.api.cache). In-process by default; ORCHID_CACHE_ENTRIES bounds it.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "orchid",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": int(_env.get("ORCHID_CACHE_ENTRIES", "2000"))},
    },
    # What every server process of this host must see alike (`orchid serve --processes N`): the
    # Registry UI's sign-in throttle. Files under the var directory; point it at Redis or memcached
    # when the processes span hosts.
    "shared": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
        "TIMEOUT": 3600,
    },
}

# Where this host keeps the stored public record renderings as files, which the Public API's record
# reads are served from (orchid.records.rendering_files). By default on PostgreSQL only: there they spare
# the database sending 150 KB per read; SQLite reads the body in-process in the lookup's own query, as
# fast as a file (bench/api.py). ORCHID_RENDERINGS_DIR="" turns them off, a directory turns them on.
_renderings_default = "" if config.is_sqlite(DATABASES["default"]) else str(VAR_DIR / "renderings")
ORCHID_RENDERINGS_DIR = _env.get("ORCHID_RENDERINGS_DIR", _renderings_default).strip() or None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = config.ensure_var_dir(VAR_DIR / "static")  # exists even before collectstatic (WhiteNoise)
# WhiteNoise serves static files from the apps directly in development and sandbox registries; a
# production registry runs `orchid manage collectstatic` into STATIC_ROOT (docs/operations.md).
WHITENOISE_USE_FINDERS = DEBUG or SANDBOX

# One console handler on the root logger: Django's and waitress's messages, each once.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": _env.get("ORCHID_LOG_LEVEL", "INFO").upper()},
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        # waitress warns "Task queue depth is N" for every request that waits for a free thread: with
        # the few threads per process Orchid recommends (docs/operations.md), about every other request
        # under load (440,000 lines in one bench/api.py run), each a formatted line written to stderr.
        "waitress.queue": {"level": "ERROR"},
    },
}

# --- orchid.api: the v3.0 API edge (docs/api.md) -------------------------------------------------
# ORCHID_PUBLIC_API_HOST_PREFIX  a Host starting with it is the Public API (default "pub.")
# ORCHID_MEMBER_API_HOST_PREFIX  a Host starting with it is the Member API (default "api.")
#                                any other Host: the caller's token decides (docs/api.md)
# ORCHID_ALLOW_PLAIN_HTTP        serve the API over plain http (default: on in sandbox mode, else off;
#                                off -> ORCID's 400 "This API Version only allows HTTPS calls.")
# ORCHID_ALLOWED_HOSTS           in sandbox mode, when unset, any Host header is accepted ("*"), since
#                                one origin answers as pub.*, api.* and any local name
ORCHID_PUBLIC_API_HOST_PREFIX = _env.get("ORCHID_PUBLIC_API_HOST_PREFIX", "pub.")
ORCHID_MEMBER_API_HOST_PREFIX = _env.get("ORCHID_MEMBER_API_HOST_PREFIX", "api.")
ORCHID_ALLOW_PLAIN_HTTP = config.env_bool(_env, "ORCHID_ALLOW_PLAIN_HTTP", SANDBOX)
ORCHID_API_MAX_BODY_BYTES = 10 * 1024 * 1024  # larger request bodies -> 413 (error 9001)
if SANDBOX and "ORCHID_ALLOWED_HOSTS" not in _env:
    ALLOWED_HOSTS = ["*"]
# --- end orchid.api ------------------------------------------------------------------------------

# --- orchid.web: the Registry web UI (docs in orchid/web/__init__.py) ------------------------------
# ORCHID_EMAIL_HOST / _PORT / _USER / _PASSWORD / _USE_TLS / _USE_SSL  SMTP, used when sandbox mode is off
# ORCHID_EMAIL_FROM   the sender of the registry's e-mail (default "Orchid <no-reply@localhost>")
# In sandbox mode nothing is sent: every message is stored and readable at /mailbox.
INSTALLED_APPS += ["orchid.web"]
MIDDLEWARE += ["orchid.web.security.SecurityHeadersMiddleware"]
TEMPLATES[0]["OPTIONS"]["context_processors"].append("orchid.web.context.registry")  # type: ignore[index]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
EMAIL_BACKEND = (
    "orchid.web.mail.SandboxMailBackend" if SANDBOX else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = _env.get("ORCHID_EMAIL_HOST", "localhost")
EMAIL_PORT = int(_env.get("ORCHID_EMAIL_PORT", "25"))
EMAIL_HOST_USER = _env.get("ORCHID_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = _env.get("ORCHID_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = config.env_bool(_env, "ORCHID_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = config.env_bool(_env, "ORCHID_EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = _env.get("ORCHID_EMAIL_FROM", "Orchid <no-reply@localhost>")
# Failed sign-ins allowed per account and client address within the window (orchid.web.accounts).
ORCHID_SIGNIN_MAX_FAILURES = 5
ORCHID_SIGNIN_WINDOW_SECONDS = 15 * 60
# --- end orchid.web --------------------------------------------------------------------------------

# --- orchid.oauth: authorization, OpenID Connect (docs in orchid/oauth/views.py) --------------------
# ORCHID_OAUTH_ISSUER  the OpenID issuer and base of the endpoint URLs in the discovery document
#                      (default: in sandbox mode the origin a request reached, else https://ORCID_ID_HOST)
# ORCHID_AUTH_CODE_SECONDS  how long an authorization code may be exchanged (default 24 h, as ORCID)
LOGIN_URL = "/signin"
ORCHID_OAUTH_ISSUER = _env.get("ORCHID_OAUTH_ISSUER", "")
OAUTH2_PROVIDER["OAUTH2_BACKEND_CLASS"] = "orchid.oauth.server.OrcidOAuthLibCore"
OAUTH2_PROVIDER["AUTHORIZATION_CODE_EXPIRE_SECONDS"] = int(_env.get("ORCHID_AUTH_CODE_SECONDS", "86400"))
# Tokens are stored hashed (orchid/oauth/models.py) and never logged: oauthlib and DOT log issued tokens,
# refresh tokens and redirect URLs at DEBUG, so their loggers stay at INFO whatever ORCHID_LOG_LEVEL says.
LOGGING["loggers"].update(  # type: ignore[attr-defined]
    {"oauthlib": {"level": "INFO"}, "oauth2_provider": {"level": "INFO"}}
)
# --- end orchid.oauth ------------------------------------------------------------------------------

# --- orchid.web i18n: the Registry UI's languages (docs/translations.md) ----------------------------
# ORCID's 15 Registry locales; English is the source language, the others are ready for translation.
# The signed-in researcher's stored locale is activated per request (orchid.web.i18n).
from pathlib import Path as _Path  # noqa: E402

LANGUAGES = [
    ("ar", "العربية"),
    ("cs", "Čeština"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
    ("zh-hans", "简体中文"),  # ORCID's zh_CN
    ("zh-hant", "繁體中文"),  # ORCID's zh_TW
]
LOCALE_PATHS = [_Path(__file__).resolve().parent / "locale"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "orchid.web.i18n.ResearcherLocaleMiddleware",
)
TEMPLATES[0]["OPTIONS"]["context_processors"].append("django.template.context_processors.i18n")  # type: ignore[index]
# --- end orchid.web i18n ---------------------------------------------------------------------------

# --- orchid.ratelimit: nginx-style rate limits and the anonymous daily quota (docs/operations.md) ---
# ORCHID_RATE_LIMIT              on/off (default on; the test suite turns it off, tests/conftest.py)
# ORCHID_RATE_LIMIT_RATE         requests per second per client or IP (default 24, ORCID's)
# ORCHID_RATE_LIMIT_BURST        requests over the rate that are delayed, not refused (default 40)
# ORCHID_RATE_LIMIT_DAILY_QUOTA  anonymous v3.0 requests per IP per UTC day, then 429 (default 10000; 0: none)
# ORCHID_RATE_LIMIT_FILE         the state shared by the server processes (default VAR_DIR/ratelimit.bin)
# ORCHID_RATE_LIMIT_IP_HEADER    take the client IP from this header (e.g. X-Forwarded-For) set by a
#                                trusted proxy (default: none, REMOTE_ADDR)
ORCHID_RATE_LIMIT = config.env_bool(_env, "ORCHID_RATE_LIMIT", True)
ORCHID_RATE_LIMIT_RATE = float(_env.get("ORCHID_RATE_LIMIT_RATE", "24"))
ORCHID_RATE_LIMIT_BURST = int(_env.get("ORCHID_RATE_LIMIT_BURST", "40"))
ORCHID_RATE_LIMIT_DAILY_QUOTA = int(_env.get("ORCHID_RATE_LIMIT_DAILY_QUOTA", "10000"))
ORCHID_RATE_LIMIT_FILE = _env.get("ORCHID_RATE_LIMIT_FILE", str(VAR_DIR / "ratelimit.bin"))
ORCHID_RATE_LIMIT_IP_HEADER = _env.get("ORCHID_RATE_LIMIT_IP_HEADER", "")
if ORCHID_RATE_LIMIT_RATE <= 0 or ORCHID_RATE_LIMIT_BURST < 0 or ORCHID_RATE_LIMIT_DAILY_QUOTA < 0:
    raise ImproperlyConfigured("ORCHID_RATE_LIMIT_RATE must be > 0, _BURST and _DAILY_QUOTA >= 0")
MIDDLEWARE.insert(0, "orchid.ratelimit.middleware.RateLimitMiddleware")  # first: refuse before any work
# --- end orchid.ratelimit --------------------------------------------------------------------------

# --- orchid.notifications: amended and permission notifications, the inbox (docs/notifications.md) --
# ORCHID_NOTIFICATION_GROUP_SECONDS  changes by one client within this many seconds of an unread amended
#                                    notification are merged into it (default 3600)
INSTALLED_APPS += ["orchid.notifications"]
TEMPLATES[0]["OPTIONS"]["context_processors"].append("orchid.notifications.context.inbox")  # type: ignore[index]
ORCHID_NOTIFICATION_GROUP_SECONDS = float(_env.get("ORCHID_NOTIFICATION_GROUP_SECONDS", "3600"))
# --- end orchid.notifications ----------------------------------------------------------------------

# --- orchid.outbox and orchid.webhooks: the durable outbox, `orchid worker`, webhooks (docs/webhooks.md) ---
# ORCHID_OUTBOX_BATCH_SIZE        messages one worker claims at a time (default 50)
# ORCHID_OUTBOX_CONCURRENCY       messages one worker performs at once, in threads (default 8)
# ORCHID_OUTBOX_LEASE_SECONDS     a claim's lease; an expired one is claimable again (default 300)
# ORCHID_OUTBOX_POLL_SECONDS      how often an idle worker looks for due messages (default 1)
# ORCHID_OUTBOX_RETRY_SECONDS     back-off unit: attempt n failed -> retried n x this later (default 600)
# ORCHID_OUTBOX_MAX_ATTEMPTS      attempts before a message is given up, marked dead (default 25, ORCID's)
# ORCHID_OUTBOX_NICENESS          how much lower the worker's CPU priority is than the server's (default 10)
# ORCHID_WEBHOOK_WINDOW_SECONDS   a record's changes within this window make one callback (default 300,
#                                 ORCID's five minutes; 5 in sandbox mode)
# ORCHID_WEBHOOK_ALLOW_PRIVATE    allow callbacks to loopback/private/link-local addresses (default: sandbox)
# ORCHID_WEBHOOK_TIMEOUT_SECONDS  a callback's read timeout (connect: at most 5 s; default 10)
INSTALLED_APPS += ["orchid.outbox", "orchid.webhooks"]
ORCHID_OUTBOX_BATCH_SIZE = int(_env.get("ORCHID_OUTBOX_BATCH_SIZE", "50"))
ORCHID_OUTBOX_CONCURRENCY = int(_env.get("ORCHID_OUTBOX_CONCURRENCY", "8"))
ORCHID_OUTBOX_LEASE_SECONDS = float(_env.get("ORCHID_OUTBOX_LEASE_SECONDS", "300"))
ORCHID_OUTBOX_POLL_SECONDS = float(_env.get("ORCHID_OUTBOX_POLL_SECONDS", "1"))
ORCHID_OUTBOX_RETRY_SECONDS = float(_env.get("ORCHID_OUTBOX_RETRY_SECONDS", "600"))
ORCHID_OUTBOX_MAX_ATTEMPTS = int(_env.get("ORCHID_OUTBOX_MAX_ATTEMPTS", "25"))
ORCHID_OUTBOX_NICENESS = int(_env.get("ORCHID_OUTBOX_NICENESS", "10"))
ORCHID_WEBHOOK_WINDOW_SECONDS = float(_env.get("ORCHID_WEBHOOK_WINDOW_SECONDS", "5" if SANDBOX else "300"))
ORCHID_WEBHOOK_ALLOW_PRIVATE = config.env_bool(_env, "ORCHID_WEBHOOK_ALLOW_PRIVATE", SANDBOX)
ORCHID_WEBHOOK_TIMEOUT_SECONDS = float(_env.get("ORCHID_WEBHOOK_TIMEOUT_SECONDS", "10"))
# A record's stored public renderings are refreshed by the worker once the record has had no change for
# the delay, and at the latest the maximum delay after its first change since the last refresh (changes
# in between coalesce into one refresh; until then a read renders and stores them itself).
ORCHID_RENDERING_DELAY_SECONDS = float(_env.get("ORCHID_RENDERING_DELAY_SECONDS", "10"))
ORCHID_RENDERING_MAX_DELAY_SECONDS = float(_env.get("ORCHID_RENDERING_MAX_DELAY_SECONDS", "60"))
# Off: changes queue no refresh at all; reads and dumps render stale records themselves.
ORCHID_RENDERING_REFRESH = config.env_bool(_env, "ORCHID_RENDERING_REFRESH", True)
# --- end orchid.outbox and orchid.webhooks ----------------------------------------------------------
