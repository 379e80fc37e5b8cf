"""The six techniques' checklists (guide C) for one partner, printable: kind ``checklist``.

Per technique, in the guide's order, its items each with a box to tick; the answers
the facilitator has recorded for the partner (``Partnership.checklist``, the latest
by the day given) are ticked (☑) with their date and note, the others left open (☐)
to be ticked on paper.

>>> import sys; sys.path.insert(0, "tests")
>>> from datetime import date
>>> from seed import at_stage
>>> from kemitraan import Stage
>>> p = at_stage(Stage.IMPROVEMENT, recorded=True)
>>> context = KIND.context(technique_checklist(p, "cv-kriya-banua", on=date(2026, 2, 2)), p)
>>> len(context.techniques), context.techniques[0].rows[0].box
(6, '☐')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kemitraan._base import BilingualText
from kemitraan.conventions import date_long
from kemitraan.documents._registry import DocumentKind
from kemitraan.documents.minutes import BLANK
from kemitraan.documents.minutes_context import ChecklistContext, ChecklistRow, TechniqueBlock
from kemitraan.findings import Finding
from kemitraan.maintenance.interactions import ChecklistAnswer
from kemitraan.maintenance.techniques import CHECKLISTS
from kemitraan.partnerships import Partnership

__all__ = ["KIND", "TechniqueChecklist", "technique_checklist"]

TICKED, OPEN = "\u2611", "\u2610"


@dataclass(frozen=True)
class TechniqueChecklist:
    """The six techniques' checklists for one partner, as of a day.

    >>> from kemitraan import Institution, Partner, PartnerKind, Partnership, Program
    >>> p = Partnership(institution=Institution(name="PKBM A"),
    ...                 program=Program(name="PKW", objectives=["Mandiri"]),
    ...                 partners=[Partner(name="Toko B", id="toko-b", kind=PartnerKind.BUSINESS)])
    >>> TechniqueChecklist(p, "toko-b", date(2026, 1, 26)).partner_id
    'toko-b'
    """

    partnership: Partnership
    partner_id: str
    on: date
    place: str = ""
    """Where it is signed."""
    signer: str = ""
    """The facilitator who keeps it."""


def technique_checklist(
    partnership: Partnership,
    partner_id: str,
    *,
    on: date | None = None,
    place: str | None = None,
    signer: str | None = None,
) -> TechniqueChecklist:
    """The checklists for ``partner_id``, the answers recorded by ``on`` (today) ticked.

    Raises:
        UnknownPartyError: the partnership has no partner ``partner_id``.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from seed import at_stage
    >>> from kemitraan import Stage
    >>> p = at_stage(Stage.IMPROVEMENT, recorded=True)
    >>> technique_checklist(p, "kube-rajut-lestari", place="Martapura").place
    'Martapura'
    """
    partnership.party(partner_id)  # an unknown party is named as such
    region = partnership.institution.region
    default_place = region.district if region is not None and region.district else ""
    return TechniqueChecklist(
        partnership=partnership,
        partner_id=partner_id,
        on=on or date.today(),
        place=(place if place is not None else default_place) or "",
        signer=signer or "",
    )


def _latest(answers: list[ChecklistAnswer]) -> dict[str, ChecklistAnswer]:
    latest: dict[str, ChecklistAnswer] = {}
    for answer in sorted(answers, key=lambda a: a.on):
        latest[answer.item] = answer
    return latest


def _context(sheet: TechniqueChecklist, _owner: Partnership | None) -> ChecklistContext:
    p = sheet.partnership
    answers = _latest(
        [a for a in p.checklist if a.partner_id == sheet.partner_id and a.on <= sheet.on]
    )
    blocks = []
    done = total = 0
    for technique, items in CHECKLISTS.items():
        rows = []
        for no, item in enumerate(items, 1):
            answer = answers.get(item.code)
            ticked = answer is not None and answer.done
            done += ticked
            total += 1
            note = ""
            if answer is not None:
                note = date_long(answer.on) + (f": {answer.note}" if answer.note else "")
                note = note if answer.done else f"belum ({note})"
            rows.append(
                ChecklistRow(
                    no=str(no), box=TICKED if ticked else OPEN, text=item.text.indonesian, note=note
                )
            )
        blocks.append(TechniqueBlock(no=str(technique.number), title=technique.label_id, rows=rows))
    return ChecklistContext(
        title="DAFTAR PERIKSA TEKNIK MEMPERTAHANKAN KEMITRAAN",
        partner=p.party(sheet.partner_id).name,
        program=f"{p.program.name} — {p.institution.name}",
        institution=p.institution.name,
        date=date_long(sheet.on),
        done=f"{done} dari {total} butir terlaksana",
        techniques=blocks,
        place=sheet.place or BLANK,
        signer_position="Pendamping",
        signer=sheet.signer or f"({BLANK})",
    )


def _check(_sheet: TechniqueChecklist) -> list[Finding]:
    return []


def _subject(source: object) -> tuple[TechniqueChecklist, Partnership] | None:
    if isinstance(source, TechniqueChecklist):
        return source, source.partnership
    return None


KIND = DocumentKind(
    name="checklist",
    title=BilingualText.of("Daftar Periksa Teknik Kemitraan", "Partnership techniques checklist"),
    template="daftar-periksa-teknik.docx",
    layout="checklist",
    subject=_subject,
    context=_context,
    check=_check,
)
"""The registry entry."""
