"""The project as an OCDS 1.1.5 release package (docs/documents.md, "Open data").

One release (tag ``planning`` while the tender has no publication date, ``tender``
once it has one) with the buyer in ``parties``, ``planning`` (rationale and the
planning documents), ``tender`` (title, description = the problem statement, open
procedure, award criteria, periods, documents, milestones) and ``language``.
See ``ocds_documents`` for the document types and ``ocds_milestones`` for dates.

Identifiers
-----------
* ``ocid`` = the town's OCDS prefix (``Publication.ocid_prefix``, registered for free
  with the Open Contracting Partnership, e.g. ``ocds-a1b2c3``) + ``-`` + the reference
  number made URL-safe. Without a prefix, the documented placeholder
  :data:`PLACEHOLDER_PREFIX` is used: replace it before publishing.
* The package ``uri`` is ``Publication.open_data_url`` when it is an absolute URI,
  else a placeholder under the reserved ``.invalid`` domain (never dereferenceable).

The same project always gives the same package (no clock, no random ids). Personal
names are withheld unless opted in (``opendata_common``). The result is valid against
the shipped schemas and codelists (``ocds_schema.validation_errors``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from wizard.core.domain import provinces
from wizard.core.i18n import N_, tr
from wizard.core.model import Project
from wizard.core.opendata.common import Scrubber, export_language
from wizard.core.opendata.contact import contact_point
from wizard.core.opendata.documents import criteria_summary, planning_documents, tender_documents
from wizard.core.opendata.milestones import closing_due, milestones, release_datetime, to_datetime
from wizard.core.opendata.schema import is_uri

OCDS_VERSION = "1.1"  # the package's major.minor; the schemas are 1.1.5
PLACEHOLDER_PREFIX = "ocds-xxxxxx"
PLACEHOLDER_URI = "https://open-data.invalid/ocds/{ocid}.json"


def _slug(text: str, fallback: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._]+", "-", ascii_text).strip("-")
    return slug or fallback


def ocid(project: Project) -> str:
    """``<prefix>-<reference>``, e.g. ``ocds-xxxxxx-AO-2025-014`` (see module doc)."""
    prefix = project.publication.ocid_prefix.strip().rstrip("-") or PLACEHOLDER_PREFIX
    return f"{_slug(prefix, PLACEHOLDER_PREFIX)}-{_slug(project.info.reference, 'unnumbered')}"


def _buyer(project: Project, lang: str, scrub: Scrubber) -> dict[str, Any]:
    info = project.info
    name = info.organization.strip() or tr(N_("Organization not named"), lang)
    party: dict[str, Any] = {
        "id": f"CA-{_slug(info.province, 'XX')}-{_slug(info.organization, 'buyer')}",
        "name": name,
        "roles": ["buyer", "procuringEntity"],
        "address": {"countryName": "Canada"},
    }
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


def _periods(project: Project) -> dict[str, Any]:
    info = project.info
    periods = {
        "tenderPeriod": {
            "startDate": to_datetime(info.publication_date),
            "endDate": closing_due(info),
        },
        "enquiryPeriod": {"endDate": to_datetime(info.questions_deadline)},
        "awardPeriod": {"endDate": to_datetime(info.award_date)},
        "contractPeriod": {"startDate": to_datetime(info.contract_start)},
    }
    return {key: {k: v for k, v in period.items() if v} for key, period in periods.items()}


def _tender(project: Project, lang: str, buyer: dict[str, Any], scrub: Scrubber) -> dict[str, Any]:
    documents = tender_documents(project, lang)
    authors = [f"{a.name} ({a.role})" if a.role else a.name for a in project.authors if scrub.person(a.name)]
    if authors:
        documents[0]["description"] += " " + tr(N_("Authors: {names}."), lang, names="; ".join(authors))
    return {
        "id": _slug(project.info.reference, "tender"),
        "title": project.info.title,
        "description": project.problem.statement,
        "status": "active" if to_datetime(project.info.publication_date) else "planned",
        "procuringEntity": {"id": buyer["id"], "name": buyer["name"]},
        "procurementMethod": "open",
        "mainProcurementCategory": _category(project),
        "awardCriteria": _award_criteria(project),
        "awardCriteriaDetails": criteria_summary(project, lang),
        "submissionMethod": ["electronicSubmission"],
        "submissionMethodDetails": project.info.submission_method or project.publication.provincial_platform,
        **_periods(project),
        "documents": documents,
        "milestones": milestones(project, lang),
    }


def _compact(value: Any) -> Any:
    """``value`` without empty strings, ``None``, empty lists and empty objects."""
    if isinstance(value, dict):
        items = ((k, _compact(v)) for k, v in value.items())
        return {k: v for k, v in items if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [v for v in map(_compact, value) if v not in ("", None, [], {})]
    return value.strip() if isinstance(value, str) else value


def build_release(project: Project) -> dict[str, Any]:
    """The single OCDS release of the project (before cleaning; see :func:`build_package`)."""
    lang = export_language(project)
    scrub = Scrubber(project, lang)
    buyer = _buyer(project, lang, scrub)
    tender = _tender(project, lang, buyer, scrub)
    date = release_datetime(project)
    tag = "tender" if tender["status"] == "active" else "planning"
    the_ocid = ocid(project)
    return {
        "ocid": the_ocid,
        "id": f"{the_ocid}-{tag}-{date[:10]}",
        "date": date,
        "tag": [tag],
        "initiationType": "tender",
        "language": lang,
        "parties": [buyer],
        "buyer": {"id": buyer["id"], "name": buyer["name"]},
        "planning": {
            "rationale": project.problem.context or project.problem.statement,
            "documents": planning_documents(project, lang),
        },
        "tender": tender,
    }


def build_package(project: Project) -> dict[str, Any]:
    """The OCDS release package (JSON-ready ``dict``): cleaned, compacted, names withheld
    unless opted in. Deterministic: the same project gives the same package."""
    release = build_release(project)
    url = project.publication.open_data_url.strip()
    package = {
        "uri": url if is_uri(url) and url else PLACEHOLDER_URI.format(ocid=release["ocid"]),
        "version": OCDS_VERSION,
        "publishedDate": release["date"],
        "publisher": {"name": release["buyer"]["name"]},
        "releases": [release],
    }
    scrubbed: dict[str, Any] = _compact(Scrubber(project, release["language"]).data(package))
    return scrubbed


def package_json(project: Project) -> str:
    """:func:`build_package` as indented UTF-8 JSON text (accents kept), ending with a newline."""
    return json.dumps(build_package(project), ensure_ascii=False, indent=2) + "\n"
