"""TOTP two-factor authentication (RFC 6238, as ORCID's "two-factor authentication") with recovery codes.

* the TOTP secret is stored encrypted (Fernet; the key is derived from ``SECRET_KEY``, and
  ``SECRET_KEY_FALLBACKS`` still decrypt after a key rotation); recovery codes are stored as keyed hashes
  (HMAC-SHA256, same key source), ten of them, each working once;
* a code works once: the newest accepted 30-second step is kept and older or equal steps are refused;
  one step of clock drift either way is accepted;
* sign-in is two steps: after the password, the account waits in the session (not signed in) until a
  TOTP or recovery code passes (`start_second_step`, `check_code`, `finish_sign_in`); failed codes count
  towards the sign-in throttle of `orchid.web.accounts`;
* the session records whether its sign-in used 2FA (``session["orchid_mfa"]``): the authorization
  requests issued from it carry that to the id_token's ``amr`` claim (`orchid.oauth.oidc`).

Views call these; nothing here knows about templates.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import string
import time
from dataclasses import dataclass
from typing import Any

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from orchid.oauth.authorize import MFA_SESSION_KEY
from orchid.web import accounts
from orchid.web.models import RecoveryCode, TwoFactor

__all__ = [
    "MFA_SESSION_KEY",
    "RECOVERY_CODE_COUNT",
    "TwoFactorError",
    "begin_setup",
    "check_code",
    "confirm_setup",
    "disable",
    "finish_sign_in",
    "is_enabled",
    "pending_sign_in",
    "provisioning_uri",
    "qr_data_uri",
    "regenerate_recovery_codes",
    "secret_of",
    "start_second_step",
]

_PENDING_KEY = "orchid.web.two-factor-pending"
#: How long the second step waits after the password step.
PENDING_SECONDS = 600
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = string.ascii_lowercase + string.digits
_RECOVERY_LENGTH = 10
STEP_SECONDS = 30
ISSUER = "Orchid"


class TwoFactorError(Exception):
    """A refusal to show the person (a wrong code, a wrong password, 2FA not on)."""


def _timestamp() -> float:
    """Now, in seconds (tests move the clock here)."""
    return time.time()


# ---------------------------------------------------------------------------------------------
# Keys: the secret encrypted, the recovery codes hashed


def _derived(secret_key: str, purpose: str) -> bytes:
    return hashlib.sha256(f"orchid.web.two_factor.{purpose}:{secret_key}".encode()).digest()


def _secret_keys() -> list[str]:
    return [str(settings.SECRET_KEY), *(str(key) for key in getattr(settings, "SECRET_KEY_FALLBACKS", []))]


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(base64.urlsafe_b64encode(_derived(key, "secret"))) for key in _secret_keys()])


def _encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode("ascii")).decode("ascii")


def secret_of(two_factor: TwoFactor) -> str:
    """The base32 TOTP secret (decrypted)."""
    try:
        return _fernet().decrypt(two_factor.secret.encode("ascii")).decode("ascii")
    except InvalidToken:
        raise TwoFactorError(
            gettext(
                "The two-factor secret cannot be read (the server's secret key changed). "
                "Contact the registry."
            )
        ) from None


def _normalize(code: str) -> str:
    return "".join(char for char in code.lower() if char.isalnum())


def _code_hashes(code: str) -> list[str]:
    """The hash of a recovery code under the current key, then under each fallback key."""
    normalized = _normalize(code).encode()
    return [
        hmac.new(_derived(key, "recovery"), normalized, hashlib.sha256).hexdigest() for key in _secret_keys()
    ]


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


# ---------------------------------------------------------------------------------------------
# State


def _row(user: Any) -> TwoFactor | None:
    if user is None or not getattr(user, "pk", None):
        return None
    return TwoFactor.objects.filter(user_id=user.pk).first()


def is_enabled(user: Any) -> bool:
    row = _row(user)
    return row is not None and row.enabled_at is not None


def remaining_recovery_codes(user: Any) -> int:
    row = _row(user)
    if row is None or row.enabled_at is None:
        return 0
    return row.recovery_codes.filter(used_at__isnull=True).count()


def begin_setup(user: Any) -> TwoFactor:
    """The set-up waiting for confirmation (a new secret when there is none yet)."""
    row = _row(user)
    if row is not None and row.enabled_at is not None:
        raise TwoFactorError(gettext("Two-factor authentication is already on."))
    if row is None:
        row = TwoFactor.objects.create(user=user, secret=_encrypt(pyotp.random_base32()))
    return row


def provisioning_uri(two_factor: TwoFactor, account_name: str) -> str:
    """The ``otpauth://totp/...`` URI an authenticator app reads (from the QR code)."""
    return str(pyotp.TOTP(secret_of(two_factor)).provisioning_uri(name=account_name, issuer_name=ISSUER))


def qr_data_uri(uri: str) -> str:
    """The QR code of ``uri`` as an inline SVG ``data:`` URI (the pages' CSP allows ``img-src data:``)."""
    return str(segno.make(uri, error="m").svg_data_uri(scale=5, border=2))


# ---------------------------------------------------------------------------------------------
# Codes


def _verify_totp(two_factor: TwoFactor, code: str) -> bool:
    """A current TOTP code (one step of drift allowed), accepted once: its step must be newer than the
    newest one already accepted."""
    code = "".join(char for char in code if char.isdigit())
    if len(code) != 6:
        return False
    totp = pyotp.TOTP(secret_of(two_factor))
    current = int(_timestamp()) // STEP_SECONDS
    for step in (current - 1, current, current + 1):
        if step <= two_factor.last_step:
            continue
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), code):
            # Claimed atomically: two requests with the same code cannot both pass.
            claimed = TwoFactor.objects.filter(pk=two_factor.pk, last_step__lt=step).update(last_step=step)
            if claimed:
                two_factor.last_step = step
                return True
            return False
    return False


def _use_recovery_code(two_factor: TwoFactor, code: str) -> bool:
    if len(_normalize(code)) != _RECOVERY_LENGTH:
        return False
    now = timezone.now()
    for digest in _code_hashes(code):
        used = RecoveryCode.objects.filter(
            two_factor=two_factor, code_hash=digest, used_at__isnull=True
        ).update(used_at=now)
        if used:
            return True
    return False


def _new_recovery_codes(two_factor: TwoFactor) -> list[str]:
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        two_factor.recovery_codes.all().delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(two_factor=two_factor, code_hash=_code_hashes(code)[0]) for code in codes
        )
    return codes


def _passes(two_factor: TwoFactor, code: str, recovery_code: str) -> bool:
    if code.strip():
        return _verify_totp(two_factor, code)
    if recovery_code.strip():
        return _use_recovery_code(two_factor, recovery_code)
    return False


# ---------------------------------------------------------------------------------------------
# Account settings: enable, disable, new recovery codes


def confirm_setup(request: HttpRequest, user: Any, code: str) -> list[str]:
    """Turn 2FA on once a code from the app matches; returns the ten recovery codes (shown once)."""
    row = begin_setup(user)
    if not _verify_totp(row, code):
        raise TwoFactorError(
            gettext("That code does not match. Check your device's clock and try the newest code.")
        )
    row.enabled_at = timezone.now()
    row.save(update_fields=["enabled_at"])
    # The person just proved they hold the second factor: this session counts as a 2FA sign-in.
    request.session[MFA_SESSION_KEY] = True
    return _new_recovery_codes(row)


def disable(request: HttpRequest, user: Any, *, password: str, code: str, recovery_code: str = "") -> None:
    """Turn 2FA off: the password and a current code (or a recovery code) are both required."""
    row = _row(user)
    if row is None or row.enabled_at is None:
        raise TwoFactorError(gettext("Two-factor authentication is not on."))
    if not user.check_password(password):
        raise TwoFactorError(gettext("The password is not correct."))
    if not _passes(row, code, recovery_code):
        raise TwoFactorError(gettext("The code is not correct."))
    row.delete()
    request.session[MFA_SESSION_KEY] = False


def regenerate_recovery_codes(user: Any, code: str) -> list[str]:
    """Ten new recovery codes (the old ones stop working); a current code is required."""
    row = _row(user)
    if row is None or row.enabled_at is None:
        raise TwoFactorError(gettext("Two-factor authentication is not on."))
    if not _verify_totp(row, code):
        raise TwoFactorError(gettext("The code is not correct."))
    return _new_recovery_codes(row)


# ---------------------------------------------------------------------------------------------
# Sign-in: the second step


@dataclass(frozen=True)
class PendingSignIn:
    user: Any
    backend: str
    next_url: str


def start_second_step(request: HttpRequest, user: Any, next_url: str) -> None:
    """The password passed: keep the account waiting for its code (the session is not signed in)."""
    request.session[_PENDING_KEY] = {
        "user": user.pk,
        "backend": str(getattr(user, "backend", "") or "django.contrib.auth.backends.ModelBackend"),
        "next": next_url,
        "at": _timestamp(),
    }


def pending_sign_in(request: HttpRequest) -> PendingSignIn | None:
    """The account waiting for its second step, unless it waited too long or can no longer sign in."""
    entry = request.session.get(_PENDING_KEY)
    if not isinstance(entry, dict) or _timestamp() - float(entry.get("at", 0)) > PENDING_SECONDS:
        request.session.pop(_PENDING_KEY, None)
        return None
    user = get_user_model().objects.filter(pk=entry.get("user") or 0, is_active=True).first()
    if user is None:
        return None
    return PendingSignIn(user, str(entry.get("backend")), str(entry.get("next") or accounts.DEFAULT_NEXT))


def _throttle_identifier(user: Any) -> str:
    return f"two-factor:{user.pk}"


def check_code(request: HttpRequest, user: Any, *, code: str = "", recovery_code: str = "") -> str | None:
    """None when the TOTP code (or else the recovery code) passes; otherwise why not. Failures count
    towards the sign-in throttle (per account and address, as the password step)."""
    address = accounts.client_address(request)
    identifier = _throttle_identifier(user)
    throttled = gettext(
        "Too many wrong codes for this account from your address. Wait %(minutes)d minutes."
    ) % {"minutes": accounts.window_minutes()}
    if accounts.is_throttled(identifier, address):
        return throttled
    row = _row(user)
    if row is None or row.enabled_at is None:
        return gettext("Two-factor authentication is not on for this account.")
    if not code.strip() and not recovery_code.strip():
        return gettext("Enter the 6-digit code from your authenticator app, or a recovery code.")
    try:
        passed = _passes(row, code, recovery_code)
    except TwoFactorError as refusal:
        passed, message = False, str(refusal)
    else:
        message = (
            gettext("That code is not correct.")
            if code.strip()
            else gettext("That recovery code is not correct or was used.")
        )
    if passed:
        return None
    accounts.record_failure(identifier, address)
    return throttled if accounts.is_throttled(identifier, address) else message


def finish_sign_in(request: HttpRequest, user: Any, *, mfa: bool, backend: str | None = None) -> None:
    """Sign the session in (a new session key) and record whether the sign-in used 2FA."""
    request.session.pop(_PENDING_KEY, None)
    login(request, user, backend=backend or None)
    request.session[MFA_SESSION_KEY] = mfa
