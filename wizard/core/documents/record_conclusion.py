"""The conclusion of the total cost of ownership, in words (docs/documents.md, docs/tco.md).

``conclusion(project, results, lang) -> list[str]``: which option costs least over the
horizon (net present value) and by how much against the next one, its nominal total,
what weighs most in its cost, and the category where the options differ most. Every
figure comes from ``tco.compute_tco``; amounts in CAD before taxes. True by construction:
it only reads the results it is given.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.documents.record_tco import category_label, money, option_name
from wizard.core.domain import tco
from wizard.core.domain.tco import OptionTco
from wizard.core.i18n import ntr, tr
from wizard.core.model import Project


def _pct(part: Decimal, whole: Decimal) -> int:
    return int((part * 100 / whole).to_integral_value()) if whole else 0


def _lower(text: str) -> str:
    """A label inside a sentence: its first letter in lower case."""
    return text[:1].lower() + text[1:]


def _largest(parts: dict[str, Decimal]) -> tuple[str, Decimal] | None:
    positive = [(k, v) for k, v in parts.items() if v > 0]
    return max(positive, key=lambda kv: kv[1]) if positive else None


def conclusion(project: Project, results: list[OptionTco], lang: str) -> list[str]:
    """The sentences of the conclusion ([] without options)."""
    if not results:
        return []
    names = {id(r): option_name(r.name, i, lang) for i, r in enumerate(results, 1)}
    ranked = sorted(results, key=lambda r: r.npv)
    best = ranked[0]
    years = tco.horizon_of(project)
    found: list[str] = []
    if len(ranked) == 1:
        found.append(
            ntr(
                "Only one option is costed: “{option}”, {npv} in net present value over {count} year.",
                "Only one option is costed: “{option}”, {npv} in net present value over {count} years.",
                years,
                lang,
                option=names[id(best)],
                npv=money(best.npv, lang),
            )
        )
    else:
        second = ranked[1]
        gap = second.npv - best.npv
        if gap == 0:
            found.append(
                tr(
                    "“{first}” and “{second}” cost the same in net present value: {npv}.",
                    lang,
                    first=names[id(best)],
                    second=names[id(second)],
                    npv=money(best.npv, lang),
                )
            )
        else:
            found.append(
                ntr(
                    "Over {count} year, “{option}” costs least: {npv} in net present value, {gap} ({pct}%) less than “{other}”.",
                    "Over {count} years, “{option}” costs least: {npv} in net present value, {gap} ({pct}%) less than “{other}”.",
                    years,
                    lang,
                    option=names[id(best)],
                    npv=money(best.npv, lang),
                    gap=money(gap, lang),
                    pct=_pct(gap, second.npv),
                    other=names[id(second)],
                )
            )
    found.append(
        tr(
            "Its nominal total before taxes is {nominal}.",
            lang,
            nominal=money(best.nominal, lang),
        )
    )
    largest = _largest(best.by_category)
    if largest is not None:
        found.append(
            tr(
                "What weighs most in it: {category}, {amount} ({pct}% of its nominal total).",
                lang,
                category=_lower(category_label(largest[0], lang)),
                amount=money(largest[1], lang),
                pct=_pct(largest[1], best.nominal),
            )
        )
    if len(ranked) > 1:
        second = ranked[1]
        keys = set(best.by_category) | set(second.by_category)
        diffs = {k: second.by_category.get(k, Decimal(0)) - best.by_category.get(k, Decimal(0)) for k in keys}
        widest = max(sorted(diffs), key=lambda k: abs(diffs[k]), default=None)
        if widest is not None and diffs[widest]:
            found.append(
                tr(
                    "The options differ most in {category}: {amount} more for “{option}”.",
                    lang,
                    category=_lower(category_label(widest, lang)),
                    amount=money(abs(diffs[widest]), lang),
                    option=names[id(second)] if diffs[widest] > 0 else names[id(best)],
                )
            )
    return found
