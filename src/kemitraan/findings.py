"""Findings, and the rules that find them.

Every rule in kemitraan — a legal check of an agreement (KUHPerdata 1320, UU 24/2009,
…) or a requirement of the guide before a lifecycle move — is one :class:`Rule`
declaration: its stable code, its basis, its message (an English message id, said in
Indonesian from the catalogs), and the check that finds where it is not met. What a
rule finds is one shape everywhere, a :class:`Finding`, whether
:meth:`kemitraan.Agreement.check` returns it or
:meth:`kemitraan.Partnership.unmet_requirements` does (there it is called a
requirement, and :data:`Requirement` is the same class).

A rule that both the agreement check and a lifecycle step need is declared once,
with the agreement's checks, and used by both.

Codes are stable. Where two codes once meant the same rule, the old one is listed in
the rule's ``replaces`` and still accepted wherever a code is looked up
(:func:`canonical_code`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from kemitraan._base import BilingualText, LabelledEnum, Language, ValueModel
from kemitraan._catalog import say
from kemitraan.exceptions import InvalidDeclarationError

__all__ = [
    "Finding",
    "Hit",
    "Requirement",
    "Rule",
    "RuleBook",
    "Severity",
    "canonical_code",
]

S = TypeVar("S")


class Severity(LabelledEnum):
    """How serious a finding is.

    >>> [s.value for s in Severity]
    ['error', 'warning', 'info']
    """

    ERROR = "error", "Galat", "Error"
    WARNING = "warning", "Peringatan", "Warning"
    INFO = "info", "Informasi", "Information"


class Finding(ValueModel):
    """What a rule found: the rule's code, how serious, why, and where.

    >>> finding = Finding(
    ...     code="scope_missing", severity=Severity.ERROR, basis="KUHPerdata Pasal 1320",
    ...     message=BilingualText(indonesian="Ruang lingkup kosong", english="Empty scope"),
    ... )
    >>> finding.message.get("en")
    'Empty scope'
    """

    code: str
    """Stable code of the rule (``"role_for_every_party"``)."""
    severity: Severity = Severity.ERROR
    """Error (must be fixed; an unmet lifecycle requirement always is), warning or information."""
    message: BilingualText
    """What was found, in Indonesian and English."""
    basis: str
    """Where the rule comes from (``"KUHPerdata Pasal 1320"``, ``"Panduan A.6"``)."""
    party_id: str | None = None
    """The party it concerns, when it concerns one."""
    path: str | None = None
    """The field concerned, as a dotted path, when there is one."""


Requirement = Finding
"""A lifecycle requirement the data does not meet yet: a :class:`Finding` that blocks a move."""


@dataclass(frozen=True)
class Hit:
    """One place where a rule is not met: the party and field concerned, and the message's values.

    >>> Hit(party_id="kube", values={"name": "KUBE"}).values["name"]
    'KUBE'
    """

    party_id: str | None = None
    """The party concerned."""
    path: str | None = None
    """The field concerned, as a dotted path."""
    values: Mapping[str, Any] = field(default_factory=dict)
    """What the rule's message templates name (``{name}``, ``{label}``, …)."""
    severity: Severity | None = None
    """How serious this place is, when the rule grades its hits (else the rule's own)."""


def _said(values: Mapping[str, Any], language: Language) -> dict[str, Any]:
    from kemitraan.conventions import date_long

    def said(value: Any) -> Any:
        if isinstance(value, date):
            return date_long(value, language)
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, date) for v in value):
            return f"{date_long(value[0], language)} – {date_long(value[1], language)}"
        if isinstance(value, BilingualText):
            return value.get(language)
        return value

    return {key: said(value) for key, value in values.items()}


@dataclass(frozen=True)
class Rule(Generic[S]):
    """One rule, declared once: code, basis, message, severity and the check.

    The message is a template (``str.format`` fields filled from each :class:`Hit`'s
    values, named, never positional); the check yields a hit for every place the rule is
    not met.

    The library's own rules give only ``english``, an English message id marked with
    ``N_`` so that ``tools/catalogs.py`` puts it in the catalogs: the Indonesian is said
    from the Indonesian catalog (``src/kemitraan/locale/id/LC_MESSAGES/kemitraan.po``),
    where a translator edits it, and the English from the English one.

    A rule declared outside the library (whose text no catalog holds) gives
    ``indonesian`` too; given, it wins over the catalog, and ``english`` is said as it
    is:

    >>> rule = Rule(
    ...     code="named", basis="Panduan A.1", summary="Every candidate has a name.",
    ...     english="Candidate {n} has no name.", indonesian="Calon {n} belum bernama.",
    ...     check=lambda names: (Hit(values={"n": i}) for i, n in enumerate(names) if not n),
    ... )
    >>> [f.message.get("id") for f in rule.findings(["PKBM", ""])]
    ['Calon 1 belum bernama.']

    Without ``indonesian``, a text the catalog lacks is said as it is in both languages.
    """

    code: str
    """Stable code."""
    basis: str
    """The guide's step, or the law, it comes from."""
    summary: str
    """What the rule asks for: an English message id (``N_("…")`` in the library), said
    from the catalogs (:meth:`summaries`), for checklists, a portfolio's tables and the
    docs."""
    english: str
    """The message when it is not met: an English message id (a template), said from the
    catalogs."""
    check: Callable[[S], Iterable[Hit]]
    """Yields a :class:`Hit` for every place the rule is not met."""
    severity: Severity = Severity.ERROR
    """How serious it is when not met."""
    replaces: tuple[str, ...] = ()
    """Older codes of the same rule, still accepted when looked up."""
    indonesian: str | None = None
    """The message in Indonesian, for a rule declared outside the library: it wins over the
    catalog (``None``: said from the Indonesian catalog)."""
    summary_indonesian: str | None = None
    """What the rule asks for in Indonesian, for a rule declared outside the library, as
    ``indonesian`` is for its message."""

    def summaries(self) -> tuple[str, str]:
        """What the rule asks for, in Indonesian and English.

        >>> import kemitraan  # the library's rules
        >>> from kemitraan.agreement_checks import AGREEMENT_RULES
        >>> AGREEMENT_RULES["signatory_named"].summaries()
        ('Setiap pihak menyebutkan penandatangannya.', 'Every party names its signatory.')
        """
        if self.summary_indonesian is not None:
            return self.summary_indonesian, self.summary
        return say(self.summary, "id"), say(self.summary, "en")

    def message(self, hit: Hit) -> BilingualText:
        """The rule's message for ``hit``, in Indonesian and English (its values filled in).

        A value that is a day is said in long form in each language ("9 Maret 2026"), a
        pair of days as a span, and a :class:`~kemitraan._base.BilingualText` in each
        language.

        >>> rule = Rule(code="x", basis="-", summary="-", indonesian="berakhir {end}",
        ...             english="ends {end}", check=lambda _: ())
        >>> rule.message(Hit(values={"end": date(2026, 3, 9)})).get("id")
        'berakhir 9 Maret 2026'
        """
        indonesian, english = self.texts()
        return BilingualText.of(
            indonesian.format_map(_said(hit.values, "id")),
            english.format_map(_said(hit.values, "en")),
        )

    def texts(self) -> tuple[str, str]:
        """The message's templates, in Indonesian and English.

        >>> import kemitraan  # the library's rules
        >>> from kemitraan.agreement_checks import AGREEMENT_RULES
        >>> AGREEMENT_RULES["term_set"].texts()[0][:44]
        'Jangka waktu kerja sama belum ditetapkan, da'
        """
        if self.indonesian is not None:
            return self.indonesian, self.english
        return say(self.english, "id"), say(self.english, "en")

    def findings(self, subject: S, *, severity: Severity | None = None) -> Iterator[Finding]:
        """The findings for ``subject``, one per hit (``severity`` overrides the rule's)."""
        for hit in self.check(subject):
            yield Finding.trusted(
                code=self.code,
                severity=severity or hit.severity or self.severity,
                basis=self.basis,
                message=self.message(hit),
                party_id=hit.party_id,
                path=hit.path,
            )


class RuleBook(Generic[S]):
    """An ordered set of rules on one kind of subject, filled by declaration.

    >>> book: RuleBook[str] = RuleBook()
    >>> @book.rule("not_empty", basis="-", summary="Not empty.", english="Empty.",
    ...            indonesian="Kosong.")
    ... def _(text: str) -> Iterator[Hit]:
    ...     if not text:
    ...         yield Hit()
    >>> [f.code for f in book.findings("")]
    ['not_empty']
    """

    def __init__(self) -> None:
        self._rules: dict[str, Rule[S]] = {}

    def add(self, rule: Rule[S]) -> Rule[S]:
        """Add a declared rule; its code (and the codes it replaces) must be new."""
        for code in (rule.code, *rule.replaces):
            if code in self._rules or code in _LEGACY:
                raise InvalidDeclarationError.saying(
                    "the rule code {rule} is declared twice", rule=repr(code)
                )
        self._rules[rule.code] = rule
        for old in rule.replaces:
            _LEGACY[old] = rule.code
        return rule

    def rule(
        self,
        code: str,
        *,
        basis: str,
        summary: str,
        english: str,
        indonesian: str | None = None,
        severity: Severity = Severity.ERROR,
        replaces: tuple[str, ...] = (),
        summary_indonesian: str | None = None,
    ) -> Callable[[Callable[[S], Iterable[Hit]]], Rule[S]]:
        """Declare a rule whose check is the decorated function.

        ``summary`` and ``english`` are English ids (``N_("…")`` in the library);
        ``indonesian`` and ``summary_indonesian`` are for a rule declared outside it (see
        :class:`Rule`).
        """

        def declare(check: Callable[[S], Iterable[Hit]]) -> Rule[S]:
            return self.add(
                Rule(
                    code=code,
                    basis=basis,
                    summary=summary,
                    english=english,
                    check=check,
                    severity=severity,
                    replaces=replaces,
                    indonesian=indonesian,
                    summary_indonesian=summary_indonesian,
                )
            )

        return declare

    def __iter__(self) -> Iterator[Rule[S]]:
        return iter(self._rules.values())

    def __getitem__(self, code: str) -> Rule[S]:
        return self._rules[canonical_code(code)]

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and canonical_code(code) in self._rules

    def findings(self, subject: S) -> list[Finding]:
        """Every finding of every rule, in declaration order."""
        return [finding for rule in self for finding in rule.findings(subject)]


_LEGACY: dict[str, str] = {}


def canonical_code(code: str) -> str:
    """The code a rule has now, for a code that may be an older name of it.

    >>> import kemitraan  # the rules are declared with the agreement's checks
    >>> canonical_code("party_without_role"), canonical_code("all_signed")
    ('role_for_every_party', 'all_signed')
    """
    return _LEGACY.get(code, code)
