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

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kemitraan._base import SCHEMA_VERSION
from kemitraan.exceptions import InvalidDataError, UnsupportedSchemaVersionError

__all__ = ["dump_json", "json_schema", "load_json"]

M = TypeVar("M", bound=BaseModel)


def dump_json(model: BaseModel, *, indent: int | None = 2) -> str:
    """The model as JSON text, every field included.

    >>> from kemitraan import Region
    >>> print(dump_json(Region(province="kalsel"), indent=None))
    {"province":"Kalimantan Selatan","regency":null,"district":null,"village":null}
    """
    return model.model_dump_json(indent=indent)


def load_json(model_type: type[M], data: str | bytes | dict[str, Any]) -> M:
    """Load a model from JSON text (or an already parsed dict).

    Raises:
        UnsupportedSchemaVersionError: the data was written by a newer kemitraan.
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
        for error in errors:
            if error["type"] == "unsupported_schema_version" and error["loc"] == (
                "schema_version",
            ):
                found = (error.get("ctx") or {}).get("found", -1)
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
