"""The view a Dinas has: every partnership of a regency as one row of a *Rekapitulasi*.

A Dinas Pendidikan oversees many PKBM and LKP and reads their partnerships through
reports; it sends a recapitulation upward. :func:`regency_rollup` groups a
:class:`~kemitraan.analysis.Portfolio` by province and regency: how many partnerships,
how many running, signed, ended, due for renewal, the PKW programmes and which of the four
partner kinds expected since 2023 each lacks, the learners and the PKW measures (a
business started, an income of at least the UMK), the deviations where the portfolio
knows them. :func:`regency_rollup_parquet` gives the same table straight from the Parquet
files :meth:`Portfolio.to_parquet` writes, through DuckDB, without loading a frame or a
model: the national scale.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from kemitraan._catalog import Language, current_language
from kemitraan._files import write_atomically
from kemitraan.analysis.portfolio import renewal_due_rows  # the portfolio's own rule
from kemitraan.conventions import date_long, number_text
from kemitraan.documents.minutes_context import RekapitulasiRow
from kemitraan.documents.rekapitulasi import Rekapitulasi
from kemitraan.exceptions import DocumentNotFoundError, MissingExtraError
from kemitraan.lifecycle import Stage

if TYPE_CHECKING:
    from kemitraan.analysis.portfolio import Portfolio

__all__ = [
    "ROLLUP_COLUMNS",
    "regency_rollup",
    "regency_rollup_parquet",
    "rekapitulasi",
    "rekapitulasi_xlsx",
]

ROLLUP_COLUMNS: Final = (
    "province",
    "regency",
    "partnerships",
    "running",
    "mou_signed",
    "ended",
    "renewals_due",
    "pkw",
    "pkw_without_dudi",
    "pkw_without_umkm",
    "pkw_without_financing",
    "pkw_without_platform",
    "learners",
    "completed",
    "started_business",
    "earning_umk",
    "wage_learners",
    "business_share",
    "wage_share",
    "deviations",
    "critical_deviations",
)
"""The roll-up's columns: a row per province and regency (``pkw_without_*``: the PKW
partnerships with committed partners that lack that kind). The learners and their measures
are those of PKW programmes, of every cycle; ``business_share`` is of those learners,
``wage_share`` of ``wage_learners``, the PKW learners whose programme states its UMK."""
_COUNTS: Final = ROLLUP_COLUMNS[2:17]
"""The columns that count (partnerships, programmes, learners), whole numbers."""

_RUNNING: Final = tuple(
    stage.value
    for stage in (Stage.IMPLEMENTATION, Stage.MONITORING, Stage.IMPROVEMENT, Stage.FOLLOW_UP)
)
_ROLES: Final = {
    "pkw_without_dudi": "pkw_dudi",
    "pkw_without_umkm": "pkw_umkm",
    "pkw_without_financing": "pkw_financing",
    "pkw_without_platform": "pkw_platform",
}


def regency_rollup(portfolio: Portfolio) -> pd.DataFrame:
    """The portfolio by province and regency (:data:`ROLLUP_COLUMNS`), as of its day.

    A partnership whose institution states no region is counted under empty names.
    """
    frame = portfolio.frame
    open_ = frame["outcome"].isna()
    judged = _pkw_judged(frame)
    pkw = frame["program_kind"].eq("pkw")

    def of_pkw(column: str) -> pd.Series:
        """A learners' measure of the PKW programmes (a course's learners are not judged)."""
        return frame[column].where(pkw, 0).fillna(0)

    parts = pd.DataFrame(
        {
            "province": frame["province"].fillna(""),
            "regency": frame["regency"].fillna(""),
            "partnerships": 1,
            "running": frame["stage"].isin(_RUNNING).astype(int),
            "mou_signed": frame["mou_signed"].fillna(False).astype(int),
            "ended": (~open_).astype(int),
            "renewals_due": renewal_due_rows(frame, portfolio.on, 0).astype(int),
            "pkw": pkw.astype(int),
            **{
                column: (judged & frame[role].fillna(0).eq(0)).astype(int)
                for column, role in _ROLES.items()
            },
            "learners": of_pkw("learners"),
            "completed": of_pkw("completed"),
            "started_business": of_pkw("started_business"),
            "earning_umk": of_pkw("earning_umk"),
            "wage_learners": of_pkw("learners").where(frame["earning_umk"].notna(), 0),
            "deviations": frame["deviations"],
            "critical_deviations": frame["critical_deviations"],
        }
    )
    grouped = parts.groupby(["province", "regency"], sort=True)
    summed = grouped.sum(min_count=0)
    for column in ("deviations", "critical_deviations"):
        summed[column] = grouped[column].sum(min_count=1).astype("Int64")
    return _shares(summed.reset_index())


def _pkw_judged(frame: pd.DataFrame) -> pd.Series:
    """The PKW partnerships whose partners were asked (any committed partner answered)."""
    counts = frame[list(_ROLES.values())].fillna(0).sum(axis=1)
    return frame["program_kind"].eq("pkw") & (frame["pkw_missing"].notna() | counts.gt(0))


def _shares(table: pd.DataFrame) -> pd.DataFrame:
    learners = table["learners"].astype("float64")
    started = table["started_business"].astype("float64")
    table["business_share"] = (started / learners).where(learners > 0)
    wage_learners = table["wage_learners"].astype("float64")
    earning = table["earning_umk"].astype("float64")
    table["wage_share"] = (earning / wage_learners).where(wage_learners > 0)
    for column in _COUNTS:
        table[column] = table[column].astype("int64")
    return table[list(ROLLUP_COLUMNS)]


def regency_rollup_parquet(folder: str | Path, *, on: date) -> pd.DataFrame:
    """:func:`regency_rollup` of what :meth:`Portfolio.to_parquet` wrote in ``folder``.

    Read by DuckDB from ``partnerships.parquet``: no frame of the partnerships and no
    model is built, so it serves a whole country's partnerships in well under a second
    per hundred thousand.
    """
    try:
        import duckdb
    except ImportError:
        raise MissingExtraError("analysis", "regency_rollup_parquet", "duckdb") from None
    path = Path(folder) / "partnerships.parquet"
    if not path.is_file():
        raise DocumentNotFoundError(str(path))
    running = ", ".join(f"'{stage}'" for stage in _RUNNING)
    judged = (
        "program_kind = 'pkw' AND (pkw_missing IS NOT NULL OR "
        "coalesce(pkw_dudi, 0) + coalesce(pkw_umkm, 0) + coalesce(pkw_financing, 0) "
        "+ coalesce(pkw_platform, 0) > 0)"
    )
    without = ",\n".join(
        f"count(*) FILTER (WHERE {judged} AND coalesce({role}, 0) = 0) AS {column}"
        for column, role in _ROLES.items()
    )
    pkw = "program_kind = 'pkw'"
    query = f"""
        SELECT coalesce(province, '') AS province, coalesce(regency, '') AS regency,
            count(*) AS partnerships,
            count(*) FILTER (WHERE stage IN ({running})) AS running,
            count(*) FILTER (WHERE mou_signed) AS mou_signed,
            count(*) FILTER (WHERE outcome IS NOT NULL) AS ended,
            count(*) FILTER (WHERE outcome IS NULL AND mou_signed AND renewal_due <= $on
                AND term_end >= $on) AS renewals_due,
            count(*) FILTER (WHERE program_kind = 'pkw') AS pkw,
            {without},
            coalesce(sum(learners) FILTER (WHERE {pkw}), 0) AS learners,
            coalesce(sum(completed) FILTER (WHERE {pkw}), 0) AS completed,
            coalesce(sum(started_business) FILTER (WHERE {pkw}), 0) AS started_business,
            coalesce(sum(earning_umk) FILTER (WHERE {pkw}), 0) AS earning_umk,
            coalesce(sum(learners) FILTER (WHERE {pkw} AND earning_umk IS NOT NULL), 0)
                AS wage_learners,
            sum(deviations) AS deviations,
            sum(critical_deviations) AS critical_deviations
        FROM read_parquet($path)
        GROUP BY ALL
        ORDER BY province, regency
    """
    with duckdb.connect() as connection:
        table = connection.execute(query, {"on": on, "path": str(path)}).df()
    for column in ("deviations", "critical_deviations"):
        table[column] = table[column].astype("Int64")
    return _shares(table)


_HEADERS: Final = {
    "province": ("Provinsi", "Province"),
    "regency": ("Kabupaten/Kota", "Regency/City"),
    "partnerships": ("Kemitraan", "Partnerships"),
    "running": ("Berjalan", "Running"),
    "mou_signed": ("MoU ditandatangani", "MoU signed"),
    "ended": ("Berakhir/batal", "Ended or declined"),
    "renewals_due": ("Perlu diperpanjang", "Renewal due"),
    "pkw": ("Program PKW", "PKW programmes"),
    "pkw_without_dudi": ("PKW tanpa DUDI", "PKW without DUDI"),
    "pkw_without_umkm": ("PKW tanpa UMKM", "PKW without UMKM"),
    "pkw_without_financing": ("PKW tanpa lembaga pembiayaan", "PKW without financing"),
    "pkw_without_platform": ("PKW tanpa platform digital", "PKW without digital platform"),
    "learners": ("Peserta didik PKW", "PKW learners"),
    "completed": ("Selesai kursus", "Completed the course"),
    "started_business": ("Berwirausaha", "Started a business"),
    "earning_umk": ("Berpenghasilan ≥ UMK", "Earning ≥ UMK"),
    "wage_learners": ("Peserta didik dengan UMK tercatat", "Learners with the UMK stated"),
    "business_share": ("% berwirausaha", "% started a business"),
    "wage_share": ("% berpenghasilan ≥ UMK", "% earning ≥ UMK"),
    "deviations": ("Penyimpangan", "Deviations"),
    "critical_deviations": ("Penyimpangan kritis", "Critical deviations"),
}


def rekapitulasi_xlsx(
    table: pd.DataFrame,
    path: str | Path,
    *,
    title: str,
    on: date,
    language: Language | None = None,
) -> Path:
    """Write a roll-up (:func:`regency_rollup`) as the *Rekapitulasi* workbook a Dinas sends.

    One sheet: the title and the day, a header row in the language asked for, a row per
    regency, and a total row (shares recomputed from the totals, not averaged). Written
    atomically (no half file). Needs the ``xlsx`` extra (openpyxl).

    Returns:
        The path written.
    """
    language = language or current_language()
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        raise MissingExtraError("xlsx", "rekapitulasi_xlsx", "openpyxl") from None
    english = language == "en"
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its sheet
    sheet.title = "Recapitulation" if english else "Rekapitulasi"
    sheet.append([title])
    sheet.append([f"{'As of' if english else 'Keadaan per'} {date_long(on, language)}"])
    sheet.append([])
    columns = [c for c in ROLLUP_COLUMNS if c in table.columns]
    sheet.append([_HEADERS[c][english] for c in columns])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for record in table[columns].itertuples(index=False):
        sheet.append([_cell(value) for value in record])
    totals = table[columns].sum(numeric_only=True, min_count=1)
    total_row: list[object] = ["TOTAL" if english else "JUMLAH", ""]
    for column in columns[2:]:
        if column == "business_share":
            total_row.append(_ratio(totals["started_business"], totals["learners"]))
        elif column == "wage_share":
            total_row.append(_ratio(totals["earning_umk"], totals["wage_learners"]))
        else:
            total_row.append(_cell(totals.get(column)))
    sheet.append(total_row)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        if column.endswith("_share"):
            for row in sheet.iter_rows(min_row=5, min_col=index, max_col=index):
                row[0].number_format = "0%"
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomically(path, buffer.getvalue())


def _cell(value: object) -> object:
    """A frame's value as a cell takes it: missing values empty, numpy numbers as Python's."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def _ratio(part: object, whole: object) -> float | None:
    top, bottom = _cell(part), _cell(whole)
    if not isinstance(top, int | float) or not isinstance(bottom, int | float) or not bottom:
        return None
    return top / bottom


def rekapitulasi(
    table: pd.DataFrame,
    *,
    title: str,
    on: date,
    issuer: str = "",
    place: str = "",
    signer_position: str = "",
    signer: str = "",
    signer_nip: str = "",
) -> Rekapitulasi:
    """A roll-up (:func:`regency_rollup`) as the *Rekapitulasi* DOCX a Dinas sends upward.

    Render it with :func:`kemitraan.render_document`: a landscape table, a row per regency
    (its province named when the table holds more than one), a JUMLAH row whose shares
    come from the totals, and the office's signature with the NIP.
    """
    provinces = table["province"].nunique() > 1
    rows = []
    records = table.to_dict("records")
    for number, record in enumerate(records, 1):
        name = str(record["regency"]) or "Wilayah tidak tercatat"
        if provinces and record["province"]:
            name += f" ({record['province']})"
        rows.append(_rekap_row(str(number), name, {str(k): v for k, v in record.items()}))
    if len(table):
        rows.append(_rekap_row("", "JUMLAH", {c: table[c].sum() for c in _COUNTS}))
    return Rekapitulasi(
        title=title,
        on=on,
        rows=rows,
        issuer=issuer,
        place=place,
        signer_position=signer_position,
        signer=signer,
        signer_nip=signer_nip,
    )


def _rekap_row(no: str, regency: str, values: dict[str, Any]) -> RekapitulasiRow:
    learners, measured = int(values["learners"]), int(values["wage_learners"])

    def count(value: Any) -> str:
        return number_text(int(value))  # 1.603: the thousands as Indonesian writes them

    def of(value: Any, whole: int) -> str:
        shown = int(value)
        if not whole:
            return count(shown)
        # half up, as a person rounds (12,5% is 13%), not Python's half to even
        share = (Decimal(100 * shown) / whole).quantize(Decimal(1), ROUND_HALF_UP)
        if whole != learners:  # of the learners whose UMK is known: said, or misread
            return f"{count(shown)} dari {count(whole)} ({share}%)"
        return f"{count(shown)} ({share}%)"

    return RekapitulasiRow(
        no=no,
        regency=regency,
        partnerships=count(values["partnerships"]),
        running=count(values["running"]),
        mou_signed=count(values["mou_signed"]),
        renewals_due=count(values["renewals_due"]),
        pkw=count(values["pkw"]),
        without_financing=count(values["pkw_without_financing"]),
        without_platform=count(values["pkw_without_platform"]),
        learners=count(learners),
        business=of(values["started_business"], learners),
        wage=of(values["earning_umk"], measured) if measured else "-",
    )
