"""The checks of an agreement as a whole, each rule declared once.

What can only be judged from the whole agreement — the guide's demand that **every**
party has a role and responsibilities (A.6), the four conditions of KUHPerdata 1320,
the language rule of UU 24/2009, stamp duty, parties that are named but absent — is
a rule in :data:`AGREEMENT_RULES`. :meth:`kemitraan.Agreement.check` runs them all;
the lifecycle's agreement and signing steps use the ones they need
(:mod:`kemitraan.requirements`), so a rule is written once.

To add a check, declare it here::

    @AGREEMENT_RULES.rule("code", basis=..., summary=..., indonesian=..., english=...)
    def _(agreement: AgreementLike) -> Iterator[Hit]:
        ...  # yield a Hit wherever the rule is not met

Messages name a party as ``PIHAK KEDUA (KUBE Rajut Lestari)``: ``{who}`` in a template.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Protocol, cast

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan._refs import party_refs
from kemitraan.amendments import ArticleChange, ArticleDeletion
from kemitraan.conventions import party_label, same_person, stamp_duty_text
from kemitraan.findings import Hit, RuleBook, Severity
from kemitraan.provisions import AgreementKind, Amendment, DisputeForum

if TYPE_CHECKING:
    from pydantic import BaseModel

    from kemitraan.amendments import AnyAmendment
    from kemitraan.parties import AnyParty, Party
    from kemitraan.pattern_terms import PatternTerms
    from kemitraan.provisions import (
        AgreementReference,
        Definition,
        DisputeSettlement,
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

__all__ = ["AGREEMENT_RULES", "AgreementLike"]


class AgreementLike(Protocol):
    """An agreement as its checks read it (:class:`~kemitraan.Agreement` satisfies it).

    The checks sit below the agreement, which reports them (:meth:`Agreement.check`), so
    they speak of this protocol rather than import the class.
    """

    @property
    def kind(self) -> AgreementKind: ...  # noqa: D102  # documented on Agreement
    @property
    def parties(self) -> list[AnyParty]: ...  # noqa: D102
    @property
    def numbers(self) -> dict[str, str]: ...  # noqa: D102
    @property
    def date(self) -> date: ...  # noqa: D102
    @property
    def considerations(self) -> list[str]: ...  # noqa: D102
    @property
    def scope(self) -> list[str]: ...  # noqa: D102
    @property
    def pattern(self) -> PatternTerms | None: ...  # noqa: D102
    @property
    def no_pattern_reason(self) -> str | None: ...  # noqa: D102
    @property
    def termination(self) -> Termination | None: ...  # noqa: D102
    @property
    def roles(self) -> list[PartyRole]: ...  # noqa: D102
    @property
    def financing(self) -> list[Funding]: ...  # noqa: D102
    @property
    def term(self) -> Term | None: ...  # noqa: D102
    @property
    def monitoring(self) -> MonitoringArrangement: ...  # noqa: D102
    @property
    def dispute_settlement(self) -> DisputeSettlement: ...  # noqa: D102
    @property
    def payments(self) -> list[Payment]: ...  # noqa: D102
    @property
    def trade(self) -> TradeTerms | None: ...  # noqa: D102
    @property
    def subject(self) -> str: ...  # noqa: D102
    @property
    def definitions(self) -> list[Definition]: ...  # noqa: D102
    @property
    def notices(self) -> list[NoticeAddress]: ...  # noqa: D102
    @property
    def implements(self) -> AgreementReference | None: ...  # noqa: D102
    @property
    def amends(self) -> AgreementReference | None: ...  # noqa: D102
    @property
    def amendments(self) -> list[AnyAmendment]: ...  # noqa: D102
    @property
    def signatories(self) -> list[Signatory]: ...  # noqa: D102
    @property
    def originals(self) -> int: ...  # noqa: D102
    @property
    def languages(self) -> list[str]: ...  # noqa: D102
    @property
    def prevailing_language(self) -> str | None: ...  # noqa: D102
    @property
    def party_ids(self) -> list[str]: ...  # noqa: D102
    @property
    def meterai_count(self) -> int: ...  # noqa: D102

    def role_of(self, party_id: str) -> PartyRole | None: ...  # noqa: D102
    def signatory_of(self, party_id: str) -> Signatory | None: ...  # noqa: D102


AGREEMENT_RULES: RuleBook[AgreementLike] = RuleBook()
"""Every check of an agreement, in the order :meth:`~kemitraan.Agreement.check` reports them."""

rule = AGREEMENT_RULES.rule
KUHPERDATA_1320 = "KUHPerdata Pasal 1320"
UU_24_2009 = "UU 24/2009 Pasal 31"


def _who(agreement: AgreementLike, index: int, party: Party, **values: object) -> Hit:
    return Hit(
        party_id=party.id,
        values={"who": f"{party_label(index)} ({party.name})", "name": party.name, **values},
    )


@rule(
    "unknown_party",
    basis="Panduan A.6",
    summary=N_(
        "Every party id the agreement names (roles, signatories, numbers, financing, "
        "monitoring, pattern) is one of its parties."
    ),
    english=N_("'{party}' is not a party to this agreement."),
)
def _unknown_parties(agreement: AgreementLike) -> Iterator[Hit]:
    # Every field that names a party is marked (kemitraan._refs.PartyRef): roles, signatories,
    # numbers, financing, monitoring, payments, notices, the pattern's terms, the changes.
    known = set(agreement.party_ids)
    for where, pid, _ in party_refs(cast("BaseModel", agreement)):
        if pid not in known and where[0] != "parties":
            yield Hit(path=".".join(map(str, where)), values={"party": pid})


# guide A.6: the roles and responsibilities of *each* party
@rule(
    "role_for_every_party",
    basis="Panduan A.6",
    summary=N_("Every party has a role (an addendum keeps those of the text it amends)."),
    english=N_("{who} has no role."),
    replaces=("party_without_role",),
)
def _role(agreement: AgreementLike) -> Iterator[Hit]:
    if agreement.kind is AgreementKind.ADDENDUM:  # it keeps the roles of what it amends
        return
    for index, party in enumerate(agreement.parties):
        if agreement.role_of(party.id) is None:
            hit = _who(agreement, index, party)
            yield Hit(party_id=hit.party_id, path="roles", values=hit.values)


@rule(
    "responsibility_for_every_party",
    basis="Panduan A.6",
    summary=N_("Every party's role states its responsibilities."),
    english=N_("{who} has no responsibility."),
    replaces=("party_without_responsibility",),
)
def _responsibility(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        role = agreement.role_of(party.id)
        if role is not None and not role.responsibilities:
            hit = _who(agreement, index, party)
            path = f"roles.{agreement.roles.index(role)}.responsibilities"
            yield Hit(party_id=hit.party_id, path=path, values=hit.values)


@rule(
    "duplicate_role",
    basis="Panduan A.6",
    summary=N_("A party's role is stated once."),
    english=N_("'{party}' has {count} separate roles; merge them."),
    severity=Severity.WARNING,
)
def _duplicate_role(agreement: AgreementLike) -> Iterator[Hit]:
    for pid, count in Counter(r.party_id for r in agreement.roles).items():
        if count > 1:
            yield Hit(party_id=pid, path="roles", values={"party": pid, "count": count})


# KUHPerdata 1320 (1): the parties' consent, each through its signatory
@rule(
    "signatory_named",
    basis=f"Panduan A.7; {KUHPERDATA_1320}",
    summary=N_("Every party names its signatory."),
    english=N_("{who} names no signatory; the parties' consent cannot be shown."),
    replaces=("no_signatory",),
)
def _signatory(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if agreement.signatory_of(party.id) is None:
            hit = _who(agreement, index, party)
            yield Hit(party_id=hit.party_id, path="signatories", values=hit.values)


@rule(
    "all_signed",
    basis=f"Panduan A.7; {KUHPERDATA_1320}",
    summary=N_("Every party's signatory has signed."),
    english=N_("{who} has not signed yet."),
    severity=Severity.INFO,
    replaces=("not_signed",),
)
def _signed(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        signatory = agreement.signatory_of(party.id)
        if signatory is None or not signatory.signed:
            hit = _who(agreement, index, party)
            path = (
                "signatories"
                if signatory is None
                else f"signatories.{agreement.signatories.index(signatory)}.signed_on"
            )
            yield Hit(party_id=hit.party_id, path=path, values=hit.values)


# KUHPerdata 1320 (2): capacity — the signer represents the party with a stated authority
@rule(
    "capacity_not_shown",
    basis=KUHPERDATA_1320,
    summary=N_("Each signer's basis of authority is recorded."),
    english=N_("The basis of authority of {label}'s ({name}) signer is not recorded."),
    severity=Severity.WARNING,
)
def _capacity(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if agreement.signatory_of(party.id) is None:
            continue
        representative = party.representative
        signatory = agreement.signatory_of(party.id)
        if signatory is not None and signatory.authority is not None:
            continue
        if representative is None or representative.authority is None:
            yield Hit(
                party_id=party.id,
                path=f"parties.{index}.representative.authority",
                values={"label": party_label(index), "name": party.name},
            )


@rule(
    "signatory_not_representative",
    basis=KUHPERDATA_1320,
    summary=N_(
        "The signer is the party's recorded representative, or the signatory states an "
        "authority of its own (a power of attorney)."
    ),
    english=N_(
        "{label}'s signer ({signer}) is not its recorded representative ({representative}); "
        "attach a power of attorney."
    ),
    severity=Severity.WARNING,
)
def _representative(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        signatory = agreement.signatory_of(party.id)
        representative = party.representative
        if (
            signatory is not None
            and signatory.authority is None
            and representative is not None
            and representative.authority is not None
            and not same_person(representative.name, signatory.name)
        ):
            yield Hit(
                party_id=party.id,
                path=f"signatories.{agreement.signatories.index(signatory)}.name",
                values={
                    "label": party_label(index),
                    "signer": signatory.name,
                    "representative": representative.name,
                },
            )


# KUHPerdata 1320 (3): a definite object
@rule(
    "scope_missing",
    basis=KUHPERDATA_1320,
    summary=N_(
        "The scope is stated, so the object of the agreement is definite (an addendum "
        "keeps the scope of the text it amends)."
    ),
    english=N_("The scope is empty; the object of the agreement is not definite."),
)
def _scope(agreement: AgreementLike) -> Iterator[Hit]:
    if not agreement.scope and agreement.kind is not AgreementKind.ADDENDUM:
        yield Hit(path="scope")


# KUHPerdata 1320 (4): a lawful cause cannot be read from data
@rule(
    "lawful_cause_unverifiable",
    basis=KUHPERDATA_1320,
    summary=N_("A lawful cause cannot be checked from data (always reported, as information)."),
    english=N_(
        "A lawful cause cannot be checked from data; make sure the cooperation does not "
        "conflict with law, morality or public order."
    ),
    severity=Severity.INFO,
)
def _lawful_cause(agreement: AgreementLike) -> Iterator[Hit]:
    yield Hit()


@rule(
    "indonesian_missing",
    basis=UU_24_2009,
    summary=N_("The agreement is written in Indonesian."),
    english=N_("An agreement involving an Indonesian institution must be in Indonesian."),
)
def _indonesian(agreement: AgreementLike) -> Iterator[Hit]:
    if "id" not in agreement.languages:
        yield Hit(path="languages")


@rule(
    "foreign_language_missing",
    basis=UU_24_2009,
    summary=N_("With a foreign party, it is also written in that party's language or English."),
    english=N_(
        "{who} is foreign; the agreement must also be written in its language "
        "('{language}') and/or English."
    ),
)
def _foreign_language(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if party.is_foreign and not ({party.language, "en"} & set(agreement.languages)):
            hit = _who(agreement, index, party, language=party.language)
            yield Hit(party_id=hit.party_id, path="languages", values=hit.values)


@rule(
    "prevailing_language_unused",
    basis=UU_24_2009,
    summary=N_("The prevailing language is one the agreement is written in."),
    english=N_("The prevailing language ('{language}') is not one the agreement is written in."),
)
def _prevailing_unused(agreement: AgreementLike) -> Iterator[Hit]:
    language = agreement.prevailing_language
    if language is not None and language not in agreement.languages:
        yield Hit(path="prevailing_language", values={"language": language})


@rule(
    "prevailing_language_missing",
    basis=UU_24_2009,
    summary=N_("A bilingual agreement names the text that prevails."),
    english=N_("A bilingual agreement should name which text prevails when they differ."),
    severity=Severity.WARNING,
)
def _prevailing_missing(agreement: AgreementLike) -> Iterator[Hit]:
    if len(agreement.languages) > 1 and agreement.prevailing_language is None:
        yield Hit(path="prevailing_language")


@rule(
    "term_set",
    basis="Panduan A.11 (memperpanjang akad kerjasama); the guide sets no term in A.6",
    summary=N_("The term is set, or the agreement runs until ended with notice."),
    english=N_(
        "The term of the cooperation is not set, and there is no provision to end it by "
        "written notice."
    ),
    severity=Severity.WARNING,
    replaces=("term_missing",),
)
def _term(agreement: AgreementLike) -> Iterator[Hit]:
    # an addendum runs with the text it amends (a TermChange sets that text's term)
    if (
        agreement.term is None
        and agreement.termination is None
        and agreement.kind is not AgreementKind.ADDENDUM
    ):
        yield Hit(path="term")


@rule(
    "pattern_chosen",
    basis="Panduan B (pola kemitraan usaha) and A.1 (Lembaga Pemerintah, Tokoh masyarakat)",
    summary=N_(
        "A partnership pattern is chosen, or why none applies is said (an addendum "
        "inherits its agreement's)."
    ),
    english=N_(
        "No partnership pattern is chosen; choose one, or say why no business pattern "
        "applies (for example, cooperation with a government office)."
    ),
    severity=Severity.WARNING,
    replaces=("pattern_missing",),
)
def _pattern(agreement: AgreementLike) -> Iterator[Hit]:
    if (
        agreement.pattern is None
        and agreement.no_pattern_reason is None
        and agreement.kind is not AgreementKind.ADDENDUM
    ):
        yield Hit(path="pattern")


@rule(
    "number_missing",
    basis="Tata naskah dinas",
    summary=N_("Every party gives the document its own number."),
    english=N_("{who} has not given the document a number."),
    severity=Severity.WARNING,
)
def _numbers(agreement: AgreementLike) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if party.id not in agreement.numbers:
            hit = _who(agreement, index, party)
            yield Hit(party_id=hit.party_id, path="numbers", values=hit.values)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# A document number's month in Roman numerals and its year: ".../III/2025" or ".../III/2025/...".
_MONTH_YEAR = re.compile(r"/(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)/((?:19|20)\d\d)(?=/|$)")


@rule(
    "addendum_number_dated_as_amended",
    basis="Kelaziman penomoran naskah dinas: nomor memuat bulan dan tahun naskah itu sendiri",
    summary=N_(
        "An addendum's number carries its own month and year, not those of the text it amends."
    ),
    english=N_(
        "The addendum's number {number} of {who} carries the month and year of the text it "
        "amends ({amended}), not the addendum's own ({own}); give the addendum a number of its own."
    ),
    severity=Severity.WARNING,
)
def _addendum_number(agreement: AgreementLike) -> Iterator[Hit]:
    amends = agreement.amends
    if agreement.kind is not AgreementKind.ADDENDUM or amends is None:
        return
    own = (_ROMAN[agreement.date.month - 1], str(agreement.date.year))
    amended = (_ROMAN[amends.date.month - 1], str(amends.date.year))
    if own == amended:
        return
    for index, party in enumerate(agreement.parties):
        number = agreement.numbers.get(party.id, "")
        found = _MONTH_YEAR.findall(number)
        if found and found[-1] == amended and own not in found:
            hit = _who(agreement, index, party)
            yield Hit(
                party_id=hit.party_id,
                path="numbers",
                values={
                    **hit.values,
                    "number": number,
                    "amended": "/".join(amended),
                    "own": "/".join(own),
                },
            )


@rule(
    "too_few_originals",
    basis="Kelaziman penyusunan perjanjian",
    summary=N_("There is an original for every party."),
    english=N_("Only {originals} originals for {parties} parties; each party usually keeps one."),
    severity=Severity.WARNING,
)
def _originals(agreement: AgreementLike) -> Iterator[Hit]:
    if agreement.originals < len(agreement.parties):
        values = {"originals": agreement.originals, "parties": len(agreement.parties)}
        yield Hit(path="originals", values=values)


@rule(
    "stamp_duty",
    basis="UU 10/2020",
    summary=N_("How many meterai the originals need (always reported, as information)."),
    english=N_(
        "{count} stamp(s) of {duty} are needed, one on each signed original (stamp duty "
        "is not a condition of validity)."
    ),
    severity=Severity.INFO,
)
def _stamp_duty(agreement: AgreementLike) -> Iterator[Hit]:
    yield Hit(
        path="originals",
        values={
            "count": agreement.meterai_count,
            "duty": BilingualText.of(
                stamp_duty_text(), stamp_duty_text("en").replace("IDR ", "Rp")
            ),
        },
    )


@rule(
    "considerations_missing",
    basis="Kelaziman penyusunan perjanjian",
    summary=N_('An MoU or PKS states its considerations (the lettered "bahwa" points).'),
    english=N_(
        'No considerations ("whereas …") are given; the text goes straight to the articles.'
    ),
    severity=Severity.WARNING,
)
def _considerations(agreement: AgreementLike) -> Iterator[Hit]:
    # A PKS that implements an MoU cites it as its first "bahwa" (the document prints it).
    if (
        not agreement.considerations
        and agreement.kind is not AgreementKind.ADDENDUM
        and agreement.implements is None
    ):
        yield Hit(path="considerations")


@rule(
    "dispute_venue_missing",
    basis="HIR Pasal 118; kelaziman penyusunan perjanjian",
    summary=N_("Disputes going to a district court name which court."),
    english=N_(
        'The district court for disputes is not named; the text will say "the competent '
        'district court".'
    ),
    severity=Severity.WARNING,
)
def _venue(agreement: AgreementLike) -> Iterator[Hit]:
    settlement = agreement.dispute_settlement
    if agreement.kind is AgreementKind.ADDENDUM:
        return  # the amended text's disputes article stays in force
    if settlement.forum is DisputeForum.DISTRICT_COURT and settlement.venue is None:
        yield Hit(path="dispute_settlement.venue")


@rule(
    "term_starts_before_signing",
    basis="Kelaziman penyusunan perjanjian",
    summary=N_(
        "The term does not start before the agreement is made, unless meant (Term.backdated)."
    ),
    english=N_(
        "The term starts on {start}, before the agreement is made ({made}); it would "
        "apply retroactively. If that is meant, set Term.backdated."
    ),
    severity=Severity.WARNING,
)
def _backdated(agreement: AgreementLike) -> Iterator[Hit]:
    term = agreement.term
    if term is not None and term.start < agreement.date and not term.backdated:
        yield Hit(
            path="term.start",
            values={
                "start": term.start,
                "made": agreement.date,
            },
        )


@rule(
    "commercial_terms_in_mou",
    basis="Kelaziman penyusunan perjanjian: MoU memuat ketentuan umum, PKS merinci hak dan "
    "kewajiban",
    summary=N_(
        "An MoU keeps to general terms: prices, quantities, payment and fees belong in a PKS."
    ),
    english=N_(
        "The MoU carries binding commercial terms ({what}); they usually belong in a "
        "Cooperation Agreement (PKS)."
    ),
    severity=Severity.WARNING,
)
def _commercial(agreement: AgreementLike) -> Iterator[Hit]:
    if agreement.kind is not AgreementKind.MOU:
        return
    found = (
        [f"pattern.{path}" for path in agreement.pattern.commercial_terms()]
        if (agreement.pattern is not None)
        else []
    )
    found += [f"payments.{i}" for i in range(len(agreement.payments))]
    if found:
        yield Hit(path=found[0], values={"what": ", ".join(found)})


@rule(
    "notice_address_missing",
    basis="Kelaziman penyusunan perjanjian (korespondensi)",
    summary=N_("In a PKS, every party has an address for notices."),
    english=N_("{who} has no address for notices."),
    severity=Severity.WARNING,
)
def _notices(agreement: AgreementLike) -> Iterator[Hit]:
    if agreement.kind is not AgreementKind.PKS:
        return
    given = {n.party_id for n in agreement.notices}
    for index, party in enumerate(agreement.parties):
        if party.id not in given and not party.address:
            hit = _who(agreement, index, party)
            yield Hit(party_id=hit.party_id, path="notices", values=hit.values)


@rule(
    "amendment_untyped",
    basis="Teknik penyusunan perubahan (Lampiran II UU 12/2011, sebagai kelaziman)",
    summary=N_(
        "An addendum's changes are typed, so the addendum names the article it changes and "
        "the agreement as amended can be computed."
    ),
    english=N_(
        'Change {number} ("{article}") is free text: it names no article and changes no '
        "data; use a typed change."
    ),
    severity=Severity.WARNING,
)
def _untyped(agreement: AgreementLike) -> Iterator[Hit]:
    for index, change in enumerate(agreement.amendments):
        if isinstance(change, Amendment):
            yield Hit(
                path=f"amendments.{index}",
                values={"number": index + 1, "article": change.article},
            )


@rule(
    "amendment_twice",
    basis="Teknik penyusunan perubahan",
    summary=N_("An addendum changes each article once."),
    english=N_("Article {article} is changed more than once in this addendum."),
)
def _twice(agreement: AgreementLike) -> Iterator[Hit]:
    seen: set[tuple[int, int | None]] = set()
    for index, change in enumerate(agreement.amendments):
        if isinstance(change, (ArticleChange, ArticleDeletion)):
            paragraph = change.paragraph if isinstance(change, ArticleChange) else None
            whole_touched = any(n == change.article for n, _ in seen)
            if (
                (change.article, paragraph) in seen
                or (change.article, None) in seen
                or (paragraph is None and whole_touched)
            ):
                yield Hit(path=f"amendments.{index}", values={"article": change.article})
            seen.add((change.article, paragraph))


@rule(
    "pks_before_mou",
    basis="Kelaziman penyusunan perjanjian",
    summary=N_("A PKS is made on or after the date of the MoU it implements."),
    english=N_("The PKS is dated {made}, before the MoU it implements ({mou})."),
)
def _pks_before_mou(agreement: AgreementLike) -> Iterator[Hit]:
    implements = agreement.implements
    if implements is not None and implements.date > agreement.date:
        yield Hit(
            path="date",
            values={
                "made": agreement.date,
                "mou": implements.date,
            },
        )
