"""The articles practitioners expect beside the cooperation: governing law, jointly made works.

Each a function of the agreement's wording, as in
:mod:`kemitraan.documents._closing_articles`; the wording is the library's own, in
Indonesian and English.
"""

from __future__ import annotations

from kemitraan.documents._wording import Article, Para, Wording, bi, upper_first

__all__ = ["governing_law", "intellectual_property"]


def governing_law(w: Wording) -> Article:
    """The law the agreement is governed by: Indonesia's.

    Every party is, or deals with, an Indonesian institution (UU 24/2009 has the text in
    Indonesian for the same reason).
    """
    doc = w.doc
    return Article(
        bi("HUKUM YANG BERLAKU", "GOVERNING LAW"),
        [
            Para(
                bi(
                    f"{doc.indonesian} ini tunduk pada dan ditafsirkan berdasarkan hukum Negara "
                    "Republik Indonesia.",
                    f"{upper_first(doc.english)} is governed by and construed in accordance "
                    "with the laws of the Republic of Indonesia.",
                )
            )
        ],
    )


def intellectual_property(w: Wording) -> Article:
    """Who owns what each party brings and what the parties make together.

    What a party owned before stays its own; what is made together in the cooperation
    (a curriculum, teaching material, a product design drawn up jointly) is owned
    jointly, used freely by each party for education, and commercially only as the
    parties agree in writing.
    """
    doc = w.doc
    return Article(
        bi("HAK KEKAYAAN INTELEKTUAL", "INTELLECTUAL PROPERTY"),
        [
            Para(
                bi(
                    "Hak kekayaan intelektual yang dimiliki masing-masing PIHAK sebelum "
                    f"{doc.indonesian} ini ditandatangani tetap menjadi milik PIHAK tersebut.",
                    "Intellectual property each PARTY owned before the signing of "
                    f"{doc.english} remains that PARTY's own.",
                )
            ),
            Para(
                bi(
                    w.goods(
                        "Hak kekayaan intelektual atas karya yang dihasilkan bersama dalam "
                        f"pelaksanaan {doc.indonesian} ini, antara lain kurikulum, bahan ajar "
                        "dan desain produk yang disusun bersama, dimiliki bersama oleh PIHAK "
                        "yang menghasilkannya."
                    ),
                    "Intellectual property in works made together in carrying out "
                    f"{doc.english}, such as a curriculum, teaching material and product "
                    "designs drawn up together, is owned jointly by the PARTIES that made them.",
                )
            ),
            Para(
                bi(
                    "Setiap PIHAK dapat menggunakan karya bersama sebagaimana dimaksud pada "
                    "ayat (2) untuk kepentingan pendidikan dan pelatihan; penggunaan untuk "
                    "kepentingan komersial dilakukan atas persetujuan tertulis PARA PIHAK.",
                    "Each PARTY may use the joint works referred to in paragraph (2) for "
                    "education and training; commercial use requires the written consent of "
                    "THE PARTIES.",
                )
            ),
        ],
    )
