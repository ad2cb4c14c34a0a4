"""The RSA keys that sign id_tokens (RS256), kept in the database (`SigningKey`).

The first key is generated when one is first needed (the first id_token or JWKS request) and kept;
`rotate` adds a new one, which then signs while the older ones stay published at ``/oauth/jwks``
under their ``kid`` until `retire` removes them.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from jwcrypto import jwk

from orchid.oauth.models import SigningKey

__all__ = ["current", "jwks", "retire", "rotate", "signing_jwk"]

KEY_SIZE = 2048


def _new_kid() -> str:
    return f"orchid-{timezone.now():%Y%m%d}-{secrets.token_hex(6)}"


def rotate() -> SigningKey:
    """Generate a new signing key; it signs from now on."""
    key = jwk.JWK.generate(kty="RSA", size=KEY_SIZE)
    pem = key.export_to_pem(private_key=True, password=None).decode("ascii")
    return SigningKey.objects.create(kid=_new_kid(), private_key_pem=pem)


def current() -> SigningKey:
    """The key that signs: the newest one not retired, generated on first use."""
    key = SigningKey.objects.filter(retired_at__isnull=True).first()
    if key is not None:
        return key
    with transaction.atomic():
        # Two first requests at once may both generate a key: both are published, the newer signs.
        return rotate()


def retire(kid: str) -> bool:
    """Stop publishing (and using) the key ``kid``; False when there is no such active key."""
    return bool(SigningKey.objects.filter(kid=kid, retired_at__isnull=True).update(retired_at=timezone.now()))


def signing_jwk(key: SigningKey) -> jwk.JWK:
    return jwk.JWK.from_pem(key.private_key_pem.encode("ascii"))


def jwks() -> dict[str, Any]:
    """The JWK Set of every active key's public half, as ORCID publishes it (spec §4)."""
    current()  # generated on first use
    published: list[dict[str, Any]] = []
    for key in SigningKey.objects.filter(retired_at__isnull=True):
        public = signing_jwk(key).export_public(as_dict=True)
        published.append(
            {"kty": "RSA", "e": public["e"], "use": "sig", "kid": key.kid, "alg": "RS256", "n": public["n"]}
        )
    return {"keys": published}
