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
kemitraan.exceptions.UnsupportedSchemaVersionError: Data program tidak sah: schema_version: ...
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    PlainValidator,
    PydanticUserError,
    TypeAdapter,
    ValidationError,
    WrapValidator,
)
from pydantic_core import ErrorDetails, PydanticSerializationError

from kemitraan._base import SCHEMA_VERSION, field_error
from kemitraan._error_texts import upgrade_failed
from kemitraan._files import write_atomically
from kemitraan._given import sharing
from kemitraan.exceptions import InvalidDataError, UnsupportedSchemaVersionError
from kemitraan.messages import Language, speaking, translated
from kemitraan.upgrades import upgrade as upgrade_data

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike

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
    text = _serialised(
        model, lambda: model.model_dump_json(indent=indent, context=context, warnings="error")
    )
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
    return _loaded(model_type, data, upgrade=upgrade)[0]


def _loaded(
    model_type: type[M], data: str | bytes | dict[str, Any], *, upgrade: bool
) -> tuple[M, bool]:
    """:func:`load_json`, and whether ``data`` loaded as it is (it was not upgraded)."""
    try:
        with sharing():  # memory: the loaded models share their sets of given fields
            if isinstance(data, dict):
                loaded = model_type.model_validate(data)
            elif _verified_once(model_type, data):  # per text and key
                from kemitraan._integrity import loading  # loaded with the partnership

                with loading(data) as verified:
                    loaded = model_type.model_validate_json(data)
                    verified(cast("PartnershipLike", loaded))
            else:
                loaded = model_type.model_validate_json(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        version = next((e for e in errors if e["loc"] == ("schema_version",)), None)
        if version is not None and version["type"] == "outdated_schema_version" and upgrade:
            parsed = data if isinstance(data, dict) else json.loads(data)
            try:
                upgraded = upgrade_data(model_type.__name__, parsed)
            except (TypeError, ValueError, KeyError, AttributeError, IndexError) as broken:
                # an old document too broken to upgrade is bad data, said as such
                raise InvalidDataError(model_type.__name__, [upgrade_failed(broken)]) from broken
            return load_json(model_type, upgraded, upgrade=False), False
        raise _refusal(
            model_type, errors, lambda language: _errors_in(model_type, data, language)
        ) from exc
    return loaded, True


def _errors_in(model_type: type[BaseModel], data: Any, language: Language) -> list[ErrorDetails]:
    """The errors of ``data`` said in ``language``: validated again, as when it was refused."""
    try:
        with speaking(language):
            if isinstance(data, dict):
                model_type.model_validate(data)
            else:
                model_type.model_validate_json(data)
    except ValidationError as again:
        return again.errors(include_url=False, include_input=False)
    return []  # refused by a check after validation: said as it was made


def _refusal(
    model_type: type[BaseModel],
    errors: list[ErrorDetails],
    errors_in: Callable[[Language], list[ErrorDetails]] | None = None,
) -> InvalidDataError:
    """The error for data that does not load: its schema version named, if that is why."""
    version = next((e for e in errors if e["loc"] == ("schema_version",)), None)
    if version is not None and version["type"] in (
        "unsupported_schema_version",
        "outdated_schema_version",
    ):
        found = (version.get("ctx") or {}).get("found", -1)
        return UnsupportedSchemaVersionError(model_type.__name__, int(found), SCHEMA_VERSION)
    return InvalidDataError(model_type.__name__, errors, errors_in=errors_in)


def _verified_once(model_type: type[BaseModel], data: object) -> bool:
    """Whether a load of ``data`` is verified once per text (a partnership's text, as such).

    The library's own partnership only (:func:`_own_partnership`); a text given as ``str``
    or ``bytes`` only (a buffer could change after its hash is taken).
    """
    return _own_partnership(model_type) and type(data) in (str, bytes)


def _own_partnership(model_type: type[BaseModel]) -> bool:
    """Whether ``model_type`` is the library's own :class:`~kemitraan.Partnership`.

    Not a subclass, which may validate differently; its module is loaded if it is.
    """
    module = sys.modules.get("kemitraan.partnerships")
    return module is not None and model_type is module.Partnership


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


def _serialised(model: BaseModel, serialise: Callable[[], str]) -> str:
    try:
        return serialise()
    except PydanticSerializationError as exc:
        raise InvalidDataError(
            type(model).__name__,
            [{"loc": (), "msg": str(exc), "type": "not_serializable"}],
        ) from exc


# -- what is saved loads, checked against a text that loaded --------------------------------

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DECODER = json.JSONDecoder()
_RAW_INPUT = (BeforeValidator, WrapValidator, PlainValidator)


@cache
def _field_checks(model_type: type[BaseModel]) -> tuple[tuple[str, TypeAdapter[Any]], ...] | None:
    """Each field with a validator of its JSON alone, as the model validates that field.

    ``None`` when that would not be the model's own check: its JSON is not one member per
    field under the field's name, or a validator of the model sees raw input (the
    model's validators run again over Python values, which only "after" validators
    take the same way).
    """
    decorators = model_type.__pydantic_decorators__
    if (
        decorators.model_serializers
        or model_type.model_computed_fields
        or model_type.model_config.get("extra") == "allow"
        or any(d.info.mode != "after" for d in decorators.model_validators.values())
        or any(d.info.mode != "after" for d in decorators.field_validators.values())
    ):
        return None
    checks = []
    for name, info in model_type.model_fields.items():
        if (
            not _NAME.fullmatch(name)
            or info.alias
            or info.validation_alias
            or info.serialization_alias
            or info.exclude
            or info.discriminator is not None
            or any(isinstance(rule, _RAW_INPUT) for rule in info.metadata)
        ):
            return None
        # the field's type with its constraints and validators, as the model holds them
        annotation: Any = (
            Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        )
        try:  # the model's settings reach its own fields (strings stripped, ...)
            adapter = TypeAdapter[Any](annotation, config=model_type.model_config)
        except PydanticUserError:  # a model type keeps its own settings
            adapter = TypeAdapter[Any](annotation)
        checks.append((name, adapter))
    return tuple(checks)


def _changed(members: list[tuple[str, str]], known: str) -> list[str] | None:
    """The fields whose JSON differs from ``known``'s, byte for byte.

    ``None`` unless ``known`` is one line holding exactly these members, in this order,
    each once (then each value in it is the one that was validated).
    """
    if not known.startswith("{"):
        return None
    at, last, changed = 1, len(members) - 1, []
    for index, (name, value) in enumerate(members):
        key = f'"{name}":'
        after = "}" if index == last else ","
        if not known.startswith(key, at):
            return None
        start = at + len(key)
        end = start + len(value)
        if not (known.startswith(value, start) and known.startswith(after, end)):
            changed.append(name)
            try:  # where the old value ends
                end = _DECODER.raw_decode(known, start)[1]
            except ValueError:
                return None
            if not known.startswith(after, end):
                return None
        at = end + 1
    return changed if at == len(known) else None


def _checked_json(model: BaseModel, *, known: str | None = None) -> str:
    """``model`` as one line of JSON that loads: :func:`dump_json`'s promise, kept cheaply.

    ``known`` is a text of a ``type(model)`` that loaded as it is (no upgrade) in this
    process: the one the model was read from, or last saved as. A field whose JSON is
    ``known``'s byte for byte loaded then, and loads again; the fields whose JSON
    differs are validated from their JSON alone, exactly as a load validates them, and
    then the model's own validators run over all the fields, so that what a field's
    edit means for the others (a partner's id taken twice, a stage set past the
    moves) is checked too. When only a partnership's running records changed (records
    appended, the way an app adds them), what the others mean for them is checked on
    those records alone: the partnership's checks read nothing else of them
    (:func:`kemitraan._integrity.records_problems`). A save after an edit so validates
    what the edit changed, not the whole document, and refuses whatever a load would
    refuse. Without a usable ``known`` the whole text is loaded, as :func:`dump_json` does.

    Raises:
        InvalidDataError: the model would not load back.
    """
    model_type = type(model)
    checks = _field_checks(model_type) if known is not None else None
    if checks is None or known is None:
        return dump_json(model, indent=None)
    members = []
    for name, _ in checks:
        member = _serialised(
            model, partial(model.model_dump_json, include={name}, warnings="error")
        )
        opening = f'{{"{name}":'
        if not member.startswith(opening):
            return dump_json(model, indent=None)
        members.append((name, member[len(opening) : -1]))
    text = "{" + ",".join(f'"{name}":{value}' for name, value in members) + "}"
    changed = _changed(members, known)
    if changed is None:
        load_json(model_type, text, upgrade=False)
        return text
    values = dict(model.__dict__)
    adapters, json_of = dict(checks), dict(members)
    errors: list[ErrorDetails] = []
    for name in changed:
        try:
            values[name] = adapters[name].validate_json(json_of[name])
        except ValidationError as exc:  # said as a load says it (translated)
            found = translated(exc).errors(include_url=False, include_input=False)
            errors += [{**e, "loc": (name, *e["loc"])} for e in found]
    if errors:
        raise _refusal(model_type, errors)
    if _own_partnership(model_type):  # only running records changed: checked on their own
        from kemitraan._integrity import records_problems  # loaded with the partnership

        problems = records_problems(cast("PartnershipLike", model), {n: values[n] for n in changed})
        if problems is not None:
            for loc, code, message, context in problems:
                error = field_error(model, loc, code, message, **context)
                raise _refusal(model_type, error.errors(include_url=False, include_input=False))
            return text
    try:
        model_type.model_validate(values)
    except ValidationError as exc:
        raise _refusal(model_type, exc.errors(include_url=False, include_input=False)) from exc
    return text
