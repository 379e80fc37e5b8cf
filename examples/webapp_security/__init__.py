"""The web example's security: settings, users and passwords, tokens, headers.

Kept apart from ``webapp.py`` (the routes) so each part reads on its own page; none of
it is part of the kemitraan library, which knows actors and policies but no logins.

- :mod:`.settings`: what the service reads from its environment (the signing key, the
  token lifetime, the body limit, CORS origins), refusing to start without a key;
- :mod:`.users`: the ``kemitraan_web_users`` table, Argon2 password hashes (argon2-cffi)
  and the :class:`~kemitraan.actors.Actor` each user acts as;
- :mod:`.tokens`: OAuth2 bearer tokens, JWTs signed with HS256 by PyJWT;
- :mod:`.headers`: security headers on every response, and CORS (closed by default).
"""

from webapp_security.headers import SecurityHeaders, add_cors
from webapp_security.settings import Settings, SettingsError
from webapp_security.tokens import InvalidToken, issue_token, token_subject
from webapp_security.users import User, UserError, Users

__all__ = [
    "InvalidToken",
    "SecurityHeaders",
    "Settings",
    "SettingsError",
    "User",
    "UserError",
    "Users",
    "add_cors",
    "issue_token",
    "token_subject",
]
