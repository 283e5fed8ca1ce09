"""The legal framework (issue 17, points 2 and 3): ``resources/legal/framework.json`` is
complete and sourced, the loader names every problem, the tender prints the framework
block for every province and territory, and the procedure checks compare the estimate
with confirmed thresholds only (docs/legal-data.md)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.procedure import NEAR_PCT, check_procedure
from wizard.core.documents.blocks import Heading, Paragraph, Table
from wizard.core.documents.record_framework import framework_blocks as record_framework
from wizard.core.documents.tender import tender_blocks
from wizard.core.documents.tender_framework import framework_blocks
from wizard.core.domain import legal_framework as legal
from wizard.core.domain.provinces import EXPECTED_CODES, PROVINCES, LegalDataError
from wizard.core.examples import load_example
from wizard.core.i18n.formats import contracted
from wizard.core.model import Project
from wizard.core.paths import resource_path

MARK = {"fr": "[à faire confirmer par les conseillers juridiques]", "en": "[to be confirmed by counsel]"}


def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("legal", "framework.json").read_text(encoding="utf-8"))
    return data


def facts(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for key, agreement in data["agreements"].items():
        for name in ("name", "provinces", "period", "bid_dispute", "bid_dispute_authority"):
            if name in agreement:
                found.append((f"agreements.{key}.{name}", agreement[name]))
        found += [(f"agreements.{key}.thresholds.{c}", t) for c, t in agreement["thresholds"].items()]
    for code, entry in data["provinces"].items():
        found += [(f"provinces.{code}.{k}", f) for k, f in entry.items()]
    return found


def project_in(code: str) -> Project:
    project = load_example("office-suite")
    project.info.province = code
    return project


def texts(blocks: list[Any]) -> str:
    return "\n".join(b.text for b in blocks if isinstance(b, (Heading, Paragraph)))


# -- the data --------------------------------------------------------------------------


def test_every_fact_has_a_source_a_checked_date_and_says_when_it_is_unconfirmed():
    found = facts(raw())
    assert len(found) > 40
    for path, fact in found:
        assert fact["source"].strip(), path
        assert dt.date.fromisoformat(fact["checked"]) in (dt.date(2026, 12, 6), dt.date(2026, 12, 7)), path
        if fact.get("confirmed", True) is False:
            assert fact["source"].startswith("To be confirmed by counsel"), path
            if "en" in fact and "value" not in fact:
                assert fact["en"].endswith(MARK["en"]) and fact["fr"].endswith(MARK["fr"]), path
        elif "value" in fact and path.endswith(("goods", "services", "construction", "threshold")):
            assert Decimal(fact["value"]) > 0, path  # a confirmed amount is a number, never blank


def test_every_province_has_its_framework_and_the_agreements_cover_the_expected_provinces():
    assert tuple(legal.FRAMEWORKS) == EXPECTED_CODES
    covered = {code: [a.id for a in legal.agreements_for(code)] for code in EXPECTED_CODES}
    assert covered["QC"] == ["CFTA", "CETA", "OQTCA", "NBQC"]
    assert covered["NB"] == ["CFTA", "CETA", "APA", "NBQC"]
    assert covered["ON"] == ["CFTA", "CETA", "OQTCA"]
    assert covered["NS"] == ["CFTA", "CETA", "APA"]
    assert covered["AB"] == ["CFTA", "CETA", "NWPTA"]
    assert covered["YT"] == ["CFTA", "CETA"]
    assert legal.AGREEMENTS["CFTA"].valid_to == dt.date(2027, 12, 31)


def test_the_new_brunswick_quebec_agreement_is_on_file_and_unconfirmed_for_2026():
    """The AQNB (in force 2 December 2008) covers municipal bodies of both provinces from
    $100,000 (goods, services) and $250,000 (construction) as of 2008; whether it still
    covers them, and at which amounts, is for counsel: nothing of it is compared."""
    nbqc = legal.AGREEMENTS["NBQC"]
    assert nbqc.provinces == ("NB", "QC")
    assert nbqc.name("fr").startswith(
        "l’Accord de libéralisation des marchés publics du Québec et du Nouveau"
    )
    assert nbqc.valid_from is None and nbqc.valid_to is None
    assert all(t.amount is None and not t.source.confirmed for t in nbqc.thresholds.values())
    assert "(100,000 $)" in nbqc.thresholds["goods"].source.source
    assert "(250,000 $)" in nbqc.thresholds["construction"].source.source
    assert not nbqc.sources["provinces"].confirmed and "tresor.gouv.qc.ca" in nbqc.sources["provinces"].source
    assert legal.coverage(nbqc, Decimal("1000000")) is None  # never compared
    line = texts(framework_blocks(project_in("NB"), "en"))
    assert (
        "The Québec–New Brunswick Agreement on the Opening of Public Procurement (AQNB): thresholds "
        "[to be confirmed by counsel] (period [to be confirmed by counsel]). Its coverage of the Town is "
        "[to be confirmed by counsel]." in line
    )
    assert "T-THRESHOLD-NEAR" not in [f.code for f in check_procedure(project_in("NB"))]


def test_the_cfta_bid_dispute_procedure_is_on_file_with_its_article():
    cfta = legal.AGREEMENTS["CFTA"]
    assert cfta.bid_dispute is not None and cfta.bid_dispute.confirmed
    assert "Article 518, paragraphs 1 and 5 to 7" in cfta.bid_dispute.source
    assert "at least ten days" in cfta.bid_dispute.en and "au moins dix jours" in cfta.bid_dispute.fr
    assert legal.AGREEMENTS["CETA"].bid_dispute is None
    authority = cfta.bid_dispute_authority
    assert authority is not None and not authority.confirmed and "Article 518(6)" in authority.source
    rows = record_framework(project_in("NB"), "en")
    table = next(b for b in rows if isinstance(b, Table))
    assert [
        "the Canadian Free Trade Agreement (CFTA), Chapter Five",
        "authority that receives bid disputes",
        "December\u00a06, 2026",
    ] in table.rows
    lonely = raw()
    del lonely["agreements"]["CFTA"]["bid_dispute_authority"]
    with pytest.raises(LegalDataError, match="'bid_dispute' and 'bid_dispute_authority' go together"):
        legal.parse(lonely)
    bad = raw()
    bad["agreements"]["CFTA"]["bid_dispute"] = {"en": "x", "source": "y", "checked": "2026-12-06"}
    bad["agreements"]["CFTA"]["appeal"] = {}
    with pytest.raises(LegalDataError) as raised:
        legal.parse(bad)
    assert "agreements.CFTA.bid_dispute: 'fr' must be the text in French" in str(raised.value)
    assert "unknown or missing key 'appeal'" in str(raised.value)


def test_coverage_compares_only_a_confirmed_threshold():
    cfta = _confirmed("100000")["CFTA"]
    assert legal.coverage(cfta, Decimal("100000")) is True
    assert legal.coverage(cfta, Decimal("99999.99")) is False
    assert legal.coverage(cfta, None) is None
    assert legal.coverage(legal.AGREEMENTS["CFTA"], Decimal("10000000")) is None


def test_no_threshold_is_a_guess():
    """Every amount on file is either read in its source or blank and unconfirmed."""
    for agreement in legal.AGREEMENTS.values():
        for threshold in agreement.thresholds.values():
            assert (threshold.amount is None) == (not threshold.source.confirmed), agreement.id
    qc = legal.framework("QC")
    assert qc.platform_token == "SEAO" and qc.platform is not None and qc.platform.confirmed
    assert "s. 573, para. 3" in qc.platform.source


def test_the_loader_names_every_problem():
    data = raw()
    bad = copy.deepcopy(data)
    bad["agreements"]["CFTA"]["thresholds"]["goods"] = {"value": "", "source": "x", "checked": "2026-12-06"}
    bad["agreements"]["CETA"]["period"]["value"] = "2027-12-31/2026-01-01"
    bad["provinces"]["QC"]["lobbyist"] = bad["provinces"]["QC"].pop("lobbying_law")
    del bad["provinces"]["YT"]
    with pytest.raises(LegalDataError) as raised:
        legal.parse(bad)
    message = str(raised.value)
    assert "agreements.CFTA.thresholds.goods: an amount that is not known" in message
    assert "agreements.CETA.period: the period ends before it starts" in message
    assert "unknown fact 'lobbyist'" in message
    assert "the fact 'lobbying_law' is missing" in message
    assert "the province or territory 'YT' is missing" in message


# -- the tender's framework block, per province and territory -------------------------


@pytest.mark.parametrize("code", EXPECTED_CODES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_tender_prints_the_framework_block_of_each_province(code, lang):
    project = project_in(code)
    text = texts(framework_blocks(project, lang))
    prov, frame = PROVINCES[code], legal.framework(code)
    headings = {
        "en": (
            "Legal framework",
            "Procurement law",
            "Trade agreements",
            "Access to information and protection of privacy",
            "Lobbying",
            "Language",
        ),
        "fr": (
            "Cadre juridique",
            "Droit des contrats publics",
            "Accords commerciaux",
            "Accès à l’information et protection des renseignements personnels",
            "Lobbyisme",
            "Langue",
        ),
    }[lang]
    for heading in headings:
        assert f"\n{heading}\n" in f"\n{text}\n", heading
    assert prov.procurement_law(lang) in text
    assert prov.privacy_law(lang) in text
    # in French "à les règles" contracts to "aux règles" (i18n.formats.contracted)
    for fact in (frame.lobbying.text(lang), frame.language.text(lang)):
        # after "à", French contracts the fact's article ("aux règles": formats.contracted)
        assert fact in text or contracted(f"à {fact}", lang) in text, fact
    for agreement in legal.agreements_for(code):
        name = agreement.name(lang)
        assert name[:1].upper() + name[1:] in text
    assert MARK[lang] in text  # every province has at least one fact counsel must confirm
    assert "[À COMPLÉTER" not in text


def test_the_framework_block_sits_in_the_tender_and_states_confirmed_periods():
    project = load_example("emergency-perimeter")
    en = texts(tender_blocks(project, "en"))
    fr = texts(tender_blocks(project, "fr"))
    assert (
        "The Canadian Free Trade Agreement (CFTA), Chapter Five: thresholds [to be confirmed by counsel] (in force from January\u00a01, 2026 to December\u00a031, 2027)."
        in en
    )
    assert (
        "L’Accord de libre-échange canadien (ALEC), chapitre cinq\u00a0: seuils [à faire confirmer par les conseillers juridiques] (en vigueur du 1er\u00a0janvier\u00a02026 au 31\u00a0décembre\u00a02027)."
        in fr
    )
    assert en.index("Legal framework") < en.index("Instructions to bidders") < en.index("Timetable")


def test_nova_scotia_names_its_municipal_access_regime():
    text = texts(framework_blocks(project_in("NS"), "en"))
    assert (
        "subject to Part XX (Freedom of Information and Protection of Privacy) of the Municipal Government Act (Nova Scotia)."
        in text
    )


def test_without_a_province_only_the_heading_is_printed():
    project = project_in("")
    assert [getattr(b, "text", "") for b in framework_blocks(project, "en")] == ["Legal framework"]


# -- the procedure fits the value ---------------------------------------------------------


def _confirmed(amount: str, start: str = "2026-01-01", end: str = "2027-12-31") -> dict[str, legal.Agreement]:
    data = raw()
    cfta = data["agreements"]["CFTA"]
    for category in legal.CATEGORIES:
        cfta["thresholds"][category] = {"value": amount, "source": "test", "checked": "2026-12-06"}
    cfta["period"]["value"] = f"{start}/{end}"
    agreements, _provinces = legal.parse(data)
    return agreements


def _codes(project: Project, today: dt.date | None = None) -> list[str]:
    return [f.code for f in check_procedure(project, today)]


def test_an_estimate_just_under_a_confirmed_threshold_is_a_finding(monkeypatch):
    monkeypatch.setattr(legal, "AGREEMENTS", _confirmed("100000"))
    project = project_in("NS")
    project.info.publication_date = "2027-01-18"
    for estimate, expected in (
        ("90000", ["T-THRESHOLD-NEAR"]),
        ("99999", ["T-THRESHOLD-NEAR"]),
        ("89999", []),
        ("100000", []),
    ):
        project.tco.estimate_cad = Decimal(estimate)
        assert _codes(project) == expected, estimate
    assert NEAR_PCT == 10
    project.tco.estimate_cad = Decimal("95000")
    near = next(f for f in run_checks(project) if f.code == "T-THRESHOLD-NEAR")
    assert near.field == "tco.estimate_cad"
    assert near.message("en").startswith(
        "The estimate, $95,000, is just under the $100,000 threshold of the Canadian Free Trade Agreement"
    )
    assert "95\u00a0000\u00a0$" in near.message("fr")


def test_an_unconfirmed_threshold_is_never_compared():
    project = project_in("QC")
    project.tco.estimate_cad = Decimal("99999")
    assert "T-THRESHOLD-NEAR" not in _codes(project)


def test_an_expired_threshold_is_a_finding(monkeypatch):
    monkeypatch.setattr(legal, "AGREEMENTS", _confirmed("100000", "2024-01-01", "2025-12-31"))
    project = project_in("NS")
    project.info.publication_date = "2026-02-01"
    found = [f for f in check_procedure(project) if f.code == "PR-THRESHOLD-EXPIRED"]
    assert len(found) == 1 and found[0].field == "info.province"
    assert "were in force until December\u00a031, 2025, before February\u00a01, 2026" in found[0].message(
        "en"
    )
    project.info.publication_date = "2025-06-01"
    assert "PR-THRESHOLD-EXPIRED" not in _codes(project)
    project.info.publication_date = ""
    assert "PR-THRESHOLD-EXPIRED" in _codes(project, dt.date(2026, 12, 6))


def test_quebec_requires_seao(monkeypatch):
    project = load_example("emergency-perimeter")
    assert "V-PLATFORM-REQUIRED" not in _codes(project)  # "SEAO (Système électronique …)"
    project.publication.provincial_platform = "Bonfire"
    found = [f for f in check_procedure(project) if f.code == "V-PLATFORM-REQUIRED"]
    assert len(found) == 1 and found[0].field == "publication.provincial_platform"
    assert "(SEAO)" in found[0].message("en") and "“Bonfire”" in found[0].message("en")
    project.info.province = "ON"
    assert "V-PLATFORM-REQUIRED" not in _codes(project)


def test_the_record_compares_the_estimate_and_lists_the_facts_to_confirm(monkeypatch):
    project = load_example("training")  # New Brunswick
    project.tco.estimate_cad = Decimal("150000")
    blocks = record_framework(project, "en")
    text = texts(blocks)
    assert "The estimate, $150,000 before taxes, is compared" in text
    assert (
        "The Canadian Free Trade Agreement (CFTA), Chapter Five: threshold [to be confirmed by counsel]; not compared."
        in text
    )
    table = next(b for b in blocks if isinstance(b, Table))
    assert ["New Brunswick", "lobbying law", "December\u00a07, 2026"] in table.rows
    assert [
        "the Atlantic Procurement Agreement",
        "coverage of municipalities",
        "December\u00a06, 2026",
    ] in table.rows
    monkeypatch.setattr(legal, "AGREEMENTS", _confirmed("100000"))
    text = texts(record_framework(project, "en"))
    assert (
        "The Canadian Free Trade Agreement (CFTA), Chapter Five: threshold $100,000, reached; its rules apply."
        in text
    )
    project.tco.estimate_cad = Decimal("50000")
    text = texts(record_framework(project, "fr"))
    assert (
        "L’Accord de libre-échange canadien (ALEC), chapitre cinq\u00a0: seuil de 100\u00a0000\u00a0$, non atteint."
        in text
    )


def test_new_brunswick_open_competition_from_100000_dollars():
    """N.B. Reg. 2014-93, s. 59: open competition above the lowest trade-agreement threshold
    or $100,000, whichever is lower; the bundled data holds the confirmed $100,000 bound."""
    threshold = legal.framework("NB").public_call_threshold
    assert threshold is not None and threshold.amount == Decimal("100000") and threshold.source.confirmed
    project = load_example("training")
    project.tco.estimate_cad = Decimal("92000")
    near = [f for f in run_checks(project) if f.code == "T-THRESHOLD-NEAR"]
    assert [f.message("en") for f in near] == [
        "The estimate, $92,000, is just under the $100,000 threshold of the provincial rule on public calls for tenders: "
        "a contract estimated or split so as to stay under a threshold escapes the rules above it."
    ]
    text = texts(record_framework(project, "fr"))
    assert (
        "La règle provinciale sur les appels d’offres publics\u00a0: seuil de 100\u00a0000\u00a0$, non atteint\u00a0: le règlement"
        in text
    )


# -- the language of the call for tenders (a lawyer's walk, 2026-12-07) ----------------

LANGUAGE_SENTENCES = {
    ("NB", "en"): (
        "As to the language of the call for tenders and of the Contract, New Brunswick's Official "
        "Languages Act (S.N.B. 2002, c. O-0.5) requires a city, and a municipality whose "
        "official-language minority population is at least 20% of its total population, to adopt "
        "and publish its by-laws in both official languages (s. 35) and to offer in both languages "
        "the services and communications prescribed by regulation (s. 36), among them public notices "
        "of a general nature, tender notifications included (N.B. Reg. 2002-63, Schedule A, item "
        "1(a)); whether the Town is such a municipality, and whether a rule sets the language of the "
        "tender documents and of the Contract themselves, is [to be confirmed by counsel]."
    ),
    ("NB", "fr"): (
        "Quant à la langue de l’appel d’offres et du Contrat, la Loi sur les langues officielles du "
        "Nouveau-Brunswick (L.N.-B. 2002, c. O-0.5) oblige une cité, et une municipalité dont la "
        "population de langue officielle minoritaire atteint au moins 20\u00a0% de la population totale, "
        "à adopter et publier ses arrêtés dans les deux langues officielles (art. 35) et à offrir dans "
        "les deux langues les services et communications prescrits par règlement (art. 36), dont les "
        "avis publics de nature générale, y compris les avis d’appel d’offres (Règl. du N.-B. 2002-63, "
        "annexe A, point 1a)); que la Ville soit une telle municipalité, et que la langue des documents "
        "d’appel d’offres et du Contrat eux-mêmes soit fixée par une règle, reste [à faire confirmer "
        "par les conseillers juridiques]."
    ),
    ("QC", "en"): (
        "As to the language of the call for tenders and of the Contract, the Charter of the French "
        "Language (CQLR, c. C-11) requires contracts entered into by the civil administration, "
        "subcontracts included, to be drawn up exclusively in the official language, French (s. 21), "
        "subject to the exceptions of s. 21.6 for writings relating to a contract; that the Town is "
        "part of the civil administration (Schedule A) and the language of the tender documents "
        "remain [to be confirmed by counsel]."
    ),
    ("QC", "fr"): (
        "Quant à la langue de l’appel d’offres et du Contrat, la Charte de la langue française (RLRQ, "
        "c. C-11) veut que les contrats conclus par l’Administration, y compris ceux qui s’y "
        "rattachent en sous-traitance, soient rédigés exclusivement dans la langue officielle "
        "(art. 21), sous réserve des exceptions de l’art. 21.6 pour les écrits relatifs à un contrat; "
        "que la Ville fasse partie de l’Administration (annexe A) et la langue des documents d’appel "
        "d’offres restent [à faire confirmer par les conseillers juridiques]."
    ),
    ("NS", "en"): (
        "As to the language of the call for tenders and of the Contract, no Nova Scotia statute that "
        "sets the language of a municipality's call for tenders or contract was found [to be "
        "confirmed by counsel]."
    ),
    ("NS", "fr"): (
        "Quant à la langue de l’appel d’offres et du Contrat, aucune loi de la Nouvelle-Écosse fixant "
        "la langue de l’appel d’offres ou du contrat d’une municipalité n’a été trouvée [à faire "
        "confirmer par les conseillers juridiques]."
    ),
}


@pytest.mark.parametrize(("code", "lang"), sorted(LANGUAGE_SENTENCES))
def test_the_tender_states_the_language_rule_of_the_province_with_its_source(code, lang):
    text = texts(framework_blocks(project_in(code), lang))
    assert LANGUAGE_SENTENCES[code, lang] in text.split("\n")


@pytest.mark.parametrize("code", EXPECTED_CODES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_province_hedges_its_language_rule_with_if_any(code, lang):
    # the walk's input: "subject to New Brunswick's rules on the language of municipal
    # documents, if any"; every province now states a rule or that none was found
    text = texts(framework_blocks(project_in(code), lang))
    hedge = {"en": ("if any", "rules on the language"), "fr": ("s’il en est", "règles")}[lang]
    line = next(x for x in text.split("\n") if x.startswith(("As to the language", "Quant à la langue")))
    assert not any(h in line for h in hedge), line
    assert line.endswith(MARK[lang] + "."), line


def test_only_new_brunswick_cites_its_official_languages_act():
    # twin: Nova Scotia is a common-law province next door with no such statute on file
    nb = texts(framework_blocks(project_in("NB"), "en"))
    ns = texts(framework_blocks(project_in("NS"), "en"))
    assert "Official Languages Act (S.N.B. 2002, c. O-0.5)" in nb and "tender notifications" in nb
    assert "Official Languages Act" not in ns and "tender notifications" not in ns
    assert "Charter of the French Language" not in nb + ns


def test_the_language_facts_read_on_2026_12_07_name_their_provisions():
    data = raw()["provinces"]
    nb, qc, nu = (data[c]["language_law"] for c in ("NB", "QC", "NU"))
    assert (
        "s. 35(1)–(5)" in nb["source"]
        and "N.B. Reg. 2002-63" in nb["source"]
        and "Schedule A, item 1(a)" in nb["source"]
    )
    assert "s. 21 " in qc["source"] and "s. 21.6" in qc["source"]
    assert "S.Nu. 2008, c. 17, s. 3(1)" in nu["source"]
    for code in EXPECTED_CODES:
        assert data[code]["language_law"]["checked"] == "2026-12-07", code


# -- lobbying the Town (a lawyer's walk, 2026-12-07) -----------------------------------

LOBBYING_SENTENCES = {
    ("NL", "en"): (
        "As to lobbying the Town's officers and council about this call for tenders, Newfoundland and "
        "Labrador's Lobbyist Registration Act (2004) applies to the lobbying of the province's public "
        "office holders and, since 1 January 2009, of the City of St. John's (its council, officers and "
        "employees), and, as read, not to another municipality's officers and council; whether the Town "
        "has its own rules on lobbying, and what they require, is [to be confirmed by counsel]."
    ),
    ("NL", "fr"): (
        "Quant au lobbyisme auprès des fonctionnaires et du conseil de la Ville au sujet du présent appel "
        "d’offres, la Lobbyist Registration Act de Terre-Neuve-et-Labrador (2004) s’applique au lobbyisme "
        "auprès des titulaires de charges publiques de la province et, depuis le 1er janvier 2009, de la "
        "Ville de St. John’s (son conseil, ses cadres et ses employés), et, telle qu’elle a été lue, non "
        "aux fonctionnaires et au conseil d’une autre municipalité; que la Ville ait ses propres règles "
        "sur le lobbyisme, et ce qu’elles exigent, reste [à faire confirmer par les conseillers juridiques]."
    ),
    ("SK", "en"): (
        "As to lobbying the Town's officers and council about this call for tenders, Saskatchewan's "
        "Lobbyists Act (S.S. 2014, c. L-27.01) applies to the lobbying of the province's public office "
        "holders, a definition that, as the Registrar of Lobbyists reads it, excludes a municipality's "
        "elected officials; whether the Town has its own rules on lobbying, and what they require, is "
        "[to be confirmed by counsel]."
    ),
    ("SK", "fr"): (
        "Quant au lobbyisme auprès des fonctionnaires et du conseil de la Ville au sujet du présent appel "
        "d’offres, la Lobbyists Act de la Saskatchewan (S.S. 2014, c. L-27.01) s’applique au lobbyisme "
        "auprès des titulaires de charges publiques de la province, une définition dont le registraire "
        "des lobbyistes exclut les élus d’une municipalité; que la Ville ait ses propres règles sur le "
        "lobbyisme, et ce qu’elles exigent, reste [à faire confirmer par les conseillers juridiques]."
    ),
    ("QC", "en"): (
        "As to lobbying the Town's officers and council about this call for tenders, the Lobbying "
        "Transparency and Ethics Act (CQLR, c. T-11.011) applies to the lobbying of municipal public "
        "office holders, the Town's included, and covers communications meant to influence a "
        "municipality's award of a contract otherwise than in the context of a public call for tenders; "
        "whether a later act has replaced it is [to be confirmed by counsel]."
    ),
    ("QC", "fr"): (
        "Quant au lobbyisme auprès des fonctionnaires et du conseil de la Ville au sujet du présent appel "
        "d’offres, la Loi sur la transparence et l’éthique en matière de lobbyisme (RLRQ, c. T-11.011) "
        "s’applique au lobbyisme auprès des titulaires de charges publiques des municipalités, ceux de la "
        "Ville compris, et vise les communications destinées à influencer l’attribution d’un contrat par "
        "une municipalité autrement que dans le cadre d’un appel d’offres public; qu’une loi plus récente "
        "l’ait remplacée reste [à faire confirmer par les conseillers juridiques]."
    ),
}


def _lobbying_line(code: str, lang: str) -> str:
    text = texts(framework_blocks(project_in(code), lang))
    return next(x for x in text.split("\n") if x.startswith(("As to lobbying", "Quant au lobbyisme")))


@pytest.mark.parametrize(("code", "lang"), sorted(LOBBYING_SENTENCES))
def test_the_tender_states_the_lobbying_rule_of_the_province_with_its_statute(code, lang):
    assert _lobbying_line(code, lang) == LOBBYING_SENTENCES[code, lang]


@pytest.mark.parametrize("code", EXPECTED_CODES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_province_hedges_its_lobbying_rule_with_if_any(code, lang):
    # the walk's input: "Alberta's rules on lobbying municipalities, if any, and the Town's own
    # rules"; every province now names its statute and what it reaches, or that none was found
    line = _lobbying_line(code, lang)
    hedge = {
        "en": ("if any", "if it ", "rules on lobbying municipalities"),
        "fr": ("s’il en est", "si elle en a"),
    }[lang]
    assert not any(h in line for h in hedge), line
    # Québec's statute names municipalities, but a later act may have replaced it (the
    # fact's note); elsewhere the Town's own rules stay open
    assert line.endswith(MARK[lang] + "."), line
    data = raw()["provinces"][code]["lobbying_law"]
    assert data["checked"] == "2026-12-07", code
    assert "if any" not in data["source"] and "if any" not in data.get("note", ""), code


def test_only_newfoundland_names_st_johns_and_only_quebec_includes_the_town():
    # twins: Nova Scotia has a provincial-only statute; Nunavut has none on file
    nl, ns, nu, qc = (_lobbying_line(c, "en") for c in ("NL", "NS", "NU", "QC"))
    assert "City of St. John's" in nl and "St. John's" not in ns + nu + qc
    assert "Lobbyists' Registration Act (S.N.S. 2001, c. 34)" in ns and "not include a municipality's" in ns
    assert "no Nunavut statute on lobbying was found" in nu and "Act" not in nu
    assert "the Town's included" in qc and "the Town's included" not in nl + ns + nu


def test_the_lobbying_facts_read_on_2026_12_07_name_their_sources():
    data = raw()["provinces"]
    assert "https://www.sasklobbyistregistry.ca/public-office-holder/" in data["SK"]["lobbying_law"]["source"]
    assert "https://www.gov.nl.ca/snl/registries/lobby/lobby-notice/" in data["NL"]["lobbying_law"]["source"]
    assert "https://laws.gnb.ca/en/document/cs/2014-C.11" in data["NB"]["lobbying_law"]["source"]
    assert "s. 223.9(1)" in data["ON"]["lobbying_law"]["source"]
    for code in ("NT", "NU"):
        assert "https://opencouncil.ca/lobbyist-registries-ontario" in data[code]["lobbying_law"]["source"]
