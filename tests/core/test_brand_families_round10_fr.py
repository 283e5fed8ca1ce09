"""The tenth round's brand data (issue 19): Québec vendors, municipal vendors of the rest of
Canada, French and Belgian local-government software, chosen by category from public sources,
each name with a trigger sentence and, for names made of ordinary words, places or people, a
clean twin (tests/corpus/README.md, "A tenth round, Québec and Canadian municipal vendors")."""

from __future__ import annotations

import json

import pytest

from wizard.core.domain.brands import detect_brands
from wizard.core.paths import resource_path

FAMILIES = ("quebec", "canada_municipal", "collectivites")


def canon(text):
    return [m.canonical for m in detect_brands(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Québec: radio, fire, alerts and requests, records, web, carriers, libraries
        (
            "Le Groupe CLR remplace le système de radiocommunication avec Communication Plus.",
            ["Groupe CLR", "Communication Plus"],
        ),
        ("Les radios seront fournies et entretenues par Sécurgence inc.", ["Sécurgence"]),
        (
            "Les rapports d'intervention sont saisis dans le logiciel Première Ligne et BeeOn.",
            ["Première Ligne", "BeeOn"],
        ),
        ("Le logiciel de ICO Technologies est utilisé par le service incendie.", ["ICO Technologies"]),
        ("Les alertes sont envoyées par l'application Echo MMS d'idside.", ["Echo MMS", "idside"]),
        ("Les plaintes sont traitées dans Élise5, fourni par R3D Conseil.", ["Élise5", "R3D Conseil"]),
        ("Les citoyens signalent les nids-de-poule avec Carecity.", ["Carecity"]),
        ("La gestion documentaire repose sur IntelliGID de DocuLibre.", ["IntelliGID", "DocuLibre"]),
        ("Le calendrier de conservation est géré dans SyGED.", ["SyGED"]),
        ("Le site web sera refait par Libéo, après l'étude de Pénéga.", ["Libéo", "Pénéga"]),
        ("Le branchement est confié à DERYtelecom et à Cooptel.", ["DERYtelecom", "Cooptel"]),
        ("Les bibliothèques migrent vers Koha avec inLibro.", ["Koha", "inLibro"]),
        ("Les séances sont webdiffusées par MaestroVision.", ["MaestroVision"]),
        ("La télérelève des compteurs est offerte par X-telia.", ["X-telia"]),
        ("Les livres numériques viennent de De Marque.", ["De Marque"]),
        ("La firme Cyber 3D reconstruit les serveurs avec KPMG-EGYDE.", ["Cyber 3D", "Egyde"]),
        # rest of Canada
        ("The township website was built by eSolutions Group.", ["eSolutions Group"]),
        ("IT services are contracted to CopperTree Solutions Inc.", ["CopperTree Solutions"]),
        ("Truck checks are automated with Check It Mobile.", ["Check It Mobile"]),
        ("Licence the TXM 2000 tax system from the City of Mississauga.", ["TXM 2000"]),
        # France and Belgium
        (
            "Les actes passent par le parapheur de Libriciel et Pastell, puis par Docapost.",
            ["Libriciel", "Pastell", "Docapost"],
        ),
        ("La commune utilise Saphir de Civadis.", ["Civadis"]),
        ("Les finances sont tenues dans Astre GF d'Inetum Software.", ["Astre GF", "Inetum Software"]),
        ("La mairie passe de e.magnus à e.sedit GF.", ["e.magnus", "e.sedit GF"]),
        (
            "Les listes électorales sont gérées avec OpenElec et les concessions avec openCimetière.",
            ["OpenElec", "OpenCimetière"],
        ),
        (
            "Le portail famille est Noéthys; les affaires scolaires, Smart Intégral d'Horanet.",
            ["Noéthys", "Smart Intégral", "Horanet"],
        ),
        ("La carte en ligne est publiée avec vMap de Veremes.", ["vMap", "Veremes"]),
        ("Les délibérations sont préparées dans PloneMeeting.", ["PloneMeeting"]),
        ("La mairie a retenu la GED Novaxel, distribuée par Espace Copie.", ["Novaxel", "Espace Copie"]),
    ],
)
def test_names_of_the_tenth_round_families_are_found(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # clean twins: the same words as words, places or people
        "Les pompiers de première ligne sont intervenus rapidement.",
        # an ordinary phrase in title case: Première Ligne is contextual (review of the tenth round)
        "Le soutien de Première Ligne doit être offert en français.",
        "Le Soutien de Première Ligne est assuré par la Ville.",
        "Un produit de marque est souvent plus cher.",
        "L'entreprise se démarque par son service.",
        "Le plan de communication plus large sera présenté en mai.",
        "Elle fait une pause, puis tape sur la touche Entrée.",
        "L'écho de la salle gêne la captation.",
        "Le smart intégral du projet reste à définir.",
        "La sage analyse financière du trésorier a convaincu le conseil.",
        "Le financement sage de la dette a été salué.",
        "Il faut cliquer sur check it et mobile.",
        "Les compteurs de la salle ont été remplacés.",
        "Un espace copie est prévu au deuxième étage.",
        "Le momentum technologies du secteur est fort.",
        "L'électronique de M. Mercier est en panne.",
        "Élise, 5 ans, a gagné le concours de dessin.",
        "Il a joué un arpège sur le piano.",
        "The maestro vision of the conductor impressed everyone.",
        "The open mairie event drew many residents.",
    ],
)
def test_clean_twins_stay_quiet(text):
    assert canon(text) == []


@pytest.mark.parametrize("family", FAMILIES)
def test_each_entry_has_kind_category_and_a_dated_source(family):
    data = json.loads(resource_path("brands", "families", f"{family}.json").read_text(encoding="utf-8"))
    assert data["entries"]
    for entry in data["entries"]:
        assert entry["kind"] in {"vendor", "product", "reseller"}
        assert entry["category"]
        assert entry["source"].startswith("http") and entry["source"].endswith("(checked 2026-12-07)")
        if entry.get("cased"):
            # a cased name has each of its words with a capital (resources/brands/README.md)
            for phrase in [entry["name"], *entry["aliases"]]:
                assert all(not w[0].isalpha() or w[0].isupper() for w in phrase.replace("-", " ").split()), (
                    phrase
                )
