"""What kemitraan says to people, in Indonesian by default and in English on request.

Every message a validation or an error gives is written once, in English, as a message
id, and translated through gettext catalogs (``kemitraan/locale/<language>/LC_MESSAGES/
kemitraan.po``, compiled to ``.mo``; ``tools/catalogs.py`` extracts the ids with Babel,
merges them into both catalogs and compiles them). A translator edits the ``.po`` files.

The language is chosen per process (:func:`set_language`) and per call or block
(:func:`speaking`); Indonesian when nobody chose:

>>> from kemitraan import Institution
>>> from pydantic import ValidationError
>>> try:
...     Institution(name="PKBM Harapan", npsn="123")
... except ValidationError as error:
...     print(error.errors()[0]["msg"][:54])
NPSN terdiri atas 8 angka, atau satu huruf dan 7 angka
>>> with speaking("en"):
...     try:
...         Institution(name="PKBM Harapan", npsn="123")
...     except ValidationError as error:
...         print(error.errors()[0]["msg"][:42])
NPSN is 8 digits, or a letter and 7 digits

pydantic's own errors for kemitraan's fields (a missing field, a date in the wrong
form, …) are said in the same language, with the form expected (:func:`translated`).
"""

from __future__ import annotations

import ast
import enum
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from kemitraan._catalog import (
    LANGUAGES as LANGUAGES,
    N_ as N_,
    PROCESS,
    SPOKEN,
    Language as Language,
    current_language as current_language,
    say,
)
from kemitraan._refs import PARTY_ID_PATTERN
from kemitraan.exceptions import UnsupportedLanguageError

__all__ = [
    "LANGUAGES",
    "N_",
    "PYDANTIC_MESSAGES",
    "Language",
    "current_language",
    "set_language",
    "speaking",
    "translate",
    "translated",
]


def _checked(language: Language) -> Language:
    if language not in LANGUAGES:
        raise UnsupportedLanguageError(str(language))
    return language


def set_language(language: Language) -> None:
    """Make ``language`` what the whole process speaks (Indonesian until set).

    >>> set_language("en"); current_language()
    'en'
    >>> set_language("id")
    """
    PROCESS[0] = _checked(language)


@contextmanager
def speaking(language: Language) -> Iterator[Language]:
    """Speak ``language`` within the block (this thread or task only).

    >>> with speaking("en"):
    ...     translate("This field is required")
    'This field is required'
    >>> translate("This field is required")
    'Wajib diisi'
    """
    token = SPOKEN.set(_checked(language))
    try:
        yield language
    finally:
        SPOKEN.reset(token)


def translate(message: str, language: Language | None = None) -> str:
    """``message`` (an English message id) in ``language``, or in the language in force.

    An id the catalog lacks is said as it is (a test keeps every id in both catalogs).
    """
    return say(message, None if language is None else _checked(language))


# -- pydantic's own errors, for kemitraan's fields ------------------------------------

#: pydantic's error types and what kemitraan says for each (the expected form named);
#: the placeholders are the error's context, and ``{input}`` the value given — quoted
#: only where it is a date, a time, a number or a choice, never where a text or a list
#: of a personal field could be (models hide their inputs in errors).
PYDANTIC_MESSAGES: Final[dict[str, str]] = {
    "missing": N_("This field is required"),
    "extra_forbidden": N_("This field is unknown here (check its spelling)"),
    "no_such_attribute": N_("There is no field '{attribute}' here (check its spelling)"),
    "frozen_field": N_("This field cannot be changed"),
    "frozen_instance": N_("This value cannot be changed"),
    "model_type": N_("Expected {class_name} (an object or a mapping of its fields)"),
    "model_attributes_type": N_("Expected a mapping of fields (an object)"),
    "dict_type": N_("Expected a mapping (an object)"),
    "list_type": N_("Expected a list"),
    "tuple_type": N_("Expected a list"),
    "set_type": N_("Expected a list of distinct values"),
    "frozen_set_type": N_("Expected a list of distinct values"),
    "too_short": N_("Expected at least {min_length} item(s), not {actual_length}"),
    "too_long": N_("Expected at most {max_length} item(s), not {actual_length}"),
    "string_type": N_("Expected text"),
    "string_unicode": N_("The text holds characters that are not valid Unicode"),
    "string_too_short": N_("Expected at least {min_length} character(s)"),
    "string_too_long": N_("Expected at most {max_length} characters"),
    "string_pattern_mismatch": N_("The text does not have the expected form ({pattern})"),
    "bool_type": N_("Expected yes or no (true or false), not {input}"),
    "bool_parsing": N_("Expected yes or no (true or false), not {input}"),
    "int_type": N_("Expected a whole number, not {input}"),
    "int_parsing": N_("Expected a whole number (e.g. 12), not {input}"),
    "int_parsing_size": N_("The number is too large"),
    "int_from_float": N_("Expected a whole number, not {input}"),
    "float_type": N_("Expected a number, not {input}"),
    "float_parsing": N_("Expected a number (e.g. 12.5), not {input}"),
    "finite_number": N_("Expected a finite number"),
    "decimal_type": N_("Expected a number, not {input}"),
    "decimal_parsing": N_("Expected a number (e.g. 1500000 or 12.5), not {input}"),
    "decimal_max_digits": N_("Expected at most {max_digits} digits"),
    "decimal_max_places": N_("Expected at most {decimal_places} digits after the point"),
    "decimal_whole_digits": N_("Expected at most {whole_digits} digits before the point"),
    "greater_than": N_("Expected a value greater than {gt}"),
    "greater_than_equal": N_("Expected a value of at least {ge}"),
    "less_than": N_("Expected a value less than {lt}"),
    "less_than_equal": N_("Expected a value of at most {le}"),
    "multiple_of": N_("Expected a multiple of {multiple_of}"),
    "enum": N_("{input} is not one of the choices: {expected}"),
    "literal_error": N_("{input} is not one of the choices: {expected}"),
    "date_type": N_("Expected a date in the form YYYY-MM-DD (e.g. 2025-03-10), not {input}"),
    "date_parsing": N_("Expected a date in the form YYYY-MM-DD (e.g. 2025-03-10), not {input}"),
    "date_from_datetime_parsing": N_(
        "Expected a date in the form YYYY-MM-DD (e.g. 2025-03-10), not {input}"
    ),
    "date_from_datetime_inexact": N_("Expected a date without a time of day, not {input}"),
    "datetime_type": N_(
        "Expected a date and time in the form YYYY-MM-DDTHH:MM+07:00 "
        "(e.g. 2025-03-10T09:00+08:00), not {input}"
    ),
    "datetime_parsing": N_(
        "Expected a date and time in the form YYYY-MM-DDTHH:MM+07:00 "
        "(e.g. 2025-03-10T09:00+08:00), not {input}"
    ),
    "datetime_from_date_parsing": N_(
        "Expected a date and time in the form YYYY-MM-DDTHH:MM+07:00 "
        "(e.g. 2025-03-10T09:00+08:00), not {input}"
    ),
    "datetime_object_invalid": N_("The date and time is not valid: {input}"),
    "timezone_aware": N_("Expected a time with its zone (e.g. +07:00 for WIB), not {input}"),
    "timezone_naive": N_("Expected a time without a zone, not {input}"),
    "time_type": N_("Expected a time of day in the form HH:MM (e.g. 09:30), not {input}"),
    "time_parsing": N_("Expected a time of day in the form HH:MM (e.g. 09:30), not {input}"),
    "time_delta_type": N_("Expected a duration, not {input}"),
    "time_delta_parsing": N_("Expected a duration, not {input}"),
    "url_type": N_("Expected a web address, not {input}"),
    "url_parsing": N_("Expected a web address (e.g. https://contoh.id), not {input}"),
    "url_scheme": N_("Expected a web address starting with {expected_schemes}"),
    "url_too_long": N_("Expected a web address of at most {max_length} characters"),
    "uuid_type": N_("Expected an identifier (UUID), not {input}"),
    "uuid_parsing": N_("Expected an identifier (UUID), not {input}"),
    "union_tag_invalid": N_("Unknown kind {tag}; expected one of {expected_tags}"),
    "union_tag_not_found": N_("The kind ({discriminator}) is missing"),
    "is_instance_of": N_("Expected {class}"),
    "json_invalid": N_("The JSON is not valid: {error}"),
    "json_type": N_("Expected JSON text"),
    "none_required": N_("Expected no value"),
    "recursion_loop": N_("The data refers to itself"),
    "value_error": N_("The value is not valid: {error}"),
    "assertion_error": N_("The value is not valid: {error}"),
}


def _said(value: Any, limit: int = 200) -> str | int | float:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}…"


def _given(value: Any) -> str:
    """The value given, as a message quotes it: short, and masked where it may be personal.

    Text with a run of six digits or more (a NIK, a phone number, an account) or longer
    than 20 characters is masked, so a spreadsheet column shifted by one does not print a
    NIK into a date's error.
    """
    from kemitraan._privacy import mask

    if not isinstance(value, str):
        return str(_said(value, 60))
    if len(value) > 20 or re.search(r"\d{6,}", value):
        return repr(mask(value[:60]))
    return repr(value)


_NOT_AN_ID: Final = N_(
    "{input} is not an id: lowercase letters and digits, words joined by - or _ (such as "
    "kube-rajut); a party, an activity or a need is named by its id, not by its name"
)
_MOST_CHOICES: Final = 12


def _labelled(values: frozenset[str]) -> list[Any] | None:
    """The members of the labelled enum whose values are exactly ``values``, if there is one.

    Walked from :class:`enum.StrEnum` (this module sits below the enums' own): an enum
    whose members carry ``label_id`` and ``label_en`` is a :class:`LabelledEnum`.
    """
    pending = list(enum.StrEnum.__subclasses__())
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        members = list(kind)
        if members and hasattr(members[0], "label_en") and {m.value for m in members} == values:
            return members
    return None


def _listed(values: list[Any]) -> str:
    """``values`` as pydantic lists them: ``'a', 'b' or 'c'`` (each by its ``repr``)."""
    said = [repr(v) for v in values]
    return f"{', '.join(said[:-1])} or {said[-1]}" if len(said) > 1 else "".join(said)


def _values(expected: str) -> list[Any] | None:
    """The values pydantic listed, read back (``None`` when they cannot be).

    Its list is ``repr``s joined, the last by " or ", which a value may hold too: each
    " or " is tried from the right, and a reading counts only if it lists back the same.
    """
    at = len(expected)
    while (at := expected.rfind(" or ", 0, at)) >= 0:
        try:
            values = list(ast.literal_eval(f"({expected[:at]}, {expected[at + 4 :]},)"))
        except (ValueError, SyntaxError, TypeError):
            continue
        if _listed(values) == expected:
            return values
    try:
        value = ast.literal_eval(expected)
    except (ValueError, SyntaxError, TypeError):
        return None
    return [value] if _listed([value]) == expected else None


def _choices(expected: str, language: Language) -> str:
    """The choices pydantic lists (``'a', 'b' or 'c'``) as a user can type them, in ``language``.

    The choices of a labelled enum are its labels in ``language``, each with its value
    (an import takes either); a long list is cut at whole choices, the rest counted.
    """
    values = _values(expected)
    if not values:
        return expected
    members = _labelled(frozenset(values)) if all(isinstance(v, str) for v in values) else None
    shown = (
        [f"\u201c{m.label(language)}\u201d ({m.value})" for m in members]
        if members is not None
        else [repr(v) for v in values]
    )
    if len(shown) > _MOST_CHOICES:
        rest = len(shown) - _MOST_CHOICES + 1
        shown = [
            *shown[: _MOST_CHOICES - 1],
            translate(N_("{count} more"), language).format(count=rest),
        ]
    if len(shown) == 1:
        return shown[0]
    conjunction = translate(N_("or"), language)
    return f"{', '.join(shown[:-1])} {conjunction} {shown[-1]}"


def _unmatched(text: str, context: dict[str, Any] | None) -> str:
    """``text`` where no ``{key}`` of ``context`` stands any more (pydantic fills them)."""
    for key in context or ():
        text = text.replace("{" + key + "}", "{\u200b" + key + "}")
    return text


_JSON_WHERE: Final = re.compile(r"line (?P<line>\d+) column (?P<column>\d+)")
_JSON_BREAKS: Final = N_("The JSON is not valid: it breaks at line {line}, column {column}")
_EMPTY: Final = N_("This field must be filled in; it is empty")


def translated(error: ValidationError, language: Language | None = None) -> ValidationError:
    """``error`` with pydantic's own messages said as kemitraan says them, in ``language``.

    kemitraan's own rules are already said in the language in force when they fail;
    pydantic's (a missing field, a wrong type or form) are said here, by their type,
    naming the form expected. Locations, types, contexts and inputs stay as they were;
    pydantic's note that a default factory was not called (it follows another error) is
    left out.
    """
    language = language or current_language()
    details: list[InitErrorDetails] = []
    changed = False
    for item in error.errors(include_url=False):
        kind = item["type"]
        if kind == "default_factory_not_called":
            changed = True
            continue
        template = PYDANTIC_MESSAGES.get(kind)
        context = dict(item["ctx"]) if item.get("ctx") else None
        text = item["msg"]  # one of kemitraan's own rules: said when it was raised
        if template is not None:
            values = {k: _said(v) for k, v in (context or {}).items()}
            values["input"] = _given(item.get("input"))
            if kind in ("enum", "literal_error") and context and "expected" in context:
                values["expected"] = _choices(str(context["expected"]), language)
            if kind == "string_pattern_mismatch" and (context or {}).get("pattern") == (
                PARTY_ID_PATTERN
            ):
                template = _NOT_AN_ID
            if kind == "string_too_short" and (context or {}).get("min_length") == 1:
                template = _EMPTY  # "at least 1 character" is a field left empty
            where = _JSON_WHERE.search(str((context or {}).get("error", "")))
            if kind == "json_invalid" and where is not None:  # the parser's words are English
                template = _JSON_BREAKS
                values.update(line=int(where["line"]), column=int(where["column"]))
            try:
                text = translate(template, language).format(**values)
            except (KeyError, IndexError, ValueError):  # a context pydantic did not give
                text = item["msg"]
            changed = True
        details.append(
            InitErrorDetails(
                type=PydanticCustomError(kind, _unmatched(text, context), context),
                loc=item["loc"],
                input=item.get("input"),
            )
        )
    if not changed:
        return error
    return ValidationError.from_exception_data(error.title, details, hide_input=True)
