"""Who acts on a partnership: a person, the party they act for, and their role.

An app knows its users; kemitraan knows what each kind of user may do with a
partnership (:mod:`kemitraan.access`). The two meet in :class:`Actor`, a typed value
the app builds for the person behind a request and the library writes into every
audit record that person makes.

>>> facilitator = Actor(name="Rina Wati", role=Role.FACILITATOR, acts_for="pkbm-harapan-bangsa")
>>> facilitator.role.label_id
'Pendamping lembaga'
>>> Actor(name="Rina Wati", role=Role.FACILITATOR)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Actor
acts_for
  Pendamping lembaga bertindak untuk suatu pihak: ... [type=acts_for_missing]
"""

from __future__ import annotations

import unicodedata
from typing import Self

from pydantic import Field, model_validator

from kemitraan._base import LabelledEnum, ValueModel, field_error
from kemitraan._catalog import current_language
from kemitraan._types import PartyId, ShortText

__all__ = ["Action", "Actor", "Role", "same_person"]


class Role(LabelledEnum):
    """What a person is to the partnerships an app holds."""

    FACILITATOR = "facilitator", "Pendamping lembaga", "Institution facilitator"
    """A facilitator (*pendamping*) of the institution: builds and keeps its partnerships."""
    SIGNATORY = "signatory", "Penanda tangan pihak", "Party signatory"
    """The person an agreement prints as a party's signatory: signs for that party."""
    REVIEWER = "reviewer", "Peninjau Dinas", "Dinas reviewer"
    """An officer of the Dinas who reads the partnerships of the units it oversees."""
    ADMINISTRATOR = "administrator", "Administrator", "Administrator"
    """Whoever runs the app: reads and keeps everything, signs nothing."""


class Action(LabelledEnum):
    """What an actor does with a partnership (the verbs a policy rules on)."""

    READ = "read", "membaca", "read"
    """Read it, personal data masked."""
    READ_PERSONAL_DATA = "read_personal_data", "membaca data pribadi", "read personal data"
    """Read it with personal data (NIK, telephone, e-mail, NIP) unmasked (UU 27/2022)."""
    RECORD = "record", "mencatat data", "record data"
    """Record a step's data: partners, assessments, plans, the agreement's text, records."""
    MOVE = "move", "memindahkan tahap", "move it through the steps"
    """Advance, decline, end or renew it."""
    SIGN = "sign", "menandatangani", "sign"
    """Sign the MoU, a PKS or an addendum for a party."""


class Actor(ValueModel):
    """A person acting on partnerships: who, in which role, for which party.

    The app builds one for the person behind each request, from what it has verified
    (a login, a token); the library never takes it from the data it is given.
    """

    name: ShortText
    """The person's name; a signatory's as the agreement prints it."""
    role: Role
    """What the person is to the partnerships (:class:`Role`)."""
    acts_for: PartyId | None = None
    """The party the person acts for: the institution's id for a facilitator, the
    party's id for a signatory; for a reviewer, the Dinas (optional)."""
    oversees: frozenset[PartyId] = Field(default_factory=frozenset)
    """For a reviewer: the institutions (ids) the Dinas oversees; empty means every one."""
    user_id: ShortText | None = None
    """The app's own id for the person (kept in the audit trail beside the name)."""

    @model_validator(mode="after")
    def _acts_for_needed(self) -> Self:
        if self.role in (Role.FACILITATOR, Role.SIGNATORY) and self.acts_for is None:
            raise field_error(
                self,
                ("acts_for",),
                "acts_for_missing",
                "{role} acts for a party: name it in acts_for (the institution's id for "
                "a facilitator, the party's id for a signatory)",
                role=self.role.label(current_language()),
            )
        return self


def _plain(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def same_person(printed: str, actor: Actor) -> bool:
    """Whether the name an agreement prints is ``actor``'s (case and spacing aside).

    >>> same_person("Hj. Siti  Aminah", Actor(name="hj. siti aminah", role="signatory",
    ...                                        acts_for="pkbm"))
    True
    """
    return _plain(printed) == _plain(actor.name)
