"""The checks of an agreement as a whole, each rule declared once.

What can only be judged from the whole agreement — the guide's demand that **every**
party has a role and responsibilities (A.6), the four conditions of KUHPerdata 1320,
the language rule of UU 24/2009, stamp duty, parties that are named but absent — is
a rule in :data:`AGREEMENT_RULES`. :meth:`kemitraan.Agreement.check` runs them all;
the lifecycle's agreement and signing steps use the ones they need
(:mod:`kemitraan.requirements`), so a rule is written once.

To add a check, declare it here::

    @AGREEMENT_RULES.rule("code", basis=..., summary=..., indonesian=..., english=...)
    def _(agreement: Agreement) -> Iterator[Hit]:
        ...  # yield a Hit wherever the rule is not met

Messages name a party as ``PIHAK KEDUA (KUBE Rajut Lestari)``: ``{who}`` in a template.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kemitraan.conventions import party_label, stamp_duty_text
from kemitraan.findings import Hit, RuleBook, Severity
from kemitraan.provisions import AgreementKind

if TYPE_CHECKING:
    from kemitraan.agreements import Agreement
    from kemitraan.parties import Party

__all__ = ["AGREEMENT_RULES"]

AGREEMENT_RULES: RuleBook[Agreement] = RuleBook()
"""Every check of an agreement, in the order :meth:`~kemitraan.Agreement.check` reports them."""

rule = AGREEMENT_RULES.rule
KUHPERDATA_1320 = "KUHPerdata Pasal 1320"
UU_24_2009 = "UU 24/2009 Pasal 31"


def _who(agreement: Agreement, index: int, party: Party, **values: object) -> Hit:
    return Hit(
        party_id=party.id,
        values={"who": f"{party_label(index)} ({party.name})", "name": party.name, **values},
    )


@rule(
    "unknown_party",
    basis="Panduan A.6",
    summary="Every party id the agreement names (roles, signatories, numbers, financing, "
    "monitoring, pattern) is one of its parties.",
    indonesian="'{party}' bukan pihak dalam kesepakatan ini.",
    english="'{party}' is not a party to this agreement.",
)
def _unknown_parties(agreement: Agreement) -> Iterator[Hit]:
    named: list[tuple[str, str]] = [
        *((f"roles.{i}.party_id", r.party_id) for i, r in enumerate(agreement.roles)),
        *((f"signatories.{i}.party_id", s.party_id) for i, s in enumerate(agreement.signatories)),
        *((f"numbers.{pid}", pid) for pid in agreement.numbers),
        *(
            (f"financing.{i}.source_party_id", f.source_party_id)
            for i, f in enumerate(agreement.financing)
            if f.source_party_id is not None
        ),
        *(
            (f"monitoring.responsible.{i}", pid)
            for i, pid in enumerate(agreement.monitoring.responsible)
        ),
    ]
    if agreement.pattern is not None:
        named.extend(("pattern", pid) for pid in sorted(agreement.pattern.party_ids()))
    known = set(agreement.party_ids)
    for path, pid in named:
        if pid not in known:
            yield Hit(path=path, values={"party": pid})


# guide A.6: the roles and responsibilities of *each* party
@rule(
    "role_for_every_party",
    basis="Panduan A.6",
    summary="Every party has a role.",
    indonesian="{who} belum memiliki peran.",
    english="{who} has no role.",
    replaces=("party_without_role",),
)
def _role(agreement: Agreement) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if agreement.role_of(party.id) is None:
            hit = _who(agreement, index, party)
            yield Hit(party_id=hit.party_id, path="roles", values=hit.values)


@rule(
    "responsibility_for_every_party",
    basis="Panduan A.6",
    summary="Every party's role states its responsibilities.",
    indonesian="{who} belum memiliki tanggung jawab.",
    english="{who} has no responsibility.",
    replaces=("party_without_responsibility",),
)
def _responsibility(agreement: Agreement) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        role = agreement.role_of(party.id)
        if role is not None and not role.responsibilities:
            hit = _who(agreement, index, party)
            path = f"roles.{agreement.roles.index(role)}.responsibilities"
            yield Hit(party_id=hit.party_id, path=path, values=hit.values)


@rule(
    "duplicate_role",
    basis="Panduan A.6",
    summary="A party's role is stated once.",
    indonesian="'{party}' memiliki {count} peran terpisah; satukan.",
    english="'{party}' has {count} separate roles; merge them.",
    severity=Severity.WARNING,
)
def _duplicate_role(agreement: Agreement) -> Iterator[Hit]:
    for pid, count in Counter(r.party_id for r in agreement.roles).items():
        if count > 1:
            yield Hit(party_id=pid, path="roles", values={"party": pid, "count": count})


# KUHPerdata 1320 (1): the parties' consent, each through its signatory
@rule(
    "signatory_named",
    basis=f"Panduan A.7; {KUHPERDATA_1320}",
    summary="Every party names its signatory.",
    indonesian="{who} belum menunjuk penanda tangan; kesepakatan para pihak belum dapat "
    "ditunjukkan.",
    english="{who} names no signatory; the parties' consent cannot be shown.",
    replaces=("no_signatory",),
)
def _signatory(agreement: Agreement) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if agreement.signatory_of(party.id) is None:
            hit = _who(agreement, index, party)
            yield Hit(party_id=hit.party_id, path="signatories", values=hit.values)


@rule(
    "all_signed",
    basis=f"Panduan A.7; {KUHPERDATA_1320}",
    summary="Every party's signatory has signed.",
    indonesian="{who} belum menandatangani.",
    english="{who} has not signed yet.",
    severity=Severity.INFO,
    replaces=("not_signed",),
)
def _signed(agreement: Agreement) -> Iterator[Hit]:
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
    summary="Each signer's basis of authority is recorded.",
    indonesian="Dasar kewenangan penanda tangan {label} ({name}) belum dicatat.",
    english="The basis of authority of {label}'s ({name}) signer is not recorded.",
    severity=Severity.WARNING,
)
def _capacity(agreement: Agreement) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if agreement.signatory_of(party.id) is None:
            continue
        representative = party.representative
        if representative is None or representative.authority is None:
            yield Hit(
                party_id=party.id,
                path=f"parties.{index}.representative.authority",
                values={"label": party_label(index), "name": party.name},
            )


@rule(
    "signatory_not_representative",
    basis=KUHPERDATA_1320,
    summary="The signer is the party's recorded representative, or holds a power of attorney.",
    indonesian="Penanda tangan {label} ({signer}) bukan wakil yang tercatat ({representative}); "
    "lampirkan surat kuasa.",
    english="{label}'s signer ({signer}) is not its recorded representative ({representative}); "
    "attach a power of attorney.",
    severity=Severity.WARNING,
)
def _representative(agreement: Agreement) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        signatory = agreement.signatory_of(party.id)
        representative = party.representative
        if (
            signatory is not None
            and representative is not None
            and representative.authority is not None
            and representative.name != signatory.name
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
    summary="The scope is stated, so the object of the agreement is definite.",
    indonesian="Ruang lingkup belum diisi; objek perjanjian belum tertentu.",
    english="The scope is empty; the object of the agreement is not definite.",
)
def _scope(agreement: Agreement) -> Iterator[Hit]:
    if not agreement.scope:
        yield Hit(path="scope")


# KUHPerdata 1320 (4): a lawful cause cannot be read from data
@rule(
    "lawful_cause_unverifiable",
    basis=KUHPERDATA_1320,
    summary="A lawful cause cannot be checked from data (always reported, as information).",
    indonesian="Sebab yang halal tidak dapat diperiksa dari data; pastikan isi kerja sama tidak "
    "bertentangan dengan undang-undang, kesusilaan, dan ketertiban umum.",
    english="A lawful cause cannot be checked from data; make sure the cooperation does not "
    "conflict with law, morality or public order.",
    severity=Severity.INFO,
)
def _lawful_cause(agreement: Agreement) -> Iterator[Hit]:
    yield Hit()


@rule(
    "indonesian_missing",
    basis=UU_24_2009,
    summary="The agreement is written in Indonesian.",
    indonesian="Perjanjian yang melibatkan lembaga Indonesia wajib berbahasa Indonesia.",
    english="An agreement involving an Indonesian institution must be in Indonesian.",
)
def _indonesian(agreement: Agreement) -> Iterator[Hit]:
    if "id" not in agreement.languages:
        yield Hit(path="languages")


@rule(
    "foreign_language_missing",
    basis=UU_24_2009,
    summary="With a foreign party, it is also written in that party's language or English.",
    indonesian="{who} adalah pihak asing; perjanjian juga ditulis dalam bahasa pihak tersebut "
    "('{language}') dan/atau bahasa Inggris.",
    english="{who} is foreign; the agreement must also be written in its language "
    "('{language}') and/or English.",
)
def _foreign_language(agreement: Agreement) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if party.is_foreign and not ({party.language, "en"} & set(agreement.languages)):
            hit = _who(agreement, index, party, language=party.language)
            yield Hit(party_id=hit.party_id, path="languages", values=hit.values)


@rule(
    "prevailing_language_unused",
    basis=UU_24_2009,
    summary="The prevailing language is one the agreement is written in.",
    indonesian="Bahasa yang berlaku ('{language}') tidak termasuk bahasa naskah.",
    english="The prevailing language ('{language}') is not one the agreement is written in.",
)
def _prevailing_unused(agreement: Agreement) -> Iterator[Hit]:
    language = agreement.prevailing_language
    if language is not None and language not in agreement.languages:
        yield Hit(path="prevailing_language", values={"language": language})


@rule(
    "prevailing_language_missing",
    basis=UU_24_2009,
    summary="A bilingual agreement names the text that prevails.",
    indonesian="Naskah dwibahasa sebaiknya menyebut bahasa yang berlaku bila terdapat perbedaan.",
    english="A bilingual agreement should name which text prevails when they differ.",
    severity=Severity.WARNING,
)
def _prevailing_missing(agreement: Agreement) -> Iterator[Hit]:
    if len(agreement.languages) > 1 and agreement.prevailing_language is None:
        yield Hit(path="prevailing_language")


@rule(
    "term_set",
    basis="Panduan A.6",
    summary="The term of the cooperation is set.",
    indonesian="Jangka waktu kerja sama belum ditetapkan.",
    english="The term of the cooperation is not set.",
    severity=Severity.WARNING,
    replaces=("term_missing",),
)
def _term(agreement: Agreement) -> Iterator[Hit]:
    if agreement.term is None:
        yield Hit(path="term")


@rule(
    "pattern_chosen",
    basis="Panduan B",
    summary="A partnership pattern is chosen (an addendum inherits its agreement's).",
    indonesian="Pola kemitraan belum dipilih.",
    english="No partnership pattern is chosen.",
    severity=Severity.WARNING,
    replaces=("pattern_missing",),
)
def _pattern(agreement: Agreement) -> Iterator[Hit]:
    if agreement.pattern is None and agreement.kind is not AgreementKind.ADDENDUM:
        yield Hit(path="pattern")


@rule(
    "number_missing",
    basis="Tata naskah dinas",
    summary="Every party gives the document its own number.",
    indonesian="{who} belum memberi nomor naskah.",
    english="{who} has not given the document a number.",
    severity=Severity.WARNING,
)
def _numbers(agreement: Agreement) -> Iterator[Hit]:
    for index, party in enumerate(agreement.parties):
        if party.id not in agreement.numbers:
            hit = _who(agreement, index, party)
            yield Hit(party_id=hit.party_id, path="numbers", values=hit.values)


@rule(
    "too_few_originals",
    basis="Kelaziman penyusunan perjanjian",
    summary="There is an original for every party.",
    indonesian="Hanya {originals} naskah asli untuk {parties} pihak; setiap pihak lazimnya "
    "memegang satu.",
    english="Only {originals} originals for {parties} parties; each party usually keeps one.",
    severity=Severity.WARNING,
)
def _originals(agreement: Agreement) -> Iterator[Hit]:
    if agreement.originals < len(agreement.parties):
        values = {"originals": agreement.originals, "parties": len(agreement.parties)}
        yield Hit(path="originals", values=values)


@rule(
    "stamp_duty",
    basis="UU 10/2020",
    summary="How many meterai the originals need (always reported, as information).",
    indonesian="Diperlukan {count} meterai {duty}, satu pada setiap naskah asli (bea meterai "
    "bukan syarat sah perjanjian).",
    english="{count} stamp(s) of {duty_en} are needed, one on each signed original (stamp duty "
    "is not a condition of validity).",
    severity=Severity.INFO,
)
def _stamp_duty(agreement: Agreement) -> Iterator[Hit]:
    yield Hit(
        path="originals",
        values={
            "count": agreement.meterai_count,
            "duty": stamp_duty_text(),
            "duty_en": stamp_duty_text("en").replace("IDR ", "Rp"),
        },
    )
