"""The project as an OCDS 1.1.5 release package (docs/open-data.md).

One release (tag ``planning`` while the tender has no publication date, ``tender``
once it has one) with the buyer in ``parties``, ``planning`` (rationale, the planning
documents and, opted in, the budget), ``tender`` (title, description = the problem
statement, open procedure, award criteria, submission methods, periods, items,
documents, milestones and, opted in, the estimated value) and ``language``.
See ``documents`` for the document types, ``milestones`` for dates and ``identity``
for the ocid and the release id.

Package metadata, from ``project.publication``:

* ``uri``: ``package_url``, where the town will publish this file, when it is a web
  address; else a placeholder under the reserved ``.invalid`` domain (never
  dereferenceable), never the open data portal's page;
* ``license`` and ``publicationPolicy``: ``license_url`` and ``publication_policy_url``
  when they are web addresses (the licence defaults to CC BY 4.0);
* ``publisher``: the town's name, with ``scheme`` and ``uid`` when the town gives its
  organization identifier (an org-id list code such as ``CA-CRA_ACR`` and its number
  there); the buyer party carries the same ``identifier`` and its ``id`` is then
  ``<scheme>-<number>`` (OCDS organization identifiers).

The estimate (``publish_estimate``, off by default) publishes the figures of the
decision record's funding section (``domain.funding``): ``tender.value`` is the
estimated cost (the town's own estimate, else the TCO's: the nominal total of the
option with the lowest net present value) and ``planning.budget`` the budget available
with its source, both in CAD before taxes; a figure that is not stated is left out.

The same project and latest change always give the same package. Personal names are
withheld unless opted in (``common``). The result is valid against the shipped schemas
and codelists (``schema.validation_errors``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from wizard.core.domain import funding, provinces
from wizard.core.i18n import N_, tr
from wizard.core.i18n.languages import tender_languages
from wizard.core.model import Project, translatable
from wizard.core.opendata.common import Scrubber, export_language
from wizard.core.opendata.contact import contact_point
from wizard.core.opendata.documents import (
    criteria_summary,
    planning_documents,
    tender_documents,
    with_publication,
)
from wizard.core.opendata.identity import PLACEHOLDER_PREFIX as PLACEHOLDER_PREFIX
from wizard.core.opendata.identity import ocid_of, slug, with_id
from wizard.core.opendata.milestones import (
    closing_due,
    end_of,
    milestones,
    release_datetime,
    start_of,
    valid_day,
)
from wizard.core.opendata.schema import codelist, is_web_address

OCDS_VERSION = "1.1"  # the package's major.minor; the schemas are 1.1.5
PLACEHOLDER_URI = "https://open-data.invalid/ocds/{ocid}.json"
CURRENCY = "CAD"
SUBMISSION_METHODS = (("bids_electronic", "electronicSubmission"), ("bids_on_paper", "written"))
"""``Publication`` flag → its code of the closed ``submissionMethod`` codelist."""


def ocid(project: Project) -> str:
    """``<prefix>-<reference>``, e.g. ``ocds-a1b2c3-AO-2025-014`` (``identity.ocid_of``)."""
    return ocid_of(project.publication.ocid_prefix, project.info.reference)


def organization_identifier(project: Project) -> tuple[str, str] | None:
    """``(scheme, number)`` of the town (spaces removed from the number), or ``None``
    when either is missing."""
    scheme = project.publication.publisher_scheme.strip()
    number = "".join(project.publication.publisher_id.split())
    return (scheme, number) if scheme and number else None


def _buyer(project: Project, lang: str, scrub: Scrubber) -> dict[str, Any]:
    info = project.info
    name = info.organization.strip() or tr(N_("Organization not named"), lang)
    identifier = organization_identifier(project)
    party: dict[str, Any] = {
        "id": f"CA-{slug(info.province, 'XX')}-{slug(info.organization, 'buyer')}",
        "name": name,
        "roles": ["buyer", "procuringEntity"],
        "address": {"countryName": "Canada"},
    }
    if identifier:
        scheme, number = identifier
        party["id"] = f"{scheme}-{number}"
        party["identifier"] = {"scheme": scheme, "id": number, "legalName": info.organization}
    if info.province in provinces.PROVINCES:
        party["address"]["region"] = provinces.province(info.province).name(lang)
    contact = contact_point(project, scrub)
    if contact:
        party["contactPoint"] = contact
    return party


def _award_criteria(project: Project) -> str:
    if project.evaluation.price_weight <= 0:
        return "qualityOnly"
    if project.evaluation.quality_weight <= 0:
        return "priceOnly"
    return "ratedCriteria"


def _category(project: Project) -> str:
    """``services`` when the vendor hosts the data or builds code, else ``goods``."""
    return "services" if project.scope.vendor_hosting or project.scope.custom_code else "goods"


def submission_methods(project: Project) -> list[str]:
    """The ``submissionMethod`` codes of the ways bids may be submitted (may be empty)."""
    return [code for flag, code in SUBMISSION_METHODS if getattr(project.publication, flag)]


def _periods(project: Project) -> dict[str, Any]:
    info = project.info
    periods = {
        "tenderPeriod": {"startDate": start_of(info, info.publication_date), "endDate": closing_due(info)},
        "enquiryPeriod": {"endDate": end_of(info, info.questions_deadline)},
        "awardPeriod": {"endDate": end_of(info, info.award_date)},
        "contractPeriod": {"startDate": start_of(info, info.contract_start)},
    }
    return {key: {k: v for k, v in period.items() if v} for key, period in periods.items()}


def items(project: Project, lang: str) -> list[dict[str, Any]]:
    """One item classified by the code the town typed, when its scheme is a code of
    the ``itemClassificationScheme`` codelist; ``[]`` otherwise (checks
    ``V-ITEM-CODE`` and ``V-ITEM-SCHEME`` say why)."""
    publication = project.publication
    scheme, code = publication.item_scheme.strip(), "".join(publication.item_code.split())
    if not code or scheme not in codelist("itemClassificationScheme.csv"):
        return []
    description = " ".join(publication.item_description.split())
    return [
        {
            "id": "1",
            "description": description or project.info.title,
            "classification": {"scheme": scheme, "id": code, "description": description},
        }
    ]


def _amount(value: Decimal) -> dict[str, Any]:
    cents = value.quantize(Decimal("0.01"))
    return {
        "amount": int(cents) if cents == cents.to_integral_value() else float(cents),
        "currency": CURRENCY,
    }


def estimate(project: Project) -> tuple[Decimal | None, Decimal | None]:
    """``(budget, value)`` in CAD before taxes when the town opts in, each ``None`` when
    not stated: the budget available and the estimated cost, the figures of the decision
    record's funding section (``domain.funding``). ``(None, None)`` when not opted in."""
    if not project.publication.publish_estimate:
        return None, None
    return funding.budget(project), funding.estimate(project)


def _budget(project: Project, lang: str, amount: Decimal) -> dict[str, Any]:
    source = " ".join(project.tco.funding_source.split())
    text = tr(N_("Budget available for this call for tenders, before taxes."), lang)
    return {"id": "budget", "description": f"{text} {source}" if source else text, "amount": _amount(amount)}


def _tender(project: Project, lang: str, buyer: dict[str, Any], scrub: Scrubber) -> dict[str, Any]:
    documents = with_publication(project, tender_documents(project, lang))
    authors = [f"{a.name} ({a.role})" if a.role else a.name for a in project.authors if scrub.person(a.name)]
    if authors:
        documents[0]["description"] += " " + tr(N_("Authors: {names}."), lang, names="; ".join(authors))
    value = estimate(project)[1]
    return {
        "id": slug(project.info.reference, "tender"),
        "title": project.info.title,
        "description": project.problem.statement,
        "status": "active" if valid_day(project.info.publication_date) else "planned",
        "items": items(project, lang),
        "value": _amount(value) if value is not None else None,
        "procuringEntity": {"id": buyer["id"], "name": buyer["name"]},
        "procurementMethod": "open",
        "mainProcurementCategory": _category(project),
        "awardCriteria": _award_criteria(project),
        "awardCriteriaDetails": criteria_summary(project, lang),
        "submissionMethod": submission_methods(project),
        "submissionMethodDetails": project.info.submission_method,
        **_periods(project),
        "documents": documents,
        "milestones": milestones(project, lang),
    }


def _compact(value: Any) -> Any:
    """``value`` without empty strings, ``None``, empty lists and empty objects."""
    if isinstance(value, dict):
        entries = ((k, _compact(v)) for k, v in value.items())
        return {k: v for k, v in entries if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [v for v in map(_compact, value) if v not in ("", None, [], {})]
    return value.strip() if isinstance(value, str) else value


def build_release(project: Project, changed: str | None = None) -> dict[str, Any]:
    """The single OCDS release of the project, before cleaning and without its ``id``
    (see :func:`build_package`). ``changed``: the moment of the latest change.

    Its texts are in the binding language (``language``), read through
    ``translatable.localized``; a tender published in both languages adds the other
    version through OCDS language variants (``title_en``, ``description_fr`` …, OCDS 1.1
    "Language") and lists its tender document in each language (:func:`_bilingual`)."""
    lang = export_language(project)
    release = _release(translatable.localized(project, lang), lang, changed)
    for other in tender_languages(project):
        if other != lang:
            _bilingual(release, _release(translatable.localized(project, other), other, changed), other)
    return release


_VARIANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tender", ("title", "description", "awardCriteriaDetails", "submissionMethodDetails")),
    ("planning", ("rationale",)),
)
"""Release object → its texts that take a language variant."""


def _bilingual(release: dict[str, Any], other: dict[str, Any], lang: str) -> None:
    """Add to ``release`` the texts of ``other`` (the same release in ``lang``) as
    language variants (``title_en``), documents matched by id; the tender document of
    ``other`` is listed too, with its own id and ``language``."""
    for part, keys in _VARIANTS:
        for key in keys:
            text = other.get(part, {}).get(key)
            if text and text != release.get(part, {}).get(key):
                release[part][f"{key}_{lang}"] = text
    for part in ("tender", "planning"):
        theirs = {doc["id"]: doc for doc in other.get(part, {}).get("documents", [])}
        for doc in release.get(part, {}).get("documents", []):
            twin = theirs.get(doc["id"])
            for key in ("title", "description"):
                if twin and twin.get(key) and twin[key] != doc.get(key):
                    doc[f"{key}_{lang}"] = twin[key]
    documents = release["tender"]["documents"]
    bidding = next((d for d in other["tender"]["documents"] if d["documentType"] == "biddingDocuments"), None)
    if bidding is not None:
        index = next(i for i, d in enumerate(documents) if d["documentType"] == "biddingDocuments")
        documents.insert(index + 1, {**bidding, "id": f"{bidding['id']}-{lang}"})


def _release(project: Project, lang: str, changed: str | None) -> dict[str, Any]:
    """The release of :func:`build_release` with every text in ``lang``, from a project
    whose texts are in ``lang``."""
    scrub = Scrubber(project, lang)
    buyer = _buyer(project, lang, scrub)
    tender = _tender(project, lang, buyer, scrub)
    tag = "tender" if tender["status"] == "active" else "planning"
    budget = estimate(project)[0]
    return {
        "ocid": ocid(project),
        "date": release_datetime(project, changed),
        "tag": [tag],
        "initiationType": "tender",
        "language": lang,
        "parties": [buyer],
        "buyer": {"id": buyer["id"], "name": buyer["name"]},
        "planning": {
            "rationale": project.problem.context or project.problem.statement,
            "budget": _budget(project, lang, budget) if budget is not None else None,
            "documents": with_publication(project, planning_documents(project, lang)),
        },
        "tender": tender,
    }


def _publisher(project: Project, name: str) -> dict[str, Any]:
    publisher: dict[str, Any] = {"name": name}
    identifier = organization_identifier(project)
    if identifier:
        publisher["scheme"], publisher["uid"] = identifier
    return publisher


def _web(value: str) -> str | None:
    value = value.strip()
    return value if is_web_address(value) else None


def build_package(project: Project, changed: str | None = None) -> dict[str, Any]:
    """The OCDS release package (JSON-ready ``dict``): cleaned, compacted, names withheld
    unless opted in, the release id derived from the release (``identity.with_id``).
    ``changed``: the moment of the project's latest change (ISO 8601 with an offset,
    ``ProjectFile.last_change``); ``None`` when unknown. Deterministic: the same
    project and ``changed`` give the same package."""
    release = build_release(project, changed)
    publication = project.publication
    package = {
        "uri": _web(publication.package_url) or PLACEHOLDER_URI.format(ocid=release["ocid"]),
        "version": OCDS_VERSION,
        "publishedDate": release["date"],
        "publisher": _publisher(project, release["buyer"]["name"]),
        "license": _web(publication.license_url),
        "publicationPolicy": _web(publication.publication_policy_url),
        "releases": [release],
    }
    cleaned: dict[str, Any] = _compact(Scrubber(project, release["language"]).data(package))
    cleaned["releases"] = [with_id(cleaned["releases"][0])]
    return cleaned


def package_json(project: Project, changed: str | None = None) -> str:
    """:func:`build_package` as indented UTF-8 JSON text (accents kept), ending with a newline."""
    return json.dumps(build_package(project, changed), ensure_ascii=False, indent=2) + "\n"
