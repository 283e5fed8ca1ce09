"""The clause library as a whole (docs/clauses.md; docs/cases.md K10, K11): every family in both
languages with the same variables and the same paragraph structure, for every province
and territory and every combination of project flags; province-aware law, courts and
privacy rules; inclusion following the project; text in our own words."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from tender_sample import tender_project

from wizard.core.clauses import library as clauses
from wizard.core.clauses.families import CONDITIONS, FAMILIES
from wizard.core.domain.provinces import CODES, PROVINCES
from wizard.core.i18n.formats import PLACEHOLDER

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ("personal_information", "mission_critical", "vendor_hosting", "custom_code")
GUIDE = (
    next(
        (p for p in (ROOT.parent / "shared", ROOT / "shared") if (p / "reference").is_dir()),
        ROOT.parent / "shared",
    )
    / "reference"
    / "guide-approvisionnement-ouvert.txt"
)


def _project(province: str = "QC", on: tuple[str, ...] = FLAGS, languages: str = "both"):
    p = tender_project(lang=languages, province=province)
    for flag in FLAGS:
        setattr(p.scope, flag, flag in on)
    p.publication.open_data_url = "https://donnees.example.ca/a?b=1&c=2"
    return p


def test_every_family_of_the_spec_has_a_clause_in_both_languages():
    spec_families = {
        "governing_law",
        "precedence",
        "disputes",
        "privacy",
        "hosting",
        "data_ownership",
        "intellectual_property",
        "public_code",
        "integrity",
        "exit",
        "excluded_vendors",
        "transparency",
        "performance",
        "security_incidents",
        "subcontractors",
        "accessibility",
        "language",
        "term",
        "payment",
        "acceptance",
        "liability",
        "insurance",
        "termination",
        "force_majeure",
        "assignment",
        "notices",
        "confidentiality",
        "personnel",
        "compliance",
    }
    library = clauses.catalogue().values()
    assert spec_families <= {c.family for c in library} == set(FAMILIES)
    for item in library:
        assert item.status in ("required", "recommended", "optional") and item.condition in CONDITIONS
        assert set(item.titles) == set(item.bodies) == {"fr", "en"}


COMBINATIONS = [combo for n in range(len(FLAGS) + 1) for combo in itertools.combinations(FLAGS, n)]


@pytest.mark.parametrize("on", COMBINATIONS, ids=lambda c: "+".join(c) or "none")
def test_french_and_english_have_the_same_structure_for_every_flag_combination(on):
    for languages in ("both", "fr"):
        p = _project(on=on, languages=languages)
        for item in clauses.catalogue().values():
            fr = clauses.render_clause(p, item, "fr").paragraphs
            en = clauses.render_clause(p, item, "en").paragraphs
            assert [level for level, _t in fr] == [level for level, _t in en], item.id
            for _level, text in fr + en:
                assert text.strip() and "{{" not in text and "{%" not in text, item.id


@pytest.mark.parametrize("code", CODES)
def test_law_courts_and_privacy_statute_of_each_province(code):
    prov = PROVINCES[code]
    p = _project(province=code)
    for lang in ("fr", "en"):
        law = " ".join(
            t for _l, t in clauses.render_clause(p, clauses.clause("governing-law"), lang).paragraphs
        )
        privacy = " ".join(
            t for _l, t in clauses.render_clause(p, clauses.clause("privacy"), lang).paragraphs
        )
        assert PLACEHOLDER not in law + privacy
        assert prov.court(lang) in law and prov.name_of(lang) in law and prov.name_in(lang) in law
        assert prov.privacy_law(lang) in privacy
        if prov.privacy_note(lang):
            assert prov.privacy_note(lang) in privacy
        transparency = clauses.render_clause(p, clauses.clause("transparency"), lang).paragraphs
        assert prov.privacy_law(lang) in transparency[-1][1]


def test_nova_scotia_keeps_personal_information_in_canada_in_both_languages():
    p = _project(province="NS")
    fr = [t for _l, t in clauses.render_clause(p, clauses.clause("privacy"), "fr").paragraphs]
    en = [t for _l, t in clauses.render_clause(p, clauses.clause("privacy"), "en").paragraphs]
    assert fr[3] == (
        "En vertu de la Personal Information International Disclosure Protection Act, les renseignements "
        "personnels détenus par un organisme public, ou par son fournisseur de services, sont conservés et "
        "consultés uniquement au Canada, sauf les exceptions prévues par cette loi."
    )
    assert en[3] == (
        "Under the Personal Information International Disclosure Protection Act, personal information held "
        "by a public body, or by its service provider, is stored and accessed only in Canada, save for the "
        "exceptions that Act allows."
    )
    assert len(fr) == len(en) == 6
    ontario = clauses.render_clause(_project(province="ON"), clauses.clause("privacy"), "en").paragraphs
    assert len(ontario) == 5  # no provincial note in Ontario: no empty paragraph either (K11)


@pytest.mark.parametrize(
    ("flag", "clause_id"),
    [
        ("personal_information", "privacy"),
        ("mission_critical", "critical-systems"),
        ("vendor_hosting", "data-hosting-canada"),
        ("custom_code", "public-code"),
    ],
)
def test_inclusion_follows_the_project(flag, clause_id):
    without = _project(on=tuple(f for f in FLAGS if f != flag))
    assert clause_id not in [c.id for c in clauses.included_clauses(without)]
    assert clause_id in [c.id for c in clauses.included_clauses(_project())]
    no_vendor = _project()
    for exchange in no_vendor.vendor_exchanges:
        exchange.drafting = "none"
    assert "excluded-vendors" not in [c.id for c in clauses.included_clauses(no_vendor)]


def test_golden_mission_critical_hosting_and_incident_notice():
    """K11: an {% if %} on its own line adds one paragraph; an inline one changes a phrase."""
    critical, plain = _project(), _project(on=("personal_information", "vendor_hosting"))
    hosting = clauses.clause("data-hosting-canada")
    fr = clauses.render_clause(critical, hosting, "fr").paragraphs
    en = clauses.render_clause(critical, hosting, "en").paragraphs
    assert fr[2] == (
        2,
        "Le système étant essentiel, les données sont répliquées en continu dans au moins deux centres de données situés au Canada et suffisamment éloignés l’un de l’autre pour qu’un même sinistre ne puisse les toucher tous deux.",
    )
    assert en[2] == (
        2,
        "As the system is mission-critical, the data is continuously replicated in at least two data centres located in Canada and far enough apart that a single disaster cannot affect both.",
    )
    assert len(clauses.render_clause(plain, hosting, "fr").paragraphs) == len(fr) - 1 == 4
    incident = clauses.clause("security-incident")
    assert "dans les quatre (4) heures" in clauses.render_clause(critical, incident, "fr").paragraphs[0][1]
    assert "within four (4) hours of" in clauses.render_clause(critical, incident, "en").paragraphs[0][1]
    assert "within twenty-four (24) hours of" in clauses.render_clause(plain, incident, "en").paragraphs[0][1]


def test_golden_language_clause_names_the_binding_version():
    both = _project(languages="both")
    both.info.binding_language = "en"
    item = clauses.clause("language")
    assert clauses.render_clause(both, item, "fr").paragraphs[0] == (
        2,
        "Le présent appel d’offres est publié en français et en anglais. En cas de divergence entre les "
        "deux versions, la version anglaise fait foi.",
    )
    assert clauses.render_clause(both, item, "en").paragraphs[0] == (
        2,
        "This call for tenders is published in French and in English. In case of discrepancy between the "
        "two versions, the English version prevails.",
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.replace("’", "'").lower())


@pytest.mark.skipif(not GUIDE.is_file(), reason="the guide (shared/reference) is not beside the checkout")
def test_clauses_are_in_our_own_words():
    """No run of 8 words of the guide (a source of facts only) appears in a French clause."""
    guide = _words(GUIDE.read_text(encoding="utf-8"))
    shingles = {tuple(guide[i : i + 8]) for i in range(len(guide) - 7)}
    copied = {}
    for item in clauses.catalogue().values():
        words = _words(item.bodies["fr"] + " " + item.titles["fr"])
        hits = [
            " ".join(words[i : i + 8]) for i in range(len(words) - 7) if tuple(words[i : i + 8]) in shingles
        ]
        if hits:
            copied[item.id] = hits
    assert copied == {}


def _paragraphs(p, clause_id: str, lang: str) -> list[str]:
    return [t for _l, t in clauses.render_clause(p, clauses.clause(clause_id), lang).paragraphs]


def test_golden_quebec_privacy_to_the_2021_reform():
    """Québec (Law 25): impact assessment (s. 63.5), the person in charge (s. 8),
    « incident de confidentialité » (ss. 63.8–63.11), retention; employee locations only
    when the project records them; no biometric wording anywhere."""
    p = _project(province="QC")
    fr, en = _paragraphs(p, "privacy", "fr"), _paragraphs(p, "privacy", "en")
    assert len(fr) == len(en) == 10
    assert fr[4].startswith(
        "Avant d’acquérir le système visé par le Contrat, la Ville procède à l’évaluation des facteurs "
        "relatifs à la vie privée qu’exige l’article 63.5 de cette loi."
    )
    assert (
        "personne responsable de la protection des renseignements personnels de la Ville au sens de l’article 8"
        in fr[5]
    )
    assert fr[6].startswith(
        "Il avise cette personne sans délai de tout incident de confidentialité, soit tout accès"
    )
    assert "articles 63.8 à 63.11" in fr[6]
    assert fr[7] == (
        "Il ne conserve les renseignements personnels que pendant la durée que la Ville fixe par écrit selon "
        "son calendrier de conservation, et jamais au-delà de la fin du Contrat."
    )
    assert (
        "person in charge of the protection of personal information within the meaning of section 8" in en[5]
    )
    assert "confidentiality incident" in en[6]
    assert not any("localisation" in t for t in fr)
    p.scope.employee_locations = True
    fr, en = _paragraphs(p, "privacy", "fr"), _paragraphs(p, "privacy", "en")
    assert len(fr) == len(en) == 11
    assert fr[8].startswith("Les données de localisation des employés de la Ville que le système enregistre")
    assert "does not use them to profile an employee or to assess an employee's performance" in en[8]
    ontario = _paragraphs(_project(province="ON"), "privacy", "en")
    assert not any("63.5" in t or "confidentiality incident" in t for t in ontario)
    for lang in ("fr", "en"):
        assert not any("biom" in t.lower() for t in _paragraphs(p, "privacy", lang))


def test_golden_public_code_limited_to_what_the_town_pays_for():
    p = _project()
    fr, en = _paragraphs(p, "public-code", "fr"), _paragraphs(p, "public-code", "en")
    assert len(fr) == len(en) == 5
    assert en[0].startswith(
        "The source code, documentation and application programming interfaces (APIs) that the Town pays "
        'the Contractor to write specifically for it under the Contract (the "custom developments") belong to the Town'
    )
    assert (
        "including the Contractor's core product and the adaptations of that product that are not custom developments, remain the property of their owner"
        in en[2]
    )
    assert "licence non exclusive, perpétuelle, irrévocable et sans redevance supplémentaire" in fr[2]
    assert not any("exclusive property" in t or "adapte" in t for t in en + fr)


@pytest.mark.parametrize("code", CODES)
def test_force_majeure_is_titled_and_worded_by_the_province_legal_system(code):
    # the walk's input: Nova Scotia's tender titled the clause "Superior force (force
    # majeure)", the Civil Code's term (art. 1470), in a common-law province
    p = _project(province=code)
    item = clauses.clause("force-majeure")
    en, fr = clauses.render_clause(p, item, "en"), clauses.render_clause(p, item, "fr")
    assert fr.title == "Force majeure"
    if code == "QC":
        assert en.title == "Superior force (force majeure)"
        assert "superior force within the meaning of" in en.paragraphs[0][1]
        assert "force majeure au sens de" in fr.paragraphs[0][1]
    else:
        assert en.title == "Force majeure"
        assert "superior force" not in " ".join(t for _, t in en.paragraphs).lower()
        assert en.paragraphs[0][1].startswith(
            "Neither party is liable for a delay or failure to perform, to the extent and for as long "
            "as it is caused by an event beyond its reasonable control"
        )
        assert "(a force majeure event)" in en.paragraphs[0][1]
        assert "does not excuse the payment of an amount already due" in en.paragraphs[0][1]
        assert "(un cas de force majeure)" in fr.paragraphs[0][1]
        assert "art. 1470" not in fr.paragraphs[0][1]


def test_a_clause_title_without_a_project_is_the_common_law_one():
    item = clauses.clause("force-majeure")
    assert item.title("en") == "Force majeure"
    assert item.title("en", _project(province="QC")) == "Superior force (force majeure)"
    assert item.title("en", _project(province="NS")) == "Force majeure"
    # a clause without title_quebec keeps its one title in Québec
    law = clauses.clause("governing-law")
    assert law.title("en", _project(province="QC")) == law.title("en")


def test_title_quebec_is_the_only_optional_front_matter_key():
    meta = {
        "id": "x",
        "family": "force_majeure",
        "title": "T",
        "status": "recommended",
        "condition": "always",
        "order": "1",
    }
    assert clauses.validate_metadata({**meta, "title_quebec": "Q"}) == []
    assert clauses.validate_metadata({**meta, "title_ontario": "O"}) == [
        "<clause>: unknown key 'title_ontario'"
    ]
