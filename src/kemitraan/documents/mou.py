"""The memorandum of understanding (*Nota Kesepahaman*), guide A.6–A.7.

The general terms of the cooperation: purpose and objectives, scope, the pattern,
every party's role and responsibilities, implementation through the joint work
plan, financing, monitoring and evaluation, term, force majeure, disputes,
amendment and closing. Detailed arrangements follow in a PKS.
"""

from __future__ import annotations

from kemitraan.documents._agreement import agreement_kind
from kemitraan.documents._articles import (
    amendment_clause,
    closing_article,
    disputes,
    financing,
    force_majeure,
    implementation,
    language,
    monitoring,
    pattern,
    purpose,
    roles,
    scope,
    term,
)
from kemitraan.documents._wording import Article, Wording
from kemitraan.provisions import AgreementKind

__all__ = ["ARTICLES", "KIND"]

ARTICLES = (
    purpose,
    scope,
    pattern,
    roles,
    implementation,
    financing,
    monitoring,
    term,
    force_majeure,
    disputes,
    amendment_clause,
    language,
    closing_article,
)
"""The articles, in order; each is left out when the agreement has nothing to say there."""


def articles(w: Wording) -> list[Article]:
    """The body of the document: the articles the agreement has something to say in."""
    return [article for build in ARTICLES if (article := build(w)) is not None]


KIND = agreement_kind(AgreementKind.MOU, articles)
"""The registry entry."""
