"""The lists and dicts inside kemitraan models, so that no in-place edit skips validation.

A mutable model (``validate_assignment``) revalidates a field when it is assigned;
an in-place edit of a list field (``partnership.partners.append(...)``) would not.
:class:`OwnedList` and :class:`OwnedDict` make every in-place edit an assignment of
the edited copy to the owning model, so the model's validators see it and a refused
edit changes nothing. The lists and dicts of immutable value objects are
:class:`FrozenList` and :class:`FrozenDict`, which refuse every edit.

Both behave as the builtin they extend (``isinstance(x, list)``, equality, JSON).
A list or dict knows its owner only weakly: a model and its lists make no reference cycle,
so a loaded partnership is freed as soon as it is dropped, not at the next run of the
garbage collector (which would then walk every object it holds). A list kept after its
owner is gone refuses every edit, like one its owner no longer holds; a copy of a model
never shares its owner's lists (``KemitraanModel._carry``).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from types import UnionType
from typing import Any, Final, SupportsIndex, Union, get_args, get_origin

from pydantic import BaseModel

from kemitraan._catalog import N_
from kemitraan.exceptions import ReadOnlyFieldError

__all__ = [
    "Contained",
    "FrozenDict",
    "FrozenList",
    "OwnedDict",
    "OwnedList",
    "container_fields",
    "install",
    "owned",
]


class OwnedList(list[Any]):
    """A list field of a mutable model: each edit is validated by the model first.

    Made by :func:`owned` (list's own constructor, then the owner: no Python ``__init__``,
    which matters when a load makes a hundred of them).
    """

    __slots__ = ("_field", "_owner")
    _owner: weakref.ref[Any]
    _field: str

    def _held(self, owner: Any) -> Any:
        """The owner's lock, if it has one (an edit holds it before anything else)."""
        return getattr(owner, "_lock", None) or nullcontext()

    def _attached(self, owner: Any) -> None:
        """Refused when this list is no longer its owner's field (read under the lock).

        Checked with the lock held: another thread's edit puts its validated copy in the
        field for a moment before this list takes it back.
        """
        if owner.__dict__.get(self._field) is not self:
            raise ReadOnlyFieldError(
                self._field,
                "the field was given another list since it was read; read the field again",
            )

    def _edit(self, change: Callable[[list[Any]], Any]) -> Any:
        owner = _living(self)
        with self._held(owner):  # the copy, its check and the write back as one edit
            self._attached(owner)
            candidate = list(self)
            result = change(candidate)
            # Assigning validates (and refuses, leaving everything as it was) ...
            owner.__setattr__(self._field, candidate)
            # ... then this list takes the validated items, so references to it stay good.
            list.__setitem__(self, slice(None), owner.__dict__[self._field])
            owner.__dict__[self._field] = self
            return result

    def _add(self, items: list[Any]) -> bool:
        """Append ``items`` checked on their own, when the owner knows how (else ``False``).

        An owner that keeps records only appended to (a partnership's interaction log, its
        monitoring records) checks each new item against what it holds in its
        ``_appended`` hook, so adding one record costs the same however many there are.
        """
        owner = _living(self)
        hook = getattr(owner, "_appended", None)
        if hook is None:
            return False
        with self._held(owner):
            self._attached(owner)
            added: bool = hook(self._field, items, lambda valid: list.extend(self, valid))
        return added

    def append(self, item: Any) -> None:  # list's own documentation applies
        if not self._add([item]):
            self._edit(lambda c: c.append(item))

    def extend(self, items: Iterable[Any]) -> None:
        values = list(items)
        if not self._add(values):
            self._edit(lambda c: c.extend(values))

    def insert(self, index: SupportsIndex, item: Any) -> None:
        self._edit(lambda c: c.insert(index, item))

    def remove(self, item: Any) -> None:
        self._edit(lambda c: c.remove(item))

    def pop(self, index: SupportsIndex = -1) -> Any:
        return self._edit(lambda c: c.pop(index))

    def clear(self) -> None:
        self._edit(lambda c: c.clear())

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:
        self._edit(lambda c: c.sort(key=key, reverse=reverse))

    def reverse(self) -> None:
        self._edit(lambda c: c.reverse())

    def __setitem__(self, index: Any, value: Any) -> None:
        self._edit(lambda c: c.__setitem__(index, value))

    def __delitem__(self, index: Any) -> None:
        self._edit(lambda c: c.__delitem__(index))

    def __iadd__(self, items: Iterable[Any]) -> OwnedList:  # type: ignore[misc]  # in place, like list
        self.extend(items)
        return self

    def __imul__(self, times: SupportsIndex) -> OwnedList:
        self._edit(lambda c: c.__imul__(times))
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return list, (list(self),)  # a copy that leaves the model is a plain list

    def __copy__(self) -> list[Any]:
        return list(self)


class OwnedDict(dict[Any, Any]):
    """A dict field of a mutable model: each edit is validated by the model first."""

    __slots__ = ("_field", "_owner")
    _owner: weakref.ref[Any]
    _field: str

    def _edit(self, change: Callable[[dict[Any, Any]], Any]) -> Any:
        owner = _living(self)
        with getattr(owner, "_lock", None) or nullcontext():
            candidate = dict(self)
            result = change(candidate)
            owner.__setattr__(self._field, candidate)
            validated = owner.__dict__[self._field]
            dict.clear(self)
            dict.update(self, validated)
            owner.__dict__[self._field] = self
            return result

    def __setitem__(self, key: Any, value: Any) -> None:
        self._edit(lambda c: c.__setitem__(key, value))

    def __delitem__(self, key: Any) -> None:
        self._edit(lambda c: c.__delitem__(key))

    def clear(self) -> None:  # dict's own documentation applies
        self._edit(lambda c: c.clear())

    def pop(self, key: Any, *default: Any) -> Any:
        return self._edit(lambda c: c.pop(key, *default))

    def popitem(self) -> tuple[Any, Any]:
        result: tuple[Any, Any] = self._edit(lambda c: c.popitem())
        return result

    def setdefault(self, key: Any, default: Any = None) -> Any:
        return self._edit(lambda c: c.setdefault(key, default))

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._edit(lambda c: c.update(*args, **kwargs))

    def __ior__(self, other: Any) -> OwnedDict:  # type: ignore[misc]  # in place, like dict
        self.update(other)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self),)

    def __copy__(self) -> dict[Any, Any]:
        return dict(self)


def _living(container: OwnedList | OwnedDict) -> Any:
    """The model that owns ``container``; refused when it is gone.

    Raises:
        ReadOnlyFieldError: the model no longer exists (what would the edit change?).
    """
    owner = container._owner()
    if owner is None:
        raise ReadOnlyFieldError(
            container._field,
            "the model it was read from no longer exists; read the field of the model to change",
        )
    return owner


_VALUE_OBJECT: Final = N_(
    "it belongs to a value object, which does not change in place; make a new one "
    "with model_copy(update=...)"
)


def _refused(self: object, *args: Any, **kwargs: Any) -> Any:
    raise ReadOnlyFieldError(
        getattr(self, "_field", None) or type(self).__name__.removeprefix("Frozen").lower(),
        _VALUE_OBJECT,
    )


def value_setattr(model: BaseModel, name: str, value: Any) -> None:
    """A value object's ``__setattr__``: a field refused as the library refuses edits.

    pydantic's own refusal is an English ``ValidationError`` that shows the value given
    (a phone number, unmasked); private attributes are set as pydantic sets them.
    """
    if not name.startswith("_"):
        raise ReadOnlyFieldError(f"{type(model).__name__}.{name}", _VALUE_OBJECT)
    BaseModel.__setattr__(model, name, value)


class FrozenList(list[Any]):
    """A list field of an immutable value object: every edit is refused."""

    __slots__ = ("_field",)  # its field's name, for the refusal
    _field: str

    append = extend = insert = remove = pop = clear = sort = reverse = _refused
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refused

    def __reduce__(self) -> tuple[Any, ...]:
        return list, (list(self),)

    def __copy__(self) -> list[Any]:
        return list(self)


class FrozenDict(dict[Any, Any]):
    """A dict field of an immutable value object: every edit is refused."""

    __slots__ = ("_field",)
    _field: str

    clear = pop = popitem = setdefault = update = _refused
    __setitem__ = __delitem__ = __ior__ = _refused

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self),)

    def __copy__(self) -> dict[Any, Any]:
        return dict(self)


_CONTAINER_FIELDS: dict[type, tuple[str, ...]] = {}


def container_fields(model_type: Any) -> tuple[str, ...]:
    """The fields of a model class whose values can be a list or a dict."""
    found = _CONTAINER_FIELDS.get(model_type)
    if found is None:
        names = []
        for name, info in model_type.model_fields.items():
            annotation = info.annotation
            options = get_args(annotation) if get_origin(annotation) in (Union, UnionType) else ()
            for candidate in (annotation, *options):
                if get_origin(candidate) in (list, dict) or candidate in (list, dict):
                    names.append(name)
                    break
        found = _CONTAINER_FIELDS[model_type] = tuple(names)
    return found


def owned(kind: type[OwnedList] | type[OwnedDict], items: Any, owner: Any, field: str) -> Any:
    """A list or dict owned by ``owner``'s ``field`` (known weakly: no reference cycle)."""
    made = kind(items)
    made._owner = weakref.ref(owner)
    made._field = field
    return made


_LOCK_SLOTS: dict[type, Any] = {}
_ABSENT: Any = object()


def _made_lock(model: Any) -> Any:
    """The lock a partnership made when first edited, if the model's class has one (a slot).

    Read through the slot: ``getattr`` on a model without it falls into pydantic's
    ``__getattr__``, which a loaded partnership's lists would pay about a hundred times.
    """
    kind = type(model)
    try:
        slot = _LOCK_SLOTS[kind]
    except KeyError:
        found = (k.__dict__["_made_lock"] for k in kind.__mro__ if "_made_lock" in k.__dict__)
        slot = _LOCK_SLOTS[kind] = next(found, None)
    if slot is None:
        return None
    try:
        return slot.__get__(model)
    except AttributeError:
        return None


class Contained:
    """The class attribute of a list or dict field: wraps the value when it is first read.

    Wrapping on read, not on load, keeps loading cheap (a partnership has over a hundred
    list fields, most never edited), and a copy's lists, still owned by the original,
    are owned anew by the copy the first time it reads them.
    """

    __slots__ = ("frozen", "name")

    def __init__(self, name: str, *, frozen: bool) -> None:
        self.name = name
        self.frozen = frozen

    def __get__(self, model: Any, owner: type | None = None) -> Any:
        if model is None:  # like any pydantic field, not an attribute of the class
            raise AttributeError(self.name)
        if self.frozen:  # a value object's: wrapped once, never edited, no lock
            value = model.__dict__.get(self.name, _ABSENT)
            kind = type(value)
            if kind is FrozenList or kind is FrozenDict:
                return value
            return self._read(model)
        lock = _made_lock(model)  # a partnership edited from threads
        if lock is not None:
            # An edit in another thread may hold, for a moment, a wrapper of its validated
            # copy in the field (its validators read the field); wait for the edit to end.
            with lock:
                return self._read(model)
        return self._read(model)

    def _read(self, model: Any) -> Any:
        fields = model.__dict__
        try:
            value = fields[self.name]
        except KeyError:
            raise AttributeError(self.name) from None
        kind = type(value)
        if self.frozen:
            if kind is list:
                value = fields[self.name] = FrozenList(value)
                value._field = self.name
            elif kind is dict:
                value = fields[self.name] = FrozenDict(value)
                value._field = self.name
        elif (
            kind is list
            or kind is dict
            or kind is FrozenList
            or kind is FrozenDict
            or ((kind is OwnedList or kind is OwnedDict) and value._owner() is not model)
        ):
            # Wrapped under the owner's lock: an edit in another thread may hold its
            # validated copy in the field for a moment, and a wrapper of that copy
            # would be cut off from the field as soon as the edit ends.
            with getattr(model, "_lock", None) or nullcontext():
                fields = model.__dict__
                value = fields[self.name]
                if isinstance(value, list):
                    if type(value) is not OwnedList or value._owner() is not model:
                        value = fields[self.name] = owned(OwnedList, value, model, self.name)
                elif isinstance(value, dict):
                    if type(value) is not OwnedDict or value._owner() is not model:
                        value = fields[self.name] = owned(OwnedDict, value, model, self.name)
        return value

    def __set__(self, model: Any, value: Any) -> None:
        model.__dict__[self.name] = value


_NOT_DELETED: Final = N_("a field is not deleted; give it a value (None where it may be empty)")


def field_delattr(model: BaseModel, name: str) -> None:
    """A model's ``__delattr__``: a field is not deleted; anything else is.

    A model without a field lacks what its checks read, and pydantic refuses a frozen
    field's deletion in English.
    """
    if name in type(model).model_fields:
        raise ReadOnlyFieldError(f"{type(model).__name__}.{name}", _NOT_DELETED)
    BaseModel.__delattr__(model, name)


def install(model_type: Any, *, frozen: bool) -> None:
    """Give each list or dict field of ``model_type`` its :class:`Contained` attribute.

    A value object (``frozen``) refuses an assignment in the library's words too, and
    no model lets a field be deleted.
    """
    for name in container_fields(model_type):
        setattr(model_type, name, Contained(name, frozen=frozen))
    if frozen:
        model_type.__setattr__ = value_setattr
    model_type.__delattr__ = field_delattr
