"""Shared machinery: the model bases, labelled enums, bilingual text and the schema version."""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from functools import cache
from typing import Any, ClassVar, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    GetJsonSchemaHandler,
    ValidationError,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError

from kemitraan.exceptions import UnsupportedLanguageError

#: The version of the JSON layout written by this library. Loading data with a
#: newer version is refused rather than silently misread.
SCHEMA_VERSION = 1


def in_language(language: str, indonesian: str, english: str) -> str:
    """Pick the Indonesian (``"id"``) or English (``"en"``) text."""
    if language == "id":
        return indonesian
    if language == "en":
        return english
    raise UnsupportedLanguageError(str(language))


class LabelledEnum(StrEnum):
    """A string enum whose members carry an Indonesian and an English label.

    Members are declared as ``NAME = "value", "Label Indonesia", "English label"``;
    the value (English, snake_case) is what JSON stores.

    >>> from kemitraan import PartnerKind
    >>> PartnerKind.GOVERNMENT.label("en")
    'Government agency or technical unit'
    """

    label_id: str
    label_en: str

    def __new__(cls, value: str, label_id: str = "", label_en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_id = label_id
        member.label_en = label_en
        return member

    def label(self, language: str = "id") -> str:
        """The member's label in ``"id"`` (Indonesian) or ``"en"`` (English)."""
        return in_language(language, self.label_id, self.label_en)

    @classmethod
    def in_order(cls, members: Iterable[Self]) -> list[Self]:
        """``members`` in declaration order: the one order for lists, JSON and documents.

        >>> from kemitraan import ContributionKind as K
        >>> [k.value for k in K.in_order({K.MARKETING, K.LAND})]
        ['land', 'marketing']
        """
        order = {member: index for index, member in enumerate(cls)}
        return sorted(members, key=order.__getitem__)


@cache
def _module_attribute_docs(module: str) -> dict[str, dict[str, str]]:
    """Attribute docstrings of every class in ``module``, by qualified class name."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module]))
    except (KeyError, OSError, TypeError, SyntaxError):  # no source: no descriptions
        return {}
    found: dict[str, dict[str, str]] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if not isinstance(node, ast.ClassDef):
                continue
            name = f"{prefix}{node.name}"
            docs: dict[str, str] = {}
            for before, after in zip(node.body, node.body[1:], strict=False):
                if (
                    isinstance(before, ast.AnnAssign)
                    and isinstance(before.target, ast.Name)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[before.target.id] = inspect.cleandoc(after.value.value)
            found[name] = docs
            visit(node.body, f"{name}.")

    visit(tree.body, "")
    return found


def attribute_docs(cls: type) -> dict[str, str]:
    """The attribute docstrings of ``cls`` and its bases (the subclass's win).

    pydantic's ``use_attribute_docstrings`` reads them when each class is created, which
    costs every import tens of milliseconds; kemitraan reads them only when a JSON
    Schema is asked for (see ``_Model.__get_pydantic_json_schema__``).
    """
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("kemitraan"):
            docs.update(_module_attribute_docs(klass.__module__).get(klass.__qualname__, {}))
    return docs


class _Model(BaseModel):
    """What every kemitraan model shares: a cheap class creation and documented fields.

    Schemas are built on first use (``defer_build``), and each field's attribute
    docstring becomes its ``description`` in the JSON Schema.
    """

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        # Personal data (NIK, phone numbers) must not leak through error messages.
        hide_input_in_errors=True,
        defer_build=True,
    )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler, /
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        if cls.__doc__:  # the prose, not the runnable examples, describes the model
            target["description"] = inspect.cleandoc(cls.__doc__).split("\n>>>")[0].strip()
        properties = target.get("properties", {})
        for name, doc in attribute_docs(cls).items():
            field = cls.model_fields.get(name)
            key = (field.alias if field is not None and field.alias else None) or name
            if key in properties and "description" not in properties[key]:
                properties[key]["description"] = doc
        return schema


class KemitraanModel(_Model):
    """Base of every mutable kemitraan model: strict about unknown fields, revalidating."""

    model_config = ConfigDict(validate_assignment=True)

    def __setattr__(self, name: str, value: Any) -> None:
        # pydantic assigns before running model-level validators; undo the
        # assignment when one of them refuses, so bad input never sticks.
        missing = object()
        old = self.__dict__.get(name, missing)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            if old is not missing:
                self.__dict__[name] = old
            raise


class ValueModel(_Model):
    """Base of immutable value objects."""

    model_config = ConfigDict(frozen=True)


class VersionedDocument(KemitraanModel):
    """A top-level document an app stores on its own; carries ``schema_version``."""

    schema_version: int = SCHEMA_VERSION
    """The JSON layout version this document was written with."""

    current_schema_version: ClassVar[int] = SCHEMA_VERSION

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value < 1 or value > SCHEMA_VERSION:
            raise PydanticCustomError(
                "unsupported_schema_version",
                "schema_version {found} is not supported; this library reads 1 to {supported}",
                {"found": value, "supported": SCHEMA_VERSION},
            )
        return value


def field_error(
    model: object, loc: tuple[str | int, ...], code: str, message: str, /, **context: Any
) -> ValidationError:
    """A ``ValidationError`` located at ``loc``, for rules checked across fields.

    Model-level validators raise this so the error still names the field it is about.
    """
    title = model if isinstance(model, str) else type(model).__name__
    return ValidationError.from_exception_data(
        title,
        [
            InitErrorDetails(
                type=PydanticCustomError(code, message, context or None),
                loc=loc,
                input=None,
            )
        ],
        hide_input=True,
    )


def reject_duplicates(
    model: object,
    values: Sequence[str],
    where: Callable[[int], tuple[str | int, ...]],
    code: str,
    message: str,
) -> set[str]:
    """Raise at the second occurrence of any value; return the values as a set.

    Args:
        model: The model being validated (for the error's title).
        values: The values that must be unique, in order.
        where: The field location of the value at an index.
        code: The rule's code.
        message: The message; ``{value}`` stands for the repeated value.
    """
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise field_error(model, where(index), code, message, value=value)
        seen.add(value)
    return seen


def custom_error(code: str, message: str, /, **context: Any) -> PydanticCustomError:
    """A pydantic error with a stable ``code`` (the rule) and a formatted message."""
    return PydanticCustomError(code, message, context or None)


class BilingualText(ValueModel):
    """A short text in Indonesian (the documents' language) and English.

    >>> text = BilingualText(indonesian="Belum menandatangani", english="Has not signed")
    >>> text.get("en")
    'Has not signed'
    """

    indonesian: str
    """The Indonesian text."""
    english: str
    """The English text."""

    def get(self, language: str = "id") -> str:
        """The text in ``"id"`` or ``"en"``."""
        return in_language(language, self.indonesian, self.english)

    @classmethod
    def of(cls, indonesian: str, english: str) -> BilingualText:
        """Library wording, taken as it is (no validation, white space kept).

        For the sentences kemitraan writes itself, which are many and already right.

        >>> BilingualText.of("Pasal ", "Article ").indonesian
        'Pasal '
        """
        return cls.model_construct(indonesian=indonesian, english=english)
