"""The sets of given fields a load's models share (memory), and the rules that keep them whole.

pydantic gives every model its own set of the fields it was given
(``model_fields_set``). A loaded partnership holds hundreds of models, and each set costs
more than the fields it names; while a load validates (:func:`sharing`), equal sets are
one shared, read-only set. A mutable model takes a set of its own before its first
change: pydantic-core adds an assigned field to the set it holds, past any Python guard.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Final, TypeVar

from pydantic import BaseModel

from kemitraan.exceptions import ReadOnlyFieldError

__all__ = ["SharedFields", "loading", "own_given_fields", "share", "shared", "sharing"]

_M = TypeVar("_M", bound=BaseModel)


class SharedFields(set[str]):
    """A set of given fields models share (:func:`share`); never changed.

    The models a load validates (:func:`sharing`) share one set per distinct set of given
    fields: a loaded partnership holds hundreds of models, and each one's own set would
    cost more than the fields it names. A mutable model takes a set of its own before
    its first change (:func:`own_given_fields`). Made by :func:`shared` only;
    copies and pickles share the same sets again.
    """

    __slots__ = ()

    def _refused(self, *args: Any, **kwargs: Any) -> Any:
        raise ReadOnlyFieldError(
            "model_fields_set", "loaded models share it; assign a field to change a model"
        )

    __init__ = add = discard = remove = pop = clear = update = _refused
    difference_update = intersection_update = symmetric_difference_update = _refused
    __ior__ = __iand__ = __isub__ = __ixor__ = _refused

    def __reduce__(self) -> tuple[Any, ...]:
        return shared, (frozenset(self),)


_SHARING: Final[ContextVar[bool]] = ContextVar("kemitraan_sharing_given_fields", default=False)


def loading() -> bool:
    """Whether a load is validating here (:func:`sharing`): its texts, this library wrote."""
    return _SHARING.get()


@contextmanager
def sharing() -> Iterator[None]:
    """Within, the models validated share their sets of given fields (a load's models)."""
    token = _SHARING.set(True)
    try:
        yield
    finally:
        _SHARING.reset(token)


_FIELDS_SETS: dict[frozenset[str], SharedFields] = {}
"""The shared sets, one per distinct set of fields (bounded by the models' fields)."""
_LAST_SHARED: dict[type, SharedFields] = {}
"""The set last shared by a model of each type."""


def shared(fields: set[str] | frozenset[str]) -> SharedFields:
    """The shared set equal to ``fields``.

    At most :data:`_MOST_SETS` are kept: data that gives ever new combinations of
    optional fields cannot grow them without end (past that, a set is shared by the
    models of one validation only). A kept set that code changed past its guards
    (``set.add(shared, ...)``) is replaced, not handed out again.
    """
    key = frozenset(fields)
    found = _FIELDS_SETS.get(key)
    if found is None or len(found) != len(key) or not key.issuperset(found):
        found = set.__new__(SharedFields)
        set.__init__(found, key)
        if len(_FIELDS_SETS) < _MOST_SETS or key in _FIELDS_SETS:
            _FIELDS_SETS[key] = found
    return found


_MOST_SETS: Final = 4096


_GIVEN: Final[Any] = BaseModel.__dict__["__pydantic_fields_set__"]
"""The slot of a model's given fields (read and set through it: no attribute lookup)."""
_GIVEN_OF: Final = _GIVEN.__get__
_GIVE: Final = _GIVEN.__set__


def share(model: _M) -> _M:
    """``model``, holding the shared set equal to its set of given fields, within a load."""
    if not _SHARING.get():
        return model  # made in code, or assigned: its own set, as pydantic makes it
    fields = _GIVEN_OF(model)
    if type(fields) is not SharedFields:
        kind = type(model)
        found = _LAST_SHARED.get(kind)  # most models of a type are given the same
        if found is None or found != fields:
            found = _LAST_SHARED[kind] = shared(fields)
        _GIVE(model, found)
    return model


def own_given_fields(model: BaseModel) -> None:
    """Let ``model`` take a set of given fields of its own before a change (it may be shared)."""
    fields = _GIVEN_OF(model)
    if type(fields) is SharedFields:
        object.__setattr__(model, "__pydantic_fields_set__", set(fields))
