"""A realistic project for the open-data tests: accents, `Johnson & Johnson`, an Arabic
vendor name (docs/cases.md K7, K8), control characters (K1), and people's names in every place
the model holds them, plus one inside a free-text register subject."""

from __future__ import annotations

from decimal import Decimal

from wizard.core.model import (
    Author,
    BusinessUnit,
    CommitteeMember,
    CostLine,
    Criterion,
    DesignatedStaff,
    Feature,
    JuryMember,
    Project,
    Scenario,
    Solution,
    TcoOption,
    VendorExchange,
)

OFFICER = "Hélène Bérubé-Gagnon"
PEOPLE = (
    OFFICER,
    "François Lévesque",  # author
    "Zoë Côté",  # author
    "Amélie Pelletier",  # jury
    "Jean-Sébastien Roy",  # committee
    "Noémie Ouellet",  # designated staff
    "Étienne Dubé",  # staff in the register only
)


def rich_project() -> Project:
    """A French tender of the Ville de Sainte-Émilie (QC) with every open-data part."""
    p = Project()
    i = p.info
    i.organization, i.province, i.title = "Ville de Sainte-Émilie", "QC", "Système de gestion des permis"
    i.reference, i.tender_languages, i.binding_language = "AO-2025-014", "fr", "fr"
    i.officer_name, i.officer_title = OFFICER, "Directrice des TI"
    i.publication_date, i.questions_deadline = "2025-03-03", "2025-03-17"
    i.closing_date, i.award_date, i.contract_start = "2025-04-01", "2025-05-05", "2025-06-02"
    p.problem.statement = "Nous devons pouvoir traiter les demandes de permis en ligne, de bout en bout."
    p.problem.context = "Les citoyens font la file au comptoir; délai moyen : 6 semaines.\x0b"
    p.scope.personal_information = True
    p.scope.vendor_hosting = True
    p.business_units = [BusinessUnit(1, "Urbanisme", "affected"), BusinessUnit(2, "Greffe", "consulted")]
    p.authors = [Author(1, "François Lévesque", "Analyste"), Author(2, "Zoë Côté", "Conseillère juridique")]
    p.jury = [JuryMember(1, "Amélie Pelletier", "Urbaniste")]
    p.committee = [CommitteeMember(1, "Jean-Sébastien Roy", "Architecte TI")]
    p.designated_staff = [DesignatedStaff(1, "Noémie Ouellet", "Approvisionnement")]
    p.solutions = [
        Solution(1, "PermisLibre", "Coopérative Libre", "open_source", "cloud"),
        Solution(2, "Permis+", "Johnson & Johnson", "proprietary", "cloud"),
        Solution(3, "Rukhsa", "شركة المثال", "proprietary", "hybrid"),
    ]
    p.features = [Feature(1, "Dépôt en ligne"), Feature(2, "WCAG 2.1 AA", "standard")]
    p.criteria = [
        Criterion(1, "Temps de réponse < 2 s pour 95 % des requêtes", "technical", "mandatory", [1]),
        Criterion(2, "Conforme aux WCAG 2.1, niveau AA", "accessibility", "optional", [2], "document"),
        Criterion(3, '=HYPERLINK("http://x.invalid","Cliquez")', "functional", "optional"),
    ]
    p.scenarios = [Scenario(1, "Déposer une demande, « étape par étape »", criterion_ids=[1])]
    p.tco_options = [TcoOption(1, "Infonuagique"), TcoOption(2, "Sur place")]
    p.cost_lines = [
        CostLine(1, 1, "subscriptions", "Abonnement", 1, Decimal("20000"), True),
        CostLine(2, 1, "exit_extraction", "Extraction des données", 5, Decimal("8000")),
    ]
    p.vendor_exchanges = [
        VendorExchange(
            1,
            "2025-01-20",
            "Johnson & Johnson",
            "Noémie Ouellet",
            "Approvisionnement",
            "email",
            True,
            "Question, « délais » et prix",
            "Courriel, annexe",
        ),
        VendorExchange(
            2,
            "2025-01-10",
            "شركة المثال",
            "Étienne Dubé",
            "Technicien",
            "meeting",
            True,
            "Rencontre avec Hélène Bérubé-Gagnon et amélie pelletier",
            "",
            drafting="helped_draft",
        ),
        VendorExchange(3, "2025-02-01", "Interne SA", "Zoë Côté", "Avocate", "phone", publishable=False),
    ]
    return p
