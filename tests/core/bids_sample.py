"""Filled price workbooks for the bids tests and the bundled example: the price workbook
the Town published, with a bidder's amounts written into its named input cells, as a
bidder would fill it (``fill``); and altered ones (an input cell's name removed, another
version)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal

from openpyxl import load_workbook

from wizard.core.documents.price_workbook import cell_name, price_workbook_bytes
from wizard.core.domain import price_form
from wizard.core.model import Project


def fill(
    project: Project,
    amounts: Mapping[str, Sequence[Decimal | int | str | None]],
    lang: str = "fr",
    *,
    version: str | None = None,
    drop: str = "",
    total: object = None,
) -> bytes:
    """The published workbook of ``project`` in ``lang`` with ``amounts`` (line key →
    its cells, years 1…N for a recurring line) written into the input cells. ``version``
    writes another form version; ``drop`` removes that defined name (a structure
    altered); ``total`` writes a value over the evaluated-price formula (ignored by the
    Town, which recomputes it)."""
    form = price_form.price_form(project)
    book = load_workbook(io.BytesIO(price_workbook_bytes(project, lang)))

    def cell(name: str):
        ((sheet, ref),) = list(book.defined_names[name].destinations)
        return book[sheet][ref.replace("$", "")]

    for line in form.lines:
        for i, value in enumerate(amounts.get(line.key, ())):
            year = i + 1 if line.section == "recurring" else 0
            cell(cell_name(line.key, year)).value = None if value is None else value
    if version is not None:
        cell("PriceFormVersion").value = version
    if total is not None:
        cell("EvaluatedPrice").value = total
    if drop:
        del book.defined_names[drop]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def score_all(pf, bid_id: int, *, passed: bool = True, points: int = 1) -> None:
    """Every score the quality lock freezes, for bid ``bid_id`` (``lock_quality`` refuses
    while one is missing): each mandatory criterion ``passed``, the consensus ``points``
    on each optional criterion, and each item of Québec's quality grid at its points."""
    from wizard.core.bids import evaluation_entry

    for c in pf.project.criteria:
        if c.kind == "mandatory":
            evaluation_entry.set_mandatory(pf, bid_id, c.id, passed, evidence="Section")
        elif passed:
            evaluation_entry.set_consensus(pf, bid_id, c.id, points, reason="Accord")
    if passed and pf.project.evaluation.quebec_weighted:
        for item in pf.project.quality_grid:
            evaluation_entry.set_grid_consensus(pf, bid_id, item.id, item.points, reason="Accord")
