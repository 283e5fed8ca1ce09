"""The documents of the OCDS release, with their ``documentType``.

Mapping (codes of the open ``documentType`` codelist):

==============================  =======================  ==========
project part                    documentType             section
==============================  =======================  ==========
problem definition              ``needsAssessment``      planning
market scan                     ``marketStudies``        planning
total cost of ownership         ``feasibilityStudy``     planning
risks (scope flags)             ``riskProvisions``       planning
tender document                 ``biddingDocuments``     tender
criteria                        ``evaluationCriteria``   tender
excluded vendors                ``conflictOfInterest``   tender
exit plan                       ``contractArrangements`` tender
==============================  =======================  ==========

A document is listed only when the project holds its content (e.g. no
``marketStudies`` before any solution is scanned); the tender itself is always listed.
Titles and descriptions are written in the release language and summarise the
project with counts; they never name a person.

Where and when a document is published comes from the publication plan
(:func:`with_publication`): the tender document and its parts (criteria, excluded
vendors, exit plan) from the plan's "The tender" item, the risk analysis from its "Risk
analyses" item. A planned item whose place is a web address gives the document's
``url`` and ``format`` (the media type its address ends with: ``.pdf``, ``.docx``,
``.html``; none when the address says nothing), and its planned day gives
``datePublished`` (the start of that day, local time; the tender's publication date
when the item has no day). The other documents (need, market scan, TCO) are summaries
of the decision record and carry neither.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from babel.numbers import format_decimal

from wizard.core.domain import tco
from wizard.core.domain.publication_plan import planned_date
from wizard.core.i18n import N_, counts, ntr, tr
from wizard.core.i18n.languages import binding_language, tender_languages
from wizard.core.model import Project
from wizard.core.opendata.milestones import start_of
from wizard.core.opendata.schema import is_web_address

Document = dict[str, Any]

PLAN_ITEMS = {
    "biddingDocuments": "tender",
    "evaluationCriteria": "tender",
    "conflictOfInterest": "tender",
    "contractArrangements": "tender",
    "riskProvisions": "risk_analyses",
}
"""documentType → the key of the publication-plan item that publishes it."""

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".html": "text/html",
    ".htm": "text/html",
    ".csv": "text/csv",
    ".json": "application/json",
}
"""File extension of a document's address → its IANA media type (``format``)."""

_LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English")}


def _list_sep(lang: str) -> str:
    """The separator of a list of items that may hold commas: "; " in both languages (the
    French catalogue writes no space before ';', as the OQLF's table without a thin space:
    ``i18n.compile.french_spacing``)."""
    return "; "


def _doc(code: str, title: str, description: str, lang: str) -> Document:
    return {"id": code, "documentType": code, "title": title, "description": description, "language": lang}


def _needs(project: Project, lang: str) -> Document | None:
    if not project.problem.statement.strip():
        return None
    units = [u.name for u in project.business_units if u.role in ("affected", "beneficiary")]
    text = tr(
        N_("The need as defined by the town, its context, and the units concerned: {units}."),
        lang,
        units=", ".join(units) or "—",
    )
    return _doc("needsAssessment", tr(N_("Problem definition"), lang), text, lang)


def _market(project: Project, lang: str) -> Document | None:
    if not project.solutions:
        return None
    text = ntr(
        "Neutral market scan of {count} solution ({open} open source) against {features}, "
        "from public sources.",
        "Neutral market scan of {count} solutions ({open} open source) against {features}, "
        "from public sources.",
        len(project.solutions),
        lang,
        open=sum(s.licence == "open_source" for s in project.solutions),
        features=ntr(
            "{count} feature or standard", "{count} features and standards", len(project.features), lang
        ),
    )
    return _doc("marketStudies", tr(N_("Market scan"), lang), text, lang)


def _tco(project: Project, lang: str) -> Document | None:
    if not project.tco_options:
        return None
    text = ntr(
        "Total cost of ownership of {count} option ({names}) over {years}, with the net "
        "present value at {rate}% per year.",
        "Total cost of ownership of {count} options ({names}) over {years}, with the net "
        "present value at {rate}% per year.",
        len(project.tco_options),
        lang,
        names=", ".join(o.name for o in project.tco_options),
        years=ntr("{count} year", "{count} years", tco.horizon_of(project), lang),
        rate=format_decimal(tco.rate_of(project), locale=f"{lang}_CA"),  # as computed (bounds)
    )
    return _doc("feasibilityStudy", tr(N_("Total cost of ownership"), lang), text, lang)


def _risks(project: Project, lang: str) -> Document | None:
    scope = project.scope
    flags = [
        (scope.mission_critical, N_("mission-critical system")),
        (scope.personal_information, N_("personal information processed")),
        (scope.vendor_hosting, N_("data hosted by the vendor")),
    ]
    risks = [tr(label, lang) for on, label in flags if on]
    if not risks:
        return None
    text = tr(
        N_("Risks identified and the contract provisions that answer them: {risks}."),
        lang,
        risks=_list_sep(lang).join(risks),
    )
    return _doc("riskProvisions", tr(N_("Risk analysis"), lang), text, lang)


def _tender(project: Project, lang: str) -> Document:
    info = project.info
    codes = tender_languages(project)
    text = tr(
        N_("Tender document {reference}, in {languages}; the {binding} version is legally binding.")
        if info.reference.strip()
        else N_("Tender document in {languages}; the {binding} version is legally binding."),
        lang,
        reference=info.reference.strip(),
        languages=", ".join(tr(_LANGUAGE_NAMES[c], lang) for c in codes),
        binding=tr(_LANGUAGE_NAMES[binding_language(project)], lang),
    )
    return _doc("biddingDocuments", tr(N_("Tender document"), lang), text, lang)


def pass_points(project: Project) -> tuple[int, int]:
    """(points needed, optional criteria): ceil(threshold % × optional) in integers."""
    optional = sum(c.kind == "optional" for c in project.criteria)
    return (project.criteria_settings.pass_threshold_pct * optional + 99) // 100, optional


def criteria_summary(project: Project, lang: str) -> str:
    """The evaluation method in one sentence, in ``lang`` (also ``awardCriteriaDetails``)."""
    needed, optional = pass_points(project)
    return ntr(
        "{mandatory} (pass/fail) and {optional} (one point each); a bid passes with at "
        "least {needed} of {total} points ({pct}%). Weights: quality {quality}, price {price}.",
        "{mandatory} (pass/fail) and {optional} (one point each); a bid passes with at "
        "least {needed} of {total} points ({pct}%). Weights: quality {quality}, price {price}.",
        needed,  # the French noun follows it: "au moins 1 point sur 3"
        lang,
        mandatory=counts.mandatory_criteria(sum(c.kind == "mandatory" for c in project.criteria)),
        optional=counts.optional_criteria(optional),
        needed=needed,
        total=optional,
        pct=project.criteria_settings.pass_threshold_pct,
        quality=project.evaluation.quality_weight,
        price=project.evaluation.price_weight,
    )


def _criteria(project: Project, lang: str) -> Document | None:
    if not project.criteria:
        return None
    return _doc(
        "evaluationCriteria", tr(N_("Evaluation criteria"), lang), criteria_summary(project, lang), lang
    )


def excluded_vendors(project: Project) -> list[str]:
    """Vendors that helped draft the tender (V-DRAFTING), named as in the tender's appendix."""
    from wizard.core.clauses.library import excluded_vendor_names

    return excluded_vendor_names(project)


def _conflicts(project: Project, lang: str) -> Document | None:
    vendors = excluded_vendors(project)
    if not vendors:
        return None
    text = tr(
        N_("Vendors excluded from this tender because they took part in drafting it: {vendors}."),
        lang,
        vendors=_list_sep(lang).join(vendors).rstrip("."),
    )
    return _doc("conflictOfInterest", tr(N_("Excluded vendors"), lang), text, lang)


def _exit_plan(project: Project, lang: str) -> Document | None:
    exit_lines = [c for c in project.cost_lines if c.category.startswith("exit_")]
    dropped = any(not c.included and "exit" in c.clause_id for c in project.clause_choices)
    if dropped and not exit_lines:
        return None
    text = ntr(
        "Exit and reversibility: data returned in open formats, help with the "
        "transition, and {count} exit cost line budgeted.",
        "Exit and reversibility: data returned in open formats, help with the "
        "transition, and {count} exit cost lines budgeted.",
        len(exit_lines),
        lang,
    )
    return _doc("contractArrangements", tr(N_("Exit plan"), lang), text, lang)


def planning_documents(project: Project, lang: str) -> list[Document]:
    """needsAssessment, marketStudies, feasibilityStudy, riskProvisions (when present)."""
    builders = (_needs, _market, _tco, _risks)
    return [doc for build in builders if (doc := build(project, lang))]


def tender_documents(project: Project, lang: str) -> list[Document]:
    """biddingDocuments (always), evaluationCriteria, conflictOfInterest, contractArrangements."""
    builders = (_criteria, _conflicts, _exit_plan)
    return [_tender(project, lang)] + [doc for build in builders if (doc := build(project, lang))]


def media_type(url: str) -> str | None:
    """The media type of the file a web address ends with (:data:`MEDIA_TYPES`), or
    ``None`` when its path names no known file type."""
    path = urlsplit(url).path.lower()
    for extension, kind in MEDIA_TYPES.items():
        if path.endswith(extension):
            return kind
    return None


def with_publication(project: Project, documents: list[Document]) -> list[Document]:
    """``documents`` with ``url``, ``format`` and ``datePublished`` from the publication
    plan (module doc); a document whose plan item is missing or not planned is left as is."""
    items = {item.key: item for item in project.publication_items if item.planned}
    for doc in documents:
        item = items.get(PLAN_ITEMS.get(doc["documentType"], ""))
        if item is None:
            continue
        url = item.place.strip()
        if is_web_address(url):
            doc["url"] = url
            doc["format"] = media_type(url)
        day = planned_date(project, item) or project.info.publication_date
        doc["datePublished"] = start_of(project.info, day)
    return documents
