"""Storing models as JSON and describing them with JSON Schema.

Every model round-trips through JSON without loss (``Decimal`` amounts travel as
strings, dates as ISO 8601). Loading wraps pydantic's error in
:class:`~kemitraan.exceptions.InvalidDataError`, which names each field and rule.

>>> from kemitraan import Program
>>> text = dump_json(Program(name="Pembuatan Tas Rajut", objectives=["Mandiri berwirausaha"]))
>>> load_json(Program, text).name
'Pembuatan Tas Rajut'
>>> load_json(Program, '{"name": "X", "objectives": [], "schema_version": 99}')
Traceback (most recent call last):
...
kemitraan.exceptions.UnsupportedSchemaVersionError: invalid Program: schema_version: ...
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from kemitraan._base import SCHEMA_VERSION
from kemitraan._files import write_atomically
from kemitraan.exceptions import InvalidDataError, UnsupportedSchemaVersionError
from kemitraan.upgrades import upgrade as upgrade_data

__all__ = ["dump_json", "json_schema", "load_json", "save_json"]

M = TypeVar("M", bound=BaseModel)


def dump_json(model: BaseModel, *, indent: int | None = 2, mask: bool = False) -> str:
    """The model as JSON text, every field included; refused if it would not load back.

    Saving checks the text with the loader first, so what is saved always loads: a model
    edited into a state the loader refuses (a duplicate id through a nested edit, a
    history tampered with) raises the loader's own :class:`InvalidDataError` instead.

    Args:
        model: The model.
        indent: Spaces per level; ``None`` for one line.
        mask: Personal data (NIK, NIP, personal phone numbers and e-mails) masked, for
            sharing a file (UU 27/2022). A masked export is not for storage: it does not
            load back.

    Raises:
        InvalidDataError: the model would not load back.

    >>> from kemitraan import Region
    >>> print(dump_json(Region(province="kalsel"), indent=None))
    {"province":"Kalimantan Selatan","regency":null,"district":null,"village":null}
    """
    context = {"mask": True} if mask else None
    try:
        text = model.model_dump_json(indent=indent, context=context, warnings="error")
    except PydanticSerializationError as exc:
        raise InvalidDataError(
            type(model).__name__,
            [{"loc": (), "msg": str(exc), "type": "not_serializable"}],
        ) from exc
    if not mask:
        load_json(type(model), text, upgrade=False)  # what is saved loads
    return text


def save_json(
    model: BaseModel, path: str | os.PathLike[str], *, indent: int | None = 2, mask: bool = False
) -> Path:
    """Write :func:`dump_json`'s text to ``path`` atomically (a crash never leaves half a file).

    >>> import tempfile
    >>> from kemitraan import Region
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     save_json(Region(province="kalsel"), Path(folder, "wilayah.json")).name
    'wilayah.json'
    """
    return write_atomically(path, dump_json(model, indent=indent, mask=mask).encode("utf-8"))


def load_json(
    model_type: type[M], data: str | bytes | dict[str, Any], *, upgrade: bool = True
) -> M:
    """Load a model from JSON text (or an already parsed dict).

    Data written by an older kemitraan is upgraded first (:mod:`kemitraan.upgrades`).

    Args:
        model_type: The model to load.
        data: JSON text or bytes, or a parsed dict.
        upgrade: Upgrade older data; ``False`` refuses it.

    Raises:
        UnsupportedSchemaVersionError: newer data, or older data with ``upgrade=False``.
        InvalidDataError: the data does not validate; ``errors`` lists each field and rule.

    >>> from kemitraan import Region
    >>> load_json(Region, '{"province": "Jawa Timur"}').province
    'Jawa Timur'
    """
    try:
        if isinstance(data, dict):
            return model_type.model_validate(data)
        return model_type.model_validate_json(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        version = next((e for e in errors if e["loc"] == ("schema_version",)), None)
        if version is not None and version["type"] == "outdated_schema_version" and upgrade:
            parsed = data if isinstance(data, dict) else json.loads(data)
            try:
                upgraded = upgrade_data(model_type.__name__, parsed)
            except (TypeError, ValueError, KeyError, AttributeError, IndexError) as broken:
                # an old document too broken to upgrade is bad data, said as such
                error = {
                    "loc": (),
                    "msg": f"cannot be upgraded: {broken!r}"[:300],
                    "type": "upgrade_failed",
                }
                raise InvalidDataError(model_type.__name__, [error]) from broken
            return load_json(model_type, upgraded, upgrade=False)
        if version is not None and version["type"] in (
            "unsupported_schema_version",
            "outdated_schema_version",
        ):
            found = (version.get("ctx") or {}).get("found", -1)
            raise UnsupportedSchemaVersionError(
                model_type.__name__, int(found), SCHEMA_VERSION
            ) from exc
        raise InvalidDataError(model_type.__name__, errors) from exc


def json_schema(model_type: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a model, for apps that embed kemitraan's data.

    It describes what :func:`load_json` accepts, which includes all that :func:`dump_json` writes.

    >>> from kemitraan import Agreement
    >>> json_schema(Agreement)["title"]
    'Agreement'
    """
    schema = model_type.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
