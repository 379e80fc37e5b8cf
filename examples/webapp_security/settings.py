"""What the service reads from its environment; no signing key, no start."""

from __future__ import annotations

import logging
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

from argon2 import PasswordHasher

LOG = logging.getLogger("kemitraan.webapp")
#: An origin for CORS: a scheme, a host and maybe a port; no path, no wildcard.
ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?")
#: The shortest signing key taken: HS256 wants at least its own 256 bits (RFC 7518 3.2).
MIN_KEY_BYTES = 32


class SettingsError(ValueError):
    """A setting is missing or wrong: the service does not start."""


@dataclass(frozen=True)
class Settings:
    """The service's settings; :meth:`from_env` reads them from ``KEMITRAAN_*`` variables."""

    secret_key: str = field(repr=False)
    """The key that signs tokens (HS256): at least 32 bytes, random, kept out of the code."""
    token_minutes: int = 15
    """How long a token lasts; a client logs in again after that."""
    max_body_bytes: int = 2 * 1024 * 1024
    """The largest request body taken; a larger one is refused with 413 before it is read."""
    cors_origins: tuple[str, ...] = ()
    """The browser origins allowed to call the API (none: CORS closed)."""
    hsts_seconds: int = 0
    """``Strict-Transport-Security`` max-age; 0 leaves it to the TLS proxy."""
    password_hasher: PasswordHasher = field(default_factory=PasswordHasher, repr=False)
    """Argon2id as argon2-cffi recommends (RFC 9106, low memory: t=3, m=64 MiB, p=4);
    tests pass a cheaper one."""
    history_key: str | None = field(default=None, repr=False)
    """The key of the partnerships' history chains (HMAC-SHA256,
    :func:`kemitraan.audit.set_history_key`): at least 32 bytes; set it from the first day,
    as a history written with a key loads only where that key is set."""
    issuer: str = "kemitraan-webapp"
    """The ``iss`` and ``aud`` of the tokens this service issues and accepts."""

    def __post_init__(self) -> None:
        if len(self.secret_key.encode()) < MIN_KEY_BYTES:
            raise SettingsError(
                f"KEMITRAAN_SECRET_KEY must be at least {MIN_KEY_BYTES} bytes of random text "
                '(python -c "import secrets; print(secrets.token_urlsafe(48))")'
            )
        if self.history_key is not None and len(self.history_key.encode()) < MIN_KEY_BYTES:
            raise SettingsError(f"KEMITRAAN_HISTORY_KEY must be at least {MIN_KEY_BYTES} bytes")
        if not 1 <= self.token_minutes <= 24 * 60:
            raise SettingsError("KEMITRAAN_TOKEN_MINUTES must be from 1 to 1440")
        if not 1024 <= self.max_body_bytes <= 64 * 1024 * 1024:
            raise SettingsError("KEMITRAAN_MAX_BODY_BYTES must be from 1 KiB to 64 MiB")
        for origin in self.cors_origins:
            if not ORIGIN.fullmatch(origin):
                raise SettingsError(f"a CORS origin is scheme://host[:port], not {origin!r}")
        if self.hsts_seconds < 0:
            raise SettingsError("KEMITRAAN_HSTS_SECONDS must be 0 or more")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment names.

        ``KEMITRAAN_SECRET_KEY`` is required, unless ``KEMITRAAN_DEV=1`` says this is a
        developer's machine: then a random key is made for this process (every token
        dies with it).

        Raises:
            SettingsError: a setting is missing or wrong.
        """
        env = os.environ if environ is None else environ
        key = env.get("KEMITRAAN_SECRET_KEY", "")
        if not key:
            if env.get("KEMITRAAN_DEV") != "1":
                raise SettingsError(
                    "set KEMITRAAN_SECRET_KEY (or KEMITRAAN_DEV=1 on a developer's machine)"
                )
            LOG.warning("KEMITRAAN_DEV=1: tokens are signed with a key made for this process")
            key = secrets.token_urlsafe(48)
        origins = tuple(o.strip() for o in env.get("KEMITRAAN_CORS_ORIGINS", "").split(","))
        try:
            return cls(
                secret_key=key,
                token_minutes=int(env.get("KEMITRAAN_TOKEN_MINUTES", "15")),
                max_body_bytes=int(env.get("KEMITRAAN_MAX_BODY_BYTES", str(2 * 1024 * 1024))),
                cors_origins=tuple(o for o in origins if o),
                hsts_seconds=int(env.get("KEMITRAAN_HSTS_SECONDS", "0")),
                history_key=env.get("KEMITRAAN_HISTORY_KEY") or None,
            )
        except ValueError as exc:
            if isinstance(exc, SettingsError):
                raise
            raise SettingsError(f"a KEMITRAAN_* number is not a whole number: {exc}") from exc
