"""OAuth2 bearer tokens: JWTs signed with HS256 by PyJWT, short-lived, checked strictly.

A token says who (``sub``, the user's id), when it was issued (``iat``, ``nbf``), when it
expires (``exp``), by and for whom (``iss``, ``aud``), and carries a random ``jti``. It
names no role and no institution: those are read from the users table on every request,
so a changed role or a deactivated user takes effect at once.
"""

from __future__ import annotations

import secrets
import time

import jwt

from webapp_security.settings import Settings

#: The one algorithm signed and accepted: ``none``, RS/HS confusion and the rest refused.
ALGORITHM = "HS256"
REQUIRED = ["exp", "iat", "nbf", "sub", "iss", "aud", "jti"]


class InvalidToken(ValueError):
    """A token that is not this service's, is altered, has expired or lacks a claim."""


def issue_token(user_id: str, settings: Settings) -> tuple[str, int]:
    """A token for ``user_id``, and how many seconds it lasts."""
    now = int(time.time())
    lifetime = settings.token_minutes * 60
    claims = {
        "sub": user_id,
        "iat": now,
        "nbf": now,
        "exp": now + lifetime,
        "iss": settings.issuer,
        "aud": settings.issuer,
        "jti": secrets.token_urlsafe(16),
    }
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM), lifetime


def token_subject(token: str, settings: Settings) -> str:
    """The user id a valid token names.

    Raises:
        InvalidToken: the token is not valid now.
    """
    if len(token) > 4096:
        raise InvalidToken("the token is too long")
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],
            audience=settings.issuer,
            issuer=settings.issuer,
            options={"require": REQUIRED, "verify_signature": True},
        )
    except jwt.InvalidTokenError as exc:
        raise InvalidToken(str(exc)) from exc
    subject = claims["sub"]
    if not isinstance(subject, str) or not subject:
        raise InvalidToken("the token names nobody")
    return subject
