"""Errors raised by kemitraan.

Every error the library raises on purpose derives from :class:`KemitraanError`,
and also from the builtin exception it means, so callers can catch either::

    KemitraanError
    ├── InvalidDataError (ValueError)          stored data that does not validate
    │   ├── UnsupportedSchemaVersionError       data of a schema version it cannot (or may not) read
    │   └── InvalidSpreadsheetError             a workbook or CSV folder with problems, by cell
    ├── InvalidArgumentError (ValueError)      an argument a function cannot work with
    │   └── UnsupportedLanguageError            a language kemitraan does not write
    ├── NotFoundError (KeyError)               an id or name that is not there
    │   ├── UnknownPartyError                   a party id
    │   ├── UnknownNeedError                    a programme need's code
    │   ├── UnknownDocumentKindError            a kind of document
    │   └── PartnershipNotFoundError            a partnership id not in the store
    ├── ReadOnlyFieldError (AttributeError)    a field that changes only through a move
    ├── NotPermittedError (PermissionError)    an actor the policy does not let do it
    ├── TransitionRefusedError (RuntimeError)  a lifecycle move refused; nothing changed
    │   ├── MoveNotAllowedError                 the move does not exist from this stage
    │   └── RequirementsUnmetError              the guide's requirements are not met
    ├── AgreementNotReadyError (ValueError)    an agreement with errors rendered as final
    ├── TemplateRenderError (ValueError)       a document template cannot be rendered
    │   ├── MissingTemplateVariablesError       it uses names the context does not have
    │   ├── UnsafeTemplateError                 it reaches outside the sandbox
    │   └── MissingTranslationsError            a bilingual document lacks English wording
    ├── VersionConflictError (RuntimeError)    a save over a version newer than the one read
    ├── MissingExtraError (ImportError)        an optional extra is not installed
    ├── InvalidDeclarationError (ValueError)   a rule or document kind declared wrongly
    ├── DocumentNotFoundError (FileNotFoundError)   a document to convert does not exist
    ├── ConverterNotFoundError (FileNotFoundError)  LibreOffice is not installed
    └── ConversionFailedError (RuntimeError)   LibreOffice could not convert the document

Validation of a model's fields raises pydantic's ``ValidationError`` (itself a
``ValueError``), which names the field and carries the rule as its error type:

>>> from kemitraan import Program
>>> Program(name="PKW", objectives=[])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Program
objectives
  Paling sedikit 1 butir, bukan 0 ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import kemitraan._error_texts as _texts
from kemitraan._catalog import N_, Language, Said, current_language, listed, phrase, words
from kemitraan._error_texts import clipped_errors, cut_short, errors_said, moves_said, problems_said

__all__ = [
    "AgreementNotReadyError",
    "ConversionFailedError",
    "ConverterNotFoundError",
    "DocumentNotFoundError",
    "InvalidArgumentError",
    "InvalidDataError",
    "InvalidDeclarationError",
    "InvalidSpreadsheetError",
    "KemitraanError",
    "MissingExtraError",
    "MissingTemplateVariablesError",
    "MissingTranslationsError",
    "MoveNotAllowedError",
    "NotFoundError",
    "NotPermittedError",
    "PartnershipNotFoundError",
    "ReadOnlyFieldError",
    "RequirementsUnmetError",
    "StoreLayoutError",
    "TemplateRenderError",
    "TransitionRefusedError",
    "UnknownDocumentKindError",
    "UnknownNeedError",
    "UnknownPartyError",
    "UnsafeTemplateError",
    "UnsupportedLanguageError",
    "UnsupportedSchemaVersionError",
    "VersionConflictError",
]


class KemitraanError(Said, Exception):
    """Root of every error kemitraan raises on purpose.

    Its message is said in the language in force when it is raised (Indonesian unless
    :mod:`kemitraan.messages` was told otherwise); :meth:`message` says it in either.

    >>> from kemitraan import UnknownPartyError
    >>> issubclass(UnknownPartyError, KemitraanError)
    True
    >>> error = UnknownPartyError("toko", ["pkbm"])
    >>> str(error), error.message("en")
    ("pihak 'toko' tidak dikenal; yang ada: pkbm", "unknown party 'toko'; known: pkbm")
    """


class InvalidDataError(KemitraanError, ValueError):
    """Stored data (JSON or a dict) that does not validate as the model asked for.

    Attributes:
        model: The name of the model the data was loaded as.
        errors: pydantic's list of errors, each with ``loc`` (the field), ``type``
            (the rule) and ``msg``.

    >>> from kemitraan import Partner, load_json
    >>> try:
    ...     load_json(Partner, {"name": "Toko", "kind": "toko"})
    ... except InvalidDataError as error:
    ...     print(error.errors[0]["loc"], error.errors[0]["type"])
    ('kind',) enum
    """

    def __init__(
        self,
        model: str,
        errors: Sequence[Any],
        *,
        errors_in: Callable[[Language], Sequence[Any]] | None = None,
    ) -> None:
        self.model = model
        self.errors = clipped_errors(errors)  # in the language in force; ``errors_in`` says
        more = len(errors) - len(self.errors)  # them again in another, for message("en")
        details = errors_said(self.errors, current_language(), errors_in)
        named = _texts.model_named(model)
        if more > 0:
            self._say(N_("{model} is not valid: {details}; and {more} more"), model=named,
                      details=details, more=more)  # fmt: skip
        else:
            self._say(N_("{model} is not valid: {details}"), model=named, details=details)


class UnsupportedSchemaVersionError(InvalidDataError):
    """Data carries a ``schema_version`` this version of kemitraan cannot read.

    Newer data needs a newer kemitraan; older data is upgraded by
    :func:`kemitraan.load_json` unless it was told not to (``upgrade=False``).

    Attributes:
        found: The version found in the data.
        supported: The version this library writes.

    >>> UnsupportedSchemaVersionError("Agreement", found=9, supported=2).found
    9
    """

    def __init__(self, model: str, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        if found > supported:
            message = N_("schema_version {found} is newer than the supported {supported}")
        else:
            message = N_("schema_version {found} is older than {supported} and upgrading is off")
        said = phrase(message, found=found, supported=supported)
        error = {"loc": ("schema_version",), "msg": said(current_language())}
        super().__init__(model, [{**error, "type": "unsupported_schema_version"}])
        self._say(N_("{model} is not valid: {details}"), model=_texts.model_named(model),
                  details=lambda language: f"schema_version: {said(language)}")  # fmt: skip


class StoreLayoutError(InvalidDataError):
    """The database's tables are not at the layout this kemitraan reads; nothing was changed.

    ``errors[0]["type"]`` says why: ``outdated_store_layout`` (an older kemitraan made them: run
    :func:`kemitraan.store.upgrade_database`), ``newer_store_layout`` (a newer kemitraan
    migrated them), ``not_a_kemitraan_store`` (tables of that name that kemitraan did not make)
    or ``no_store`` (no tables, and ``create=False``).

    Attributes:
        found: The revision the tables are at, if known.
        expected: The revision this kemitraan reads.
        differences: For tables that are not kemitraan's, what differs, one sentence each.

    >>> StoreLayoutError("outdated_store_layout", "...", found="0001", expected="0004").found
    '0001'
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        found: str | None = None,
        expected: str | None = None,
        differences: Sequence[str] = (),
        table: tuple[str, ...] = (),
    ) -> None:
        self.found = found
        self.expected = expected
        self.differences = tuple(differences)
        super().__init__("Store", [{"loc": table, "msg": message, "type": code}])


class InvalidArgumentError(KemitraanError, ValueError):
    """An argument a function cannot work with (a negative count, a duplicate party, …).

    >>> from kemitraan.parties import classify_scale
    >>> classify_scale()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kemitraan.exceptions.InvalidArgumentError: classify_scale memerlukan working_capital atau ...
    """

    rule: str | None = None  #: The rule it breaks, where one is named (``day_out_of_range``).
    _kept = ("rule",)  # saying(..., rule="control_character") keeps it out of the sentence


class UnsupportedLanguageError(InvalidArgumentError):
    """A language kemitraan does not write (its own wording is Indonesian and English).

    Attributes:
        language: The language asked for.
        supported: The languages that are written.

    >>> str(UnsupportedLanguageError("ja"))
    "kemitraan menulis dalam 'id' (bahasa Indonesia) dan 'en' (bahasa Inggris), bukan 'ja'"
    """

    def __init__(
        self, language: str, supported: Sequence[str] = ("id", "en"), hint: str = ""
    ) -> None:
        self.language = language
        self.supported = tuple(supported)
        self._say(
            N_("kemitraan writes 'id' (Indonesian) and 'en' (English), not {language}{hint}"),
            language=repr(language),
            hint=hint,
        )


class NotFoundError(KemitraanError, KeyError):
    """Something was looked up by its id or name and is not there.

    Attributes:
        key: What was asked for.
        known: What exists.

    >>> str(NotFoundError("x", ["a", "b"], what="item"))
    "butir 'x' tidak dikenal; yang ada: a, b"
    """

    #: What is looked up, said in the catalogs (``what=`` names one of these).
    THINGS = (N_("key"), N_("item"), N_("party"), N_("need"), N_("document kind"),
              N_("partnership"), N_("pattern"), N_("checklist item"), N_("requirement code"),
              N_("agreement"), N_("cooperation agreement"), N_("addendum"))  # fmt: skip

    def __init__(self, key: str, known: Sequence[str], *, what: str = "key") -> None:
        self.key = key
        self.known = tuple(known)
        self._say(
            N_("unknown {what} {key}; known: {known}"),
            what=words(what),
            key=repr(key),
            known=listed(self.known),
        )

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class UnknownPartyError(NotFoundError):
    """A party id was looked up that is not among the parties.

    Attributes:
        party_id: The id asked for.
        known: The ids that exist.

    >>> str(UnknownPartyError("toko", ["pkbm"]))
    "pihak 'toko' tidak dikenal; yang ada: pkbm"
    """

    def __init__(self, party_id: str, known: Sequence[str]) -> None:
        self.party_id = party_id
        super().__init__(party_id, known, what="party")


class UnknownNeedError(NotFoundError):
    """A programme need was looked up by a code the programme does not have.

    >>> str(UnknownNeedError("modal", ["pemasaran"]))
    "kebutuhan 'modal' tidak dikenal; yang ada: pemasaran"
    """

    def __init__(self, code: str, known: Sequence[str]) -> None:
        super().__init__(code, known, what="need")


class UnknownDocumentKindError(NotFoundError):
    """A kind of document that is not registered (see ``kemitraan.documents.document_kinds``).

    >>> str(UnknownDocumentKindError("surat", ["mou", "pks"]))
    "jenis dokumen 'surat' tidak dikenal; yang ada: mou, pks"
    """

    def __init__(self, kind: str, known: Sequence[str]) -> None:
        super().__init__(kind, known, what="document kind")


class PartnershipNotFoundError(NotFoundError):
    """A partnership id that is not in the store.

    >>> str(PartnershipNotFoundError("p-1"))
    "kemitraan 'p-1' tidak tersimpan (lihat Store.find())"
    """

    def __init__(self, partnership_id: str) -> None:
        self.partnership_id = partnership_id
        self.key = partnership_id
        self.known = ()
        self._say(
            N_("partnership {key} is not stored (see Store.find())"), key=repr(partnership_id)
        )


class VersionConflictError(KemitraanError, RuntimeError):
    """A save named the version it read, and the store holds a newer one: nothing was saved.

    Load the partnership again, make the change again, and save with the new version.

    Attributes:
        partnership_id: The partnership.
        expected: The version the save named (0: it was to be created).
        current: The version the store holds (0: there is none).

    >>> str(VersionConflictError("p-1", expected=3, current=4))
    "kemitraan 'p-1' ada pada versi 4, bukan 3: seseorang menyimpannya setelah dibaca; muat ulang"
    """

    def __init__(self, partnership_id: str, *, expected: int, current: int) -> None:
        self.partnership_id = partnership_id
        self.expected = expected
        self.current = current
        if expected == 0:
            reason = N_("it exists already; load it")
        elif current == 0:
            reason = N_("it is not stored; create it with version=0")
        else:
            reason = N_("someone saved it since it was read; load it again")
        self._say(
            N_("partnership {id} is at version {current}, not {expected}: {reason}"),
            id=repr(partnership_id),
            current=current,
            expected=expected,
            reason=words(reason),
        )


class ReadOnlyFieldError(KemitraanError, AttributeError):
    """A field that cannot be assigned: it changes only through the lifecycle's moves.

    Attributes:
        field: The field.

    ``reason`` is a message id (said from the catalogs when it is one).

    >>> error = ReadOnlyFieldError(
    ...     "stage", "it changes only through moves (advance, decline, end, renew, sign)")
    >>> error.message("id")[:61]
    'stage tidak dapat diubah: tahap berubah hanya melalui langkah'
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        self._say(N_("{field} cannot be changed: {reason}"), field=field, reason=words(reason))


class NotPermittedError(KemitraanError, PermissionError):
    """An actor the policy in force does not let do what was asked; nothing changed.

    The message is Indonesian; :meth:`message` gives it in English on request.

    Attributes:
        actor: The :class:`~kemitraan.actors.Actor` who asked (``None`` when nobody was
            acting: a policy is in force and no actor was given).
        action: What was asked (an :class:`~kemitraan.actors.Action` value).
        rule: The rule that refuses it (``not_this_institution``, ``not_the_named_signatory``, …).

    >>> error = NotPermittedError(None, "move", "no_actor",
    ...                           ("tidak ada pelaku", "nobody is acting"))
    >>> str(error), error.message("en")
    ('Ditolak: tidak ada pelaku', 'Refused: nobody is acting')
    """

    def __init__(self, actor: Any, action: str, rule: str, reason: tuple[str, str]) -> None:
        self.actor = actor
        self.action = action
        self.rule = rule
        self.reason = reason
        self._say(N_("Refused: {reason}"), reason=lambda language: reason[language == "en"])


class TransitionRefusedError(KemitraanError, RuntimeError):
    """A lifecycle move was refused; the partnership is exactly as it was.

    Attributes:
        move: The move asked for (``"advance"``, ``"decline"``, ``"end"``, ``"renew"``).
        stage: The stage the partnership is in.

    ``TransitionRefusedError.saying(N_("..."), move=..., stage=..., **values)`` makes one.

    >>> issubclass(TransitionRefusedError, RuntimeError)
    True
    """

    _kept = ("move", "stage")
    move: str = ""
    stage: str = ""

    def __init__(self, message: str, *, move: str, stage: str) -> None:
        self.move = move
        self.stage = stage
        super().__init__(message)


class MoveNotAllowedError(TransitionRefusedError):
    """The move does not exist from this stage (e.g. ``renew`` while mapping partners).

    Attributes:
        allowed: The moves that do exist from this stage (codes; the message says their titles).

    >>> from kemitraan import Move  # the moves' titles
    >>> error = MoveNotAllowedError(move="renew", stage="mapping", allowed=["advance"])
    >>> for part in str(error).split("; "):
    ...     print(part)
    Lanjutkan ke tahun berikutnya tidak dapat dilakukan pada tahap 'mapping'
    yang dapat: Lanjut ke langkah berikutnya
    """

    def __init__(
        self,
        *,
        move: str,
        stage: str,
        allowed: Sequence[str],
        stage_title: Callable[[Language], str] | None = None,
    ) -> None:
        self.allowed = tuple(allowed)
        self.move = move
        self.stage = stage
        self._say(
            N_("{move} cannot be done at the stage {stage}; what can: {allowed}"),
            move=moves_said([move]),
            stage=stage_title or repr(stage),
            allowed=moves_said(self.allowed),
        )


class RequirementsUnmetError(TransitionRefusedError):
    """The guide's requirements for the move are not met.

    Attributes:
        unmet: The unmet requirements (:class:`kemitraan.findings.Requirement`), the same list
            :meth:`kemitraan.Partnership.unmet_requirements` returns.

    >>> from kemitraan import Partnership, Institution, Program
    >>> p = Partnership(institution=Institution(name="PKBM A"),
    ...                 program=Program(name="PKW", objectives=["x"]))
    >>> try:
    ...     p.advance()
    ... except RequirementsUnmetError as error:
    ...     print([r.code for r in error.unmet])
    ...     print(error)  # doctest: +ELLIPSIS
    ['candidate_mapped']
    tahap Identifikasi atau pemetaan objek mitra belum selesai: Petakan sedikitnya satu ...
    """

    def __init__(
        self,
        *,
        move: str,
        stage: str,
        unmet: Sequence[Any],
        stage_title: Callable[[Language], str] | None = None,
    ) -> None:
        self.unmet = list(unmet)
        self.move = move
        self.stage = stage
        self._say(
            N_("the stage {stage} is not complete: {unmet}"),
            stage=stage_title or repr(stage),
            unmet=lambda language: " ".join(r.message.get(language) for r in self.unmet),
        )


class TemplateRenderError(KemitraanError, ValueError):
    """A document template cannot be rendered (bad syntax, a missing attribute, …).

    ``TemplateRenderError.saying(N_("..."), template=..., **values)`` makes one from the
    catalogs; a text given to the constructor is quoted as it is (jinja's own, say).

    Attributes:
        template: The template's name or path.
        problem: What is wrong, without the name (a text, or a callable of the language).

    >>> error = TemplateRenderError("undefined: x", template="mou.docx")
    >>> print(error); print(error.message("en"))
    templat mou.docx tidak dapat diisi: undefined: x
    the template mou.docx cannot be rendered: undefined: x
    """

    _kept = ("template",)
    _PREFIX = N_("the template {template} cannot be rendered: {problem}")
    template: str = "<template>"

    def __init__(self, message: str | Callable[[Language], str], *, template: str) -> None:
        self.template = template
        self.problem = message
        Said._say(self, self._PREFIX, template=template, problem=message)

    def _say(self, message: str, /, **context: Any) -> None:
        template = context.pop("template", self.template)
        self.problem = problem = phrase(message, **context)
        Said._say(self, self._PREFIX, template=template, problem=problem)


class MissingTemplateVariablesError(TemplateRenderError):
    """The template uses names the context does not provide; nothing was rendered.

    Attributes:
        missing: The names, sorted.

    >>> MissingTemplateVariablesError(["ttd", "nomor"], template="surat.docx").missing
    ['nomor', 'ttd']
    """

    def __init__(self, missing: Sequence[str], *, template: str) -> None:
        self.missing = sorted(missing)
        self.template = template
        self._say(N_("it uses names the context does not give: {names}"),
                  names=", ".join(self.missing))  # fmt: skip


class UnsafeTemplateError(TemplateRenderError):
    """The template reaches for something the sandbox forbids (``__class__`` and the like).

    >>> issubclass(UnsafeTemplateError, TemplateRenderError)
    True
    """


class MissingTranslationsError(TemplateRenderError):
    """A bilingual document needs English for wording that has none.

    Attributes:
        missing: The Indonesian texts without an English translation, in document order.

    >>> MissingTranslationsError(["Ruang lingkup"]).missing
    ['Ruang lingkup']
    """

    def __init__(self, missing: Sequence[str], *, template: str = "bilingual document") -> None:
        self.missing = list(dict.fromkeys(missing))
        self.template = template
        named = words(N_("bilingual document")) if template == "bilingual document" else template
        self._say(N_("it needs English for {count} texts (add them to Agreement.translations): "
                     "{texts}"), count=len(self.missing), template=named,
                  texts=cut_short([repr(t) for t in self.missing], 5))  # fmt: skip


class MissingExtraError(KemitraanError, ImportError):
    """A feature needs an optional extra that is not installed; the message names it.

    Attributes:
        extra: The extra to install (``pip install 'kemitraan[extra]'``).

    >>> MissingExtraError("diagrams", "graphviz_diagram", "pydot").extra
    'diagrams'
    """

    def __init__(self, extra: str, feature: str, package: str) -> None:
        self.extra = extra
        self._say(N_("{feature} needs {package}; install it: pip install 'kemitraan[{extra}]'"),
                  feature=feature, package=package, extra=extra)  # fmt: skip


class InvalidDeclarationError(KemitraanError, ValueError):
    """A rule, requirement or document kind is declared wrongly (a code used twice, …).

    Raised when the declaration is made, so a bad definition fails at import.

    >>> issubclass(InvalidDeclarationError, ValueError)
    True
    """


class DocumentNotFoundError(KemitraanError, FileNotFoundError):
    """A document to convert or read does not exist.

    >>> str(DocumentNotFoundError("mou.docx"))
    'dokumen mou.docx tidak ada'
    """

    def __init__(self, path: str) -> None:
        self._say(N_("the document {path} does not exist"), path=path)


class ConverterNotFoundError(KemitraanError, FileNotFoundError):
    """The program that converts DOCX to PDF is not installed.

    Attributes:
        program: The program looked for.

    >>> ConverterNotFoundError("soffice").program
    'soffice'
    """

    def __init__(self, program: str) -> None:
        self.program = program
        self._say(N_("{program} (LibreOffice) is not installed or not on PATH; install LibreOffice "
                     "(e.g. apt-get install libreoffice-writer) to convert documents to PDF"),
                  program=program)  # fmt: skip


class ConversionFailedError(KemitraanError, RuntimeError):
    """LibreOffice ran but did not produce the PDF.

    ``ConversionFailedError.saying(N_("..."), output=..., **values)`` makes one.

    Attributes:
        output: What the program printed.

    >>> ConversionFailedError("exit 1", output="Error: source file could not be loaded").output
    'Error: source file could not be loaded'
    """

    _kept = ("output",)
    output: str = ""

    def __init__(self, message: str, *, output: str = "") -> None:
        self.output = output
        super().__init__(message)


class AgreementNotReadyError(KemitraanError, ValueError):
    """An agreement whose check finds errors was to be rendered as a final document.

    Render it with ``draft=True`` to get a document marked as a draft. The findings are
    said by their messages; their codes stay in :attr:`findings`.

    Attributes:
        findings: The error findings of :meth:`kemitraan.Agreement.check`.

    >>> AgreementNotReadyError([]).findings
    []
    """

    def __init__(self, findings: Sequence[Any]) -> None:
        self.findings = list(findings)
        said = cut_short(lambda language: [f.message.get(language) for f in self.findings], 5)
        self._say(N_("the agreement has {count} errors to fix before it is final (or render it "
                     "as a draft): {findings}"), count=len(findings), findings=said)  # fmt: skip


class InvalidSpreadsheetError(InvalidDataError):
    """A workbook or CSV folder that cannot be imported; nothing was imported.

    Lists every problem found, each naming its sheet (or CSV file), row and column
    Excel-style (``Mitra!C7``) and the rule broken; the message is Indonesian,
    :meth:`message` gives it in English on request.

    Attributes:
        source: The file or folder read.
        problems: Every problem, in the order found: each has ``where`` (``Mitra!C7``),
            ``sheet``, ``row``, ``column``, ``header``, ``rule`` and ``message(language)``
            (:class:`kemitraan.spreadsheets.CellProblem`).

    >>> from kemitraan.spreadsheets import CellProblem
    >>> error = InvalidSpreadsheetError("mitra.xlsx", [CellProblem(
    ...     "Mitra", 7, "C", "Jenis mitra", "not_choice",
    ...     ("'toko' bukan pilihan", "'toko' is not a choice"))])
    >>> print(error)
    mitra.xlsx tidak dapat diimpor (1 masalah; tidak ada yang diimpor):
    - Mitra!C7 (Jenis mitra): 'toko' bukan pilihan
    >>> error.errors[0]["loc"], error.errors[0]["type"]
    (('Mitra!C7',), 'not_choice')
    """

    def __init__(
        self, source: str, problems: Sequence[Any], *, language: Language | None = None
    ) -> None:
        self.source = source
        self.problems = list(problems)
        language = language or current_language()
        errors = [
            {"loc": (p.where,), "msg": p.message(language), "type": p.rule} for p in self.problems
        ]
        super().__init__(source, errors)
        self.args = (self.message(language),)

    def message(self, language: Language | None = None) -> str:
        """Every problem (the first 50, and how many more), in ``"id"`` or ``"en"``."""
        return problems_said(self.source, self.problems, language or current_language())
