"""WSGI entry point: ``orchid.wsgi:application`` (what ``orchid serve`` runs)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")

application = get_wsgi_application()
