"""A realistic tender project built in code (tests of clauses, render, DOCX, export)."""

from __future__ import annotations

from pathlib import Path

from wizard.core.model import (
    BusinessUnit,
    Criterion,
    Partner,
    Project,
    Scenario,
    VendorExchange,
)

STATEMENT = (
    "Lors d'une situation d'urgence, nous devons pouvoir sécuriser un périmètre à plusieurs "
    "niveaux et savoir en temps réel où se trouvent les intervenants."
)
MANDATORY = [
    "La solution affiche la position de chaque intervenant, mise à jour au moins toutes les 10 secondes.",
    "Temps de réponse < 2 s pour l'affichage d'un périmètre.",
    "Conforme aux WCAG 2.1 niveau AA.",
]
OPTIONAL = [
    "Les positions sont exportées en GeoJSON.",
    "Les échanges sont chiffrés avec TLS 1.3.",
    "Le journal d'audit est exportable en CSV.",
]
URL = "https://donnees.example.ca/dataset?id=12&format=csv"


def tender_project(lang: str = "fr", province: str = "QC") -> Project:
    """A complete project: Québec town, PI processed, vendor hosting, one excluded vendor."""
    p = Project()
    info = p.info
    info.organization = "Ville de Saint-Exemple"
    info.province = province
    info.title = "Gestion des périmètres d'urgence"
    info.reference = "SE-TI-2027-004"
    info.tender_languages = lang
    info.binding_language = "fr"
    info.officer_name = "Geneviève Tremblay"
    info.officer_title = "Directrice des TI"
    info.closing_date = "2027-03-08"
    info.publication_date = "2027-02-01"
    p.problem.statement = STATEMENT
    p.problem.context = "Incendie de l'entrepôt de la rue des Forges.\nListes papier et radio."
    p.scope.personal_information = True
    p.scope.vendor_hosting = True
    p.business_units = [
        BusinessUnit(1, "Service de police", "affected"),
        BusinessUnit(2, "Finances", "not_concerned"),
    ]
    p.partners = [Partner(1, "Centre 911 régional")]
    p.criteria = [Criterion(i + 1, text, kind="mandatory") for i, text in enumerate(MANDATORY)]
    p.criteria += [
        Criterion(len(MANDATORY) + i + 1, text, kind="optional", category="interoperability")
        for i, text in enumerate(OPTIONAL)
    ]
    p.scenarios = [
        Scenario(
            1,
            "Suivre les pompiers",
            "Incendie d'un entrepôt.",
            "1. Ouvrir l'intervention.\n2. Déplacer 16 terminaux.",
            "Positions affichées en moins de 10 s.",
            [1, 4],
            "Environnement de test.",
        )
    ]
    p.vendor_exchanges = [
        VendorExchange(1, "2026-09-22", "Johnson & Johnson", drafting="helped_draft"),
        VendorExchange(2, "2026-10-01", "Neutral Vendor Inc."),
    ]
    p.publication.open_data_url = URL
    p.evaluation.tie_break = "Tirage au sort devant témoins."
    return p


def write_tender(project: Project, lang: str, path: Path) -> Path:
    """Write the tender in ``lang`` to ``path`` as the export does: the project's text
    cleaned once, the DOCX built in memory, then written atomically."""
    from wizard.core.export import tender_bytes, write_files
    from wizard.core.textclean import clean_project

    (written,) = write_files({path.name: tender_bytes(clean_project(project), lang)}, path.parent)
    return written
