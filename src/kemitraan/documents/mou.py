"""The memorandum of understanding (*Nota Kesepahaman*), guide A.6–A.7.

The general terms of the cooperation: purpose and objectives, scope, the pattern,
every party's role and responsibilities, implementation through the joint work
plan, financing, monitoring and evaluation, term, force majeure, disputes,
amendment and closing. Detailed arrangements — prices, quantities, payment,
termination, breach — follow in a PKS (:mod:`kemitraan.documents.pks`); an MoU that
sets them gets those articles too, and ``check()`` says they belong in a PKS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

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
from kemitraan.documents._wording import Article, Wording
from kemitraan.provisions import AgreementKind

__all__ = ["ARTICLES", "KIND", "articles", "body"]

ARTICLES: tuple[Callable[[Wording], Article | None], ...] = (
    definitions,
    purpose,
    scope,
    pattern,
    roles,
    implementation,
    financing,
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
"""The articles, in order; each is left out when the agreement has nothing to say there
(definitions, termination, breach, confidentiality and notices only when the MoU sets them)."""


def body(w: Wording, builders: Iterable[Callable[[Wording], Article | None]]) -> list[Article]:
    """The articles ``builders`` write for the agreement, each keyed by its builder's name."""
    found = []
    for build in builders:
        article = build(w)
        if article is not None:
            article.key = article.key or build.__name__
            found.append(article)
    return found


def articles(w: Wording) -> list[Article]:
    """The body of the document: the articles the agreement has something to say in."""
    return body(w, ARTICLES)


KIND = agreement_kind(AgreementKind.MOU, articles)
"""The registry entry."""
