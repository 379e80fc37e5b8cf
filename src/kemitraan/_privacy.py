"""Personal data (UU 27/2022): how it is masked wherever it is shown."""

from __future__ import annotations

from typing import Any

from pydantic import SerializationInfo

__all__ = ["mask", "mask_name", "masked_if_asked"]


def mask(value: str, keep: int = 4) -> str:
    """Personal data shown with all but its ends replaced by ``*`` (UU 27/2022).

    >>> mask("3171011708450001"), mask("+6281251234567"), mask("siti@example.id")
    ('3171********0001', '+628******4567', 'siti*******e.id')
    """
    if len(value) <= 2 * keep:
        return "*" * len(value)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]


def mask_name(name: str) -> str:
    """A person's name shown by its initials, what it says in brackets kept (UU 27/2022).

    A name is not an identifier to hide character by character: "Sri (pendamping)" masked
    as an identifier read "Sri ********ing)".

    >>> mask_name("Sri (pendamping)"), mask_name("Hj. Siti Aminah, S.Pd."), mask_name("")
    ('S. (pendamping)', 'H. S. A.', '')
    """
    person, bracket, rest = name.partition("(")
    # Academic titles after a comma are not the name ("…, S.Pd.").
    words = person.split(",")[0].split()
    initials = " ".join(f"{word[0]}." for word in words if word[0].isalpha())
    return f"{initials} {bracket}{rest}".strip() if bracket else initials


def masked_if_asked(value: Any, info: SerializationInfo) -> Any:
    """Serialise personal data, masked when the context asks (``{"mask": True}``)."""
    if isinstance(value, str) and value and info.context and info.context.get("mask"):
        return mask(value)
    return str(value) if isinstance(value, str) else value
