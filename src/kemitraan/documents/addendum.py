"""The addendum (*adendum*): the changes to an agreement, guide A.11.

One article per change, then the article that every provision not changed stays
in force, the language article of a bilingual document and the closing.
"""

from __future__ import annotations

from kemitraan.documents._agreement import agreement_kind
from kemitraan.documents._articles import closing_article, language
from kemitraan.documents._wording import Article, Para, Wording, bi
from kemitraan.provisions import AgreementKind, Amendment

__all__ = ["KIND"]


def amendment(w: Wording, change: Amendment) -> Article:
    amends = w.agreement.amends
    assert amends is not None  # an addendum always names what it amends
    return Article(
        bi(
            f"PERUBAHAN {change.article.upper()}",
            f"AMENDMENT: {w.tr(change.article).upper()}",
        ),
        [
            Para(
                bi(
                    f"Ketentuan mengenai {change.article} dalam {amends.kind.label_id} "
                    "diubah sehingga berbunyi sebagai berikut:",
                    f"The provision on {w.tr(change.article)} in the "
                    f"{amends.kind.label_en} is amended to read as follows:",
                ),
                [w.both(change.text)],
            )
        ],
    )


def unchanged(w: Wording) -> Article:
    amends = w.agreement.amends
    assert amends is not None
    return Article(
        bi("KETENTUAN LAIN", "OTHER PROVISIONS"),
        [
            Para(
                bi(
                    f"Ketentuan lain dalam {amends.kind.label_id} yang tidak diubah oleh "
                    "Adendum ini tetap berlaku dan mengikat PARA PIHAK.",
                    f"The other provisions of the {amends.kind.label_en} not amended by "
                    "this Addendum remain in force and binding on THE PARTIES.",
                )
            )
        ],
    )


def articles(w: Wording) -> list[Article]:
    """The body of the addendum: each change, the unchanged provisions, language, closing."""
    body = [amendment(w, change) for change in w.agreement.amendments]
    body.append(unchanged(w))
    found = language(w)
    if found is not None:
        body.append(found)
    body.append(closing_article(w))
    return body


KIND = agreement_kind(AgreementKind.ADDENDUM, articles)
"""The registry entry."""
