"""Accounts in the Registry UI: registration, e-mail verification, sign-in with its throttle, password
reset, safe redirects and deactivation. Views call these; nothing here knows about templates.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.cache import BaseCache, caches
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext

from orchid import ids
from orchid.records.models import Email, Researcher, now_ms
from orchid.records.researchers import create_researcher
from orchid.schema.enums import Locale
from orchid.web import mail

VERIFY_SALT = "orchid.web.verify-email"
VERIFY_MAX_AGE = 7 * 24 * 3600  # a verification link works for a week
DEFAULT_NEXT = "/my-orcid"
MIN_PASSWORD_LENGTH = 8

#: ORCID's 15 Registry languages (orcid-model AvailableLocales without the pseudo-locale `xx`).
LOCALES: tuple[tuple[str, str], ...] = (
    (Locale.EN.value, "English"),
    (Locale.AR.value, "العربية"),
    (Locale.CS.value, "Čeština"),
    (Locale.DE.value, "Deutsch"),
    (Locale.ES.value, "Español"),
    (Locale.FR.value, "Français"),
    (Locale.IT.value, "Italiano"),
    (Locale.JA.value, "日本語"),
    (Locale.KO.value, "한국어"),
    (Locale.PL.value, "Polski"),
    (Locale.PT.value, "Português"),
    (Locale.RU.value, "Русский"),
    (Locale.TR.value, "Türkçe"),
    (Locale.ZH_CN.value, "简体中文"),
    (Locale.ZH_TW.value, "繁體中文"),
)
LOCALE_CODES = frozenset(code for code, _ in LOCALES)

_ID_URI = re.compile(r"^(?:https?://[^/]+/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/?$", re.IGNORECASE)


class AccountError(Exception):
    """A refusal to show the person (a bad password, a taken e-mail, ...)."""


# ---------------------------------------------------------------------------------------------
# Redirects


def safe_next(request: HttpRequest, candidate: str | None, default: str = DEFAULT_NEXT) -> str:
    """``candidate`` when it is a path on this site (or an absolute URL on this very host), else
    ``default``: `next` never sends anybody to another site."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


# ---------------------------------------------------------------------------------------------
# Registration and e-mail verification


def password_problem(password: str) -> str | None:
    """ORCID's password rule: at least 8 characters, a letter, and a digit or a symbol."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return gettext("Use at least %(count)d characters.") % {"count": MIN_PASSWORD_LENGTH}
    if not re.search(r"[^\W\d_]", password):
        return gettext("Include at least one letter.")
    if not re.search(r"[\d\W_]", password):
        return gettext("Include at least one number or symbol.")
    return None


def email_taken(email: str) -> bool:
    return Email.objects.filter(email__iexact=email.strip()).exists()


def register(
    request: HttpRequest, *, given_names: str, family_name: str, email: str, password: str, locale: str
) -> Researcher:
    """A new record with a new iD, its account, an unverified e-mail and the verification mail."""
    email = email.strip()
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    if email_taken(email):
        raise AccountError(
            gettext("That e-mail address is already used by a record. Sign in or reset your password.")
        )
    with transaction.atomic():
        try:
            researcher = create_researcher(
                given_names=given_names,
                family_name=family_name,
                email=email,
                password=password,
                creation_method="Direct",
                email_verified=False,
            )
        except ValueError as error:
            raise AccountError(str(error)) from None
        if locale in LOCALE_CODES:
            researcher.locale = locale
            researcher.save(update_fields=["locale"])
    send_verification(request, researcher, email)
    return researcher


def verification_token(orcid: str, email: str) -> str:
    return signing.dumps({"orcid": orcid, "email": email.lower()}, salt=VERIFY_SALT, compress=True)


def send_verification(request: HttpRequest, researcher: Researcher, email: str) -> None:
    link = request.build_absolute_uri(
        reverse("web:verify-email", args=[verification_token(researcher.orcid, email)])
    )
    mail.send(
        email,
        gettext("[Orchid] Verify your e-mail address"),
        gettext(
            "Hello %(name)s,\n\n"
            "Please verify the e-mail address %(email)s of your ORCID iD %(id_uri)s by opening this link:\n\n"
            "%(link)s\n\n"
            "The link works for 7 days. If you did not register, ignore this message.\n"
        )
        % {
            "name": researcher.display_name,
            "email": email,
            "id_uri": f"https://{settings.ORCID_ID_HOST}/{researcher.orcid}",
            "link": link,
        },
    )


def verify_email(token: str) -> Email:
    """Mark the e-mail a verification link names as verified; AccountError for a bad or old link."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.SignatureExpired:
        raise AccountError(gettext("This verification link has expired. Sign in to get a new one.")) from None
    except signing.BadSignature:
        raise AccountError(gettext("This verification link is not valid.")) from None
    row = Email.objects.filter(
        researcher__orcid=data.get("orcid"), email__iexact=data.get("email", "")
    ).first()
    if row is None:
        raise AccountError(gettext("This e-mail address is no longer on the record."))
    if not row.verified:
        row.verified = True
        row.last_modified = now_ms()
        row.save(update_fields=["verified", "last_modified"])
        Researcher.objects.get(pk=row.researcher_id).save(update_fields=["last_modified"])
    return row


def unverified_primary_email(researcher: Researcher) -> str | None:
    row = researcher.emails.filter(primary=True, verified=False).first()
    return row.email if row else None


# ---------------------------------------------------------------------------------------------
# Sign-in


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _throttle_key(identifier: str, address: str) -> str:
    digest = hashlib.sha256(f"{identifier.strip().lower()}|{address}".encode()).hexdigest()
    return f"orchid.web.signin-failures:{digest}"


def max_failures() -> int:
    return int(getattr(settings, "ORCHID_SIGNIN_MAX_FAILURES", 5))


def window_minutes() -> int:
    return int(getattr(settings, "ORCHID_SIGNIN_WINDOW_SECONDS", 900)) // 60


def _throttle_cache() -> BaseCache:
    # Shared by the server processes of a host (settings.CACHES): with the per-process default cache,
    # N processes would each allow the whole number of attempts.
    return caches["shared"]


def is_throttled(identifier: str, address: str) -> bool:
    return int(_throttle_cache().get(_throttle_key(identifier, address), 0)) >= max_failures()


def record_failure(identifier: str, address: str) -> None:
    """Count a failed attempt (a password, a two-factor code) towards the throttle."""
    _record_failure(identifier, address)


def _record_failure(identifier: str, address: str) -> None:
    key = _throttle_key(identifier, address)
    window = int(getattr(settings, "ORCHID_SIGNIN_WINDOW_SECONDS", 900))
    cache = _throttle_cache()
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)


def username_for(identifier: str) -> str | None:
    """The account name (the iD) behind an e-mail address, an iD or an iD URI; for an operator account
    without a record (``orchid manage createsuperuser``), its user name."""
    identifier = identifier.strip()
    match = _ID_URI.match(identifier)
    if match:
        orcid = match.group(1).upper()
        return orcid if ids.is_valid(orcid) else None
    row = Email.objects.filter(email__iexact=identifier).select_related("researcher__user").first()
    if row is not None and row.researcher.user is not None:
        return str(row.researcher.user.get_username())
    operator = (
        get_user_model().objects.filter(username=identifier, is_staff=True, researcher__isnull=True).first()
    )
    return str(operator.get_username()) if operator is not None else None


@dataclass(frozen=True)
class SignInResult:
    user: AbstractBaseUser | None
    error: str | None = None


def check_sign_in(request: HttpRequest, identifier: str, password: str) -> SignInResult:
    """The account for these credentials, or why not; failures count towards the throttle."""
    address = client_address(request)
    throttled = gettext(
        "Too many failed sign-ins for this account from your address. Wait %(minutes)d minutes "
        "or reset your password."
    ) % {"minutes": window_minutes()}
    if is_throttled(identifier, address):
        return SignInResult(None, throttled)
    username = username_for(identifier)
    user = authenticate(request, username=username, password=password) if username else None
    if user is None:
        _record_failure(identifier, address)
        if is_throttled(identifier, address):
            return SignInResult(None, throttled)
        return SignInResult(None, gettext("The e-mail address or iD and the password do not match a record."))
    researcher = Researcher.objects.filter(user=user).first()
    if researcher is not None and researcher.deactivated_at is not None:
        return SignInResult(None, gettext("This record has been deactivated."))
    if researcher is not None and researcher.deprecated_to:
        return SignInResult(
            None,
            gettext("This record was deprecated: sign in to %(orcid)s.")
            % {"orcid": researcher.deprecated_to},
        )
    return SignInResult(user)


# ---------------------------------------------------------------------------------------------
# Password reset


def send_password_reset(request: HttpRequest, email: str) -> None:
    """Mail a reset link when the address belongs to an account; silently nothing otherwise."""
    row = Email.objects.filter(email__iexact=email.strip()).select_related("researcher__user").first()
    if row is None or row.researcher.user is None or not row.researcher.user.is_active:
        return
    user = row.researcher.user
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = request.build_absolute_uri(
        reverse("web:reset-password-confirm", args=[uid, default_token_generator.make_token(user)])
    )
    mail.send(
        row.email,
        gettext("[Orchid] Reset your password"),
        gettext(
            "Hello %(name)s,\n\nSomebody asked to reset the password of the ORCID iD %(id_uri)s. "
            "To choose a new password, open:\n\n"
            "%(link)s\n\nThe link works once. If you did not ask for this, ignore this message.\n"
        )
        % {
            "name": row.researcher.display_name,
            "id_uri": f"https://{settings.ORCID_ID_HOST}/{row.researcher.orcid}",
            "link": link,
        },
    )


def user_for_reset(uidb64: str, token: str) -> Any:
    """The account a reset link is for, or None when the link is invalid or used."""
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model().objects.filter(pk=pk).first()
    except (TypeError, ValueError, OverflowError):
        return None
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


def set_password(user: Any, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    user.set_password(password)
    user.save(update_fields=["password"])


# ---------------------------------------------------------------------------------------------
# Account settings


def set_locale(researcher: Researcher, locale: str) -> None:
    if locale not in LOCALE_CODES:
        raise AccountError(gettext("Choose one of the listed languages."))
    researcher.locale = locale
    researcher.last_modified = now_ms()
    researcher.save(update_fields=["locale", "last_modified"])


def deactivate(researcher: Researcher) -> None:
    """Deactivate the record: it answers as deactivated and its account can no longer sign in."""
    with transaction.atomic():
        researcher.deactivated_at = now_ms()
        researcher.last_modified = researcher.deactivated_at
        researcher.save(update_fields=["deactivated_at", "last_modified"])
        if researcher.user is not None:
            researcher.user.is_active = False
            researcher.user.save(update_fields=["is_active"])
