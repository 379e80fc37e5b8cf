"""The cooperation agreement (*Perjanjian Kerja Sama*, PKS) that implements an MoU.

Its considerations cite the MoU it implements (``Agreement.implements``), and it
sets out in detail what the MoU only outlines (Indonesian drafting practice):
definitions, rights and obligations, payment, termination with written notice
(optionally waiving KUHPerdata 1266–1267), breach with written warnings and its
consequences, confidentiality when asked, and the parties' addresses for notices.
"""

from __future__ import annotations

from collections.abc import Callable

from kemitraan.documents._agreement import agreement_kind
from kemitraan.documents._articles import (
    financing,
    implementation,
    monitoring,
    pattern,
    purpose,
    roles,
    scope,
    term,
)
from kemitraan.documents._closing_articles import (
    amendment_clause,
    breach,
    closing_article,
    confidentiality,
    definitions,
    disputes,
    force_majeure,
    language,
    notices,
    termination,
)
from kemitraan.documents._legal_articles import governing_law, intellectual_property
from kemitraan.documents._trade_articles import delivery, goods_origin, trade_payment
from kemitraan.documents._wording import Article, Wording
from kemitraan.documents.mou import body
from kemitraan.provisions import AgreementKind

__all__ = ["ARTICLES", "KIND", "articles"]

ARTICLES: tuple[Callable[[Wording], Article | None], ...] = (
    definitions,
    purpose,
    scope,
    roles,
    pattern,
    delivery,
    goods_origin,
    implementation,
    financing,
    trade_payment,
    monitoring,
    term,
    termination,
    breach,
    force_majeure,
    confidentiality,
    intellectual_property,
    governing_law,
    disputes,
    notices,
    amendment_clause,
    language,
    closing_article,
)
"""The articles, in the order of a PKS: the rights and obligations come before the pattern's
terms. Termination, breach and notices are always there; definitions, payment and
confidentiality when the PKS sets them."""


def articles(w: Wording) -> list[Article]:
    """The body of the PKS."""
    return body(w, ARTICLES)


KIND = agreement_kind(AgreementKind.PKS, articles)
"""The registry entry."""
