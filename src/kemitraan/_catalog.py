"""The catalogs kemitraan's messages are said from, and the language in force.

The ground floor of :mod:`kemitraan.messages` (which is the public face): it knows no
error class, so the errors themselves can be said from it.
"""

from __future__ import annotations

import gettext
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Final, Literal, get_args

Language = Literal["id", "en"]
"""The languages kemitraan speaks: Indonesian (``"id"``, the default) and English (``"en"``)."""
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
"""Every language with a catalog."""

LOCALE: Final = Path(__file__).parent / "locale"
"""Where the catalogs are: ``<language>/LC_MESSAGES/kemitraan.po`` and ``.mo``."""
DOMAIN: Final = "kemitraan"

PROCESS: list[Language] = ["id"]
"""The language the process speaks (set through :func:`kemitraan.messages.set_language`)."""
SPOKEN: ContextVar[Language | None] = ContextVar("kemitraan_language", default=None)
"""The language a block speaks (:func:`kemitraan.messages.speaking`)."""


def current_language() -> Language:
    """The language in force: the block's, else the process's (Indonesian until set)."""
    return SPOKEN.get() or PROCESS[0]


@cache
def catalog(language: Language) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (read once)."""
    path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as file:
        return gettext.GNUTranslations(file)


def say(message: str, language: Language | None = None) -> str:
    """``message`` (an English message id) in ``language``, or in the language in force.

    ``language`` must be one of :data:`LANGUAGES` (the public
    :func:`kemitraan.messages.translate` checks it). An id the catalog lacks is said as
    it is (a test keeps every id in both catalogs).
    """
    return catalog(language or current_language()).gettext(message)


def N_(message: str) -> str:  # gettext's name for "mark, translate later"
    """Mark ``message`` for the catalogs without translating it now."""
    return message
