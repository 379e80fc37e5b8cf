"""Who may do what with a partnership: a policy the library enforces on every route.

An app that holds many institutions' partnerships sets a policy once
(:func:`set_policy`) and names the person behind each request
(:func:`acting_as`, with an :class:`~kemitraan.actors.Actor` it has verified). From then
on every move, signature and data change on a :class:`~kemitraan.Partnership` — and
every save to a :class:`~kemitraan.store.Store` — is checked against the policy, and
refused with :class:`~kemitraan.exceptions.NotPermittedError` (naming the actor, the
action and the rule) when it does not allow it; nothing changes. With no actor named,
everything is refused: an app cannot forget the check. The audit trail keeps the
actor's name, role and party.

Without a policy (a notebook, a script) nothing is checked and ``actor=`` stays a
free-text name, as before.

:class:`GuidePolicy` is the default: the guide's own division of work (facilitators
of the institution build and keep its partnerships; each party's signatory signs for
it; the Dinas reads). An app with other facts subclasses :class:`Policy`.

>>> from kemitraan import Institution, Partner, Partnership, Program
>>> from kemitraan.actors import Actor, Role
>>> p = Partnership(id="pkw-1", institution=Institution(name="PKBM A", id="pkbm-a"),
...                 program=Program(name="Menjahit", objectives=["Mandiri"]))
>>> rina = Actor(name="Rina", role=Role.FACILITATOR, acts_for="pkbm-a")
>>> budi = Actor(name="Budi", role=Role.FACILITATOR, acts_for="pkbm-b")
>>> set_policy(GuidePolicy())
>>> p.advance()
Traceback (most recent call last):
...
kemitraan.exceptions.NotPermittedError: Ditolak: ...
>>> with acting_as(budi):
...     p.advance()
Traceback (most recent call last):
...
kemitraan.exceptions.NotPermittedError: Ditolak: Budi bertindak untuk
pkbm-b, bukan untuk lembaga kemitraan ini (pkbm-a), sehingga tidak dapat memindahkan tahap
>>> with acting_as(rina):
...     p.partners = [Partner(name="Toko Maju", kind="business", region={"province": "kalsel"})]
...     record = p.advance()
>>> record.actor, record.actor_role, record.acts_for
('Rina', <Role.FACILITATOR: 'facilitator'>, 'pkbm-a')
>>> set_policy(None)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Final

from kemitraan._base import EDIT_GUARD
from kemitraan._catalog import N_, say
from kemitraan.actors import Action, Actor, Role, same_person
from kemitraan.exceptions import InvalidArgumentError, NotPermittedError

if TYPE_CHECKING:
    from kemitraan._protocols import PartnershipLike
    from kemitraan.agreements import Agreement

__all__ = [
    "REFUSALS",
    "GuidePolicy",
    "Policy",
    "acting_as",
    "administering",
    "authorize",
    "current_actor",
    "listing_scope",
    "permitted",
    "policy_in_force",
    "refusal_of",
    "set_policy",
    "stamped",
    "visible",
]

_REFUSAL_IDS: Final[dict[str, str]] = {
    "no_actor": N_(
        "a policy is in force but nobody is named as acting; the app must say who acts (acting_as)"
    ),
    "actor_not_verified": N_(
        "under a policy the actor is an Actor the app verified, not a free-text name ({given!r})"
    ),
    "not_this_institution": N_(
        "{name} acts for {acts_for}, not for this partnership's institution ({institution}), "
        "so may not {action}"
    ),
    "not_overseen": N_("{name} does not oversee the institution {institution}"),
    "reviewer_reads_only": N_(
        "a Dinas reviewer only reads; to {action} is the institution's facilitators' work"
    ),
    "not_a_party": N_("{name} acts for {acts_for}, which is not a party to this partnership"),
    "signatory_only_signs": N_(
        "a party's signatory only reads and signs; to {action} is the institution's "
        "facilitators' work"
    ),
    "signs_for_own_party_only": N_("{name} signs for {acts_for}, not for {party}"),
    "not_the_named_signatory": N_("the text names {printed} as {party}'s signatory, not {name}"),
    "does_not_sign": N_("a {role} signs for no party; only the signatory the text names signs"),
    "recorded_by_another": N_(
        "a new record in {field} names someone else as its recorder; new records are "
        "recorded as {name}"
    ),
    "recorded_by_nobody": N_(
        "a new record in {field} names nobody as its recorder; add it to the partnership "
        "(append or assign), which records it as {name}"
    ),
    "administrators_only": N_("to {action} for the whole store is an administrator's work"),
    "id_taken": N_("the id {id} is taken by a partnership {name} may not see; choose another id"),
    "personal_data_not_for_role": N_("a {role} sees personal data masked (UU 27/2022)"),
}
"""Every rule a policy refuses with: its code, and its text (an English message id)."""


class _Refusals(Mapping[str, tuple[str, str]]):
    """The refusals' texts, each in Indonesian and English, said from the catalogs."""

    def __getitem__(self, rule: str) -> tuple[str, str]:
        message = _REFUSAL_IDS[rule]
        return say(message, "id"), say(message, "en")

    def __iter__(self) -> Iterator[str]:
        return iter(_REFUSAL_IDS)

    def __len__(self) -> int:
        return len(_REFUSAL_IDS)


REFUSALS: Final[Mapping[str, tuple[str, str]]] = _Refusals()
"""Every rule a policy refuses with: its code, and its text in Indonesian and English."""


class Policy:
    """Says who may do what: subclass it and override :meth:`refusal`.

    The base class allows everything (an app that checks nothing but wants the audit
    trail to name its actors); :class:`GuidePolicy` is what most apps want.
    """

    def refusal(
        self,
        actor: Actor,
        action: Action,
        partnership: PartnershipLike,
        *,
        party_id: str | None = None,
        document: Agreement | None = None,
    ) -> str | None:
        """The code of the rule (a key of :data:`REFUSALS`) that refuses it, or ``None``.

        Args:
            actor: Who asks.
            action: What they ask to do.
            partnership: With which partnership.
            party_id: For :attr:`~kemitraan.actors.Action.SIGN`: the party signed for.
            document: For :attr:`~kemitraan.actors.Action.SIGN`: the text signed.
        """
        return None

    def institutions(self, actor: Actor) -> frozenset[str] | None:
        """The institutions whose partnerships ``actor`` may list; ``None`` for every one.

        A store's queries (:meth:`~kemitraan.store.Store.find` and the counts) keep to them.
        """
        return None

    def edit_refusal(self, actor: Actor) -> str | None:
        """The rule that refuses ``actor`` any edit of a model no partnership holds.

        An edit inside a partnership's agreement, programme or parties
        (``p.agreement.scope = …``) is judged with the partnership that holds it, as a
        record (:meth:`refusal`); a model built on its own, before it is given to one, is
        judged by the actor alone, and what it makes is judged again when it is assigned.
        """
        return None


class GuidePolicy(Policy):
    """The guide's division of work.

    - A **facilitator** of the partnership's institution reads it (personal data
      included), records its data and moves it through the steps (A.1–A.11). A
      facilitator of another institution does nothing with it.
    - A party's **signatory** reads it masked and signs for that party only, and only a
      text that prints that person's name as the party's signatory (A.7; KUHPerdata
      1320: the one with capacity to bind the party signs).
    - A Dinas **reviewer** reads, masked, the partnerships of the institutions it
      oversees.
    - An **administrator** reads everything, records and moves, and signs nothing.
    """

    def refusal(
        self,
        actor: Actor,
        action: Action,
        partnership: PartnershipLike,
        *,
        party_id: str | None = None,
        document: Agreement | None = None,
    ) -> str | None:
        """The rule of the guide's division of work that refuses it (see the class)."""
        institution = partnership.institution.id
        if actor.role is Role.ADMINISTRATOR:
            return "does_not_sign" if action is Action.SIGN else None
        if actor.role is Role.FACILITATOR:
            if actor.acts_for != institution:
                return "not_this_institution"
            return "does_not_sign" if action is Action.SIGN else None
        if actor.role is Role.REVIEWER:
            if actor.oversees and institution not in actor.oversees:
                return "not_overseen"
            if action is Action.READ:
                return None
            if action is Action.READ_PERSONAL_DATA:
                return "personal_data_not_for_role"
            return "does_not_sign" if action is Action.SIGN else "reviewer_reads_only"
        # A signatory: of a party to the cooperation (not of a candidate that never agreed).
        parties = {party.id for party in partnership.parties}
        if actor.acts_for not in parties:
            return "not_a_party"
        if action is Action.READ:
            return None
        if action is Action.READ_PERSONAL_DATA:
            return "personal_data_not_for_role"
        if action is not Action.SIGN:
            return "signatory_only_signs"
        if party_id != actor.acts_for:
            return "signs_for_own_party_only"
        signatory = document.signatory_of(party_id) if document is not None else None
        if signatory is None or not same_person(signatory.name, actor):
            return "not_the_named_signatory"
        return None

    def edit_refusal(self, actor: Actor) -> str | None:
        """Reviewers and signatories edit nothing; facilitators and administrators may."""
        if actor.role is Role.REVIEWER:
            return "reviewer_reads_only"
        if actor.role is Role.SIGNATORY:
            return "signatory_only_signs"
        return None

    def institutions(self, actor: Actor) -> frozenset[str] | None:
        """A facilitator's own institution, a reviewer's overseen ones; a signatory lists none."""
        if actor.role is Role.ADMINISTRATOR:
            return None
        if actor.role is Role.FACILITATOR:
            return frozenset({actor.acts_for}) if actor.acts_for else frozenset()
        if actor.role is Role.REVIEWER:
            return frozenset(actor.oversees) or None
        return frozenset()  # a signatory reads the partnerships it is given, lists none


_POLICY: Policy | None = None
_ACTOR: ContextVar[Actor | None] = ContextVar("kemitraan_actor", default=None)


def set_policy(policy: Policy | None) -> None:
    """Check every partnership command against ``policy`` from now on (``None``: stop).

    Set once when the app starts, like :func:`kemitraan.audit.set_history_key`.
    """
    global _POLICY
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidArgumentError.saying(
            "policy must be a kemitraan.access.Policy, not {value}", value=repr(policy)
        )
    EDIT_GUARD[:] = [] if policy is None else [_edit_checked]  # guard first, then the policy
    _POLICY = policy


def _edit_checked(model: object) -> None:
    """Before a mutable model's field is assigned, under a policy (``_base.EDIT_GUARD``)."""
    policy = _POLICY
    if policy is None or getattr(model, "checks_its_own_edits", False):
        return  # a partnership checks its edits against the policy with itself in view
    holder = getattr(model, "holder", None)
    if holder is not None and getattr(holder, "checks_its_own_edits", False):
        authorize(holder, Action.RECORD)  # an edit inside a partnership, judged with it
        return
    actor = _ACTOR.get()
    if actor is None:
        raise _refused(None, Action.RECORD, "no_actor")
    rule = policy.edit_refusal(actor)
    if rule is not None:
        if rule not in REFUSALS:
            raise InvalidArgumentError.saying(
                "{method} returned {rule}, which is not a rule of kemitraan.access.REFUSALS",
                method=f"{type(policy).__name__}.edit_refusal",
                rule=repr(rule),
            )
        raise _refused(actor, Action.RECORD, rule)


def policy_in_force() -> Policy | None:
    """The policy set by :func:`set_policy`, if any."""
    return _POLICY


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    """Name ``actor`` as the one acting, for the block (per thread and per task)."""
    if not isinstance(actor, Actor):
        raise InvalidArgumentError.saying(
            "acting_as takes a kemitraan.actors.Actor, not {value}", value=repr(actor)
        )
    token = _ACTOR.set(actor)
    try:
        yield actor
    finally:
        _ACTOR.reset(token)


def current_actor() -> Actor | None:
    """The actor named by the innermost :func:`acting_as`, if any."""
    return _ACTOR.get()


def refusal_of(
    actor: Actor | None,
    action: Action,
    rule: str,
    partnership: PartnershipLike | None = None,
    **values: Any,
) -> NotPermittedError:
    """The refusal of ``rule`` (a key of :data:`REFUSALS`), worded in both languages."""
    return _refused(actor, action, rule, partnership, **values)


def _refused(
    actor: Actor | None,
    action: Action,
    rule: str,
    partnership: PartnershipLike | None = None,
    **values: Any,
) -> NotPermittedError:
    if actor is not None:
        values.setdefault("name", actor.name)
        values.setdefault("acts_for", actor.acts_for)
    if partnership is not None:
        values.setdefault("institution", partnership.institution.id)
    # the role and the action in each language's words (one message id, said in both)
    role = actor.role if actor is not None else None
    indonesian_values = {"action": action.label_id, **values}
    english_values = {**values, "action": action.label_en}
    if role is not None:
        indonesian_values.setdefault("role", role.label_id.lower())
        english_values.setdefault("role", role.label_en.lower())
    texts = REFUSALS[rule]
    indonesian = texts[0].format_map(_Missing(indonesian_values))
    english = texts[1].format_map(_Missing(english_values))
    return NotPermittedError(actor, action.value, rule, (indonesian, english))


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def _decide(
    policy: Policy,
    actor: Actor,
    action: Action,
    partnership: PartnershipLike,
    party_id: str | None,
    document: Agreement | None,
) -> None:
    rule = policy.refusal(actor, action, partnership, party_id=party_id, document=document)
    if rule is None:
        return
    if rule not in REFUSALS:
        raise InvalidArgumentError.saying(
            "{method} returned {rule}, which is not a rule of kemitraan.access.REFUSALS",
            method=f"{type(policy).__name__}.refusal",
            rule=repr(rule),
        )
    signatory = document.signatory_of(party_id) if document is not None and party_id else None
    raise _refused(
        actor,
        action,
        rule,
        partnership,
        party=party_id,
        printed=signatory.name if signatory is not None else "?",
    )


def authorize(
    partnership: PartnershipLike,
    action: Action,
    actor: Actor | str | None = None,
    *,
    party_id: str | None = None,
    document: Agreement | None = None,
) -> Actor | str | None:
    """Who acts, once the policy in force lets them; what the audit record names.

    The enforcement point every partnership command goes through. ``actor`` is what the
    caller passed (``actor=`` of a move); without it, the actor of :func:`acting_as`.

    Raises:
        NotPermittedError: a policy is in force and nobody acts, a free-text name acts,
            or the policy refuses the actor.
    """
    who: Actor | str | None = actor if actor is not None else _ACTOR.get()
    policy = _POLICY
    if policy is None:
        return who
    if who is None:
        raise _refused(None, action, "no_actor", partnership)
    if not isinstance(who, Actor):
        raise _refused(None, action, "actor_not_verified", partnership, given=who)
    _decide(policy, who, action, partnership, party_id, document)
    return who


def listing_scope(action: Action = Action.READ) -> frozenset[str] | None:
    """The institutions the actor acting may list partnerships of (``None``: all).

    Without a policy, all. Under one, what :meth:`Policy.institutions` gives the actor of
    :func:`acting_as`.

    Raises:
        NotPermittedError: a policy is in force and nobody is acting.
    """
    policy = _POLICY
    if policy is None:
        return None
    actor = _ACTOR.get()
    if actor is None:
        raise _refused(None, action, "no_actor")
    return policy.institutions(actor)


def administering(action: Action) -> None:
    """Refused under a policy unless an administrator acts (whole-store work: export, import).

    Raises:
        NotPermittedError: a policy is in force and the actor is not an administrator.
    """
    if _POLICY is None:
        return
    actor = _ACTOR.get()
    if actor is None:
        raise _refused(None, action, "no_actor")
    if actor.role is not Role.ADMINISTRATOR:
        raise _refused(actor, action, "administrators_only")


def permitted(
    actor: Actor,
    action: Action | str,
    partnership: PartnershipLike,
    *,
    party_id: str | None = None,
    document: Agreement | None = None,
) -> bool:
    """Whether the policy in force (or :class:`GuidePolicy`, when none is) lets ``actor`` do it.

    For an app deciding what to show: a button to sign, a list of partnerships.
    """
    policy = _POLICY or _GUIDE
    wanted = Action(action)
    rule = policy.refusal(actor, wanted, partnership, party_id=party_id, document=document)
    return rule is None


def visible(actor: Actor, partnership: Any) -> dict[str, Any]:
    """``partnership`` as ``actor`` may see it: its JSON, personal data masked unless allowed.

    Raises:
        NotPermittedError: the actor may not read it at all.
    """
    policy = _POLICY or _GUIDE
    _decide(policy, actor, Action.READ, partnership, None, None)
    open_data = policy.refusal(actor, Action.READ_PERSONAL_DATA, partnership) is None
    shown: dict[str, Any] = partnership.model_dump(
        mode="json", context=None if open_data else {"mask": True}
    )
    return shown


def stamped(
    records: list[Any], actor: Actor | str | None, *, kept: Sequence[Any] = ()
) -> list[Any]:
    """``records`` with each new one naming ``actor`` as who recorded it.

    A record already in ``kept`` (the list before the change) is left as it was. Under a
    policy every new record names the actor acting, whatever it was given (a record
    cannot claim another recorder); without one, a record that names nobody is given the
    actor, when an :class:`~kemitraan.actors.Actor` acts.
    """
    if not isinstance(actor, Actor):
        return records
    before = {id(record) for record in kept}
    overwrite = _POLICY is not None
    out = []
    for record in records:
        if id(record) not in before and hasattr(record, "recorded_by"):
            if record.recorded_by is None or (overwrite and record.recorded_by != actor):
                record = record.model_copy(update={"recorded_by": actor})
        out.append(record)
    return out


_GUIDE: Final = GuidePolicy()
