"""A PKS that runs a trade, checked: its commercial terms, and whose goods it sells.

A PKS of sale and supply settles delivery, acceptance, risk and title, tax, the account
paid into and late payment (:class:`~kemitraan.trade.TradeTerms`); without them it is a
warning. Goods made in learners' practice or with a government grant belong to nobody the
trade names until the PKS says so: such a PKS is refused until it states their origin, who
owns them before they are sold and how the proceeds are shared with the unit and the
learners, and cites the grant's rules. Declared in the agreement's rule book
(:data:`~kemitraan.agreement_checks.AGREEMENT_RULES`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan.agreement_checks import AGREEMENT_RULES, AgreementLike
from kemitraan.findings import Hit, Severity
from kemitraan.provisions import AgreementKind
from kemitraan.trade import GoodsOrigin

__all__: list[str] = []

rule = AGREEMENT_RULES.rule

_CLUES: Final = re.compile(
    r"(?:hasil )?praktik peserta didik|hasil praktik|peserta didik|bantuan pemerintah|"
    r"dana bantuan|hibah",
    re.IGNORECASE,
)


def _sells(agreement: AgreementLike) -> bool:
    """A PKS whose pattern trades goods."""
    return agreement.kind is AgreementKind.PKS and bool(getattr(agreement.pattern, "goods", None))


def _clue(agreement: AgreementLike) -> str | None:
    """The words that say the goods come from learners' practice or a grant, if any do."""
    texts = [agreement.subject, *agreement.considerations, *agreement.scope]
    texts += [d.meaning for d in agreement.definitions]
    texts += [f.source_name or "" for f in agreement.financing]
    for text in texts:
        found = _CLUES.search(text)
        if found is not None:
            return f"\u201c{found.group(0)}\u201d"
    return None


@rule(
    "trade_terms_missing",
    basis="Kelaziman perjanjian jual beli (REFERENCE: apa yang diatur PKS jual beli dan pasokan)",
    summary=N_(
        "A PKS that trades goods settles delivery, inspection and acceptance, risk and "
        "title, tax, the account paid into and late payment."
    ),
    english=N_(
        "This Cooperation Agreement trades goods but does not yet settle the place and cost "
        "of delivery, inspection and acceptance, the passing of risk and title, tax, the account "
        "paid into and the consequence of late payment (trade)."
    ),
    severity=Severity.WARNING,
)
def _trade_terms_missing(agreement: AgreementLike) -> Iterator[Hit]:
    if _sells(agreement) and agreement.trade is None:
        yield Hit(path="trade")


@rule(
    "goods_origin_unsaid",
    basis="KUHPerdata Pasal 1457 dan 1459 (jual beli, hak milik); REFERENCE: barang hasil "
    "praktik peserta didik atau bantuan pemerintah",
    summary=N_(
        "A PKS that sells goods made in learners' practice or with a government grant "
        "says so, who owns them until they are sold, and how the proceeds are shared."
    ),
    english=N_(
        "The text mentions {clue} but does not state where the Products come from; state "
        "whether they are made in the learners' practice or from a government grant, who owns them "
        "before they are sold, and how the proceeds are shared with the unit and the learners."
    ),
)
def _origin_unsaid(agreement: AgreementLike) -> Iterator[Hit]:
    if not _sells(agreement):
        return
    trade = agreement.trade
    if trade is not None and trade.origin is not GoodsOrigin.OWN:
        return
    clue = _clue(agreement)
    if clue is not None:
        yield Hit(path="trade.origin", values={"clue": clue})


@rule(
    "goods_origin_unsettled",
    basis="KUHPerdata Pasal 1457 dan 1459 (jual beli, hak milik); REFERENCE: barang hasil "
    "praktik peserta didik atau bantuan pemerintah",
    summary=N_(
        "Goods made in learners' practice or with a grant have an owner until sold, a "
        "sharing of their proceeds, and (a grant's) the rules cited."
    ),
    english=N_("The Products are {origin}, but the text does not yet state {missing}."),
)
def _origin_unsettled(agreement: AgreementLike) -> Iterator[Hit]:
    trade = agreement.trade
    if trade is None or trade.origin is GoodsOrigin.OWN:
        return
    missing: list[tuple[str, str]] = []
    if trade.owner_before_sale is None:
        missing.append(("siapa pemiliknya sebelum dijual", "who owns them before they are sold"))
    if not trade.proceeds:
        missing.append(
            (
                "pembagian hasil penjualannya dengan lembaga dan peserta didik",
                "how their proceeds are shared with the unit and the learners",
            )
        )
    if trade.origin is GoodsOrigin.GRANT and trade.grant_rules is None:
        missing.append(("ketentuan bantuan pemerintah yang diikuti", "the grant's rules followed"))
    if missing:
        yield Hit(
            path="trade",
            values={
                "origin": BilingualText.of(trade.origin.label_id, trade.origin.label_en.lower()),
                "missing": BilingualText.of(
                    _joined([m[0] for m in missing], "dan"), _joined([m[1] for m in missing], "and")
                ),
            },
        )


def _joined(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
