"""Agreements: the MoU, the PKS and their addenda (guide A.6–A.7).

Guide A.6 asks the parties to set down the roles and responsibilities of **each**
party in a *Nota Kesepahaman* (MoU); A.7 has every party sign it; A.11 extends it
"with or without" an amendment. :class:`Agreement` assembles all of that from its
provisions (:mod:`kemitraan.provisions`), plus what an Indonesian agreement
conventionally states (Indonesian drafting practice for an MoU and a PKS; :doc:`documents`).

Structure is validated when the model is built (a term that ends before it
starts, shares that do not sum to 100 %). What can only be judged as a whole —
the four conditions of KUHPerdata 1320, the language rule of UU 24/2009, stamp
duty, a role or signature naming a stranger — is reported by
:meth:`Agreement.check` as findings, never guessed or silently fixed; each of
those rules is declared once in :mod:`kemitraan.agreement_checks`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Self

from pydantic import Field, field_validator, model_validator

from kemitraan._base import VersionedDocument, field_error, reject_duplicates
from kemitraan._catalog import N_
from kemitraan._refs import PartyRef
from kemitraan._types import LanguageCode, NonEmptyStr, ShortText
from kemitraan.agreement_checks import AGREEMENT_RULES
from kemitraan.amendments import (
    AnyAmendment,
    FinancingChange,
    PatternChange,
    RoleChange,
    ScopeChange,
    TermChange,
)
from kemitraan.capacity_checks import __all__ as _capacity_checks  # noqa: F401  # declares them
from kemitraan.conventions import STAMP_DUTY, party_label
from kemitraan.exceptions import InvalidArgumentError, NotFoundError, UnknownPartyError
from kemitraan.findings import Finding, Severity
from kemitraan.parties import AnyParty, Institution, Party
from kemitraan.pattern_checks import __all__ as _pattern_checks  # noqa: F401  # declares them
from kemitraan.pattern_terms import PatternTerms
from kemitraan.provisions import (
    AgreementKind,
    AgreementReference,
    Breach,
    Definition,
    DisputeSettlement,
    ForceMajeure,
    Funding,
    MonitoringArrangement,
    NoticeAddress,
    PartyRole,
    Payment,
    Signatory,
    Term,
    Termination,
)
from kemitraan.trade import TradeTerms
from kemitraan.trade_checks import __all__ as _trade_checks  # noqa: F401  # declares them

__all__ = ["Agreement", "held_text"]


def _snapshot(party: Party) -> Party:
    return type(party).model_validate(party.model_dump())


class Agreement(VersionedDocument):
    """An MoU, PKS or addendum between the institution and its partners.

    Parties are listed in order: the first is PIHAK PERTAMA, and so on. Every other
    part refers to a party by its ``id``.

    >>> from kemitraan import Institution, Partner, PartnerKind
    >>> pkbm = Institution(name="PKBM Harapan Bangsa")
    >>> shop = Partner(name="Toko Oleh-oleh Banjar", kind=PartnerKind.BUSINESS)
    >>> mou = Agreement(
    ...     kind=AgreementKind.MOU, parties=[pkbm, shop], subject="Pemasaran tas rajut",
    ...     place="Banjarmasin", date=date(2025, 3, 3),
    ...     roles=[PartyRole(party_id=pkbm.id, role="Penyelenggara",
    ...                      responsibilities=["Melatih peserta"])],
    ... )
    >>> [f.code for f in mou.check() if f.severity is Severity.ERROR]
    ['role_for_every_party', 'signatory_named', 'signatory_named', 'scope_missing']
    >>> mou.label_of(shop.id)
    'PIHAK KEDUA'
    """

    kind: AgreementKind = AgreementKind.MOU
    """MoU, PKS or addendum."""
    parties: list[AnyParty] = Field(min_length=2)
    """The parties, in order: PIHAK PERTAMA first."""
    numbers: dict[PartyRef, NonEmptyStr] = Field(default_factory=dict)
    """Each party's own number for the document."""
    subject: NonEmptyStr
    """What it is about (*tentang …*)."""
    place: ShortText
    """Where it is made."""
    date: date
    """When it is made (the date in the opening)."""
    considerations: list[NonEmptyStr] = Field(default_factory=list)
    """The "bahwa …" considerations, without the "bahwa"."""
    purpose: NonEmptyStr | None = None
    """Its purpose (*maksud*)."""
    objectives: list[NonEmptyStr] = Field(default_factory=list)
    """Its objectives (*tujuan*)."""
    scope: list[NonEmptyStr] = Field(default_factory=list)
    """Its scope (*ruang lingkup*)."""
    pattern: PatternTerms | None = None
    """The partnership pattern and its terms (guide B)."""
    no_pattern_reason: NonEmptyStr | None = None
    """Why no business pattern applies, when none is chosen: the guide's patterns are of
    trading relations (B: *pemasok dan pelanggan berniaga satu sama lain*), while it also
    names government offices and community figures as partners (A.1)."""
    roles: list[PartyRole] = Field(default_factory=list)
    """Role, rights and responsibilities of every party (guide A.6)."""
    financing: list[Funding] = Field(default_factory=list)
    """Financing per source, in rupiah."""
    term: Term | None = None
    """Start and end."""
    monitoring: MonitoringArrangement = Field(default_factory=MonitoringArrangement)
    """Monitoring and evaluation arrangement (guide A.9)."""
    dispute_settlement: DisputeSettlement = Field(default_factory=DisputeSettlement)
    """How disputes are settled."""
    force_majeure: ForceMajeure = Field(default_factory=ForceMajeure)
    """Force majeure."""
    amendable_by_addendum: bool = True
    """Whether changes are made by an addendum that becomes an inseparable part of it."""
    definitions: list[Definition] = Field(default_factory=list)
    """Defined terms (*Definisi*), usual in a PKS."""
    payments: list[Payment] = Field(default_factory=list)
    """How the parties pay one another: a PKS's payment mechanics."""
    trade: TradeTerms | None = None
    """A PKS of sale and supply's delivery, acceptance, risk and title, tax, account, late
    payment, sales reports and the origin of the goods (:mod:`kemitraan.trade`)."""
    termination: Termination | None = None
    """Ending it early, with notice (*pengakhiran*); a PKS has it even when not set here."""
    breach: Breach | None = None
    """Breach and its consequences (*wanprestasi*); a PKS has it even when not set here."""
    confidentiality: bool = False
    """Whether the parties keep each other's information confidential (an article of its own)."""
    notices: list[NoticeAddress] = Field(default_factory=list)
    """Where each party receives notices (*korespondensi*); a PKS takes the parties'
    addresses when not set here."""
    implements: AgreementReference | None = None
    """For a PKS: the MoU it implements (its considerations cite it)."""
    amends: AgreementReference | None = None
    """For an addendum: the agreement it amends."""
    sequence: int | None = Field(default=None, ge=1, le=99)
    """For an addendum: which one it is (1 is ADENDUM PERTAMA); a partnership counts its
    addenda when this is not set."""
    amendments: list[AnyAmendment] = Field(default_factory=list)
    """For an addendum: the changes it makes (:mod:`kemitraan.amendments`)."""
    signatories: list[Signatory] = Field(default_factory=list)
    """Who signs for each party (guide A.7)."""
    originals: int = Field(default=2, ge=1, le=20)
    """How many originals are made, each with a meterai; by default one for each party."""
    meterai_on: PartyRef | None = None
    """Whose signature is made on the meterai of an original (each original carries one,
    UU 10/2020); by default PIHAK PERTAMA's. The printed text shows its one box there:
    parties that put it on the signature of the party handing the original over render
    each original with this set."""
    languages: list[LanguageCode] = Field(default_factory=lambda: ["id"], min_length=1)
    """The languages it is written in (UU 24/2009 Pasal 31)."""
    prevailing_language: LanguageCode | None = None
    """The text that prevails when the versions differ."""
    translations: dict[NonEmptyStr, NonEmptyStr] = Field(default_factory=dict)
    """English text of the agreement's own wording (subject, scope, roles, …), keyed by the
    Indonesian text, for the bilingual document; names and addresses stay as they are."""

    __slots__ = ("_digest",)  # the digest of a frozen text, computed once
    _CARRIED: ClassVar[tuple[str, ...]] = ("_frozen", "_digest")

    @field_validator("parties", mode="before")
    @classmethod
    def _snapshot(cls, value: Any) -> Any:
        # The agreement holds the parties as they were when it was drawn up: editing a
        # partner later does not edit the agreement.
        if isinstance(value, (list, tuple)):
            return [
                type(party).model_validate(party.model_dump())
                if isinstance(party, Party)
                else party
                for party in value
            ]
        return value

    @model_validator(mode="before")
    @classmethod
    def _one_original_each(cls, data: Any) -> Any:
        # Each party keeps an original (a three-party MoU made in two drew a warning).
        if isinstance(data, dict) and "originals" not in data:
            parties = data.get("parties")
            if isinstance(parties, (list, tuple)) and 2 <= len(parties) <= 20:
                return {**data, "originals": len(parties)}
        return data

    @model_validator(mode="after")
    def _structure(self) -> Self:
        reject_duplicates(
            self,
            [party.id for party in self.parties],
            lambda index: ("parties", index, "id"),
            "duplicate_party",
            "party id '{value}' appears twice",
        )
        if self.kind is AgreementKind.ADDENDUM:
            if self.amends is None:
                raise field_error(
                    self,
                    ("amends",),
                    "addendum_without_reference",
                    "an addendum must name the agreement it amends",
                )
            if not self.amendments:
                raise field_error(
                    self,
                    ("amendments",),
                    "addendum_without_changes",
                    "an addendum must change something",
                )
        elif self.amends is not None or self.amendments or self.sequence is not None:
            raise field_error(
                self,
                ("amends",),
                "amendment_outside_addendum",
                "only an addendum amends another agreement (kind is '{kind}')",
                kind=self.kind.value,
            )
        if self.implements is not None and (
            self.kind is not AgreementKind.PKS or self.implements.kind is not AgreementKind.MOU
        ):
            raise field_error(
                self,
                ("implements",),
                "implements_outside_pks",
                "only a PKS implements an agreement, and what it implements is an MoU "
                "(kind is '{kind}', implements a '{implemented}')",
                kind=self.kind.value,
                implemented=self.implements.kind.value,
            )
        return self

    @model_validator(mode="after")
    def _frozen_when_signed(self) -> Self:
        # Signed means frozen: a text someone has signed does not change in place. Before
        # every party has signed it may still be redrawn as a whole (and signed again);
        # after, it changes only through an addendum.
        if not self.frozen and any(s.signed for s in self.signatories):
            self.freeze(
                N_(
                    "it is signed; a signed text does not change in place (a partly signed one "
                    "may be redrawn as a whole; a fully signed one changes only through an "
                    "addendum)"
                )
            )
        return self

    # -- look-ups -----------------------------------------------------------------

    @property
    def party_ids(self) -> list[str]:
        """The parties' ids, in order."""
        return [party.id for party in self.parties]

    def party(self, party_id: str) -> Party:
        """The party with ``party_id``.

        Raises:
            UnknownPartyError: when no party has that id.
        """
        for party in self.parties:
            if party.id == party_id:
                return party
        raise UnknownPartyError(party_id, self.party_ids)

    def label_of(self, party_id: str) -> str:
        """PIHAK PERTAMA, KEDUA, … for ``party_id``, by its place among the parties."""
        self.party(party_id)
        return party_label(self.party_ids.index(party_id))

    def role_of(self, party_id: str) -> PartyRole | None:
        """The party's role, when one is set."""
        return next((r for r in self.roles if r.party_id == party_id), None)

    def signatory_of(self, party_id: str) -> Signatory | None:
        """The party's signatory, when one is named."""
        return next((s for s in self.signatories if s.party_id == party_id), None)

    @property
    def institution(self) -> Institution | None:
        """The institution among the parties, when there is one."""
        return next((p for p in self.parties if isinstance(p, Institution)), None)

    @property
    def total_financing(self) -> Decimal:
        """Sum of all financing, in rupiah."""
        return sum((f.amount for f in self.financing), Decimal(0))

    @property
    def fully_signed(self) -> bool:
        """Every party has a signatory and every signatory has signed."""
        return all((s := self.signatory_of(pid)) is not None and s.signed for pid in self.party_ids)

    @property
    def meterai_count(self) -> int:
        """Meterai needed: one per signed original (UU 10/2020)."""
        return self.originals

    @property
    def stamp_duty(self) -> Decimal:
        """Stamp duty for all originals, in rupiah."""
        return STAMP_DUTY * self.meterai_count

    def digest(self) -> str:
        """A digest of the text: what every party signs, and what a signature refers to.

        It covers every provision but the signatures themselves (who signed, when and
        where), so every party signs the same digest; fields left at their defaults do not
        count, so a later version of the library that adds a field keeps old digests (the
        fields keep their order, which the digest follows).

        >>> from kemitraan import Institution, Partner, PartnerKind
        >>> mou = Agreement(parties=[Institution(name="PKBM A"),
        ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
        ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
        >>> mou.digest()[:7], mou.digest() == mou.model_copy(update={"place": "Banjar"}).digest()
        ('sha256:', False)
        """
        cached: str | None = getattr(self, "_digest", None)
        if cached is not None and self.frozen:  # a frozen text does not change
            return cached
        text = self.model_dump_json(
            exclude_defaults=True,
            exclude={
                "schema_version": True,
                "signatories": {"__all__": {"signed_on", "signed_at"}},
            },
        )
        digest = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
        if self.frozen:
            object.__setattr__(self, "_digest", digest)
        return digest

    def freeze(self, reason: str) -> None:
        """Refuse every later change (see :meth:`KemitraanModel.freeze`); the digest anew."""
        if getattr(self, "_digest", None) is not None:
            object.__delattr__(self, "_digest")  # computed again from the text frozen now
        super().freeze(reason)

    def reference(self) -> AgreementReference:
        """A reference to this agreement, for an addendum to amend it or a PKS to implement it."""
        return AgreementReference(
            kind=self.kind,
            numbers=list(self.numbers.values()) or ["-"],
            date=self.date,
            subject=self.subject,
            digest=self.digest(),
        )

    def amended_by(self, addenda: Iterable[Agreement]) -> Agreement:
        """This agreement as ``addenda`` amend it, in their order: a new, read-only view.

        Each typed data change (:mod:`kemitraan.amendments`) of an addendum that amends
        this agreement replaces what it names — the term, a party's role, the pattern's
        terms, the financing, the scope. Changes of wording only, and addenda of other
        agreements, leave the data as it is. The agreement itself is not touched.

        >>> from datetime import date
        >>> from kemitraan import Institution, Partner, PartnerKind
        >>> mou = Agreement(parties=[Institution(name="PKBM A"),
        ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
        ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10),
        ...                 term=Term(start=date(2025, 3, 10), end=date(2026, 3, 9)))
        >>> longer = Term(start=date(2025, 3, 10), end=date(2027, 3, 9))
        >>> addendum = Agreement(kind=AgreementKind.ADDENDUM, parties=mou.parties,
        ...     subject="Perpanjangan", place="Martapura", date=date(2026, 2, 16),
        ...     amends=mou.reference(), amendments=[TermChange(term=longer)])
        >>> mou.amended_by([addendum]).term.end, mou.term.end
        (datetime.date(2027, 3, 9), datetime.date(2026, 3, 9))
        """
        update: dict[str, Any] = {}
        roles = list(self.roles)
        given = list(addenda) if isinstance(addenda, Iterable) else None
        if given is None or not all(isinstance(a, Agreement) for a in given):
            raise InvalidArgumentError.saying(
                N_("amended_by takes the addenda: a list of Agreements"), rule="not_addenda"
            )
        for addendum in given:
            if addendum.amends is None or not addendum.amends.refers_to(self):
                continue
            if addendum.term is not None and not any(
                isinstance(c, TermChange) for c in addendum.amendments
            ):
                update["term"] = addendum.term  # an addendum made before typed changes
            for change in addendum.amendments:
                if isinstance(change, TermChange):
                    update["term"] = change.term
                elif isinstance(change, PatternChange):
                    update["pattern"] = change.pattern
                elif isinstance(change, FinancingChange):
                    update["financing"] = list(change.financing)
                elif isinstance(change, ScopeChange):
                    update["scope"] = list(change.scope)
                elif isinstance(change, RoleChange):
                    pid = change.role.party_id
                    at = next((i for i, r in enumerate(roles) if r.party_id == pid), None)
                    if at is None:
                        roles.append(change.role)
                    else:
                        roles[at] = change.role
                    update["roles"] = roles
        amended = self.model_copy(update=update) if update else self.model_copy()
        amended.freeze(N_("it is the agreement as amended: a view, changed only by an addendum"))
        return amended

    # -- checks ---------------------------------------------------------------------

    def check(self) -> list[Finding]:
        """Judge the agreement as a whole and return what is wrong or worth knowing.

        Errors must be fixed before signing; warnings deserve a look; information
        states facts (stamp duty, what data cannot show). Nothing is changed. The
        rules are those of :data:`kemitraan.agreement_checks.AGREEMENT_RULES`.

        Returns:
            The findings, errors first, each with its rule's code and legal basis.
        """
        order = list(Severity)
        return sorted(AGREEMENT_RULES.findings(self), key=lambda f: order.index(f.severity))


def held_text(documents: list[Agreement], wanted: Agreement | int | str, what: str) -> Agreement:
    """``wanted`` among ``documents``: by index, by one of its numbers, or by its text.

    An agreement given as an object is found when a held one has the same text (the same
    :meth:`Agreement.digest`, which leaves signatures out): a loop that signs a PKS for
    each party with the object it drafted finds it after the first signature too.

    Raises:
        InvalidArgumentError: ``wanted`` is neither an index, a number nor an agreement.
        NotFoundError: no document is ``wanted``.

    >>> held_text([], 0, "addendum")
    Traceback (most recent call last):
    ...
    kemitraan.exceptions.NotFoundError: ...
    """
    if isinstance(wanted, bool) or not isinstance(wanted, (int, str, Agreement)):
        raise InvalidArgumentError.saying(
            N_("name the {what} by its index or its number, or give the Agreement, not {wanted}"),
            what=what,
            wanted=repr(wanted)[:80],
            rule="not_a_text",
        )
    if isinstance(wanted, int):
        if 0 <= wanted < len(documents):
            return documents[wanted]
    elif isinstance(wanted, str):
        for held in documents:
            if wanted in held.numbers.values():
                return held
    else:
        for held in documents:
            if held is wanted or held == wanted:
                return held
        text = wanted.digest()
        for held in documents:
            if held.digest() == text:
                return held
    known = [
        f"{i}: {a.subject}"
        + (f" ({', '.join(sorted(set(a.numbers.values())))})" if a.numbers else "")
        for i, a in enumerate(documents)
    ]
    if isinstance(wanted, Agreement):
        name = f"{wanted.subject} (a text that differs from every one held)"
    else:
        name = str(wanted)
    raise NotFoundError(name, known, what=what)
