"""The "large" project of the performance targets (README.md, "Performance benchmark"),
generated from a seed (same seed → same project).

``large_project(seed=8) -> Project`` builds, on top of the bundled ``office-suite``
example (sections, governance, people, publication plan):

* 300 criteria (mandatory and optional, each linked to 1–3 features);
* 60 test scenarios, each verifying 5 criteria;
* 50 solutions × 200 features, and the full matrix of 10,000 support cells;
* 40 clauses: every one of the 20 library clauses applies (all scope flags set, a
  vendor excluded) and is edited in French *and* in English (20 × 2 custom texts; the
  tender is written in both languages, so each tender carries 20 edited clauses);
* 200 vendor register entries;
* a 10-year TCO for 3 options (12 cost lines each, recurring with escalation).

Texts are plausible, varied procurement sentences (criteria in English, the edited
clauses in both languages) with a few brand names, so the checks and the brand detector
do real work. Used by ``tests/benchmark.py`` and ``tests/core/test_largegen.py``; not
shipped with the app.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

from wizard.core.clauses.library import catalogue
from wizard.core.examples import load_example
from wizard.core.model import (
    ClauseChoice,
    CostLine,
    Criterion,
    Feature,
    Project,
    Scenario,
    Solution,
    Support,
    TcoOption,
    VendorExchange,
)

COUNTS = {
    "criteria": 300,
    "scenarios": 60,
    "solutions": 50,
    "features": 200,
    "support": 50 * 200,
    "clause_texts": 40,
    "vendor_exchanges": 200,
    "tco_options": 3,
}
"""What the generator makes; ``clause_texts`` = edited clause bodies (fr + en): the
first 20 library clauses (SPEC's 40 clause texts), every other clause kept as the
library writes it."""


def scaled_counts(scale: float = 1.0) -> dict[str, int]:
    """:data:`COUNTS` at ``scale`` times the size (``tests/benchmark.py``'s growth table,
    0.25× to 4×): criteria, scenarios and register entries grow with ``scale``; solutions
    and features each with its square root, so the matrix grows with ``scale`` (4×: 1,200
    criteria, 100 solutions × 400 features). The clauses and the TCO stay as they are
    (the library has 20 clauses). ``scale`` 1 gives :data:`COUNTS`."""
    root = scale**0.5
    counts = dict(COUNTS)
    for name, factor in (
        ("criteria", scale),
        ("scenarios", scale),
        ("vendor_exchanges", scale),
        ("solutions", root),
        ("features", root),
    ):
        counts[name] = max(1, round(COUNTS[name] * factor))
    counts["support"] = counts["solutions"] * counts["features"]
    return counts


HORIZON_YEARS = 10

_VERBS = (
    "export",
    "import",
    "archive",
    "publish",
    "sign",
    "search",
    "share",
    "audit",
    "restore",
    "translate",
)
_OBJECTS = (
    "council minutes",
    "building permits",
    "work orders",
    "water meter readings",
    "GIS layers",
    "budget reports",
    "residents' requests",
    "asset inventories",
    "road inspection logs",
    "fire hydrant records",
)
_FORMATS = (
    "OpenDocument",
    "CSV",
    "GeoJSON",
    "PDF/A",
    "JSON",
    "XML",
    "iCalendar",
    "WMS",
    "OGC API – Features",
)
_QUALITIES = (
    "within 5 seconds for 50 users at once",
    "without loss of accents (UTF-8)",
    "with a complete audit log of who did what and when",
    "in French and in English",
    "from a standard web browser, without a plug-in",
    "with role-based access limited to authorised staff",
)
_UNITS = (
    "the Clerk's office",
    "Public Works",
    "the Fire Department",
    "Finance",
    "Urban Planning",
    "Recreation and Culture",
    "Water and Wastewater",
    "Human Resources",
    "the Library",
    "Municipal Court",
    "Communications",
    "Emergency Management",
)
_CONDITIONS = (
    "during a power failure at Town Hall",
    "on a tablet in the field",
    "after the nightly backup",
    "when the network link to the regional office is down",
    "at the end of each fiscal year",
    "before a council meeting",
    "while another user edits the same record",
    "for records older than ten years",
)
_STANDARDS = (
    "ISO/IEC 27001",
    "WCAG 2.1 AA",
    "OGC WFS 2.0",
    "SAML 2.0",
    "OpenID Connect",
    "ISO 19115",
    "TLS 1.3",
)
_BRANDS = ("Office 365", "ArcGIS", "Cityworks", "SharePoint", "Oracle")
_VENDORS = (
    "Maritime IT Solutions Ltd.",
    "Logiciels Boréal inc.",
    "Prairie Data Co-op",
    "Nimbus Software Corp.",
    "Groupe Conseil Saint-Laurent",
    "Atlantic Civic Systems",
    "Open Municipal Tools",
    "Cartographie Libre QC",
)
_FR_TAIL = "Le fournisseur remet, sur demande, une preuve écrite du respect de cette clause à la Ville."
_EN_TAIL = "The Contractor gives the Town, on request, written proof that it complies with this clause."


def _features(rng: random.Random, counts: dict[str, int]) -> list[Feature]:
    rows = []
    for i in range(1, counts["features"] + 1):
        if i % 5 == 0:
            name = f"{rng.choice(_STANDARDS)} conformance ({i})"
            rows.append(
                Feature(i, name, "standard", f"Conforms to {name} as published by its standards body.")
            )
        else:
            verb, obj = rng.choice(_VERBS), rng.choice(_OBJECTS)
            rows.append(Feature(i, f"{verb.capitalize()} {obj} ({i})", "feature", f"Staff can {verb} {obj}."))
    return rows


def _solutions(rng: random.Random, counts: dict[str, int]) -> list[Solution]:
    return [
        Solution(
            id=i,
            name=f"Civic Suite {i}",
            vendor=rng.choice(_VENDORS),
            licence=rng.choice(Solution.LICENCES),
            delivery=rng.choice(Solution.DELIVERIES),
            hosting_in_canada=rng.random() < 0.6,
            source=rng.choice(Solution.SOURCES[:4]),
            notes="Found through public documentation and a neighbouring town's tender.",
        )
        for i in range(1, counts["solutions"] + 1)
    ]


def _support(rng: random.Random, solutions: list[Solution], features: list[Feature]) -> list[Support]:
    levels, weights = ("yes", "partial", "no", "unknown"), (6, 2, 2, 1)
    cells, next_id = [], 1
    for solution in solutions:
        for feature in features:
            cells.append(Support(next_id, solution.id, feature.id, rng.choices(levels, weights)[0]))
            next_id += 1
    return cells


def _criterion_text(rng: random.Random, i: int) -> str:
    text = (
        f"The solution lets {rng.choice(_UNITS)} {rng.choice(_VERBS)} up to {rng.randrange(5, 500, 5)} "
        f"{rng.choice(_OBJECTS)} in {rng.choice(_FORMATS)} {rng.choice(_CONDITIONS)}, {rng.choice(_QUALITIES)}."
    )
    if i % 37 == 0:  # a few brands, as real drafts have (C-BRAND findings)
        text += f" Compatible with {rng.choice(_BRANDS)}."
    return text


def _criteria(rng: random.Random, counts: dict[str, int]) -> list[Criterion]:
    rows = []
    feature_ids = list(range(1, counts["features"] + 1))
    for i in range(1, counts["criteria"] + 1):
        rows.append(
            Criterion(
                id=i,
                text=_criterion_text(rng, i),
                category=Criterion.CATEGORIES[i % len(Criterion.CATEGORIES)],
                kind="mandatory" if i % 3 == 0 else "optional",
                feature_ids=sorted(rng.sample(feature_ids, rng.randint(1, 3))),
                verification=Criterion.VERIFICATIONS[i % len(Criterion.VERIFICATIONS)],
            )
        )
    return rows


def _scenarios(rng: random.Random, counts: dict[str, int]) -> list[Scenario]:
    rows = []
    for i in range(1, counts["scenarios"] + 1):
        obj = rng.choice(_OBJECTS)
        rows.append(
            Scenario(
                id=i,
                title=f"Scenario {i}: a clerk handles {obj}",
                context=f"On a busy Monday, three employees work on {obj} at the same time.",
                steps="\n".join(
                    f"{n}. The user {rng.choice(_VERBS)}s {obj} in {rng.choice(_FORMATS)}."
                    for n in range(1, 6)
                ),
                expected_result=f"The {obj} are complete, readable and traced in the audit log.",
                criterion_ids=list(range(5 * (i - 1) + 1, 5 * i + 1)),
                evidence="Screen recording and exported files kept by the committee.",
            )
        )
    return rows


def _vendor_exchanges(rng: random.Random, staff: list[str], counts: dict[str, int]) -> list[VendorExchange]:
    start = dt.date(2026, 3, 2)
    rows = []
    for i in range(1, counts["vendor_exchanges"] + 1):
        rows.append(
            VendorExchange(
                id=i,
                date=(start + dt.timedelta(days=i)).isoformat(),
                vendor=rng.choice(_VENDORS),
                staff_name=staff[i % len(staff)],
                staff_role="Information technology",
                channel=rng.choice(VendorExchange.CHANNELS),
                initiated_by_vendor=rng.random() < 0.5,
                subject=f"Question {i} about {rng.choice(_OBJECTS)}; answer given in the public addendum.",
                documents="Email and meeting notes" if i % 4 == 0 else "",
                routed_to_cio=True,
                publishable=i % 10 != 0,
                demo=i % 25 == 0,
                drafting="helped_draft" if i == 17 else "none",  # one excluded vendor: the clause applies
                rfi=i % 50 == 0,
            )
        )
    return rows


def _tco(rng: random.Random) -> tuple[list[TcoOption], list[CostLine]]:
    options = [
        TcoOption(1, "Stay on premises", "Renew licences and servers in the Town Hall server room."),
        TcoOption(2, "Vendor-hosted service", "A subscription hosted in Canada by the vendor."),
        TcoOption(
            3, "Open-source, hosted by a co-op", "Open-source software run by a municipal co-operative."
        ),
    ]
    lines, next_id = [], 1
    for option in options:
        for index, category in enumerate(CostLine.CATEGORIES):
            recurring = category in ("hosting", "support", "subscriptions", "staff_time", "security_privacy")
            exit_cost = category.startswith("exit_")
            lines.append(
                CostLine(
                    id=next_id,
                    option_id=option.id,
                    category=category,
                    label=f"{category.replace('_', ' ').capitalize()} ({option.name})",
                    year=HORIZON_YEARS if exit_cost else (1 if recurring else 0),
                    amount=Decimal(rng.randrange(2_000, 90_000, 500)),
                    recurring=recurring,
                    end_year=0,
                    escalation_pct=Decimal("2.5") if recurring else Decimal("0"),
                    payer="Information technology" if index % 2 else "Finance",
                )
            )
            next_id += 1
    return options, lines


def _clause_choices() -> list[ClauseChoice]:
    edited = COUNTS["clause_texts"] // 2
    return [
        ClauseChoice(
            id=i,
            clause_id=item.id,
            included=True,
            custom_fr=item.bodies["fr"].rstrip("\n") + "\n" + _FR_TAIL + "\n" if i <= edited else "",
            custom_en=item.bodies["en"].rstrip("\n") + "\n" + _EN_TAIL + "\n" if i <= edited else "",
        )
        for i, item in enumerate(catalogue().values(), start=1)
    ]


def large_project(seed: int = 8, scale: float = 1.0) -> Project:
    """The "large" project; the same ``seed`` (and ``scale``, :func:`scaled_counts`)
    always gives the same project."""
    rng = random.Random(seed)
    counts = scaled_counts(scale)
    project = load_example("office-suite")
    project.info.tender_languages = "both"
    project.info.title = "Municipal services platform (large benchmark project)"
    project.scope = replace(
        project.scope, mission_critical=True, personal_information=True, vendor_hosting=True, custom_code=True
    )
    project.statement_of_work.key_personnel = True  # every library clause applies
    project.tco.horizon_years = HORIZON_YEARS
    project.features = _features(rng, counts)
    project.solutions = _solutions(rng, counts)
    project.support = _support(rng, project.solutions, project.features)
    project.criteria = _criteria(rng, counts)
    project.scenarios = _scenarios(rng, counts)
    staff = [s.name for s in project.designated_staff] or ["Daniel MacIsaac"]
    project.vendor_exchanges = _vendor_exchanges(rng, staff, counts)
    project.tco_options, project.cost_lines = _tco(rng)
    project.clause_choices = _clause_choices()
    project.justifications = []  # the example's justifications point at its own rows
    project.translations = []  # so do its translations: they would name the new rows
    return project
