"""Plural forms (gettext ``ngettext``): every count that reaches a document or a finding
agrees with its noun, with 0, 1 and 2 of each thing, in French (0 and 1 are singular:
"0 option", "1 ligne") and in English ("0 options", "1 line")."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core.checks import run_checks
from wizard.core.documents.blocks import Paragraph, Table
from wizard.core.documents.record import record_blocks
from wizard.core.documents.tender import tender_blocks
from wizard.core.domain.scorecard import scorecard
from wizard.core.examples import load_example
from wizard.core.i18n import Plural, counts, ntr, tr
from wizard.core.i18n.compile import compile_po
from wizard.core.model import Project
from wizard.core.opendata.documents import planning_documents, tender_documents


def counted(n: int) -> Project:
    """The office-suite example with ``n`` of everything that is counted."""
    p = copy.deepcopy(load_example("office-suite"))
    mandatory = [c for c in p.criteria if c.kind == "mandatory"][:n]
    optional = [c for c in p.criteria if c.kind == "optional"][:n]
    p.criteria = mandatory + optional
    p.criteria_settings.pass_threshold_pct = 70  # n optional criteria: n points needed
    p.solutions = p.solutions[:n]
    p.features = p.features[:n]
    p.tco_options = p.tco_options[:n]
    p.tco.horizon_years = max(n, 1)
    exits = [c for c in p.cost_lines if c.category.startswith("exit_")]
    p.cost_lines = [c for c in p.cost_lines if not c.category.startswith("exit_")] + exits[:n]
    p.evaluation.quality_weight, p.evaluation.price_weight = n, 100 - n
    return p


def texts(project: Project, lang: str) -> str:
    """Every paragraph and table cell of the tender and the decision record, the open
    data documents, the scorecard and the findings, one per line. The example's texts
    are read as typed in ``lang`` (the counts are the subject here, not the versions
    of the user's texts: tests/core/test_bilingual*.py)."""
    project = copy.deepcopy(project)
    project.info.text_language = lang
    lines: list[str] = []
    for block in tender_blocks(project, lang) + record_blocks(project, lang):
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [cell for row in block.rows for cell in row]
    for doc in planning_documents(project, lang) + tender_documents(project, lang):
        lines.append(doc["description"])
    lines += [p.action_text(lang) for p in scorecard(project)]
    lines += [f.message(lang) for f in run_checks(project)]
    return "\n".join(lines)


EXPECTED = {
    ("fr", 0): [
        "Pour être retenue, une soumission doit satisfaire à tous les critères obligatoires et à au moins 70\u00a0% des critères facultatifs, soit 0 point sur 0.",
        "Seuil de passage\u00a0: au moins 0 sur 0 critère facultatif (70\u00a0%).",
        "Qualité\u00a0: 0 point, en proportion des critères facultatifs satisfaits;",
        "Pondération\u00a0: qualité 0 point, prix 100 points.",
        "La qualité compte pour 0 point et le prix pour 100 points.",
        "Sortie et réversibilité\u00a0: données remises dans des formats ouverts, aide à la transition et 0 ligne de coûts de sortie prévue au budget.",
        "Seulement 0 solution recensée\u00a0: recensez-en au moins 3 pour connaître le marché.",
    ],
    ("en", 0): [
        "To be retained, a bid must meet every mandatory criterion and at least 70% of the optional criteria, that is 0 points out of 0.",
        "Pass threshold: at least 0 of the 0 optional criteria (70%).",
        "Quality: 0 points, in proportion to the optional criteria met;",
        "Weights: quality 0 points, price 100 points.",
        "Quality weighs 0 points and price 100 points.",
        "Exit and reversibility: data returned in open formats, help with the transition, and 0 exit cost lines budgeted.",
        "Only 0 solutions scanned: scan at least 3 to know the market.",
    ],
    ("fr", 1): [
        "Pour être retenue, une soumission doit satisfaire à tous les critères obligatoires et à au moins 70\u00a0% des critères facultatifs, soit 1 point sur 1.",
        "Seuil de passage\u00a0: au moins 1 sur 1 critère facultatif (70\u00a0%).",
        "Qualité\u00a0: 1 point, en proportion des critères facultatifs satisfaits;",
        "Pondération\u00a0: qualité 1 point, prix 99 points.",
        "La qualité compte pour 1 point et le prix pour 99 points.",
        "1\u00a0an (l’année 0 est celle de l’acquisition)",
        "Une seule option est chiffrée\u00a0: «\u00a0Stay on premises\u00a0», 135\u00a0149,53\u00a0$ en valeur actualisée nette sur 1\u00a0an.",
        "Veille de marché neutre portant sur 1 solution (dont 0 à code source ouvert), comparée selon 1 fonctionnalité ou norme, à partir de sources publiques.",
        "Coût total de possession de 1 option (Stay on premises) sur 1\u00a0an, avec la valeur actualisée nette à 7\u00a0% par année.",
        "1 critère obligatoire (conforme ou non conforme) et 1 critère facultatif (un point chacun); une soumission est retenue avec au moins 1 point sur 1 (70\u00a0%). Pondération\u00a0: qualité 1, prix 99.",
        "Sortie et réversibilité\u00a0: données remises dans des formats ouverts, aide à la transition et 1 ligne de coûts de sortie prévue au budget.",
        "Seulement 1 solution recensée\u00a0: recensez-en au moins 3 pour connaître le marché.",
        "1 solution recensée satisfait à tous les critères obligatoires (Nimbus Workspace). Gardez-en au moins 3 en lice\u00a0: assouplissez ou retirez un critère obligatoire.",
        "Seulement 1 solution recensée satisfait au critère obligatoire M-1\u00a0: Nimbus Workspace. Il risque de la cibler indirectement (signal d’alerte R007, Open Contracting Partnership).",
        "1 critère obligatoire sur 2\u00a0: gardez-en au plus 10, et au plus 40\u00a0% de l’ensemble. Chacun peut exclure un soumissionnaire (signal d’alerte R006, Open Contracting Partnership).",
        "Ce coût commence après l’horizon (1\u00a0an) et n’est pas compté.",
        "Il faut 1 point facultatif sur 1 pour qu’une soumission soit retenue (70\u00a0%)\u00a0: toute soumission retenue obtient tous les points, si bien que la qualité ne départage plus les soumissions et que seul le prix décide. Abaissez le seuil ou ajoutez des critères facultatifs.",
    ],
    ("en", 1): [
        "To be retained, a bid must meet every mandatory criterion and at least 70% of the optional criteria, that is 1 point out of 1.",
        "Pass threshold: at least 1 of the 1 optional criterion (70%).",
        "Quality: 1 point, in proportion to the optional criteria met;",
        "Weights: quality 1 point, price 99 points.",
        "Quality weighs 1 point and price 99 points.",
        "1 year (year 0 is the acquisition)",
        "Only one option is costed: “Stay on premises”, $135,149.53 in net present value over 1 year.",
        "Neutral market scan of 1 solution (0 open source) against 1 feature or standard, from public sources.",
        "Total cost of ownership of 1 option (Stay on premises) over 1 year, with the net present value at 7% per year.",
        # "of 1 points": the sentence counts the points needed, which the French noun follows
        "1 mandatory criterion (pass/fail) and 1 optional criterion (one point each); a bid passes with at least 1 of 1 points (70%). Weights: quality 1, price 99.",
        "Exit and reversibility: data returned in open formats, help with the transition, and 1 exit cost line budgeted.",
        "Only 1 solution scanned: scan at least 3 to know the market.",
        "1 scanned solution meets every mandatory criterion (Nimbus Workspace). Keep at least 3 in the race: relax or remove a mandatory criterion.",
        "Only 1 scanned solution meets mandatory criterion M-1: Nimbus Workspace. It may target it indirectly (red flag R007, Open Contracting Partnership).",
        "1 mandatory criterion out of 2: keep at most 10, and at most 40% of all criteria. Each one can exclude a bidder (red flag R006, Open Contracting Partnership).",
        "This cost starts after the horizon (1 year) and is not counted.",
        "1 of 1 optional point is needed to pass (70%): every qualified bid has every point, so quality no longer separates the bids and price alone decides. Lower the threshold or add optional criteria.",
    ],
    ("fr", 2): [
        "Pour être retenue, une soumission doit satisfaire à tous les critères obligatoires et à au moins 70\u00a0% des critères facultatifs, soit 2 points sur 2.",
        "Seuil de passage\u00a0: au moins 2 des 2 critères facultatifs (70\u00a0%).",
        "Qualité\u00a0: 2 points, en proportion des critères facultatifs satisfaits;",
        "Prix\u00a0: 98 points, selon la formule 98 × prix évalué le plus bas ÷ prix évalué de la soumission, parmi les soumissions retenues; le prix évalué le plus bas reçoit tous les points.",
        "Pondération\u00a0: qualité 2 points, prix 98 points.",
        "La qualité compte pour 2 points et le prix pour 98 points.",
        "2\u00a0ans (l’année 0 est celle de l’acquisition)",
        "Veille de marché neutre portant sur 2 solutions (dont 0 à code source ouvert), comparées selon 2 fonctionnalités et normes, à partir de sources publiques.",
        "Coût total de possession de 2 options (Stay on premises, Cloud subscription hosted in Canada) sur 2\u00a0ans, avec la valeur actualisée nette à 7\u00a0% par année.",
        "2 critères obligatoires (conforme ou non conforme) et 2 critères facultatifs (un point chacun); une soumission est retenue avec au moins 2 points sur 2 (70\u00a0%). Pondération\u00a0: qualité 2, prix 98.",
        "Sortie et réversibilité\u00a0: données remises dans des formats ouverts, aide à la transition et 2 lignes de coûts de sortie prévues au budget.",
        "Seulement 2 solutions recensées\u00a0: recensez-en au moins 3 pour connaître le marché.",
        "2 solutions recensées satisfont à tous les critères obligatoires (Nimbus Workspace, Stratus Office Online). Gardez-en au moins 3 en lice\u00a0: assouplissez ou retirez un critère obligatoire.",
        "Seulement 2 solutions recensées satisfont au critère obligatoire M-1\u00a0: Nimbus Workspace, Stratus Office Online. Il risque de les cibler indirectement (signal d’alerte R007, Open Contracting Partnership).",
        "2 critères obligatoires sur 4\u00a0: gardez-en au plus 10, et au plus 40\u00a0% de l’ensemble. Chacun peut exclure un soumissionnaire (signal d’alerte R006, Open Contracting Partnership).",
        "Ce coût commence après l’horizon (2\u00a0ans) et n’est pas compté.",
        "Il faut 2 points facultatifs sur 2 pour qu’une soumission soit retenue (70\u00a0%)\u00a0: toute soumission retenue obtient tous les points, si bien que la qualité ne départage plus les soumissions et que seul le prix décide. Abaissez le seuil ou ajoutez des critères facultatifs.",
    ],
    ("en", 2): [
        "To be retained, a bid must meet every mandatory criterion and at least 70% of the optional criteria, that is 2 points out of 2.",
        "Pass threshold: at least 2 of the 2 optional criteria (70%).",
        "Quality: 2 points, in proportion to the optional criteria met;",
        "Price: 98 points, by the formula 98 × lowest evaluated price ÷ evaluated price of the bid, among the bids that pass; the lowest evaluated price receives every point.",
        "Weights: quality 2 points, price 98 points.",
        "Quality weighs 2 points and price 98 points.",
        "2 years (year 0 is the acquisition)",
        "Neutral market scan of 2 solutions (0 open source) against 2 features and standards, from public sources.",
        "Total cost of ownership of 2 options (Stay on premises, Cloud subscription hosted in Canada) over 2 years, with the net present value at 7% per year.",
        "2 mandatory criteria (pass/fail) and 2 optional criteria (one point each); a bid passes with at least 2 of 2 points (70%). Weights: quality 2, price 98.",
        "Exit and reversibility: data returned in open formats, help with the transition, and 2 exit cost lines budgeted.",
        "Only 2 solutions scanned: scan at least 3 to know the market.",
        "2 scanned solutions meet every mandatory criterion (Nimbus Workspace, Stratus Office Online). Keep at least 3 in the race: relax or remove a mandatory criterion.",
        "Only 2 scanned solutions meet mandatory criterion M-1: Nimbus Workspace, Stratus Office Online. It may target them indirectly (red flag R007, Open Contracting Partnership).",
        "2 mandatory criteria out of 4: keep at most 10, and at most 40% of all criteria. Each one can exclude a bidder (red flag R006, Open Contracting Partnership).",
        "This cost starts after the horizon (2 years) and is not counted.",
        "2 of 2 optional points are needed to pass (70%): every qualified bid has every point, so quality no longer separates the bids and price alone decides. Lower the threshold or add optional criteria.",
    ],
}


@pytest.mark.parametrize(("lang", "n"), sorted(EXPECTED))
def test_documents_and_findings_agree_with_their_counts(lang: str, n: int) -> None:
    lines = set(texts(counted(n), lang).splitlines())
    assert [line for line in EXPECTED[lang, n] if line not in lines] == []


@pytest.mark.parametrize(
    ("n", "fr", "en"),
    [(0, "0 erreur", "0 errors"), (1, "1 erreur", "1 error"), (2, "2 erreurs", "2 errors")],
)
def test_french_zero_and_one_are_singular(n: int, fr: str, en: str) -> None:
    assert (tr(counts.errors(n), "fr"), tr(counts.errors(n), "en")) == (fr, en)
    assert ntr("{count} finding", "{count} findings", n, "fr") == fr.replace("erreur", "constat")


def test_a_plural_parameter_is_said_in_the_language_of_its_message() -> None:
    weights = {"quality": counts.points(1), "price": counts.points(0)}
    assert tr("Weights: quality {quality}, price {price}.", "fr", **weights) == (
        "Pondération\u00a0: qualité 1 point, prix 0 point."
    )
    assert tr("Weights: quality {quality}, price {price}.", "en", **weights) == (
        "Weights: quality 1 point, price 0 points."
    )


def test_an_untranslated_plural_falls_back_to_english_rules() -> None:
    never = Plural("{count} thing never translated", "{count} things never translated", 0)
    assert tr(never, "fr") == "0 things never translated"
    assert ntr(never.singular, never.plural, 1, "fr") == "1 thing never translated"
    assert ntr("{count} row of {total}", "{count} rows of {total}", 2, "de", total=3) == "2 rows of 3"


def test_domains_must_agree_on_plural_forms(tmp_path: Path) -> None:
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: {}\\n"\n\n'
    first, second = tmp_path / "a.po", tmp_path / "b.po"
    first.write_text(header.format("nplurals=2; plural=(n > 1);"), encoding="utf-8")
    second.write_text(header.format("nplurals=2; plural=(n != 1);"), encoding="utf-8")
    with pytest.raises(ValueError, match="b.po: Plural-Forms"):
        compile_po([first, second])


def test_an_english_start_imports_no_babel_and_reads_no_catalogue() -> None:
    code = (
        "import sys, wizard.cli\n"
        "from wizard.core import i18n\n"
        "from wizard.core.i18n import counts\n"
        "print(i18n.tr(counts.errors(2), 'en'), i18n.n_('{count} file', '{count} files', 1))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'), i18n.catalogue.cache_info().currsize)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["2 errors 1 file", "[] 1"]
