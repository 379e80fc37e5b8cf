"""What makes a partnership whole: its history replays, and its signatures are in it.

:func:`problems` is what the partnership's validator runs on every route that makes
or changes one (construction, loading, copying, assignment, in-place edits):

- the history replays to the stage and cycle (:func:`kemitraan.audit.replay`);
- every signature shown on the agreement or an addendum is a ``sign`` record in the
  history for that very text (its digest), and every such record is shown;
- once every party has signed a text, that text stays, unchanged (signed means
  frozen): past step 7 the agreement is the one every party signed, and an addendum
  every party signed cannot be removed;
- each addendum amends this agreement or one of its cooperation agreements, and names
  all of the parties of the text it amends;
- each cooperation agreement (PKS) implements this agreement, between some of its
  parties; one two parties have signed stays;
- what the running records name exists: the parties, the plan's activities and
  indicators, the checklists' items.

A text this process has loaded and verified before, under the same history key, is not
checked again when it is loaded again (:func:`loading`): the checks depend on nothing
but the text and the key (and time, which only moves forward), so they would find what
they found then. An app reads the same stored partnership again and again; a text that
differs by a single byte is checked in full.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from kemitraan._catalog import N_, say
from kemitraan._refs import party_refs
from kemitraan.audit import HistoryProblem, current_key, replay
from kemitraan.exceptions import InvalidDataError
from kemitraan.lifecycle import AuditRecord, AuditTrail, Stage
from kemitraan.maintenance.techniques import CHECKLISTS
from kemitraan.planning import plan_for_cycle
from kemitraan.provisions import AgreementKind, Signatory

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike
    from kemitraan.agreements import Agreement

__all__ = [
    "RECORD_FIELDS",
    "Known",
    "Problem",
    "appended_problems",
    "extended",
    "history_problems",
    "loading",
    "problems",
    "record_problems",
    "records_problems",
    "remember",
    "replayed",
    "require_history",
    "signatures",
    "signed_digests",
]

Problem = tuple[tuple[str | int, ...], str, str, dict[str, Any]]
"""Where (a field path), the rule's code, the message template and its values."""

_BEFORE_SIGNING = frozenset(
    {
        Stage.MAPPING,
        Stage.GATHERING,
        Stage.ANALYSIS,
        Stage.EXPLORATION,
        Stage.PLANNING,
        Stage.AGREEMENT,
        Stage.SIGNING,
    }
)


def signatures(history: tuple[AuditRecord, ...], document: Agreement) -> dict[str, AuditRecord]:
    """Who signed ``document`` — this very text, by its digest — according to the history."""
    digest = document.digest()
    return {
        r.party_id: r for r in history if r.move.is_signing and r.digest == digest and r.party_id
    }


def signed_digests(history: tuple[AuditRecord, ...], kind: str) -> dict[str, set[str]]:
    """Each text of ``kind`` signed in the history: its digest and who signed it."""
    found: dict[str, set[str]] = {}
    for r in history:
        if r.move.is_signing and r.document == kind and r.digest and r.party_id:
            found.setdefault(r.digest, set()).add(r.party_id)
    return found


def problems(p: PartnershipLike) -> Iterator[Problem]:
    """Every way ``p`` is not whole, first problem first (the validator reports the first)."""
    if _trusted(p):
        return
    yield from history_problems(p)
    if p.agreement is not None:
        yield from _shown_signatures(p, p.agreement, ("agreement",))
    seen: set[str] = set()
    for index, addendum in enumerate(p.addenda):
        digest = addendum.digest()
        if digest in seen:
            yield (
                ("addenda", index),
                "addendum_twice",
                N_("this addendum is already among the addenda (the same text twice)"),
                {},
            )
        seen.add(digest)
        yield from _addendum(p, addendum, index)
        yield from _shown_signatures(p, addendum, ("addenda", index))
    seen = set()
    for index, pks in enumerate(p.cooperation_agreements):
        digest = pks.digest()
        if digest in seen:
            yield (
                ("cooperation_agreements", index),
                "pks_twice",
                N_("this cooperation agreement is already held (the same text twice)"),
                {},
            )
        seen.add(digest)
        yield from _pks(p, pks, index)
        yield from _shown_signatures(p, pks, ("cooperation_agreements", index))
    yield from _signed_texts_kept(p)
    yield from _references(p)
    yield from _learners(p)


def _learners(p: PartnershipLike) -> Iterator[Problem]:
    """Each learner once, and the partners said to have served a learner are partners."""
    partners = {partner.id for partner in p.partners}
    seen: set[str] = set()
    for index, learner in enumerate(p.learners):
        if learner.id in seen:
            yield (
                ("learners", index, "id"),
                "duplicate_learner",
                N_("learner id '{learner}' appears twice in the roster"),
                {"learner": learner.id},
            )
        seen.add(learner.id)
        for where, pid, _ in party_refs(learner, ("learners", index)):
            if pid not in partners:
                yield (
                    where,
                    "unknown_party",
                    N_("'{party}' is not a party of this partnership"),
                    {"party": pid},
                )


def _key_mark(key: bytes | None) -> bytes:
    """What a verified trail remembers of the key it was verified with (not the key)."""
    return b"" if key is None else hashlib.sha256(b"kemitraan-trail\0" + key).digest()


def replayed(history: tuple[AuditRecord, ...], partnership_id: str) -> tuple[Stage, int] | None:
    """Where ``history`` leads, when these very records were verified for this partnership and key.

    Records are immutable; what replaying them proved is kept on the last one, with the
    records it covered before it, and holds as long as they are the same objects, in the
    same order, and the partnership's id and the key are the same (a validation that keeps
    the records keeps the proof). The last record is not among the records its proof holds:
    a record that held itself would be a reference cycle, and a loaded history would then
    wait for the garbage collector to be freed.
    """
    if not history:
        return Stage.MAPPING, 1  # nothing to replay
    proof = getattr(history[-1], "_proof", None)
    if (
        proof is not None
        and proof[:2] == (partnership_id, _key_mark(current_key()))
        and len(proof[2]) == len(history) - 1
        and all(a is b for a, b in zip(proof[2], history[:-1], strict=True))
    ):
        return proof[3]  # type: ignore[no-any-return]
    return None


def remember(history: tuple[AuditRecord, ...], partnership_id: str, end: tuple[Stage, int]) -> None:
    """Note that ``history`` verified for ``partnership_id`` under the key in force."""
    if history:
        proof = (partnership_id, _key_mark(current_key()), tuple(history[:-1]), end)
        object.__setattr__(history[-1], "_proof", proof)


def extended(
    history: tuple[AuditRecord, ...], partnership_id: str, record: AuditRecord
) -> AuditTrail:
    """``history`` with ``record``, a move's own: verified when ``history`` was."""
    trail = AuditTrail((*history, record))
    if replayed(history, partnership_id) is not None:  # a move makes only valid records
        remember(trail, partnership_id, (record.to_stage, record.cycle))
    return trail


def appended_problems(
    p: PartnershipLike, field: str, start: int, records: list[Any]
) -> Iterator[Problem]:
    """What ``records``, appended to ``field`` at ``start``, name that does not exist."""
    known = Known(p)
    for offset, record in enumerate(records):
        yield from record_problems(known, field, start + offset, record)


def records_problems(p: PartnershipLike, changed: dict[str, list[Any]]) -> Iterator[Problem] | None:
    """What :func:`problems` finds in ``p`` when only its running records ``changed``.

    Changed since a text that passed every check; ``None`` when that is not known to hold.
    The checks read a running record only for what it names (:func:`record_problems`), so
    the rest of a text that passed them still does. Known when every field in ``changed``
    is a running record list and ``p``'s history verified under the key in force, leading
    to its stage and cycle (as :func:`problems` would verify it); the problems are found in
    :func:`problems`' order. A check added to :func:`problems` that reads running records
    otherwise belongs here too.
    """
    if (
        not changed
        or not changed.keys() <= _RECORD_SET
        or replayed(p.history, p.id) != (p.stage, p.cycle)
    ):
        return None
    return _listed_problems(p, changed)


def require_history(p: PartnershipLike) -> None:
    """Refuse ``p`` when its history does not verify under the key in force (before a move).

    Raises:
        InvalidDataError: naming where the history breaks.
    """
    if replayed(p.history, p.id) is None:
        for loc, code, message, values in history_problems(p):
            error = {"loc": loc, "msg": message.format(**values), "type": code}
            raise InvalidDataError("Partnership", [error])


def history_problems(p: PartnershipLike) -> Iterator[Problem]:
    """Where ``p``'s history does not replay to its stage and cycle under the key in force."""
    known = replayed(p.history, p.id)
    result = known if known is not None else replay(p.history, p.id, key=current_key())
    if known is None and not isinstance(result, HistoryProblem):
        remember(p.history, p.id, result)
    if isinstance(result, HistoryProblem):
        frame = say(N_("history record {index}"))  # then what is wrong with it
        yield (
            ("history", result.index),
            result.code,
            f"{frame} {say(result.message)}",
            {"index": result.index, **result.context},
        )
        return
    stage, cycle = result
    if (stage, cycle) != (p.stage, p.cycle):
        yield (
            ("stage",),
            "history_mismatch",
            N_(
                "stage '{stage}' in cycle {cycle} is not where the history leads ('{replayed}' "
                "in cycle {replayed_cycle}); the stage changes only through moves"
            ),
            {
                "stage": p.stage.value,
                "cycle": p.cycle,
                "replayed": stage.value,
                "replayed_cycle": cycle,
            },
        )


def _shown_signatures(
    p: PartnershipLike, document: Agreement, where: tuple[str | int, ...]
) -> Iterator[Problem]:
    recorded = signatures(p.history, document)
    for index, signatory in enumerate(document.signatories):
        record = recorded.get(signatory.party_id)
        if signatory.signed and record is not None:
            yield from _signature_day(document, signatory, record, (*where, "signatories", index))
        if signatory.signed and signatory.party_id not in recorded:
            yield (
                (*where, "signatories", index, "signed_on"),
                "signature_not_recorded",
                N_(
                    "the signature of '{party}' is not in the history for this text: a text "
                    "once signed changes only by an addendum, and a signature is made with "
                    "Partnership.sign or sign_addendum"
                ),
                {"party": signatory.party_id},
            )
        elif not signatory.signed and signatory.party_id in recorded:
            yield (
                (*where, "signatories", index, "signed_on"),
                "signature_not_shown",
                N_(
                    "'{party}' signed this text (history record "
                    "{record}), but it shows no signature"
                ),
                {
                    "party": signatory.party_id,
                    "record": p.history.index(recorded[signatory.party_id]),
                },
            )


def _signature_day(
    document: Agreement, signatory: Signatory, record: AuditRecord, where: tuple[str | int, ...]
) -> Iterator[Problem]:
    """A signature's day and place are its record's (not in the text's digest), and possible."""
    day, place = signatory.signed_on, signatory.signed_at
    assert day is not None  # shown as signed
    if record.signed_on is not None and (day, place) != (record.signed_on, record.signed_at):
        yield (
            (*where, "signed_on"),
            "signature_day_changed",
            N_(
                "the signature of '{party}' is shown made on {shown} at {shown_place}, but "
                "its history record says {day} at {place}; a signature keeps the day and "
                "place it was recorded with"
            ),
            {
                "party": signatory.party_id,
                "shown": day.isoformat(),
                "shown_place": place or "-",
                "day": record.signed_on.isoformat(),
                "place": record.signed_at or "-",
            },
        )
    elif day < document.date or day > datetime.now(UTC).date() + timedelta(days=1):
        yield (
            (*where, "signed_on"),
            "signature_day_impossible",
            N_(
                "the signature of '{party}' is shown made on {shown}, before the text was "
                "made ({made}) or after today"
            ),
            {
                "party": signatory.party_id,
                "shown": day.isoformat(),
                "made": document.date.isoformat(),
            },
        )


def _addendum(p: PartnershipLike, addendum: Agreement, index: int) -> Iterator[Problem]:
    where: tuple[str | int, ...] = ("addenda", index)
    agreement = p.agreement
    if addendum.kind is not AgreementKind.ADDENDUM:
        yield (
            (*where, "kind"),
            "not_an_addendum",
            N_("only addenda go here, not a '{kind}'"),
            {"kind": addendum.kind.value},
        )
        return
    if agreement is None:
        yield (where, "addendum_without_agreement", N_("there is no agreement to amend yet"), {})
        return
    amends = addendum.amends
    target = p.amended_document(amends) if amends is not None else None
    if amends is not None and target is None:  # a draft it names may have changed since
        drafts = [
            text
            for text in (agreement, *p.cooperation_agreements)
            if set(p.signatures(text)) < set(text.party_ids) and amends.names(text)
        ]
        target = drafts[0] if drafts else None
    if amends is not None and target is None:
        yield (
            (*where, "amends"),
            "addendum_amends_another",
            N_(
                "the addendum amends '{subject}' of {date}, which is neither this agreement "
                "nor one of its cooperation agreements"
            ),
            {"subject": amends.subject, "date": amends.date.isoformat()},
        )
        return
    target = target or agreement
    if sorted(addendum.party_ids) != sorted(target.party_ids):
        yield (
            (*where, "parties"),
            "addendum_parties",
            N_(
                "an addendum is made by every party of the text "
                "it amends ({expected}), not ({named})"
            ),
            {"expected": ", ".join(target.party_ids), "named": ", ".join(addendum.party_ids)},
        )


def _pks(p: PartnershipLike, pks: Agreement, index: int) -> Iterator[Problem]:
    where: tuple[str | int, ...] = ("cooperation_agreements", index)
    agreement = p.agreement
    if pks.kind is not AgreementKind.PKS:
        yield (
            (*where, "kind"),
            "not_a_pks",
            N_("only cooperation agreements (PKS) go here, not a '{kind}'"),
            {"kind": pks.kind.value},
        )
        return
    if agreement is None:
        yield (where, "pks_without_agreement", N_("there is no agreement for it to implement"), {})
        return
    # The PKS implements the partnership's one agreement (which may still be redrawn before
    # every party signs it): named by kind, date and subject.
    if pks.implements is None or not pks.implements.names(agreement):
        yield (
            (*where, "implements"),
            "pks_implements_another",
            N_(
                "a cooperation agreement held here implements this agreement: set implements to "
                "agreement.reference()"
            ),
            {},
        )
    strangers = [pid for pid in pks.party_ids if pid not in agreement.party_ids]
    if strangers:
        yield (
            (*where, "parties"),
            "pks_parties",
            N_(
                "the parties of a cooperation agreement are parties of the agreement it "
                "implements; not: {strangers}"
            ),
            {"strangers": ", ".join(strangers)},
        )


def _signed_texts_kept(p: PartnershipLike) -> Iterator[Problem]:
    agreement = p.agreement
    parties = set(agreement.party_ids) if agreement is not None else set()
    if p.stage not in _BEFORE_SIGNING and p.stage is not Stage.DECLINED:
        signed = signatures(p.history, agreement) if agreement is not None else {}
        if agreement is None or set(signed) != parties:
            yield (
                ("agreement",),
                "signed_agreement_changed",
                N_(
                    "the agreement every party signed in step 7 is no longer the one held: a "
                    "signed agreement changes only through an addendum"
                ),
                {},
            )
    held = {a.digest() for a in p.cooperation_agreements}
    for digest, signers in signed_digests(p.history, "pks").items():
        # A PKS two parties have signed stays (redraw one before its second signature).
        if len(signers) >= 2 and digest not in held:
            yield (
                ("cooperation_agreements",),
                "signed_pks_removed",
                N_(
                    "a cooperation agreement signed by {count} parties ({digest}) is missing or "
                    "changed; a signed text stays as it is"
                ),
                {"digest": digest[:19], "count": len(signers)},
            )
    present = {a.digest() for a in p.addenda}
    for digest, signers in signed_digests(p.history, "addendum").items():
        # An addendum every party of the agreement signed stays, and so does one two parties
        # signed: an addendum to a PKS has the PKS's parties (redraw one before its second
        # signature).
        if (signers >= parties or len(signers) >= 2) and digest not in present:
            yield (
                ("addenda",),
                "signed_addendum_removed",
                N_(
                    "an addendum every party signed ({digest}) is missing or changed; a signed "
                    "addendum stays as it is"
                ),
                {"digest": digest[:19]},
            )


RECORD_FIELDS: Final = (
    "implementation",
    "monitoring",
    "evaluations",
    "decisions",
    "interactions",
    "checklist",
    "partner_events",
)
"""The running records (A.8–A.11, guide C): each checked on its own for what it names."""
_RECORD_SET: Final = frozenset(RECORD_FIELDS)


class Known:
    """What the records of a partnership may name: its parties, the plans' activities, items."""

    def __init__(self, p: PartnershipLike) -> None:
        self.cycle = p.cycle
        self.partners = {partner.id for partner in p.partners}
        self.parties = {p.institution.id, *self.partners}
        self._p = p
        self._plans: dict[int, tuple[set[str], set[str]]] = {}

    def plan(self, cycle: int) -> tuple[set[str], set[str]]:
        """The activities (ids and names) and indicator ids of ``cycle``'s plan."""
        found = self._plans.get(cycle)
        if found is None:
            activities, indicators = plan_for_cycle(
                self._p.work_plan, self._p.follow_up_plans, cycle
            )
            found = self._plans[cycle] = (
                {a.id for a in activities} | {a.name for a in activities},
                {i.id for i in indicators},
            )
        return found


def record_problems(known: Known, field: str, index: int, record: Any) -> Iterator[Problem]:
    """What one record of ``field`` names that does not exist (a typo is refused, not ignored).

    Party references are the fields marked :data:`~kemitraan._refs.PartyRef` or
    ``PartnerRef``, found by one walker; the plan's activities and indicators and the
    checklists' items are checked here.
    """
    cycle = getattr(record, "cycle", None)
    if isinstance(cycle, int) and cycle > known.cycle:
        yield (
            (field, index, "cycle"),
            "cycle_not_reached",
            N_(
                "a record of cycle {record_cycle} in cycle {cycle}: a year is recorded once it runs"
            ),
            {"record_cycle": cycle, "cycle": known.cycle},
        )
        return
    for where, pid, ref in party_refs(record, (field, index)):
        if pid not in (known.partners if ref.partners_only else known.parties):
            yield (
                where,
                "unknown_party",
                N_("'{party}' is not a party of this partnership"),
                {"party": pid},
            )
    if field == "monitoring":
        activities, indicators = known.plan(record.cycle)
        named = [("progress", n, g.activity) for n, g in enumerate(record.progress)]
        named += [("spending", n, g.activity) for n, g in enumerate(record.spending)]
        for part, n, key in named:
            if key not in activities:
                yield (
                    (field, index, part, n, "activity"),
                    "unknown_activity",
                    N_("'{activity}' is not an activity of the plan of cycle {cycle}"),
                    {"activity": key, "cycle": record.cycle},
                )
        for n, value in enumerate(record.indicators):
            if value.indicator not in indicators:
                yield (
                    (field, index, "indicators", n, "indicator"),
                    "unknown_indicator",
                    N_("'{indicator}' is not an indicator of the plan of cycle {cycle}"),
                    {"indicator": value.indicator, "cycle": record.cycle},
                )
    elif field == "checklist" and record.item not in _CHECKLIST_ITEMS:
        yield (
            (field, index, "item"),
            "unknown_checklist_item",
            N_("'{item}' is not an item of the six techniques' checklists"),
            {"item": record.item},
        )


_CHECKLIST_ITEMS: Final = frozenset(item.code for found in CHECKLISTS.values() for item in found)


def _references(p: PartnershipLike) -> Iterator[Problem]:
    """What the running records name exists: parties, activities, indicators, items."""
    return _listed_problems(p, {field: getattr(p, field) for field in RECORD_FIELDS})


def _listed_problems(p: PartnershipLike, lists: dict[str, list[Any]]) -> Iterator[Problem]:
    """What the records of ``lists`` (running record lists by field) name that ``p`` lacks."""
    known = Known(p)
    for field in RECORD_FIELDS:
        for index, record in enumerate(lists.get(field, ())):
            yield from record_problems(known, field, index, record)


# -- texts verified before ------------------------------------------------------------------

MAX_VERIFIED_TEXTS: Final = 256
"""How many verified texts a process remembers (a hash and a few digests each)."""


class _Verified(NamedTuple):
    """What a full check of a text found: whose it is, under which key, and its digests."""

    key: bytes  # the mark of the key it was checked under
    partnership_id: str
    stage: Stage
    cycle: int
    head: str  # the hash of its history's last record
    digests: tuple[str | None, ...]  # the agreement's, each addendum's, each PKS's (frozen)

    def held_by(self, p: PartnershipLike) -> bool:
        """Whether ``p`` is the partnership checked (and the key is still the one)."""
        return (
            self.key == _key_mark(current_key())
            and (self.partnership_id, self.stage, self.cycle) == (p.id, p.stage, p.cycle)
            and self.head == (p.history[-1].hash if p.history else "")
            and len(self.digests) == len(_documents(p))
        )


_VERIFIED_TEXTS: OrderedDict[bytes, _Verified] = OrderedDict()
"""Texts loaded and verified, by :func:`_text_mark`: the least recently loaded first."""
_VERIFIED_LOCK: Final = threading.Lock()
_VERIFIED_BEFORE: ContextVar[_Verified | None] = ContextVar(
    "kemitraan_verified_before", default=None
)


def _text_mark(text: str | bytes, key: bytes) -> bytes:
    """What names ``text`` loaded under the key marked ``key``: a hash of both (not the text)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(b"kemitraan-text\0" + bytes([len(key)]) + key + data).digest()


@contextmanager
def loading(text: str | bytes) -> Iterator[Callable[[PartnershipLike], None]]:
    """Validate, within, the one :class:`Partnership` ``text`` holds: trusted if it verified before.

    A partnership this text held was verified in full, under the key in force now: it is
    not checked again, and its history's proof and its frozen texts' digests are put back
    as the checks left them. Otherwise the checks run; give the partnership that validated
    to what this yields, and the text is remembered. For the library's own class only: a
    subclass may validate differently, and is checked in full every time.

    >>> from kemitraan import Partnership, Institution, Program
    >>> text = Partnership(id="contoh", institution=Institution(name="PKBM A"),
    ...                    program=Program(name="PKW", objectives=["x"])).model_dump_json()
    >>> for _ in range(2):
    ...     with loading(text) as verified:
    ...         verified(Partnership.model_validate_json(text))
    """
    key = _key_mark(current_key())
    mark = _text_mark(text, key)
    with _VERIFIED_LOCK:
        known = _VERIFIED_TEXTS.get(mark)
        if known is not None:
            _VERIFIED_TEXTS.move_to_end(mark)

    def verified(p: PartnershipLike) -> None:
        if known is None and key == _key_mark(current_key()):  # checked in full, under key
            found = _Verified(
                key,
                p.id,
                p.stage,
                p.cycle,
                p.history[-1].hash if p.history else "",
                tuple(
                    getattr(d, "_digest", None) if d is not None else None for d in _documents(p)
                ),
            )
            with _VERIFIED_LOCK:
                _VERIFIED_TEXTS[mark] = found
                while len(_VERIFIED_TEXTS) > MAX_VERIFIED_TEXTS:
                    _VERIFIED_TEXTS.popitem(last=False)

    token = _VERIFIED_BEFORE.set(known)
    try:
        yield verified
    finally:
        _VERIFIED_BEFORE.reset(token)


def _trusted(p: PartnershipLike) -> bool:
    """Whether ``p`` is the partnership of a text verified before (then its proofs are put back).

    Only the very partnership checked then, under the same key: any other (one a
    validator made on the way, or the text's under another key) is checked in full.
    """
    known = _VERIFIED_BEFORE.get()
    if known is None or not known.held_by(p):
        return False
    _VERIFIED_BEFORE.set(None)  # the text holds one partnership
    for document, digest in zip(_documents(p), known.digests, strict=True):
        if document is not None and digest is not None and document.frozen:
            object.__setattr__(document, "_digest", digest)
    remember(p.history, p.id, (p.stage, p.cycle))
    return True


def _documents(p: PartnershipLike) -> list[Agreement | None]:
    return [p.agreement, *p.addenda, *p.cooperation_agreements]
