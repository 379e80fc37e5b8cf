"""Personal data (UU 27/2022): how it is masked wherever it is shown."""

from __future__ import annotations

from typing import Any

from pydantic import SerializationInfo

__all__ = ["mask", "masked_if_asked"]


def mask(value: str, keep: int = 4) -> str:
    """Personal data shown with all but its ends replaced by ``*`` (UU 27/2022).

    >>> mask("3171011708450001"), mask("+6281251234567"), mask("siti@example.id")
    ('3171********0001', '+628******4567', 'siti*******e.id')
    """
    if len(value) <= 2 * keep:
        return "*" * len(value)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]


def masked_if_asked(value: Any, info: SerializationInfo) -> Any:
    """Serialise personal data, masked when the context asks (``{"mask": True}``)."""
    if isinstance(value, str) and value and info.context and info.context.get("mask"):
        return mask(value)
    return str(value) if isinstance(value, str) else value
