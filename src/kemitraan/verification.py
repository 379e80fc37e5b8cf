"""A short code that matches a printed, signed agreement to its stored record.

Every page's footer of a rendered agreement carries :func:`verification_code`: a
short code derived from the agreement's canonical data (its digest, the text every
party signs) and, when the document is rendered with its partnership, the work plan's
activities the document prints. Whoever holds a printed copy types the code in; :func:`verify_code`
says whether it belongs to the stored agreement. Any change to the record — a date,
an amount, a role — gives another code, so a changed record no longer matches the
paper. Signing does not change it: the digest covers the text, not the signatures.

The code is 60 bits of a SHA-256 hash written in Crockford's base 32 (no I, L, O or
U, so it survives being read aloud and retyped): a tool to find the record and catch
mistakes and casual edits, not a signature. The history's hash chain
(:mod:`kemitraan.audit`) is what proves who signed what.

>>> from datetime import date
>>> from kemitraan import Agreement, Institution, Partner, PartnerKind
>>> mou = Agreement(parties=[Institution(name="PKBM A"),
...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
>>> code = verification_code(mou)
>>> len(code), code.count("-")
(14, 2)
>>> verify_code(mou, code.lower().replace("-", " "))
True
>>> verify_code(mou.model_copy(update={"place": "Banjarbaru"}), code)
False
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Final

from kemitraan.exceptions import InvalidArgumentError
from kemitraan.provisions import AgreementKind

if TYPE_CHECKING:
    from kemitraan.agreements import Agreement
    from kemitraan.partnerships import Partnership
    from kemitraan.planning import PlannedActivity

__all__ = ["printed_activities", "verification_code", "verify_code"]

_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
_LENGTH: Final = 12
# How people misread or mistype Crockford's letters.
_READ_AS: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})


def printed_activities(
    agreement: Agreement, activities: list[PlannedActivity]
) -> list[PlannedActivity]:
    """The work plan's activities the agreement's text lists (and its code covers).

    The plan is the partnership's, drawn up for the MoU: an MoU lists every activity of
    its parties; a PKS or an addendum only those that fulfil one of its own obligations
    (``PlannedActivity.fulfils``), not the MoU's recruitment of learners beside a trade.
    """
    known = set(agreement.party_ids)
    ours = [a for a in activities if a.responsible in known]
    if agreement.kind is AgreementKind.MOU:
        return ours
    duties = {r for role in agreement.roles for r in role.responsibilities}
    return [a for a in ours if duties.intersection(a.fulfils)]


def _printed(agreement: Agreement, partnership: Partnership | None) -> bytes:
    """What the document prints that is not in the agreement: the activities it lists."""
    plan = partnership.work_plan if partnership is not None else None
    if plan is None:
        return b""
    listed = printed_activities(agreement, plan.activities)
    return ("\x1e".join(f"{a.name}\x1f{a.responsible}" for a in listed)).encode()


def verification_code(agreement: Agreement, *, partnership: Partnership | None = None) -> str:
    """The agreement's verification code: 12 characters in groups of four.

    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
    >>> [len(group) for group in verification_code(mou).split("-")]
    [4, 4, 4]
    """
    from kemitraan.agreements import Agreement

    if not isinstance(agreement, Agreement):
        raise InvalidArgumentError.saying(
            "a verification code is made from an Agreement, not a {kind}",
            kind=type(agreement).__name__,
        )
    printed = _printed(agreement, partnership)
    raw = hashlib.sha256(
        b"kemitraan-verification\x00" + agreement.digest().encode() + b"\x00" + printed
    ).digest()
    number = int.from_bytes(raw[:8], "big") >> (64 - 5 * _LENGTH)
    chars = "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_LENGTH)))
    return "-".join(chars[i : i + 4] for i in range(0, _LENGTH, 4))


def verify_code(agreement: Agreement, code: str, *, partnership: Partnership | None = None) -> bool:
    """Whether ``code`` (as printed, in any case, with or without separators) is the agreement's.

        Letters people confuse with digits (O, I, L) are read as the digits they look like.
    Give the ``partnership`` when the document was rendered with it.

        >>> from datetime import date
        >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
        >>> mou = Agreement(parties=[Institution(name="PKBM A"),
        ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
        ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
        >>> verify_code(mou, verification_code(mou)), verify_code(mou, "0000-0000-0000")
        (True, False)
    """
    if not isinstance(code, str):
        raise InvalidArgumentError.saying(
            "a verification code is text, not a {kind}", kind=type(code).__name__
        )
    typed = "".join(c for c in code.upper() if c.isalnum()).translate(_READ_AS)
    expected = verification_code(agreement, partnership=partnership).replace("-", "")
    return hmac.compare_digest(typed.encode(), expected.encode())
