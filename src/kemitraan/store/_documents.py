"""What a stored document must be for the store to load it: nothing is rewritten unverified.

A row's document (and a line of an import) is read with its ``schema_version`` a JSON
integer, as the store writes it: ``"2"`` or ``2.0`` is refused, not converted. A document of
the current schema loads as it is, its history replayed and its chain checked under the key in
force. An older one is upgraded only when the upgrade leaves its history exactly as it was:
then the same chain, under the same key, is what verifies it, and the store's audit records
match it record for record. An upgrade that would have to write the history — the one from
schema 1, which had no chain and kept signatures outside the history — would have to sign what
nobody can verify with the app's key, and is refused; an app that trusts such a file loads it
itself with :func:`kemitraan.load_json` and saves the result (a new partnership, whose records
the store then keeps).
"""

from __future__ import annotations

import json

from pydantic import BaseModel, StrictInt, ValidationError, create_model

from kemitraan._base import SCHEMA_VERSION
from kemitraan._catalog import N_
from kemitraan._error_texts import data_problem, upgrade_failed
from kemitraan.exceptions import InvalidDataError
from kemitraan.io import _loaded, load_json
from kemitraan.messages import translated
from kemitraan.partnerships import Partnership
from kemitraan.upgrades import upgrade

_Versioned: type[BaseModel] = create_model("Partnership", schema_version=(StrictInt, ...))
"""Only a document's schema version, read as the model reads the JSON (the same parser);
named as what it reads, which its errors name."""


def schema_version(document: str | bytes) -> int:
    """The ``schema_version`` of a stored document: a JSON integer, or refused.

    Raises:
        InvalidDataError: the document is not JSON, or its schema version is missing or not
            an integer (a string, a fraction, ``true``).
    """
    try:
        version: int = _Versioned.model_validate_json(document).schema_version  # type: ignore[attr-defined]
        return version
    except ValidationError as exc:
        errors = translated(exc).errors(include_url=False, include_input=False)
        for error in errors:
            if error["loc"] == ("schema_version",):
                error["msg"] = data_problem(
                    (),
                    "",
                    N_("{reason}: a stored document's schema_version is an integer"),
                    reason=error["msg"],
                )["msg"]
        raise InvalidDataError("Partnership", errors) from exc


def verified(document: str | bytes) -> tuple[Partnership, bool]:
    """The partnership a stored document holds, and whether it loaded as it is (no upgrade).

    Raises:
        InvalidDataError: the document does not validate, its chain does not verify under
            the key in force, or its upgrade would rewrite its history (``unverifiable_upgrade``).
        UnsupportedSchemaVersionError: it is of a newer schema.
    """
    found = schema_version(document)
    if found >= SCHEMA_VERSION or found < 1:  # the model's own refusal names the rule
        return _loaded(Partnership, document, upgrade=False)
    data = json.loads(document)
    try:
        upgraded = upgrade(Partnership.__name__, data)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as broken:
        raise InvalidDataError(Partnership.__name__, [upgrade_failed(broken)]) from broken
    if not isinstance(data, dict) or upgraded.get("history") != data.get("history"):
        message = N_(
            "schema_version {found} is upgraded only by rewriting the history, which the "
            "store never does (it would chain records nobody can verify): load a file you "
            "trust with kemitraan.load_json, and save it as new"
        )
        error = data_problem(("schema_version",), "unverifiable_upgrade", message, found=found)
        raise InvalidDataError(Partnership.__name__, [error])
    return load_json(Partnership, upgraded, upgrade=False), False
