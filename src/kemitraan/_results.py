"""The library's own results, made as a validation of their values would make them.

A view over a portfolio (deviations, partner health) makes its results by the thousand
from values it computed: ids, days and numbers read from validated models, and sentences
of the catalogs filled with validated texts (which begin and end with words). Validating
them again would find nothing to refuse or change, and would cost a view more than its
judgement.
"""

from __future__ import annotations

from typing import Any, Final, TypeVar

from pydantic import BaseModel

from kemitraan._base import BilingualText
from kemitraan._given import SharedFields, shared

__all__ = ["made", "text"]

_M = TypeVar("_M", bound=BaseModel)
_new: Final = object.__new__
# a model's slots, set through their descriptors (pydantic's model_construct, without
# its walk over the fields)
_SET_FIELDS: Final[Any] = BaseModel.__dict__["__dict__"].__set__
_SET_GIVEN: Final[Any] = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA: Final[Any] = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE: Final[Any] = BaseModel.__dict__["__pydantic_private__"].__set__


def made(kind: type[_M], given: SharedFields, fields: dict[str, Any]) -> _M:
    """A result, made as validating ``fields`` and sharing ``given`` would make it.

    ``fields`` are every field of ``kind``, in its order (defaults included); ``given``
    the shared set of those the view gave (:class:`~kemitraan._given.SharedFields`:
    results are kept by the thousand over a portfolio). Only for the library's own
    results, never for input.

    >>> from kemitraan._given import shared
    >>> made(BilingualText, shared({"indonesian", "english"}),
    ...      {"indonesian": "Baik", "english": "Good"}) == BilingualText.of("Baik", "Good")
    True
    """
    model = _new(kind)
    _SET_FIELDS(model, fields)
    _SET_GIVEN(model, given)
    _SET_EXTRA(model, None)
    _SET_PRIVATE(model, None)
    return model


_TEXT: Final = shared({"indonesian", "english"})


def text(indonesian: str, english: str) -> BilingualText:
    """A library sentence in both languages, made as :func:`made` makes a result."""
    return made(BilingualText, _TEXT, {"indonesian": indonesian, "english": english})
