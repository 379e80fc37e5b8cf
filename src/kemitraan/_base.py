"""Shared machinery: the model bases, labelled enums, bilingual text and the schema version."""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum, EnumType, StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, Self, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError

from kemitraan._bounds import (  # the rules every model keeps, used across the package
    FIRST_DAY as FIRST_DAY,
    LAST_DAY as LAST_DAY,
    bounded,
    clip as clip,
    clipped,
    custom_error as custom_error,
    day_rule as day_rule,
    instant_rule as instant_rule,
    text_rule as text_rule,
)
from kemitraan._catalog import say
from kemitraan._containers import OwnedDict, OwnedList, container_fields, install
from kemitraan._given import own_given_fields, share
from kemitraan._html import model_html
from kemitraan._privacy import mask
from kemitraan.exceptions import ReadOnlyFieldError, UnsupportedLanguageError
from kemitraan.messages import translated

#: The version of the JSON layout written by this library. Loading data with a
#: newer version is refused rather than silently misread; older data is upgraded
#: (:mod:`kemitraan.upgrades`). Version 2 keeps signatures in a chained history.
SCHEMA_VERSION = 2


Language = Literal["id", "en"]
"""The languages kemitraan speaks: Indonesian (``"id"``, the default) and English (``"en"``)."""


def in_language(language: str, indonesian: str, english: str) -> str:
    """Pick the Indonesian (``"id"``) or English (``"en"``) text."""
    if language == "id":
        return indonesian
    if language == "en":
        return english
    raise UnsupportedLanguageError(str(language))


@cache
def _declaration_order(enum: type[Enum]) -> dict[Any, int]:
    return {member: index for index, member in enumerate(enum)}


class _LabelledType(EnumType):
    """An enum class that names its members when asked for one it does not have."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        members = ", ".join(cls.__members__)
        raise AttributeError(f"{cls.__name__} has no member {name!r}; its members: {members}")


class LabelledEnum(StrEnum, metaclass=_LabelledType):
    """A string enum whose members carry an Indonesian and an English label.

    Members are declared as ``NAME = "value", "Label Indonesia", "English label"``;
    the value (English, snake_case) is what JSON stores.

    >>> from kemitraan import PartnerKind
    >>> PartnerKind.GOVERNMENT.label("en")
    'Government agency or technical unit'
    """

    label_id: str
    label_en: str

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        """A value given in other case, or a member's label in either language, is that member.

        >>> from kemitraan.parties import EducationUnitType
        >>> EducationUnitType("PKBM"), EducationUnitType("Lembaga Kursus dan Pelatihan (LKP)")
        (<EducationUnitType.PKBM: 'pkbm'>, <EducationUnitType.LKP: 'lkp'>)
        """
        if not isinstance(value, str):
            return None
        wanted = " ".join(value.split()).casefold()
        for member in cls:
            if wanted in (
                member.value.casefold(),
                member.label_id.casefold(),
                member.label_en.casefold(),
            ):
                return member
        return None

    def __new__(cls, value: str, label_id: str = "", label_en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_id = label_id
        member.label_en = label_en
        return member

    def label(self, language: Language = "id") -> str:
        """The member's label in ``"id"`` (Indonesian) or ``"en"`` (English)."""
        return in_language(language, self.label_id, self.label_en)

    @classmethod
    def in_order(cls, members: Iterable[Self]) -> list[Self]:
        """``members`` in declaration order: the one order for lists, JSON and documents.

        >>> from kemitraan import ContributionKind as K
        >>> [k.value for k in K.in_order({K.MARKETING, K.LAND})]
        ['land', 'marketing']
        """
        return sorted(members, key=_declaration_order(cls).__getitem__)


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
    docstring becomes its ``description`` in the JSON Schema. Every route that makes a
    model validates it: ``model_copy(update=...)`` and ``model_construct`` included.
    Fields named in ``personal_fields`` (personal data, UU 27/2022) show masked in
    ``repr`` however the model was made. Every text, day and instant a model validates,
    on every route (construction, loads, assignment, in-place edits, copies), is held to
    :func:`text_rule`, :func:`day_rule` or :func:`instant_rule`.
    """

    personal_fields: ClassVar[frozenset[str]] = frozenset()
    """Fields that hold personal data: masked in ``repr`` and in masked exports."""
    _frozen_containers: ClassVar[bool] = False

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:  # pydantic's own errors said as kemitraan says them
            raise translated(error) from None

    # pydantic's own __init__ in all but the errors' words: nested models are still made by
    # pydantic-core directly, not through this (a "custom" init is called for every nested
    # model, validating each twice)
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate ``obj`` (pydantic's, with errors in the language in force)."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as error:
            raise translated(error) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """Validate JSON text (pydantic's, with errors in the language in force)."""
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError as error:
            raise translated(error) from None

    @classmethod
    def model_validate_strings(cls, obj: Any, **options: Any) -> Self:
        """Validate strings, as a form or a CSV gives them (errors in the language in force)."""
        try:
            return super().model_validate_strings(obj, **options)
        except ValidationError as error:
            raise translated(error) from None

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        # Personal data (NIK, phone numbers) must not leak through error messages.
        hide_input_in_errors=True,
        defer_build=True,
    )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler, /
    ) -> CoreSchema:
        # One rule for the model's every text, day and instant, however deep in its types
        # (lists, dict keys, unions, Annotated aliases), instead of a mark on each of
        # hundreds of fields that a new field could forget. pydantic's own schema, plus a
        # check around each ``str``, ``date`` and ``datetime`` schema; JSON Schemas and
        # serialisation are unchanged.
        return cast("CoreSchema", bounded(handler(source)))

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

    @model_validator(mode="after")
    def _share_given_fields(self) -> Self:
        # memory: a load's models share their sets of given fields (kemitraan._given)
        return share(self)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        # List and dict fields are read through an attribute that validates in-place edits
        # (or refuses them, in a value object): see kemitraan._containers.
        install(cls, frozen=cls._frozen_containers)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, validated like a new model (a bad update is refused).

        >>> from kemitraan import Region
        >>> Region(province="kalsel").model_copy(update={"province": "Atlantis"})
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Region
        province
          'Atlantis' bukan salah satu dari 38 provinsi di Indonesia; ... [type=unknown_province]
        """
        copied = super().model_copy(deep=deep)
        if not update:
            return copied
        made = type(self).model_validate({**copied.__dict__, **update})
        # given: the original's fields and the update's, as pydantic's own copy counts them
        object.__setattr__(made, "__pydantic_fields_set__", {*self.model_fields_set, *update})
        return made

    @classmethod
    def model_construct(  # type: ignore[override]  # the pydantic plugin types it per model
        cls, _fields_set: set[str] | None = None, **values: Any
    ) -> Self:
        """Validated, like the constructor: a kemitraan model is never made unchecked.

        >>> from kemitraan import Program
        >>> Program.model_construct(name="PKW", objectives=[])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Program
        ...
        """
        return cls.model_validate(values)

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """A model made from values the library itself computed, without validating them.

        For kemitraan's own bulk output (findings, wording), never for input.
        """
        return super().model_construct(**values)

    def personal_data(self) -> frozenset[str]:
        """The fields of this model that hold personal data (UU 27/2022) now."""
        return self.personal_fields

    def _repr_html_(self) -> str:
        """How Jupyter shows the model: its fields as a table, personal data masked."""
        return model_html(self)

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        personal = self.personal_data()
        for name, value in super().__repr_args__():
            if name in personal and isinstance(value, str):
                yield name, mask(value)
            else:
                yield name, value


def _holds(annotation: Any, kind: type[BaseModel]) -> bool:
    """Whether a field of type ``annotation`` can hold a ``kind`` model."""
    if isinstance(annotation, type) and issubclass(annotation, kind):
        return True
    return any(_holds(arg, kind) for arg in getattr(annotation, "__args__", ()))


@cache
def _mutable_fields(model_type: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model_type`` that can hold mutable kemitraan models (for freezing)."""
    fields = model_type.model_fields.items()
    return tuple(name for name, info in fields if _holds(info.annotation, KemitraanModel))


EDIT_GUARD: list[Callable[[object], None]] = []
"""Set by :func:`kemitraan.access.set_policy` while a policy is in force: called before any
field of a mutable model is assigned (and so before an in-place edit of its lists), so an
edit of a model held inside a partnership (its agreement, its programme) is checked too."""


class KemitraanModel(_Model):
    """Base of every mutable kemitraan model: strict about unknown fields, revalidating.

    Assignment revalidates, and so does an in-place edit of a list or dict field; a
    refused change leaves the model as it was. A frozen model (a signed agreement and
    what it holds) refuses every change.
    """

    model_config = ConfigDict(validate_assignment=True)

    # Why the model is frozen, when it is (see :meth:`freeze`). A slot, not a pydantic
    # private attribute: it is state, not data (equality ignores it), and a model that
    # loads is not slowed by setting it up; copies and pickles carry it (below).
    __slots__ = ("_frozen", "_holder")
    if TYPE_CHECKING:
        _frozen: str | None
        _holder: Callable[[], object | None] | None
    _CARRIED: ClassVar[tuple[str, ...]] = ("_frozen",)
    # Slots a copy or a pickle starts with set to None (not carried, but set: reading an
    # unset slot raises, and a read that catches that pays for an exception).
    _RESET: ClassVar[tuple[str, ...]] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            super().__setattr__(name, value)
            return
        frozen = _slot(_FROZEN, self)
        if frozen is not None:
            raise ReadOnlyFieldError(f"{type(self).__name__}.{name}", frozen)
        if EDIT_GUARD:  # an access policy is in force (kemitraan.access)
            EDIT_GUARD[0](self)
        self._own_fields_set()
        # pydantic assigns before running model-level validators; undo the
        # assignment when one of them refuses, so bad input never sticks.
        missing = object()
        old = self.__dict__.get(name, missing)
        given = name in self.__pydantic_fields_set__
        try:
            super().__setattr__(name, value)
        except ValidationError as error:
            if old is not missing:
                self.__dict__[name] = old
            if not given:  # nor its mark as given
                self.__pydantic_fields_set__.discard(name)
            raise translated(error) from None

    def _own_fields_set(self) -> None:
        """Take a set of given fields of its own before changing it (it may be shared)."""
        own_given_fields(self)

    def held_by(self, holder: Callable[[], object | None]) -> None:
        """Name the document that holds this model and those it holds (a weak reference).

        Under an access policy an edit of a held model is judged against its holder (a
        partnership): see :data:`EDIT_GUARD`. Not carried by copies.
        """
        object.__setattr__(self, "_holder", holder)
        fields = self.__dict__
        for name in _mutable_fields(type(self)):
            value = fields.get(name)
            for item in value if isinstance(value, (list, tuple)) else (value,):
                if isinstance(item, KemitraanModel):
                    item.held_by(holder)

    @property
    def holder(self) -> object | None:
        """The document that holds this model, if one does and still exists."""
        ref = _slot(_HOLDER, self)
        return ref() if ref is not None else None

    def freeze(self, reason: str) -> None:
        """Refuse every later change to this model and the mutable models it holds.

        Args:
            reason: Why, for the error a refused change raises.
        """
        object.__setattr__(self, "_frozen", reason)
        fields = self.__dict__
        for name in _mutable_fields(type(self)):
            value = fields.get(name)
            for item in value if isinstance(value, (list, tuple)) else (value,):
                if isinstance(item, KemitraanModel) and not item.frozen:
                    item.freeze(reason)

    @property
    def frozen(self) -> bool:
        """Whether the model refuses changes (see :meth:`freeze`)."""
        return _slot(_FROZEN, self) is not None

    def _carry(self, copy: Self) -> Self:
        """Give ``copy`` this model's slots (a copy of a frozen text is frozen too).

        The copy's lists and dicts are its own: a list this model's field holds checks its
        edits against this model, and would change the copy unchecked.
        """
        fields = copy.__dict__
        for name in container_fields(type(self)):
            value = fields.get(name)
            if type(value) is OwnedList:
                fields[name] = list(value)
            elif type(value) is OwnedDict:
                fields[name] = dict(value)
        for name in self._RESET:
            object.__setattr__(copy, name, None)
        for name in self._CARRIED:
            value = getattr(self, name, None)
            if value is not None:
                object.__setattr__(copy, name, value)
        return copy

    def __copy__(self) -> Self:
        return self._carry(super().__copy__())

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        return self._carry(super().__deepcopy__(memo))

    def __getstate__(self) -> dict[Any, Any]:
        slots = {name: getattr(self, name, None) for name in self._CARRIED}
        return {**super().__getstate__(), "__kemitraan_slots__": slots}

    def __setstate__(self, state: dict[Any, Any]) -> None:
        slots = state.pop("__kemitraan_slots__", {})
        super().__setstate__(state)
        for name in self._RESET:
            object.__setattr__(self, name, None)
        for name, value in slots.items():
            if value is not None:
                object.__setattr__(self, name, value)


_FROZEN: Final = KemitraanModel.__dict__["_frozen"]
_HOLDER: Final = KemitraanModel.__dict__["_holder"]


def _slot(slot: Any, model: object) -> Any:
    """The value of a slot of ``model``, ``None`` when unset.

    Read through the slot itself: ``getattr(model, name, None)`` on an unset slot falls
    into pydantic's ``__getattr__``, which costs a loaded partnership some 60 calls.
    """
    try:
        return slot.__get__(model)
    except AttributeError:
        return None


class ValueModel(_Model):
    """Base of immutable value objects: their lists and dicts refuse edits too."""

    model_config = ConfigDict(frozen=True)
    _frozen_containers: ClassVar[bool] = True


class VersionedDocument(KemitraanModel):
    """A top-level document an app stores on its own; carries ``schema_version``."""

    schema_version: StrictInt = SCHEMA_VERSION
    """The JSON layout version this document was written with: a JSON integer (``"2"``,
    ``2.0`` or ``true`` is refused, not converted: a version read loosely once let a
    rolled-back row skip the store's check)."""

    current_schema_version: ClassVar[int] = SCHEMA_VERSION

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value < 1:
            raise custom_error(
                "invalid_schema_version",
                "schema_version {found} is not a version: versions start at 1",
                found=value,
            )
        if value > SCHEMA_VERSION:
            raise custom_error(
                "unsupported_schema_version",
                "schema_version {found} is newer than this library reads (1 to {supported}); "
                "upgrade kemitraan",
                found=value,
                supported=SCHEMA_VERSION,
            )
        if value < SCHEMA_VERSION:
            raise custom_error(
                "outdated_schema_version",
                "schema_version {found} is older than {supported}: load it with "
                "kemitraan.load_json, which upgrades it",
                found=value,
                supported=SCHEMA_VERSION,
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
                type=PydanticCustomError(code, say(message), clipped(context)),
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

    def get(self, language: Language = "id") -> str:
        """The text in ``"id"`` or ``"en"``."""
        return in_language(language, self.indonesian, self.english)

    @classmethod
    def of(cls, indonesian: str, english: str) -> BilingualText:
        """Library wording, taken as it is (no validation, white space kept).

        For the sentences kemitraan writes itself, which are many and already right.

        >>> BilingualText.of("Pasal ", "Article ").indonesian
        'Pasal '
        """
        return cls.trusted(indonesian=indonesian, english=english)
