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
    "orchid.core",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

# One console handler on the root logger: Django's and waitress's messages, each once.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": _env.get("ORCHID_LOG_LEVEL", "INFO").upper()},
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
