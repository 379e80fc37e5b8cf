"""The practice of keeping a partnership: the interaction log and the facilitator's answers.

An :class:`Interaction` is a contact with partners (a visit, a WhatsApp message, a
call, an e-mail, an event, a meeting, a workshop): who took part, which techniques it
served, the feedback asked for and whether it was acted on. A :class:`ChecklistAnswer`
is the facilitator's answer to one of the six techniques' checklist items, and a
:class:`PartnerEvent` a partner's own occasion worth a touchpoint (an invitation
received, and whether it was attended).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from kemitraan._base import LabelledEnum, ValueModel
from kemitraan._refs import PartnerRef, PartyRef
from kemitraan._types import NonEmptyStr, ShortText
from kemitraan.actors import Actor
from kemitraan.attachments import Attachment
from kemitraan.maintenance.techniques import Technique

__all__ = ["ChecklistAnswer", "Interaction", "InteractionKind", "PartnerEvent"]


class InteractionKind(LabelledEnum):
    """How the institution and a partner were in touch.

    >>> InteractionKind.WHATSAPP.label_id
    'Pesan WhatsApp'
    """

    VISIT = "visit", "Kunjungan", "Visit"
    MEETING = "meeting", "Pertemuan", "Meeting"
    WORKSHOP = "workshop", "Workshop", "Workshop"
    EVENT = "event", "Acara", "Event"
    WHATSAPP = "whatsapp", "Pesan WhatsApp", "WhatsApp message"
    PHONE = "phone", "Telepon", "Phone call"
    EMAIL = "email", "E-mail", "E-mail"
    SOCIAL_MEDIA = "social_media", "Media sosial", "Social media"

    @property
    def in_person(self) -> bool:
        """Whether the parties met."""
        return self in (
            InteractionKind.VISIT,
            InteractionKind.MEETING,
            InteractionKind.WORKSHOP,
            InteractionKind.EVENT,
        )


class Interaction(ValueModel):
    """A contact with one or more partners: what, who, which techniques, what feedback.

    >>> Interaction(on=date(2025, 5, 6), kind=InteractionKind.VISIT,
    ...             partner_ids=["cv-kriya-banua"], feedback_requested=True).feedback_requested
    True
    """

    on: date
    """When."""
    kind: InteractionKind
    """How."""
    partner_ids: list[PartnerRef] = Field(min_length=1)
    """The partners in touch."""
    people: list[ShortText] = Field(default_factory=list)
    """Who took part, by name."""
    initiated_by: PartyRef | None = None
    """Who asked for it (the institution, or a partner)."""
    techniques: list[Technique] = Field(default_factory=list)
    """The techniques it served."""
    summary: NonEmptyStr | None = None
    """What it was about."""
    feedback_requested: bool = False
    """Whether the partner was asked for feedback."""
    feedback: NonEmptyStr | None = None
    """The feedback or complaint received."""
    acted_on: bool | None = None
    """Whether the feedback was acted on (``None`` while undecided)."""
    opportunity: NonEmptyStr | None = None
    """A new opportunity offered, beyond the agreement."""
    fulfils: list[NonEmptyStr] = Field(default_factory=list)
    """Obligations the contact showed fulfilled (an obligation's id or its wording: a
    purchase made, a report sent): evidence for :func:`~kemitraan.obligation_status`."""
    attachments: list[Attachment] = Field(default_factory=list)
    """Evidence files (a photo of the visit, a screenshot of the message),
    kept in an :class:`~kemitraan.attachments.AttachmentFolder` under their hash; only the
    hash and what the file is are here."""
    recorded_by: Actor | None = None
    """Who recorded it, when an app names its actors (:mod:`kemitraan.access`): under an
    access policy the partnership writes the actor in; a record given another's is rewritten."""


class ChecklistAnswer(ValueModel):
    """The facilitator's answer to a checklist item, for a partner.

    >>> ChecklistAnswer(item="patient.professional", partner_id="kube",
    ...                 on=date(2025, 9, 1), done=True).done
    True
    """

    item: ShortText
    """The item's code (:data:`CHECKLISTS`)."""
    partner_id: PartnerRef
    """The partner."""
    on: date
    """When it was answered."""
    done: bool
    """Whether it holds."""
    note: NonEmptyStr | None = None
    """Why, or what was done."""
    recorded_by: Actor | None = None
    """Who recorded it, when an app names its actors (:mod:`kemitraan.access`): under an
    access policy the partnership writes the actor in; a record given another's is rewritten."""


class PartnerEvent(ValueModel):
    """A partner's own occasion worth a touchpoint: a product launch, an anniversary.

    An invitation the institution received is an event with ``invited``; whether it
    went is ``attended`` (the guide, C.4: *ibarat undangan, maka tiada kesan tanpa
    kehadiran kita*). An event attended counts as a meeting with the partner.

    >>> PartnerEvent(partner_id="cv-kriya-banua", on=date(2025, 8, 20),
    ...              name="Peluncuran koleksi tas rajut", invited=True, attended=True).attended
    True
    """

    partner_id: PartnerRef
    """Whose."""
    on: date
    """When."""
    name: ShortText
    """What."""
    invited: bool = False
    """Whether the partner invited the institution to it."""
    attended: bool | None = None
    """Whether the institution was there (``None`` while not yet known)."""
    recorded_by: Actor | None = None
    """Who recorded it, when an app names its actors (:mod:`kemitraan.access`): under an
    access policy the partnership writes the actor in; a record given another's is rewritten."""
