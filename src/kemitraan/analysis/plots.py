"""Figures for notebooks: each function returns a matplotlib ``Figure`` a notebook shows.

The figures are made without pyplot (no global state, nothing shown twice, nothing
left open), so they render headless too: ``figure.savefig("funnel.png")``. Labels are
Indonesian by default; pass ``language="en"`` for English.
"""

from __future__ import annotations

from datetime import date
from textwrap import fill
from typing import TYPE_CHECKING, Final

from matplotlib.axis import Axis
from matplotlib.dates import AutoDateLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from kemitraan._base import Language, in_language
from kemitraan._catalog import current_language
from kemitraan._privacy import mask_name
from kemitraan.conventions import number_text
from kemitraan.deviations import _Facts
from kemitraan.lifecycle import Stage
from kemitraan.mapping import CandidateRegister, GridQuadrant, StakeholderRating
from kemitraan.parties import PartnerKind
from kemitraan.planning import Direction
from kemitraan.summary import current_plan

if TYPE_CHECKING:
    from kemitraan.analysis.portfolio import Portfolio
    from kemitraan.partnerships import Partnership

__all__ = [
    "health_per_partner",
    "indicator_progress",
    "power_interest_grid",
    "stage_funnel",
    "work_plan_timeline",
]

_GOOD, _AMBER, _RED, _GREY, _BLUE = "#2e7d32", "#f9a825", "#c62828", "#bdbdbd", "#1565c0"


def stage_funnel(portfolio: Portfolio, *, language: Language | None = None) -> Figure:
    """The stage funnel: how many partnerships reached each of the 11 steps, and are in it."""
    language = language or current_language()
    funnel = portfolio.funnel()
    labels = [
        f"{step}. {_plain(Stage(stage).label(language))}"
        for step, stage in zip(funnel.index, funnel["stage"], strict=True)
    ]
    figure = Figure(figsize=(9, 5.5), layout="constrained")
    axes = figure.add_subplot()
    y = list(range(len(labels)))
    axes.barh(
        y,
        funnel["reached"],
        color="#90caf9",
        label=in_language(language, "pernah mencapai", "reached"),
    )
    axes.barh(
        y,
        funnel["current"],
        color=_BLUE,
        height=0.45,
        label=in_language(language, "berada di sini sekarang", "in it now"),
    )
    for row, value in zip(y, funnel["reached"], strict=True):
        axes.annotate(
            f"{value}",
            (value, row),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    axes.set_yticks(y, labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel(in_language(language, "jumlah kemitraan", "partnerships"))
    axes.set_title(in_language(language, "Corong tahapan kemitraan", "Partnership stage funnel"))
    axes.legend(loc="lower right", fontsize=8)
    return figure


def power_interest_grid(
    register: CandidateRegister,
    *,
    high_from: int = 4,
    language: Language | None = None,
    masked: bool = True,
) -> Figure:
    """The power–interest grid: each rated candidate placed by its scores, in its quadrant.

    Candidates with the same scores are spread a little so that each stays visible;
    unrated candidates are listed under the grid.
    """
    language = language or current_language()
    figure = Figure(figsize=(8, 7), layout="constrained")
    axes = figure.add_subplot()
    edge = high_from - 0.5
    axes.axvline(edge, color=_GREY, lw=1)
    axes.axhline(edge, color=_GREY, lw=1)
    corners = {
        GridQuadrant.MANAGE_CLOSELY: (5.4, 5.4, "right", "top"),
        GridQuadrant.KEEP_SATISFIED: (0.6, 5.4, "left", "top"),
        GridQuadrant.KEEP_INFORMED: (5.4, 0.6, "right", "bottom"),
        GridQuadrant.MONITOR: (0.6, 0.6, "left", "bottom"),
    }
    for quadrant, (x, y, ha, va) in corners.items():
        axes.text(
            x,
            y,
            quadrant.label(language),
            ha=ha,
            va=va,
            color="#616161",
            fontsize=10,
            style="italic",
        )
    seen: dict[tuple[int, int], int] = {}
    unrated = []
    for candidate, rated, _ in register.entries():
        rating = rated or StakeholderRating(partner_id=candidate.id)
        name = candidate.name
        if masked and candidate.kind is PartnerKind.COMMUNITY_FIGURE:
            name = mask_name(name)
        name = _plain(name)
        if rating.power is None or rating.interest is None:
            unrated.append(name)
            continue
        spot = (rating.interest, rating.power)
        nth = seen.get(spot, 0)
        seen[spot] = nth + 1
        x, y = spot
        color = _RED if rating.quadrant(high_from) is GridQuadrant.MANAGE_CLOSELY else _BLUE
        if not nth:
            axes.scatter([x], [y], color=color, s=30, zorder=3)
        # candidates with the same scores share the point; their names stack beneath it
        axes.annotate(
            name,
            (x, y),
            xytext=(5, 2 - 9 * nth),
            textcoords="offset points",
            fontsize=7,
            va="bottom" if not nth else "center",
        )
    axes.set_xlim(0.5, 5.5)
    axes.set_ylim(0.5, 5.5)
    axes.set_xticks(range(1, 6))
    axes.set_yticks(range(1, 6))
    axes.set_xlabel(in_language(language, "Minat (1–5)", "Interest (1–5)"))
    axes.set_ylabel(in_language(language, "Kuasa (1–5)", "Power (1–5)"))
    axes.set_title(
        in_language(language, "Peta kuasa–minat", "Power–interest grid")
        + ": "
        + _plain(register.program.title)
    )
    if unrated:
        figure.supxlabel(
            in_language(language, "Belum dinilai: ", "Not rated: ") + ", ".join(unrated), fontsize=7
        )
    return figure


def work_plan_timeline(
    partnership: Partnership,
    *,
    cycle: int | None = None,
    on: date | None = None,
    language: Language | None = None,
) -> Figure:
    """The cycle's planned activities as bars over time, each filled to its latest progress."""
    language = language or current_language()
    activities, _ = current_plan(partnership, cycle)
    planned = [a for a in activities if a.period is not None]
    facts = _Facts(partnership, on or date.max, cycle)
    figure = Figure(figsize=(10, 0.45 * max(len(planned), 2) + 1.6), layout="constrained")
    axes = figure.add_subplot()
    for row, activity in enumerate(planned):
        assert activity.period is not None
        start = _num(activity.period.start)
        width = _num(activity.period.end) - start + 1
        progress, _ = facts.of(activity)
        done = float(progress[-1][1]) / 100 if progress else 0.0
        axes.barh(row, width, left=start, color="#e3f2fd", edgecolor=_BLUE)
        axes.barh(row, width * done, left=start, color=_BLUE, height=0.5)
        axes.annotate(
            f"{done:.0%}",
            (start + width, row),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=7,
        )
    if on is not None:
        axes.axvline(_num(on), color=_RED, lw=1, ls="--")
    axes.set_yticks(range(len(planned)), [_plain(a.name) for a in planned], fontsize=8)
    axes.invert_yaxis()
    axes.xaxis_date()
    _days(axes.xaxis, language)
    axes.set_title(
        in_language(language, "Jadwal rencana kerja", "Work-plan timeline")
        + f" ({in_language(language, 'siklus', 'cycle')} "
        f"{cycle or partnership.cycle})"
    )
    if not planned:
        axes.text(
            0.5,
            0.5,
            in_language(language, "Belum ada kegiatan terjadwal", "No scheduled activity"),
            ha="center",
            va="center",
            transform=axes.transAxes,
        )
    return figure


def indicator_progress(
    partnership: Partnership,
    *,
    cycle: int | None = None,
    on: date | None = None,
    language: Language | None = None,
) -> Figure:
    """Each indicator of the cycle: its baseline, dated targets and the values measured."""
    language = language or current_language()
    _, indicators = current_plan(partnership, cycle)
    facts = _Facts(partnership, on or date.max, cycle)
    count = max(len(indicators), 1)
    figure = Figure(figsize=(10, 3.2 * ((count + 1) // 2)), layout="constrained")
    grid = figure.subplots(max((count + 1) // 2, 1), 2 if count > 1 else 1, squeeze=False)
    for index, indicator in enumerate(indicators):
        axes = grid[index // 2][index % 2]
        targets = sorted(indicator.targets, key=lambda t: t.by)
        axes.plot(
            [indicator.baseline_on, *[t.by for t in targets]],
            [float(indicator.baseline), *[float(t.value) for t in targets]],
            ls="--",
            marker="o",
            color=_GREY,
            label=in_language(language, "target", "target"),
        )
        values = facts.values.get(indicator.id, [])
        if values:
            axes.plot(
                [d for d, _ in values],
                [float(v) for _, v in values],
                marker="s",
                color=_BLUE,
                label=in_language(language, "capaian", "measured"),
            )
        better = in_language(
            language,
            "makin tinggi makin baik"
            if indicator.direction is Direction.HIGHER
            else "makin rendah makin baik",
            "higher is better" if indicator.direction is Direction.HIGHER else "lower is better",
        )
        title = _plain(f"{indicator.name} ({indicator.unit}; {better})")
        axes.set_title(fill(title, 60), fontsize=9)  # wrapped: a long one ran off the figure
        axes.tick_params(labelsize=7)
        _days(axes.xaxis, language)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number_text(value, language)))
        axes.legend(fontsize=7)
    for index in range(len(indicators), grid.size):
        grid[index // 2 if grid.shape[1] == 2 else index][index % grid.shape[1]].set_axis_off()
    if not indicators:
        grid[0][0].text(
            0.5,
            0.5,
            in_language(language, "Rencana belum punya indikator", "The plan has no indicators"),
            ha="center",
            va="center",
        )
    figure.suptitle(in_language(language, "Capaian indikator", "Indicator progress"))
    return figure


_STATUS_COLOUR: Final = {"good": _GOOD, "attention": _AMBER, "at_risk": _RED}


def health_per_partner(
    partnership: Partnership, *, on: date, language: Language | None = None, masked: bool = True
) -> Figure:
    """Each committed partner's health on ``on``: per technique of guide C, and overall."""
    language = language or current_language()
    from kemitraan.maintenance import Technique
    from kemitraan.maintenance.health import HealthStatus, partner_health

    health = partner_health(partnership, on=on)
    techniques = list(Technique)
    figure = Figure(figsize=(11, 2.2 + 0.6 * max(len(health), 1)), layout="constrained")
    axes = figure.add_subplot()
    names = []
    for row, partner in enumerate(health):
        party = partnership.party(partner.partner_id)
        name = party.name
        if masked and party.kind is PartnerKind.COMMUNITY_FIGURE:
            name = mask_name(name)
        names.append(_plain(name))
        statuses = {t.technique: t.status for t in partner.techniques}
        for column, technique in enumerate([*techniques, None]):
            status = partner.status if technique is None else statuses.get(technique)
            colour = _STATUS_COLOUR[status.value] if status else _GREY
            axes.add_patch(_cell(column, row, colour))
    axes.set_xlim(0, len(techniques) + 1)
    axes.set_ylim(len(health), 0)
    axes.set_xticks(
        [i + 0.5 for i in range(len(techniques) + 1)],
        [
            *[f"{t.number}. {fill(t.label(language), 16)}" for t in techniques],
            in_language(language, "Keseluruhan", "Overall"),
        ],
        fontsize=7,
    )
    axes.set_yticks([i + 0.5 for i in range(len(names))], names, fontsize=8)
    axes.legend(
        handles=[
            Patch(color=_STATUS_COLOUR[s.value], label=s.label(language)) for s in HealthStatus
        ],
        loc="upper right",
        bbox_to_anchor=(1.0, 1.25),
        ncol=3,
        fontsize=7,
    )
    axes.set_title(
        in_language(language, "Kesehatan kemitraan per mitra", "Partnership health per partner"),
        loc="left",
    )
    return figure


def _days(axis: Axis, language: Language) -> None:
    """Days on ``axis`` as the language writes them: "Mei", "15 Agu".

    The year stands below the first tick and each January; matplotlib's own names are
    English whatever the locale.
    """
    from babel.dates import get_month_names

    months = get_month_names("abbreviated", locale="id" if language == "id" else "en")
    axis.set_major_locator(AutoDateLocator(maxticks=6))  # type: ignore[no-untyped-call]

    def said(value: float, position: int | None) -> str:
        day = num2date(value).date()  # type: ignore[no-untyped-call]
        text = months[day.month] if day.day == 1 else f"{day.day} {months[day.month]}"
        return f"{text}\n{day.year}" if position == 0 or (day.month, day.day) == (1, 1) else text

    axis.set_major_formatter(FuncFormatter(said))


def _num(day: date) -> float:
    return float(date2num(day))  # type: ignore[no-untyped-call]


def _plain(text: str) -> str:
    """Text as matplotlib should print it: a ``$`` is a dollar sign, not mathematics."""
    return text.replace("$", r"\$")


def _cell(column: int, row: int, colour: str) -> Patch:
    from matplotlib.patches import Rectangle

    return Rectangle((column + 0.05, row + 0.05), 0.9, 0.9, color=colour)
