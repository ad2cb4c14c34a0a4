"""The Registry UI's language: the signed-in researcher's stored locale (`Researcher.locale`, one of
ORCID's 15 codes, chosen in account settings) becomes the active Django language of the request.

ORCID's locale codes are Django's language codes except the two Chinese ones. Requests without a
signed-in researcher (the API, sign-in, public pages) keep `settings.LANGUAGE_CODE`. English is the
source language; catalogs for the others are made as docs/translations.md says.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from orchid.records.models import Researcher

#: ORCID locale code -> Django language code (the keys of settings.LANGUAGES).
DJANGO_LANGUAGE: dict[str, str] = {"zh_CN": "zh-hans", "zh_TW": "zh-hant"}


def language_of(locale: str) -> str:
    """The Django language code for an ORCID locale code (`zh_CN` -> `zh-hans`, `de` -> `de`)."""
    return DJANGO_LANGUAGE.get(locale, locale)


def researcher_language(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    locale = Researcher.objects.filter(user__pk=user.pk).values_list("locale", flat=True).first()
    if not locale:
        return None
    return translation.get_supported_language_variant(language_of(locale))


class ResearcherLocaleMiddleware:
    """Activates the signed-in researcher's language for the request (after AuthenticationMiddleware)
    and says so in `Content-Language`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            language = researcher_language(request)
        except LookupError:  # a stored code outside settings.LANGUAGES
            language = None
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
