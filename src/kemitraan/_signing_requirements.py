"""The requirements of signing (guide A.7 and A.11): the agreement, its addenda, its PKS.

Each signature is a move (:attr:`~kemitraan.lifecycle.Move.SIGN`, ``SIGN_ADDENDUM``,
``SIGN_PKS``); these requirements guard them, and one caution tells the facilitator,
before signing day, what would stop the signatures. Declared here, read with every
other requirement (:mod:`kemitraan.requirements`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan._requirement_book import Ask, advancing_from, requirement, requirement_on_ask
from kemitraan.findings import Hit, Severity
from kemitraan.lifecycle import Move, Stage, transition_table

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike
    from kemitraan.agreements import Agreement

__all__: list[str] = []

# -- A.7 and A.11: signing the agreement and its addenda -------------------------------------

SIGNING_GUARDS: Final = ((Stage.SIGNING, Move.SIGN),)
ADDENDUM_GUARDS: Final = tuple(
    guard for guard in transition_table() if guard[1] is Move.SIGN_ADDENDUM
)
PKS_GUARDS: Final = tuple(guard for guard in transition_table() if guard[1] is Move.SIGN_PKS)
LATER_SIGNINGS: Final = ADDENDUM_GUARDS + PKS_GUARDS


@requirement_on_ask(
    "text_free_of_errors",
    guards=SIGNING_GUARDS + LATER_SIGNINGS,
    basis="Panduan A.6–A.7; KUHPerdata Pasal 1320",
    summary=N_("The text signed has no error in its check()."),
    english=N_("The text to be signed still has errors: {errors}"),
)
def _text_free_of_errors(p: PartnershipLike, ask: Ask) -> Iterator[Hit]:
    yield from _errors_of(ask.document if ask.document is not None else p.agreement)


def _errors_of(document: Agreement | None) -> Iterator[Hit]:
    """One hit naming every error of ``document``'s own check, if it has any."""
    if document is not None:
        errors = [f.message for f in document.check() if f.severity is Severity.ERROR]
        if errors:
            said = BilingualText.of(
                " ".join(e.indonesian for e in errors), " ".join(e.english for e in errors)
            )
            yield Hit(path="agreement", values={"errors": said})


@requirement(
    "ready_to_sign",
    guards=advancing_from(Stage.AGREEMENT),
    basis="Panduan A.6–A.7; KUHPerdata Pasal 1320",
    summary=N_(
        "The agreement drafted has no error that would stop its signatures (a caution, "
        "given before signing day: each party's signature is refused while one remains)."
    ),
    english=N_(
        "The agreement still has errors that will stop every signature; put them right "
        "before signing day: {errors}"
    ),
    severity=Severity.WARNING,
)
def _ready_to_sign(p: PartnershipLike) -> Iterator[Hit]:
    # the facilitator's review: the errors were met only on signing day, party by party
    yield from _errors_of(p.agreement)


@requirement_on_ask(
    "signer_named",
    guards=SIGNING_GUARDS + LATER_SIGNINGS,
    basis="Panduan A.7",
    summary=N_("The text names the signatory of the party that signs."),
    english=N_("The text names no signatory for '{party}'."),
)
def _signer_named(p: PartnershipLike, ask: Ask) -> Iterator[Hit]:
    document = ask.document if ask.document is not None else p.agreement
    if document is not None and ask.party_id is not None:
        if document.signatory_of(ask.party_id) is None:
            yield Hit(ask.party_id, "signatories", {"party": ask.party_id})


@requirement_on_ask(
    "signs_once",
    guards=SIGNING_GUARDS + LATER_SIGNINGS,
    basis="Panduan A.7",
    summary=N_("A party signs a text once."),
    english=N_("'{party}' has already signed this text."),
)
def _signs_once(p: PartnershipLike, ask: Ask) -> Iterator[Hit]:
    document = ask.document if ask.document is not None else p.agreement
    if document is not None and ask.party_id in p.signatures(document):
        yield Hit(ask.party_id, "history", {"party": ask.party_id})


@requirement_on_ask(
    "amended_text_signed",
    guards=ADDENDUM_GUARDS,
    basis="Panduan A.11",
    summary=N_("An addendum is signed once every party has signed the text it amends, held here."),
    english=N_(
        "The text this addendum amends is not signed by all its parties, or is not held here."
    ),
)
def _amended_text_signed(p: PartnershipLike, ask: Ask) -> Iterator[Hit]:
    addendum = ask.document
    if addendum is None or addendum.amends is None:
        return
    target = p.amended_document(addendum.amends)
    if target is None or set(p.signatures(target)) < set(target.party_ids):
        yield Hit(path="addenda", values={})


@requirement_on_ask(
    "pks_within_agreement_term",
    guards=PKS_GUARDS,
    basis="Panduan A.6; kelaziman penyusunan perjanjian",
    summary=N_("A cooperation agreement runs within the term of the agreement it implements."),
    english=N_("The PKS's term ({pks}) runs outside the MoU's term ({mou})."),
)
def _pks_within_term(p: PartnershipLike, ask: Ask) -> Iterator[Hit]:
    pks, mou = ask.document, p.as_amended()
    if pks is None or pks.term is None or mou is None or mou.term is None:
        return
    if pks.term.start < mou.term.start or pks.term.end > mou.term.end:
        yield Hit(
            path="cooperation_agreements",
            values={
                "pks": (pks.term.start, pks.term.end),
                "mou": (mou.term.start, mou.term.end),
            },
        )


@requirement(
    "agreement_signed_first",
    guards=PKS_GUARDS,
    basis="Panduan A.6–A.7",
    summary=N_(
        "A cooperation agreement (PKS) is signed once every party has signed the agreement "
        "it implements."
    ),
    english=N_("The agreement it implements is not yet signed by every party."),
)
def _agreement_signed_first(p: PartnershipLike) -> Iterator[Hit]:
    agreement = p.agreement
    if agreement is None or set(p.signatures(agreement)) < set(agreement.party_ids):
        yield Hit(path="agreement")
