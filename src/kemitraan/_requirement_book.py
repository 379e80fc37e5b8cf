"""The machinery behind :mod:`kemitraan.requirements`: declaring requirements, reading them.

A lifecycle requirement is a :class:`~kemitraan.findings.Rule` on a partnership and the
move asked for (:class:`Ask`), guarding ``(stage, move)`` pairs (:class:`LifecycleRule`).
The declarations themselves live in :mod:`kemitraan.requirements`; everything that
reads them — the partnership's checklist, :func:`requirement_codes`, ``waiting_on``, the
docs' table — is here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from kemitraan._base import Language, in_language
from kemitraan._catalog import current_language
from kemitraan.agreement_checks import AGREEMENT_RULES
from kemitraan.exceptions import InvalidDeclarationError, NotFoundError
from kemitraan.findings import Finding, Hit, Rule, Severity, canonical_code
from kemitraan.lifecycle import Move, Stage, transition_table

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike
    from kemitraan.agreements import Agreement

__all__ = [
    "RENEWAL",
    "REQUIREMENTS",
    "STOPPING",
    "Ask",
    "LifecycleRule",
    "advancing_from",
    "cautions",
    "from_agreement",
    "holds_up",
    "requirement",
    "requirement_codes",
    "requirement_on_ask",
    "requirement_summary",
    "requirements_table",
    "stages_held_up_by",
    "unmet",
]

Guard = tuple[Stage, Move]


@dataclass(frozen=True)
class Ask:
    """A move asked for, with what it carries: the reason, or who signs what.

    >>> Ask(Move.DECLINE, reason="Mitra menutup usaha").reason
    'Mitra menutup usaha'
    """

    move: Move
    """The move."""
    reason: str | None = None
    """For decline and end: the reason given."""
    party_id: str | None = None
    """For a signature: who signs."""
    document: Agreement | None = None
    """For a signature: the agreement or addendum signed."""


Subject = tuple["PartnershipLike", Ask]


@dataclass(frozen=True)
class LifecycleRule:
    """A requirement of the guide: a rule on a partnership and the moves it guards.

    >>> import kemitraan.requirements  # the declarations
    >>> rule = next(r for r in REQUIREMENTS if r.rule.code == "all_signed")
    >>> [(s.value, m.value) for s, m in rule.guards]
    [('signing', 'advance')]
    """

    rule: Rule[Subject]
    """The rule: code, basis, messages, check (on the partnership and the move asked)."""
    guards: tuple[Guard, ...]
    """The ``(stage, move)`` pairs it must be met before."""
    severity: Severity = Severity.ERROR
    """An error blocks the move; a warning (a practice the guide does not make a condition
    of the step) is reported by :func:`cautions` and lets the move be made."""


REQUIREMENTS: list[LifecycleRule] = []
"""Every lifecycle requirement, in the order they are reported."""


def advancing_from(*stages: Stage) -> tuple[Guard, ...]:
    """The guards of moving on from ``stages`` to their next step."""
    return tuple((stage, Move.ADVANCE) for stage in stages)


RENEWAL: Final = ((Stage.FOLLOW_UP, Move.RENEW),)
STOPPING: Final = tuple(
    (stage, move)
    for stage in Stage
    for move in (Move.DECLINE, Move.END)
    if not stage.is_terminal and (stage, move) in transition_table()
)


def _declare(
    rule: Rule[Subject], guards: tuple[Guard, ...], severity: Severity = Severity.ERROR
) -> None:
    table = transition_table()
    for guard in guards:
        if guard not in table:
            raise InvalidDeclarationError.saying(
                "{rule}: there is no move {move} from {stage}",
                rule=rule.code,
                move=guard[1].value,
                stage=guard[0].value,
            )
    if any(r.rule.code == rule.code for r in REQUIREMENTS):
        raise InvalidDeclarationError.saying(
            "the requirement {rule} is declared twice", rule=repr(rule.code)
        )
    REQUIREMENTS.append(LifecycleRule(rule, guards, severity))


def requirement(
    code: str,
    *,
    guards: tuple[Guard, ...],
    basis: str,
    summary: str,
    english: str,
    indonesian: str | None = None,
    replaces: tuple[str, ...] = (),
    severity: Severity = Severity.ERROR,
    summary_indonesian: str | None = None,
) -> Callable[[Callable[[PartnershipLike], Iterable[Hit]]], None]:
    """Declare a requirement whose check is the decorated function of the partnership.

    ``summary`` and ``english`` are English ids (``N_("…")`` in the library, said in
    Indonesian from the catalog); ``indonesian`` and ``summary_indonesian`` are for a
    requirement declared outside the library (see :class:`~kemitraan.findings.Rule`).
    ``severity=Severity.WARNING`` declares a caution: reported, never blocking.
    """

    def declare(check: Callable[[PartnershipLike], Iterable[Hit]]) -> None:
        rule: Rule[Subject] = Rule(
            code=code,
            basis=basis,
            summary=summary,
            english=english,
            check=lambda subject: check(subject[0]),
            replaces=replaces,
            indonesian=indonesian,
            summary_indonesian=summary_indonesian,
        )
        _declare(rule, guards, severity)

    return declare


def requirement_on_ask(
    code: str,
    *,
    guards: tuple[Guard, ...],
    basis: str,
    summary: str,
    english: str,
    indonesian: str | None = None,
    summary_indonesian: str | None = None,
) -> Callable[[Callable[[PartnershipLike, Ask], Iterable[Hit]]], None]:
    """Declare a requirement whose check also reads the move asked (its reason, its signer)."""

    def declare(check: Callable[[PartnershipLike, Ask], Iterable[Hit]]) -> None:
        rule: Rule[Subject] = Rule(
            code=code,
            basis=basis,
            summary=summary,
            english=english,
            check=lambda subject: check(*subject),
            indonesian=indonesian,
            summary_indonesian=summary_indonesian,
        )
        _declare(rule, guards)

    return declare


def from_agreement(
    code: str, *, guards: tuple[Guard, ...], severity: Severity = Severity.ERROR
) -> None:
    """Use a rule of the agreement's checks as a requirement on the partnership's agreement."""
    checked = AGREEMENT_RULES[code]

    def check(subject: Subject) -> Iterable[Hit]:
        agreement = subject[0].agreement
        return () if agreement is None else checked.check(agreement)

    rule: Rule[Subject] = Rule(
        code=checked.code,
        basis=checked.basis,
        summary=checked.summary,
        english=checked.english,
        check=check,
        replaces=checked.replaces,
        indonesian=checked.indonesian,
        summary_indonesian=checked.summary_indonesian,
    )
    _declare(rule, guards, severity)


def unmet(partnership: PartnershipLike, ask: Ask) -> list[Finding]:
    """What the declared requirements still miss before the move asked, from the current stage.

    Every unmet requirement blocks the move, so each is reported as an error.
    """
    return _found(partnership, ask, Severity.ERROR)


def cautions(partnership: PartnershipLike, ask: Ask) -> list[Finding]:
    """What the declared cautions find before the move asked: warnings, never blocking."""
    return _found(partnership, ask, Severity.WARNING)


def _found(partnership: PartnershipLike, ask: Ask, severity: Severity) -> list[Finding]:
    guard = (partnership.stage, ask.move)
    return [
        finding
        for declared in REQUIREMENTS
        if declared.severity is severity and guard in declared.guards
        for finding in declared.rule.findings((partnership, ask), severity=severity)
    ]


def holds_up(partnership: PartnershipLike, move: Move, code: str) -> bool:
    """Whether requirement ``code`` is unmet before ``move`` (no finding is built)."""
    guard = (partnership.stage, move)
    return any(
        next(iter(declared.rule.check((partnership, Ask(move)))), None) is not None
        for declared in REQUIREMENTS
        if declared.rule.code == code
        and guard in declared.guards
        and declared.severity is Severity.ERROR
    )


def requirement_codes() -> dict[tuple[Stage, Move], frozenset[str]]:
    """Every requirement code the guide's rules can report, per ``(stage, move)``.

    Apps use it to build checklists and translations; :func:`kemitraan.summary.waiting_on`
    uses it to look only at partnerships that could be held up by a code.

    >>> import kemitraan.requirements  # the declarations
    >>> sorted(requirement_codes()[(Stage.SIGNING, Move.ADVANCE)])
    ['agreement_drafted', 'all_signed', 'plan_in_the_parties_hands']
    """
    codes: dict[tuple[Stage, Move], set[str]] = {}
    for declared in REQUIREMENTS:
        for guard in declared.guards:
            codes.setdefault(guard, set()).add(declared.rule.code)
    return {guard: frozenset(found) for guard, found in codes.items()}


def stages_held_up_by(code: str) -> set[Stage]:
    """The stages whose next step (advance or renew) can be held up by ``code``.

    Raises:
        NotFoundError: no requirement has that code (or had it once).
    """
    wanted = canonical_code(code)
    if not any(declared.rule.code == wanted for declared in REQUIREMENTS):
        known = sorted(declared.rule.code for declared in REQUIREMENTS)
        raise NotFoundError(code, known, what="requirement code")
    return {
        stage
        for declared in REQUIREMENTS
        if declared.rule.code == wanted and declared.severity is Severity.ERROR
        for stage, move in declared.guards
        if move in (Move.ADVANCE, Move.RENEW)
    }


def requirement_summary(code: str, language: Language | None = None) -> str:
    """What requirement ``code`` asks for, in ``language`` (the language in force by default).

    >>> import kemitraan.requirements  # the declarations
    >>> requirement_summary("all_signed"), requirement_summary("all_signed", "en")
    ('Penandatangan setiap pihak telah menandatangani.', "Every party's signatory has signed.")

    Raises:
        NotFoundError: no requirement has that code (or had it once).
    """
    wanted = canonical_code(code)
    for declared in REQUIREMENTS:
        if declared.rule.code == wanted:
            return in_language(language or current_language(), *declared.rule.summaries())
    known = sorted(declared.rule.code for declared in REQUIREMENTS)
    raise NotFoundError(code, known, what="requirement code")


def requirements_table() -> str:
    """The Markdown table of every requirement, as ``docs/lifecycle.md`` shows it.

    >>> import kemitraan.requirements  # the declarations
    >>> print(requirements_table().splitlines()[2][:51])
    | 2. Menggali informasi | `candidate_mapped` | Map
    """
    rows = ["| before | code | what it asks | basis |", "|---|---|---|---|"]
    table = transition_table()
    for (stage, move), target in table.items():
        if move not in (Move.ADVANCE, Move.RENEW):
            continue
        before = target.title_id if move is Move.ADVANCE else "renewal (next cycle)"
        for declared in REQUIREMENTS:
            if (stage, move) in declared.guards:
                rule = declared.rule
                asks = rule.summary
                if declared.severity is Severity.WARNING:
                    asks = f"*(a caution, not a condition)* {asks}"
                rows.append(f"| {before} | `{rule.code}` | {asks} | {rule.basis} |")
    for moves, before in (
        ((Move.SIGN,), "a signature (step 7)"),
        ((Move.SIGN_ADDENDUM,), "an addendum's signature (steps 8–11)"),
        ((Move.SIGN_PKS,), "a cooperation agreement's signature (steps 7–11)"),
        ((Move.DECLINE, Move.END), "decline, end"),
    ):
        for declared in REQUIREMENTS:
            if any(move in moves for _, move in declared.guards):
                rule = declared.rule
                rows.append(f"| {before} | `{rule.code}` | {rule.summary} | {rule.basis} |")
    return "\n".join(rows) + "\n"
