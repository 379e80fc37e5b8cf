"""The people who log in: the ``kemitraan_web_users`` table, with Argon2 password hashes.

The table lives in the store's database, beside the store's own tables, but belongs to
this example, not to the library. A user is a login (``username``) and the person it
names: the name the audit trail keeps (a signatory's as the agreement prints it), the
role, and what the person acts for (:class:`~kemitraan.actors.Actor`).
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from pydantic import ValidationError
from sqlalchemy.engine import Engine

from kemitraan.actors import Actor, Role

USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
#: Passwords shorter than this are refused (NIST SP 800-63B asks 8; a Dinas asks more).
MIN_PASSWORD = 12
#: Passwords longer than this are refused before hashing (a long one costs nothing more
#: to guess but something to hash).
MAX_PASSWORD = 1024

METADATA = sa.MetaData()
users = sa.Table(
    "kemitraan_web_users",
    METADATA,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(512), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("acts_for", sa.String(100), nullable=True),
    sa.Column("oversees", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


class UserError(ValueError):
    """A user cannot be made as asked (a taken username, a short password, a bad role)."""


@dataclass(frozen=True)
class User:
    """One login and the person behind it."""

    id: str
    username: str
    actor: Actor
    """Who the user acts as: name, role, what they act for; ``user_id`` is :attr:`id`."""
    active: bool


class Users:
    """The users of one database; passwords hashed and checked with ``hasher``."""

    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()
        METADATA.create_all(engine)
        # checked when the username is unknown, so a stranger's name takes as long
        self._decoy = self.hasher.hash(secrets.token_urlsafe(16))

    def add(
        self,
        username: str,
        password: str,
        *,
        name: str,
        role: Role | str,
        acts_for: str | None = None,
        oversees: frozenset[str] | set[str] | tuple[str, ...] = (),
    ) -> User:
        """Make a user.

        Raises:
            UserError: the username is taken or not plain (``a-z0-9._@-``), the password
                is shorter than 12 or longer than 1024 characters, or the person is not
                a valid actor (a facilitator or signatory acts for someone).
        """
        if not USERNAME.fullmatch(username):
            raise UserError("a username is 1 to 64 of a-z, 0-9, '.', '_', '@', '-'")
        _check_password(password)
        user_id = secrets.token_hex(16)
        if role not in {r.value for r in Role}:
            raise UserError(f"a role is one of {', '.join(r.value for r in Role)}: {role!r}")
        try:
            actor = Actor(
                name=name,
                role=Role(role),
                acts_for=acts_for,
                oversees=frozenset(oversees),
                user_id=user_id,
            )
        except ValidationError as exc:
            raise UserError(str(exc)) from exc
        row = {
            "id": user_id,
            "username": username,
            "name": actor.name,
            "password_hash": self.hasher.hash(password),
            "role": actor.role.value,
            "acts_for": actor.acts_for,
            "oversees": json.dumps(sorted(actor.oversees)),
            "active": True,
            "created_at": datetime.now(UTC),
        }
        try:
            with self.engine.begin() as conn:
                conn.execute(users.insert().values(row))
        except sa.exc.IntegrityError as exc:
            raise UserError(f"the username {username!r} is taken") from exc
        return User(id=user_id, username=username, actor=actor, active=True)

    def authenticate(self, username: str, password: str) -> User | None:
        """The active user with that username and password, or ``None``.

        A hash made with weaker parameters than the hasher's is remade on a good login.
        """
        if len(password) > MAX_PASSWORD or not USERNAME.fullmatch(username):
            return None
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(users).where(users.c.username == username)).first()
        stored = row.password_hash if row is not None else self._decoy
        try:
            self.hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if row is None or not row.active:
            return None
        if self.hasher.check_needs_rehash(stored):
            self._set_hash(row.id, password)
        return _user(row)

    def get(self, user_id: str) -> User | None:
        """The user with that id, or ``None``."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(users).where(users.c.id == user_id)).first()
        return None if row is None else _user(row)

    def set_password(self, username: str, password: str) -> None:
        """Give ``username`` a new password.

        Raises:
            UserError: no such user, or the password is too short or too long.
        """
        _check_password(password)
        self._update(username, password_hash=self.hasher.hash(password))

    def deactivate(self, username: str) -> None:
        """Refuse ``username`` from now on: logins, and the tokens already issued.

        Raises:
            UserError: no such user.
        """
        self._update(username, active=False)

    def _set_hash(self, user_id: str, password: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                users.update()
                .where(users.c.id == user_id)
                .values(password_hash=self.hasher.hash(password))
            )

    def _update(self, username: str, **values: object) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(users.update().where(users.c.username == username).values(values))
        if done.rowcount != 1:
            raise UserError(f"no user {username!r}")


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UserError(f"a password is {MIN_PASSWORD} to {MAX_PASSWORD} characters")


def _user(row: sa.Row[tuple[object, ...]]) -> User:
    m = row._mapping
    actor = Actor(
        name=str(m["name"]),
        role=Role(str(m["role"])),
        acts_for=None if m["acts_for"] is None else str(m["acts_for"]),
        oversees=frozenset(json.loads(str(m["oversees"]))),
        user_id=str(m["id"]),
    )
    return User(
        id=actor.user_id or "", username=str(m["username"]), actor=actor, active=bool(m["active"])
    )
