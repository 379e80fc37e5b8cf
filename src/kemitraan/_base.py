"""Shared machinery: the model bases, labelled enums and the schema version."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

#: The version of the JSON layout written by this library. Loading data with a
#: newer version is refused rather than silently misread.
SCHEMA_VERSION = 1


def in_language(language: str, indonesian: str, english: str) -> str:
    """Pick the Indonesian (``"id"``) or English (``"en"``) text."""
    if language == "id":
        return indonesian
    if language == "en":
        return english
    raise ValueError(f"language must be 'id' or 'en', not {language!r}")


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


class KemitraanModel(BaseModel):
    """Base of every mutable kemitraan model: strict about unknown fields, revalidating."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        # Personal data (NIK, phone numbers) must not leak through error messages.
        hide_input_in_errors=True,
    )

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


class ValueModel(BaseModel):
    """Base of immutable value objects."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        # Personal data (NIK, phone numbers) must not leak through error messages.
        hide_input_in_errors=True,
    )


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
