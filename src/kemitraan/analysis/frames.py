"""The candidate register and the relevance ranking as pandas frames."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

import pandas as pd

from kemitraan._base import Language
from kemitraan._catalog import current_language
from kemitraan._privacy import mask_name
from kemitraan.mapping import CandidateRegister, StakeholderRating
from kemitraan.parties import Partner, PartnerKind
from kemitraan.scoring import Ranking

__all__ = ["mapping_frame", "ranking_frame"]


# A key for this process: the same person has the same pseudonym in every frame made here
# (frames join), and none that a list of names could look up later.
_KEY: Final = secrets.token_bytes(16)


def _shown(partner: Partner, masked: bool) -> tuple[str, str]:
    """The id and name a frame shows: a person's (a community figure's) are masked.

    A person's id is made from the name, so it is replaced by a pseudonym.
    """
    if not masked or partner.kind is not PartnerKind.COMMUNITY_FIGURE:
        return partner.id, partner.name
    digest = hmac.new(_KEY, partner.id.encode(), hashlib.sha256).hexdigest()[:10]
    return f"orang-{digest}", mask_name(partner.name)


def mapping_frame(
    register: CandidateRegister, *, high_from: int = 4, masked: bool = True
) -> pd.DataFrame:
    """One row per candidate: kind, level, region, offers, ratings, quadrant and salience.

    The names of persons (community figures) are masked, and their ids (made from the
    names) replaced by pseudonyms that stay the same within the process, unless
    ``masked=False``.

    >>> from kemitraan import CandidateRegister, Partner, PartnerKind, Program
    >>> register = CandidateRegister(
    ...     program=Program(name="Menjahit", objectives=["Mandiri"]),
    ...     candidates=[Partner(name="Hj. Norhayati", kind=PartnerKind.COMMUNITY_FIGURE)])
    >>> mapping_frame(register)[["name", "kind", "quadrant"]].to_dict("records")
    [{'name': 'H. N.', 'kind': 'community_figure', 'quadrant': 'monitor'}]
    >>> mapping_frame(register)["id"][0][:6], mapping_frame(register, masked=False)["id"][0]
    ('orang-', 'hj-norhayati')
    """
    rows = []
    for candidate, rated, level in register.entries():
        rating = rated or StakeholderRating(partner_id=candidate.id)
        region = candidate.region
        shown_id, shown_name = _shown(candidate, masked)
        rows.append(
            {
                "id": shown_id,
                "name": shown_name,
                "kind": candidate.kind.value,
                "kind_label": candidate.kind.label_id,
                "in_guide": candidate.kind.in_guide,
                "level": level.value if level else None,
                "level_rank": level.rank if level else None,
                "province": region.province if region else None,
                "regency": region.regency if region else None,
                "offers": ", ".join(kind.value for kind in candidate.profile.offers) or None,
                "power": rating.power,
                "interest": rating.interest,
                "legitimacy": rating.legitimacy,
                "urgency": rating.urgency,
                "quadrant": rating.quadrant(high_from).value,
                "salience": rating.salience(high_from).value,
            }
        )
    frame = pd.DataFrame(rows, columns=_MAPPING_COLUMNS)
    for column in ("level_rank", "power", "interest", "legitimacy", "urgency"):
        frame[column] = frame[column].astype("Int64")
    return frame


_MAPPING_COLUMNS = [
    "id",
    "name",
    "kind",
    "kind_label",
    "in_guide",
    "level",
    "level_rank",
    "province",
    "regency",
    "offers",
    "power",
    "interest",
    "legitimacy",
    "urgency",
    "quadrant",
    "salience",
]


def ranking_frame(
    ranking: Ranking, *, language: Language | None = None, masked: bool = True, explain: bool = True
) -> pd.DataFrame:
    """One row per candidate, best first.

    Rank, score, each criterion's value and points, the needs met and (with ``explain``)
    each criterion's reason in ``language``.
    """
    language = language or current_language()
    codes = [criterion.code for criterion in ranking.criteria]
    rows = []
    for entry in ranking:
        shown_id, shown_name = _shown(entry.partner, masked)
        row: dict[str, object] = {
            "rank": entry.rank,
            "id": shown_id,
            "name": shown_name,
            "score": entry.score,
        }
        for part in entry.parts():
            row[part.criterion.code] = part.value
            row[f"{part.criterion.code}_points"] = part.points
        row["met_needs"] = ", ".join(entry.met_needs()) or None
        if explain:
            # the criteria's lines; the first line names the candidate, unmasked
            row["explanation"] = entry.explain(language).split("\n", 1)[-1]
        rows.append(row)
    columns = ["rank", "id", "name", "score", *codes, *(f"{c}_points" for c in codes), "met_needs"]
    return pd.DataFrame(rows, columns=[*columns, *(["explanation"] if explain else [])])
