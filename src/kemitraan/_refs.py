"""Fields that name a party, marked once on the field, and one walker that finds them all.

A record that names a party — who monitored, who took part, who owns an action — says so
in its type: ``PartyRef`` (any party: the institution or a partner) or ``PartnerRef`` (a
partner only), ``Annotated`` metadata in the style of pydantic-extra-types. The
partnership checks every reference its records hold through :func:`party_refs`, on
construction, on load and on every append, so a new record type that names a party is
checked by marking its field, not by editing the check.

>>> from pydantic import BaseModel
>>> class Visit(BaseModel):
...     by: PartyRef
...     partners: list[PartnerRef]
>>> [(loc, pid, ref.partners_only) for loc, pid, ref in party_refs(Visit(by="pkbm",
...     partners=["toko-b"]))]
[(('by',), 'pkbm', False), (('partners', 0), 'toko-b', True)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from types import UnionType
from typing import Annotated, Any, Final, Union, get_args, get_origin

from pydantic import BaseModel, StringConstraints

__all__ = ["PARTY_ID_PATTERN", "PartnerRef", "PartyRef", "Reference", "party_refs"]

PARTY_ID_PATTERN: Final = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
"""An id or code: lowercase letters and digits, single ``-`` or ``_`` between them."""
_PARTY_ID = PARTY_ID_PATTERN


@dataclass(frozen=True, slots=True)
class Reference:
    """The marker: this string is the id of a party of the partnership."""

    partners_only: bool = False
    """Whether only a partner may be named (not the institution)."""


PartyRef = Annotated[
    str, StringConstraints(pattern=_PARTY_ID, min_length=1, max_length=64), Reference()
]
"""The id of a party of the partnership (the institution or a partner)."""
PartnerRef = Annotated[
    str,
    StringConstraints(pattern=_PARTY_ID, min_length=1, max_length=64),
    Reference(partners_only=True),
]
"""The id of a partner of the partnership."""

# How a field holds references: directly, in a list, as a dict's keys, or in nested models.
_Plan = tuple[tuple[str, str, Reference | None], ...]


def _marker(metadata: Any) -> Reference | None:
    return next((m for m in metadata if isinstance(m, Reference)), None)


def _shape(annotation: Any, metadata: Any = ()) -> tuple[str, Reference | None] | None:
    """("ref" | "refs" | "keys" | "model" | "models", marker) for what the annotation holds."""
    found = _marker(metadata)
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _shape(inner, (*metadata, *extra))
    if origin in (Union, UnionType):
        for option in get_args(annotation):
            if option is not type(None) and (shape := _shape(option, metadata)) is not None:
                return shape
        return None
    if origin is dict:
        key = get_args(annotation)[0] if get_args(annotation) else None
        key_shape = _shape(key) if key is not None else None
        return ("keys", key_shape[1]) if key_shape is not None and key_shape[0] == "ref" else None
    if origin in (list, tuple):
        args = [a for a in get_args(annotation) if a is not Ellipsis]
        inner_shape = _shape(args[0]) if args else None
        if inner_shape is None:
            return None
        kind, marker = inner_shape
        return ("refs", marker) if kind == "ref" else ("models", None)
    if found is not None:
        return "ref", found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", None) if _plan(annotation) else None
    return None


@cache
def _plan(model_type: type[BaseModel]) -> _Plan:
    """The fields of ``model_type`` that hold references, or models that do."""
    plan = []
    for name, info in model_type.model_fields.items():
        shape = _shape(info.annotation, info.metadata)
        if shape is not None:
            plan.append((name, shape[0], shape[1]))
    return tuple(plan)


def party_refs(
    model: BaseModel, where: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str, Reference]]:
    """Every party id ``model`` names through a marked field: where, the id, the marker."""
    for name, kind, marker in _plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        at = (*where, name)
        if kind == "ref" and marker is not None:
            if isinstance(value, str):
                yield at, value, marker
            elif isinstance(value, BaseModel):  # a union of an id and a model
                yield from party_refs(value, at)
        elif kind == "refs" and marker is not None:
            for index, pid in enumerate(value):
                if isinstance(pid, str):
                    yield (*at, index), pid, marker
        elif kind == "keys" and marker is not None:
            for pid in value:
                if isinstance(pid, str):
                    yield (*at, pid), pid, marker
        elif kind == "model":
            if isinstance(value, BaseModel):  # a union of a model and something else
                yield from party_refs(value, at)
        elif kind == "models":
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from party_refs(item, (*at, index))
