"""A save by a party's signatory: allowed when all it changes is that party's own signatures.

Under the guide's policy a signatory may sign for its party but not record data, so a
save after a signature would be refused although the library checked the signature itself.
:func:`own_signatures_only` compares the stored document with the one to be written: the
same in every field, save new signing records in the history made by this actor for its
own party, and that party's ``signed_on`` and ``signed_at`` on the texts it signed.
"""

from __future__ import annotations

import json
from typing import Any, Final

from kemitraan.actors import Actor, Role, same_person
from kemitraan.lifecycle import Move

__all__ = ["own_signatures_only"]

_TEXTS: Final = ("agreement", "addenda", "cooperation_agreements")
_SIGNING: Final = frozenset(move.value for move in Move if move.is_signing)


def _signatory(text: Any, party: str) -> dict[str, Any]:
    for s in text.get("signatories") or [] if isinstance(text, dict) else []:
        if isinstance(s, dict) and s.get("party_id") == party:
            return s
    return {}


def _unsigned(text: Any, party: str) -> Any:
    """An agreement's JSON without ``party``'s signing day and place."""
    if not isinstance(text, dict):
        return text
    signatories = [
        {k: v for k, v in s.items() if k not in ("signed_on", "signed_at")}
        if isinstance(s, dict) and s.get("party_id") == party
        else s
        for s in text.get("signatories") or []
    ]
    return {**text, "signatories": signatories}


def _alike(stored: Any, new: Any, party: str) -> bool:
    """The same text, save ``party``'s signing day and place, set only where it was unset."""
    if _unsigned(stored, party) != _unsigned(new, party):
        return False
    before, after = _signatory(stored, party), _signatory(new, party)
    if before.get("signed_on") is None:
        return True  # signed now (or still unsigned)
    return (before.get("signed_on"), before.get("signed_at")) == (
        after.get("signed_on"),
        after.get("signed_at"),
    )


def _texts_alike(stored: Any, new: Any, party: str) -> bool:
    if isinstance(stored, list) and isinstance(new, list):
        return len(stored) == len(new) and all(
            _alike(a, b, party) for a, b in zip(stored, new, strict=True)
        )
    return _alike(stored, new, party)


def _texts(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = [document.get("agreement")]
    for key in ("addenda", "cooperation_agreements"):
        found += list(document.get(key) or [])
    return [t for t in found if isinstance(t, dict)]


def _names_actor(document: dict[str, Any], record: dict[str, Any], actor: Actor) -> bool:
    """Whether a text the ``record``'s party signed prints ``actor`` as its signatory."""
    party = str(record.get("party_id"))
    return any(
        signatory.get("signed_on") is not None
        and same_person(str(signatory.get("name", "")), actor)
        for signatory in (_signatory(text, party) for text in _texts(document))
    )


def own_signatures_only(stored: str, new: str, actor: Actor | None) -> bool:
    """Whether ``new`` differs from ``stored`` only by ``actor``'s signatures for its party."""
    if actor is None or actor.role is not Role.SIGNATORY or actor.acts_for is None:
        return False
    try:
        before, after = json.loads(stored), json.loads(new)
    except ValueError:
        return False
    if not isinstance(before, dict) or not isinstance(after, dict):
        return False
    party = actor.acts_for
    if set(before) != set(after):
        return False
    for key in before:
        if key == "history" or key in _TEXTS:
            continue
        if before[key] != after[key]:
            return False
    if not all(_texts_alike(before[key], after[key], party) for key in _TEXTS if key in before):
        return False
    old, grown = before.get("history") or [], after.get("history") or []
    if len(grown) <= len(old) or grown[: len(old)] != old:
        return False
    return all(
        isinstance(r, dict)
        and r.get("move") in _SIGNING
        and r.get("party_id") == party
        and r.get("acts_for") == party
        and r.get("actor_role") == Role.SIGNATORY.value
        and r.get("actor") == actor.name
        and r.get("actor_id") == actor.user_id
        and r.get("note") is None
        and _names_actor(after, r, actor)  # a text signed names this person (as the policy)
        for r in grown[len(old) :]
    )
