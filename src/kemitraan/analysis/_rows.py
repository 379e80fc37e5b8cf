"""Rows of a portfolio read straight from stored JSON: no partnership model is built.

One function, :func:`raw_row`, serves both routes: the fast readers call it on the
dictionary :func:`json.loads` gives, and :meth:`Portfolio.from_partnerships` on a
model's JSON dump (passing what the model knows for sure: the term in force and whether
the MoU is signed), then adds what only the model can say (requirements, deviations,
health). So both routes give the same columns the same way.

The readers trust what they read: they check no history chain. Each field they use is
checked for its type, and data that is not a partnership as kemitraan stores it raises
:class:`RowError`, which the readers turn into an error naming the file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from kemitraan._base import day_rule, instant_rule, text_rule
from kemitraan._catalog import N_, phrase
from kemitraan._privacy import mask_name
from kemitraan.lifecycle import Stage
from kemitraan.parties import BusinessScale, ContributionKind, PartnerKind, ScaleEvidence
from kemitraan.programs import PkwRole, roles_of
from kemitraan.regions import regency_name
from kemitraan.summary import renewal_due

_STEP: Final = {stage.value: stage.number for stage in Stage}
_LABEL: Final = {stage.value: stage.label_id for stage in Stage}
_TERMINAL: Final = frozenset({Stage.DECLINED.value, Stage.ENDED.value})
_PERSONS: Final = frozenset({"community_figure"})
_SIGNATURES: Final = frozenset({"sign", "sign_pks", "sign_addendum"})

#: The columns every portfolio frame has, in order (the model route adds DERIVED_COLUMNS).
RAW_COLUMNS: Final = (
    "id",
    "institution",
    "institution_id",
    "program",
    "program_kind",
    "province",
    "regency",
    "stage",
    "stage_label",
    "step",
    "cycle",
    "outcome",
    "furthest_step",
    "pattern",
    "candidates",
    "parties",
    "party_names",
    "facilitator",
    "moves",
    "entered_stage_at",
    "days_in_stage",
    "mou_signed",
    "term_start",
    "term_end",
    "renewal_due",
    "partner_kinds",
    "pkw_dudi",
    "pkw_umkm",
    "pkw_financing",
    "pkw_platform",
    "pkw_missing",
    "learners",
    "completed",
    "started_business",
    "earning_umk",
)
"""``partner_kinds`` counts the committed partners by kind (``Dunia usaha dan industri: 1;
…``). The PKW columns (from ``pkw_dudi``): the committed partners filling each PKW role
(:func:`kemitraan.programs.pkw_roles`), the roles a PKW programme still lacks, and its
learners' measures on the portfolio's day (:func:`kemitraan.learners.pkw_outcomes`;
``earning_umk`` is empty without the programme's UMK)."""

#: The columns only a loaded partnership can fill.
DERIVED_COLUMNS: Final = (
    "next_move",
    "next_requirement",
    "unmet_requirements",
    "deviations",
    "critical_deviations",
    "health",
    "partners_at_risk",
)

VISIT_COLUMNS: Final = ("id", "cycle", "stage", "step", "entered_at", "left_at")


class RowError(ValueError):
    """Stored data that is not a partnership as kemitraan stores it.

    ``message`` is an English message id naming ``values`` (a phrase among them said
    in the language asked for).

    Attributes:
        reason: Why, in the language asked for.
        rule: The rule it breaks (``model_type`` unless a model's rule says better).
    """

    def __init__(self, message: str, rule: str = "model_type", **values: Any) -> None:
        self.reason = phrase(message, **values)
        self.rule = rule
        super().__init__(self.reason("en"))


def _shown(value: Any) -> str:
    """A value read, as an error quotes it: at most 40 characters."""
    return repr(str(value)[:40])


def _object(value: Any, what: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RowError(N_("{what} is not an object"), what=phrase(what))
    return value


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RowError(N_("{what} is not a list"), what=phrase(what))
    return value


def _held(rule: Callable[[Any], Any], value: Any, what: str) -> None:
    """The models' rule for a text, day or instant, applied to a value read raw."""
    try:
        rule(value)
    except PydanticCustomError as exc:
        raise RowError(
            N_("{what}: {reason}"), exc.type, what=phrase(what), reason=exc.message()
        ) from None


def _text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RowError(N_("{what} is not text"), what=phrase(what))
    if not value.isascii() or "\x00" in value:
        # what no model holds (a lone surrogate, the null character) a Parquet file cannot
        # either: refused here, not as pyarrow's UnicodeEncodeError
        _held(text_rule, value, what)
    return value


def _day(value: Any, what: str) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RowError(
            N_("{what} is not a date: {value}"), what=phrase(what), value=_shown(value)
        ) from None
    _held(day_rule, day, what)  # a renewal due 90 days before year 1 does not exist
    return day


def _moment(value: Any, what: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise RowError(
            N_("{what} is not a date and time: {value}"), what=phrase(what), value=_shown(value)
        ) from None
    if moment.tzinfo is None:
        raise RowError(N_("{what} has no time zone"), what=phrase(what))
    _held(instant_rule, moment, what)
    return moment


def _stage(value: Any, what: str) -> str:
    if not isinstance(value, str) or value not in _STEP:
        raise RowError(N_("{what} is not a stage: {value}"), what=phrase(what), value=_shown(value))
    return value


def _count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RowError(N_("{what} is not a whole number of 1 or more"), what=phrase(what))
    return value


def _name(party: dict[str, Any], masked: bool) -> str:
    name = _text(party.get("name"), N_("a party's name")) or ""
    return mask_name(name) if masked and party.get("kind") in _PERSONS else name


def _signed_by(history: list[dict[str, Any]], move: str) -> dict[Any, set[Any]]:
    """Each digest signed by ``move`` in the history, and who signed it."""
    found: dict[Any, set[Any]] = {}
    for record in history:
        if record.get("move") == move:
            found.setdefault(record.get("digest"), set()).add(record.get("party_id"))
    return found


def _term(
    agreement: dict[str, Any], addenda: list[Any], history: list[dict[str, Any]]
) -> tuple[date | None, date | None]:
    """The MoU's term, as the addenda every party signed change it.

    Only when an addendum changes the MoU's term are the agreement and its addenda read as
    models: a signature names its text by a digest, which needs the text as a model.
    """
    term = _object(agreement.get("term"), N_("the agreement's term"))
    start, end = (
        _day(term.get("start"), N_("the term's start")),
        _day(term.get("end"), N_("its end")),
    )
    changing = [
        a
        for a in (_object(item, N_("an addendum")) for item in addenda)
        if _object(a.get("amends"), N_("what an addendum amends")).get("kind") == "mou"
        and any(
            _object(change, N_("an amendment")).get("change") == "term"
            for change in _list(a.get("amendments"), N_("an addendum's amendments"))
        )
    ]
    if not changing:
        return start, end
    from kemitraan.agreements import Agreement

    try:
        mou = Agreement.model_validate(agreement)
        texts = [Agreement.model_validate(a) for a in addenda]
    except ValidationError as exc:
        detail = exc.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        raise RowError(
            N_("an agreement does not validate: {where}: {reason}"),
            where=where,
            reason=detail["msg"],
        ) from None
    signed = _signed_by(history, "sign_addendum")
    in_force = sorted(
        (a for a in texts if set(a.party_ids) <= signed.get(a.digest(), set())),
        key=lambda a: (a.date, a.digest()),
    )
    amended = mou.amended_by(in_force).term
    return (amended.start, amended.end) if amended is not None else (None, None)


def stays(
    pid: Any,
    moves: Iterable[tuple[datetime, str, int]],
    visits: list[tuple[Any, ...]] | None,
) -> tuple[int, str | None, datetime | None]:
    """Follow a partnership's moves (when, to which stage, in which cycle), oldest first.

    Each stay in a step goes into ``visits`` (the first step's start is not recorded);
    returns the furthest step reached, the outcome (declined or ended) if any, and when
    the partnership entered the step it is in.
    """
    furthest = 1
    outcome: str | None = None
    entered: datetime | None = None
    entry: tuple[int, str, datetime | None] = (1, Stage.MAPPING.value, None)
    for at, to_stage, cycle in moves:
        if visits is not None:
            visits.append((pid, entry[0], entry[1], _STEP[entry[1]], entry[2], at))
        entry = (cycle, to_stage, at)
        entered = at
        step = _STEP[to_stage]
        if step is not None:
            furthest = max(furthest, step)
        else:
            outcome = to_stage
    if visits is not None:
        visits.append((pid, entry[0], entry[1], _STEP[entry[1]], entry[2], None))
    return furthest, outcome, entered


def raw_row(
    data: dict[str, Any],
    visits: list[tuple[Any, ...]] | None,
    *,
    on: date,
    masked: bool,
    renewal_lead_days: int,
    known: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """One partnership's row (:data:`RAW_COLUMNS`); its stays in steps go into ``visits``.

    ``known`` holds what a loaded model says for sure (``term``, ``mou_signed``).

    Raises:
        RowError: when a field it reads is not what kemitraan stores there.
    """
    pid = _text(data.get("id"), N_("id"))
    institution = _object(data.get("institution"), N_("institution"))
    program = _object(data.get("program"), N_("program"))
    region = _object(institution.get("region"), N_("the institution's region")) or _object(
        program.get("location"), "the programme's location"
    )
    recorded = [
        _object(r, N_("a history record")) for r in _list(data.get("history"), N_("history"))
    ]
    agreement = _object(data.get("agreement"), N_("agreement"))
    parties = [
        _object(p, N_("a party")) for p in _list(agreement.get("parties"), N_("the parties"))
    ]
    stage = _stage(data.get("stage", "mapping"), N_("stage"))
    cycle = _count(data.get("cycle", 1), N_("cycle"))
    # the partnership as it stood on ``on``: what its history records up to that day
    history = [r for r in recorded if _moment(r.get("at"), N_("a record's time")).date() <= on]
    if len(history) < len(recorded):
        known = None  # what the model says is what it says now, not on that day
        kept = [r for r in history if r.get("move") not in _SIGNATURES]
        stage = _stage(kept[-1].get("to_stage"), N_("a record's stage")) if kept else "mapping"
        cycle = _count(kept[-1].get("cycle", 1), N_("a record's cycle")) if kept else 1

    moves = (
        (
            _moment(record.get("at"), N_("a record's time")),
            _stage(record.get("to_stage"), N_("a record's stage")),
            _count(record.get("cycle", 1), N_("a record's cycle")),
        )
        for record in history
        if _text(record.get("move"), N_("a record's move")) not in _SIGNATURES
    )
    furthest, outcome, entered = stays(pid, moves, visits)

    if known is not None:
        start, end = known["term"]
        mou_signed = known["mou_signed"]
    else:
        start, end = _term(agreement, _list(data.get("addenda"), N_("addenda")), history)
        ids = {party.get("id") for party in parties}
        mou_signed = bool(ids) and any(
            ids <= signers for signers in _signed_by(history, "sign").values()
        )
    pattern = _object(agreement.get("pattern"), N_("the pattern"))
    actors = (_text(r.get("actor"), N_("a record's actor")) for r in reversed(history))
    actor = next((a for a in actors if a), None)
    return (
        pid,
        _text(institution.get("name"), N_("the institution's name")),
        _text(institution.get("id"), N_("the institution's id")),
        _text(program.get("name"), N_("the programme's name")),
        _text(program.get("kind"), N_("the programme's kind")),
        _text(region.get("province"), N_("the province")),
        regency_name(regency)
        if (regency := _text(region.get("regency"), N_("the regency")))
        else None,
        stage,
        _LABEL[stage],
        _STEP[stage],
        cycle,
        outcome,
        furthest,
        _text(pattern.get("pattern"), N_("the pattern")),
        len(_list(data.get("partners"), N_("partners"))),
        len(parties),
        "; ".join(_name(party, masked) for party in parties) or None,
        (mask_name(actor) if masked else actor) if actor else None,
        len(history),
        entered,
        (on - entered.date()).days if entered is not None else None,  # local days
        mou_signed,
        start,
        end,
        renewal_due(end, renewal_lead_days),
        *_pkw(data, program, on),
    )


_ROLE_COLUMNS: Final = tuple(PkwRole)


def _pkw(data: dict[str, Any], program: dict[str, Any], on: date) -> tuple[Any, ...]:
    """The PKW columns: partners by role, the roles missing, the learners' measures."""
    latest: dict[Any, Any] = {}
    explorations = [
        _object(e, N_("an exploration"))
        for e in _list(data.get("explorations"), N_("explorations"))
    ]
    for exploration in sorted(explorations, key=lambda e: str(e.get("on"))):
        for answer in _list(exploration.get("responses"), N_("an exploration's responses")):
            answer = _object(answer, N_("a response"))
            latest[answer.get("partner_id")] = answer.get("response")
    counts = dict.fromkeys(_ROLE_COLUMNS, 0)
    kinds: dict[str, int] = {}
    for partner in _list(data.get("partners"), N_("partners")):
        partner = _object(partner, N_("a partner"))
        if latest.get(partner.get("id")) == "agreed":
            for role in _roles(partner):
                counts[role] += 1
            kind = PartnerKind(str(partner.get("kind"))).label_id
            kinds[kind] = kinds.get(kind, 0) + 1
    by_kind = "; ".join(f"{kind}: {n}" for kind, n in sorted(kinds.items())) or None
    missing = None
    if program.get("kind") == "pkw" and latest:
        missing = "; ".join(r.label_id for r in _ROLE_COLUMNS if not counts[r]) or None
    wage = program.get("minimum_wage")
    measures = _learners(_list(data.get("learners"), N_("learners")), on, wage)
    return (by_kind, *counts.values(), missing, *measures)


def _roles(partner: dict[str, Any]) -> frozenset[PkwRole]:
    profile = _object(partner.get("profile"), N_("a partner's profile"))
    try:
        kind = PartnerKind(str(partner.get("kind")))
        scale = BusinessScale(partner["scale"]) if partner.get("scale") else None
        if scale is None and partner.get("finances"):
            scale = ScaleEvidence.model_validate(partner["finances"]).scale
        offers = [ContributionKind(o) for o in _list(profile.get("offers"), N_("offers"))]
    except (ValueError, ValidationError):
        raise RowError(N_("a partner's kind, scale or offers are not kemitraan's")) from None
    return roles_of(kind, scale, offers)


def _learners(rows: list[Any], on: date, wage: Any) -> tuple[int, int, int, int | None]:
    """Learners enrolled by ``on``, completed, with a business started, earning the UMK.

    Read raw, as :func:`kemitraan.learners.pkw_outcomes` counts them from models (a test
    holds the two equal).
    """
    umk = _rupiah(wage, N_("the programme's minimum wage"))
    enrolled = completed = started = earning = 0
    for row in rows:
        row = _object(row, N_("a learner"))
        if _need_day(row.get("enrolled_on"), N_("a learner's enrolment")) > on:
            continue
        enrolled += 1
        done = _day(row.get("completed_on"), N_("a learner's completion"))
        completed += done is not None and done <= on
        business = _object(row.get("business"), N_("a learner's business"))
        begun = _day(business.get("started_on"), N_("a business's start"))
        started += begun is not None and begun <= on
        latest: tuple[date, Decimal] | None = None
        for follow in _list(row.get("follow_ups"), N_("a learner's follow-ups")):
            follow = _object(follow, N_("a follow-up"))
            day = _need_day(follow.get("on"), N_("a follow-up's day"))
            income = _rupiah(follow.get("monthly_income"), N_("a monthly income"))
            if day <= on and income is not None and (latest is None or day >= latest[0]):
                latest = (day, income)
        earning += umk is not None and latest is not None and latest[1] >= umk
    return enrolled, completed, started, earning if umk is not None else None


def _need_day(value: Any, what: str) -> date:
    day = _day(value, what)
    if day is None:
        raise RowError(N_("{what} is missing"), what=phrase(what))
    return day


def _rupiah(value: Any, what: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        amount = Decimal("NaN")
    if isinstance(value, bool) or not amount.is_finite() or amount < 0:
        raise RowError(
            N_("{what} is not an amount: {value}"), what=phrase(what), value=_shown(value)
        )
    return amount
