"""Pieces of the errors' messages: clipped values, moves by their titles, long lists cut short.

The ground floor of :mod:`kemitraan.exceptions`, which re-exports what a user needs; it
knows no error class.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from kemitraan._catalog import N_, Language, current_language, phrase, say

__all__ = [
    "MAX_ERRORS",
    "MOVE_TITLES",
    "clip",
    "clipped_errors",
    "cut_short",
    "data_problem",
    "errors_said",
    "json_reason",
    "model_named",
    "moves_said",
    "problems_said",
    "upgrade_failed",
]

MAX_ERRORS: Final = 50
"""How many problems an error lists (the rest are counted)."""

MOVE_TITLES: dict[str, tuple[str, str]] = {}
"""A move's title by its code, in Indonesian and English (:mod:`kemitraan.lifecycle` fills it)."""


def data_problem(loc: Sequence[Any], rule: str, message: str, /, **values: Any) -> dict[str, Any]:
    """One entry of an ``InvalidDataError``'s errors, said in the language in force.

    ``message`` is an English message id naming ``values`` (a callable value is called
    with the language).

    >>> data_problem(("id",), "duplicate", "partnership {id} is on line {line} already",
    ...              id="'a'", line=2)["msg"]
    "kemitraan 'a' sudah ada di baris 2"
    """
    return {"loc": tuple(loc), "msg": phrase(message, **values)(current_language()), "type": rule}


def clipped_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """The first :data:`MAX_ERRORS` errors, their field names and messages clipped.

    Errors quote field names and messages only so far: a 50 MB key gives a short error.
    """
    return [
        {
            **e,
            "loc": tuple(clip(p) if isinstance(p, str) else p for p in e.get("loc", ())),
            "msg": clip(str(e.get("msg", "")), 300),
        }
        for e in list(errors)[:MAX_ERRORS]
    ]


def errors_said(
    errors: list[dict[str, Any]],
    made_in: Language,
    errors_in: Callable[[Language], Sequence[Any]] | None,
) -> Callable[[Language], str]:
    """Each error's field and message, joined, in the language asked for.

    The messages were said in ``made_in`` when the data was refused; in another language
    they are the same errors said again by ``errors_in`` (the data validated once more in
    that language, and only when asked for), or, should that not give the same errors, as
    they were made.
    """
    again: dict[Language, list[dict[str, Any]]] = {}

    def said(language: Language) -> str:
        chosen = errors
        if language != made_in and errors_in is not None:
            if language not in again:
                found = clipped_errors(errors_in(language))
                same = [e["loc"] for e in found] == [e["loc"] for e in errors]
                again[language] = found if same else errors
            chosen = again[language]
        # the rule's type is in .errors; an error of the whole is said without a place
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" if e["loc"] else e["msg"]
            for e in chosen
        )

    return said


def upgrade_failed(broken: BaseException) -> dict[str, Any]:
    """The error entry for an old document too broken to upgrade (the breakage named)."""
    reason = clip(repr(broken), 240)
    return data_problem((), "upgrade_failed", N_("cannot be upgraded: {reason}"), reason=reason)


def json_reason(exc: BaseException) -> Callable[[Language], str]:
    """Why text is not JSON (Python's own reason is English): where it stops being JSON."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if line is not None and column is not None:
        return phrase(N_("not JSON (it breaks at line {line}, column {column})"),
                      line=line, column=column)  # fmt: skip
    if isinstance(exc, UnicodeDecodeError):
        return phrase(N_("not JSON: not UTF-8 text"))
    if isinstance(exc, RecursionError):
        return phrase(N_("not JSON kemitraan reads: nested too deep"))
    return phrase(N_("not JSON"))


def clip(text: str, limit: int = 60) -> str:
    """``text``, cut at ``limit`` characters with its length said (a 50 MB key, a short error)."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def moves_said(moves: Sequence[str]) -> Callable[[Language], str]:
    """``moves`` (codes) by their titles, joined by commas, in the language asked for.

    A code without a title is quoted as it was given.
    """

    def said(language: Language) -> str:
        titles = (MOVE_TITLES.get(m, (repr(m), repr(m)))[language == "en"] for m in moves)
        return ", ".join(titles) or say(N_("none"), language)

    return said


def cut_short(
    texts: Sequence[str] | Callable[[Language], Sequence[str]], limit: int, sep: str = "; "
) -> Callable[[Language], str]:
    """The first ``limit`` of ``texts`` (or of those said in a language) and how many more."""

    def said(language: Language) -> str:
        found = texts(language) if callable(texts) else texts
        shown = sep.join(found[:limit])
        if len(found) <= limit:
            return shown
        return phrase(N_("{shown}; and {more} more"), shown=shown, more=len(found) - limit)(
            language
        )

    return said


def problems_said(source: str, problems: Sequence[Any], language: Language) -> str:
    """The message of :class:`~kemitraan.exceptions.InvalidSpreadsheetError`."""
    head = phrase(
        N_("{source} cannot be imported ({count} problems; nothing imported):"),
        source=source,
        count=len(problems),
    )
    lines = [head(language), *(f"- {p.message(language)}" for p in problems[:MAX_ERRORS])]
    if len(problems) > MAX_ERRORS:
        more = phrase(N_("… {more} more"), more=len(problems) - MAX_ERRORS)
        lines.append(f"- {more(language)}")
    return "\n".join(lines)


_NOUNS: Final[dict[str, str]] = {
    "Partnership": "kemitraan",
    "Agreement": "naskah kesepakatan",
    "Program": "program",
    "Institution": "lembaga",
    "Partner": "mitra",
    "Party": "pihak",
    "Region": "wilayah",
    "Learner": "peserta didik",
    "CandidateRegister": "daftar calon mitra",
    "MonitoringRecord": "catatan monitoring",
    "ImplementationRecord": "catatan pelaksanaan",
    "Evaluation": "evaluasi",
    "Decision": "keputusan",
    "WorkPlan": "rencana kerja",
    "FollowUpPlan": "rencana tindak lanjut",
    "PlannedActivity": "kegiatan",
    "Interaction": "catatan kontak",
    "AuditRecord": "catatan riwayat",
}
"""The models a person loads, by the Indonesian noun an error names them with."""


def model_named(model: str) -> Callable[[Language], str]:
    """The model a refusal names: its Indonesian noun, or its class name in English.

    >>> model_named("Partnership")("id"), model_named("Partnership")("en")
    ('kemitraan', 'Partnership')
    >>> model_named("Tree")("id")  # one without a noun: its name
    'Tree'
    """
    return lambda language: _NOUNS.get(model, model) if language == "id" else model
