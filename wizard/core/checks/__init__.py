"""The checks engine (docs/checks.md): pure Python, one module per step.

``run_checks(project)`` returns every finding, sorted by step then severity; once the
tender is published, ``run_checks(project, publication=…, today=…)`` adds the findings on
its addenda (``addenda.check_addenda``). Each
module exposes ``check_<step>(project) -> list[Finding]``. The step checks read the
project as the documents print it, without its blank rows
(``textclean.drop_blank_rows``); ``rows.check_rows`` names those rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from wizard.core.bids.record import BidsRecord
from wizard.core.checks import (
    bids,
    claims,
    clauses,
    criteria,
    evaluation,
    funding,
    market,
    obligations,
    opendata,
    package,
    problem,
    procedure,
    project,
    rows,
    scenarios,
    scope,
    statement_of_work,
    stored,
    tco,
    text,
    translations,
    vendors,
)
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.failed import CHECK_FAILED as CHECK_FAILED
from wizard.core.checks.failed import check_failed
from wizard.core.domain import market as market_index
from wizard.core.i18n import Localized
from wizard.core.i18n.languages import tender_languages
from wizard.core.memo import one_pass
from wizard.core.model import Project, translatable
from wizard.core.steps import STEPS, Step
from wizard.core.textclean import drop_blank_rows

if TYPE_CHECKING:
    from wizard.core.publishing.record import Record

log = logging.getLogger(__name__)

CHECKS: dict[Step, Callable[[Project, market_index.SupportIndex], list[Finding]]] = {
    Step.PROJECT: lambda p, _index: (
        project.check_project(p)
        + translations.check_translations(p)
        + translations.check_text_languages(p)
        + procedure.check_procedure(p)
    ),
    Step.PROBLEM: lambda p, _index: problem.check_problem(p),
    Step.SCOPE: lambda p, _index: scope.check_scope(p),
    Step.MARKET: lambda p, index: market.check_market(p, index=index),
    Step.CRITERIA: lambda p, index: (
        criteria.check_criteria(p, index=index) + obligations.check_obligations(p)
    ),
    Step.SCENARIOS: lambda p, _index: scenarios.check_scenarios(p),
    Step.EVALUATION: lambda p, _index: evaluation.check_evaluation(p),
    Step.TCO: lambda p, _index: tco.check_tco(p) + funding.check_funding(p),
    Step.STATEMENT_OF_WORK: lambda p, _index: statement_of_work.check_statement_of_work(p),
    Step.CLAUSES: lambda p, _index: clauses.check_clauses(p),
    Step.VENDORS: lambda p, _index: vendors.check_vendors(p) + opendata.check_opendata(p),
    Step.REVIEW: lambda p, _index: package.check_package(p) + claims.check_claims(p),
}
"""Step → its checks ``(project, matrix index) -> findings``. The two that read the
market matrix share the index, so the matrix is indexed once per run. The review step
runs the checks that read every step's text (``text.py``) and the package as a whole
(``package.py``: its key documents); each finding's own step is the step that owns its
field."""


def run_checks(
    project: Project,
    record: BidsRecord | None = None,
    *,
    publication: Record | None = None,
    today: str | None = None,
) -> list[Finding]:
    """Every finding of every step, by step, then severity, then code; with ``record``
    (the bids of a published tender, :func:`wizard.core.bids.record.read`) holding bids,
    also the findings on the bids and their evaluation (:func:`bids.check_bids`). Never raises:
    each step's checks run apart, and a step whose checks raise (a defect) gives one
    ``CHECK-FAILED`` error on that step instead of its findings, so every other step's
    findings still show — in the app, in ``check`` and in the decision record.

    The step checks see the project without its blank rows, as every document prints it
    (so M-5 in a message is the tender's M-5, and an empty author row is no jury
    conflict); :func:`rows.check_rows` reports the blank rows themselves, and
    :func:`stored.check_stored` the values a file keeps that no form would give. Row ids never
    change, so every address is valid in the project as saved.

    ``publication``: the publication record (``publishing.record.read``); once the tender is
    published, the findings on its addenda (``PR-ADDENDUM-*``, ``checks/addenda.py``)
    join the others, so the findings panel, ``check`` and the decision record list
    them alike. ``today`` (YYYY-MM-DD, default: the computer's date) is the day they
    are judged on: a question unanswered near the closing depends on it."""
    with one_pass():  # the project does not change while the checks run (core/memo.py)
        return _run_checks(project, record, publication, today)


def _run_checks(
    project: Project, record: BidsRecord | None, publication: Record | None, today: str | None
) -> list[Finding]:
    found: list[Finding] = []
    try:
        shown = drop_blank_rows(project)
    except Exception:  # a defect: the checks still run, on the project as saved
        log.exception("the blank rows could not be left out")
        shown = project
    try:  # on the project as saved: a blank row's other fields are still in the file
        found.extend(rows.check_rows(project) + text.check_text(project) + stored.check_stored(project))
    except Exception as exc:
        log.exception("the blank-row, text or stored-value check failed")
        found.append(check_failed(STEPS[Step.REVIEW].owns[0], _error(exc)))
    found.extend(_step_findings(shown))
    if record is not None and record.bids:
        try:
            found.extend(bids.check_bids(shown, record))
        except Exception as exc:
            log.exception("the checks of the bids failed")
            found.append(check_failed("bids", _error(exc)))
    try:  # the other published language's version of each text (checks/translations.py)
        found.extend(version_findings(shown, found, _step_findings))
    except Exception as exc:
        log.exception("the checks of the translations failed")
        found.append(check_failed(STEPS[Step.PROJECT].owns[0], _error(exc)))
    if publication is not None and publication.published:
        found.extend(_addenda_findings(project, publication, today, record))
    return sorted(found, key=lambda f: (f.step, f.severity.rank, f.code, f.field))


def _addenda_findings(
    project: Project, record: Record, today: str | None, bids: BidsRecord | None = None
) -> list[Finding]:
    """The findings on the addenda of a published tender, judged on ``today`` (default:
    the computer's date), with the bids' acknowledgements (``bids``); one
    ``CHECK-FAILED`` on the project's step if they raise."""
    import datetime as dt

    from wizard.core.checks.addenda import check_addenda

    try:
        return check_addenda(project, record, today or dt.date.today().isoformat(), bids)
    except Exception as exc:
        log.exception("the checks of the addenda failed")
        return [check_failed(STEPS[Step.PROJECT].owns[0], _error(exc))]


def _step_findings(shown: Project) -> list[Finding]:
    """The findings of every step's checks on ``shown`` (blank rows left out), a step
    whose checks raise giving one ``CHECK-FAILED``."""
    found: list[Finding] = []
    try:
        index: market_index.SupportIndex | None = market_index.SupportIndex(shown)
    except Exception:
        log.exception("the market index failed")
        index = None
    for step, check in CHECKS.items():
        try:
            if index is None:
                raise RuntimeError("the market matrix could not be read")
            found.extend(check(shown, index))
        except Exception as exc:  # a defect of a check must not hide the others
            log.exception("the checks of step %s failed", step.name)
            found.append(check_failed(STEPS[step].owns[0], _error(exc)))
    return found


def version_findings(
    project: Project, found: list[Finding], run: Callable[[Project], list[Finding]]
) -> list[Finding]:
    """The findings ``run`` gives on each other published version of the texts (the
    project as ``translatable.localized`` reads it in that language, missing versions
    left blank), kept when they point at a text that has a version in that language
    and say something the text language's findings (``found``) do not; each names its
    version (``translations.IN_VERSION``)."""
    source = translatable.source_language(project)
    said: set[tuple[str, str, str, str]] | None = None
    extra: list[Finding] = []
    for lang in tender_languages(project):
        if lang == source:
            continue
        # The texts with a version in ``lang``: read from the translation rows (a text
        # without one has none), so a project without translations costs nothing here.
        versions = {r.address for r in project.translations if r.lang == lang and r.text.strip()}
        if not versions:
            continue
        translated = {a for a, _t in translatable.texts(project) if a in versions}
        if not translated:
            continue
        if said is None:
            said = {(f.code, f.field, f.message("fr"), f.message("en")) for f in found}
        version = translatable.localized(project, lang, marker="")
        for f in run(version):
            if f.field not in translated or f.code in ("PR-TRANSLATION", "PR-TEXT-LANGUAGE"):
                continue
            if (f.code, f.field, f.message("fr"), f.message("en")) in said:
                continue
            message = Localized(fr=f.message("fr"), en=f.message("en"))
            extra.append(
                Finding(
                    f.code,
                    f.severity,
                    translations.IN_VERSION,
                    f.field,
                    f.principle,
                    (
                        ("version", translations.LANGUAGE_ADJECTIVES[lang]),
                        ("message", message),
                        ("version_lang", lang),
                    ),
                )
            )
    return extra


def _error(exc: Exception) -> str:
    """An exception on one line, at most 200 characters, for CHECK-FAILED."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


def findings_for(project: Project, step: Step) -> list[Finding]:
    """The findings shown on one step's page."""
    return [f for f in run_checks(project) if f.step == step]


def open_findings(project: Project, found: list[Finding]) -> list[Finding]:
    """The findings of ``found`` not marked justified (with a written reason): what
    still needs the user's attention, and what counts in the step list and totals."""
    return [f for f in found if not f.is_justified(project)]


def justified_findings(project: Project, found: list[Finding]) -> list[Finding]:
    """The findings of ``found`` the user marked justified (shown apart, never counted)."""
    return [f for f in found if f.is_justified(project)]


def severity_counts(found: list[Finding]) -> dict[Severity, int]:
    """How many findings of each severity: ``{ERROR: 1, WARNING: 0, INFO: 2}`` (every key)."""
    counts = dict.fromkeys(Severity, 0)
    for f in found:
        counts[f.severity] += 1
    return counts


__all__ = [
    "Finding",
    "Severity",
    "finding",
    "run_checks",
    "findings_for",
    "open_findings",
    "justified_findings",
    "severity_counts",
]
