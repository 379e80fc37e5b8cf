"""The catalogs kemitraan's messages are said from, and the language in force.

The ground floor of :mod:`kemitraan.messages` (which is the public face): it knows no
error class, so the errors themselves can be said from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, NamedTuple, Self, get_args

if TYPE_CHECKING:
    import gettext

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
    """The compiled catalog of ``language`` (read once, on the first message)."""
    import gettext  # on first use: the import stays light

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


class Said:
    """A message said from the catalogs: what every :class:`~kemitraan.KemitraanError` has.

    Its text is said in the language in force when it is made; :meth:`message` says it
    in either language.
    """

    _said: tuple[str, dict[str, Any]] | None = None
    args: tuple[Any, ...]
    _kept: ClassVar[tuple[str, ...]] = ()
    """The values of :meth:`saying` that are also attributes (an error's ``template``)."""

    def _say(self, message: str, /, **context: Any) -> None:
        """Give this ``message`` (an English message id) naming ``context``.

        A value that is a callable is called with the language (for words that are
        themselves said in a language).
        """
        self._said = (message, context)
        self.args = (self.message(),)

    @classmethod
    def saying(cls, message: str, /, **context: Any) -> Self:
        """One of this class with ``message`` (an English message id) naming ``context``.

        >>> from kemitraan.exceptions import InvalidArgumentError
        >>> str(InvalidArgumentError.saying("{argument}: {value} is not a text",
        ...                                 argument="place", value=12))
        'place: 12 bukan teks'
        """
        made = cls.__new__(cls)
        for name in cls._kept:
            if name in context:
                setattr(made, name, context[name])
        made._say(message, **context)
        return made

    def message(self, language: Language | None = None) -> str:
        """The message in ``"id"`` or ``"en"`` (the language in force if ``None``)."""
        if self._said is None:
            return str(self.args[0]) if self.args else ""
        language = language or current_language()
        message, context = self._said
        return phrase(message, **context)(language)


def phrase(message: str, /, **context: Any) -> Callable[[Language], str]:
    """``message`` (an English message id) naming ``context``, in the language asked for.

    A value that is a callable is called with the language, as in :meth:`Said._say`.
    """

    def said(language: Language) -> str:
        values = {k: v(language) if callable(v) else v for k, v in context.items()}
        return say(message, language).format(**values)

    return said


def words(*texts: str) -> Callable[[Language], str]:
    """Message ids said one after the other, in the language asked for."""
    return lambda language: "".join(say(text, language) for text in texts)


def listed(items: Sequence[str], empty: str = N_("none")) -> Callable[[Language], str]:
    """``items`` joined by commas, or ``empty`` said in the language asked for."""
    return lambda language: ", ".join(items) or say(empty, language)


class Worded(NamedTuple):
    """A value worded in each language (a day, an amount, a number), for :func:`both`."""

    id: str
    """In Indonesian."""
    en: str
    """In English."""


def both(message: str, /, **values: object) -> tuple[str, str]:
    """``message`` (an English message id) in Indonesian and in English, ``values`` filled.

    A :class:`Worded` value is filled in each language's words; any other as it is.

    >>> both("Last report {day}.", day=Worded("9 Maret 2026", "9 March 2026"))
    ('Laporan terakhir 9 Maret 2026.', 'Last report 9 March 2026.')
    """
    return _both(message, values)


def _both(message: str, values: dict[str, object]) -> tuple[str, str]:
    indonesian, english = _templates(message)
    said_id = said_en = values  # copied only when a value is worded in each language
    for key, value in values.items():
        if type(value) is Worded:
            if said_en is values:
                said_id, said_en = dict(values), dict(values)
            said_id[key], said_en[key] = value
    return indonesian.format_map(said_id), english.format_map(said_en)


@lru_cache(maxsize=4096)
def _templates(message: str) -> tuple[str, str]:
    """``message`` in Indonesian and in English (the catalogs are read once; so is each id)."""
    return say(message, "id"), say(message, "en")


class Later(NamedTuple):
    """A message of the catalogs in both languages, said only when asked for (:meth:`pair`).

    Views find more than their callers read (health reads a few of the deviations'
    sentences, an evaluation none): the sentence is put together when it is read.

    >>> Later("Last report {day}.", {"day": Worded("9 Maret 2026", "9 March 2026")}).pair()
    ('Laporan terakhir 9 Maret 2026.', 'Last report 9 March 2026.')
    """

    message: str
    """The English message id."""
    values: dict[str, object]
    """What fills it, as :func:`both` takes them."""

    def pair(self) -> tuple[str, str]:
        """The message in Indonesian and in English: :func:`both`."""
        return _both(self.message, self.values)


def later(message: str, /, **values: object) -> Later:
    """:func:`both`, said when read: ``later(m, x=1).pair() == both(m, x=1)``."""
    return Later(message, values)
