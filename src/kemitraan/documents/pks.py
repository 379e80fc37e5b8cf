"""The cooperation agreement (*Perjanjian Kerja Sama*, PKS) that implements an MoU.

For now it has the MoU's articles (:mod:`kemitraan.documents.mou`); the articles
only a PKS has (termination, breach, notices) come with their own module functions.
"""

from __future__ import annotations

from kemitraan.documents._agreement import agreement_kind
from kemitraan.documents.mou import articles
from kemitraan.provisions import AgreementKind

__all__ = ["KIND"]

KIND = agreement_kind(AgreementKind.PKS, articles)
"""The registry entry."""
