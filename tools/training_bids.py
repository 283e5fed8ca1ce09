"""Write the bids of the bundled example ``training`` into its JSON (issue 22 point 5).

    python tools/training_bids.py

The example is published (2027-03-01) with addendum 1, which moved the closing to
2027-04-16 at 11:00 (New Brunswick, −03:00). This script records, through the core's
own operations (``wizard/core/bids/``), the whole phase after the closing:

* four bids received on the closing day: *Apprentissage Fundy inc.* (the winner),
  *Formation Atlantique ltée* (its backups are kept in Oregon: mandatory criterion 4
  fails), *ÉduNum Solutions inc.* (5 points of 10: under the 70 % threshold) and
  *Campus Express inc.* (received at 11:07: late, never opened);
* the technical committee's verification of each scenario, two jury sheets (members 1
  and 2, who differ on one criterion of the winner) and the consensus;
* the quality scores locked, the price envelopes opened (each filled workbook, made
  from the published price form by ``tests/core/bids_sample.fill``), the award.

It then writes the example JSON with the key ``bids`` (``bids.jsonform``) and JSON
version 5, leaving the rest of the file as it was.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))
EXAMPLE = ROOT / "resources" / "examples" / "training.json"

WINNER = {
    "one_off.implementation": ["18500.50"],
    "one_off.migration_in": [4200],
    "one_off.training": ["3600.25"],
    "one_off.hosting": [0],
    "recurring.subscriptions": [12000, 12000, "12360.10", "12360.10", "12731.00"],
    "recurring.support": [None, None, 1500, 1500, 1500],
    "exit.exit_documentation": ["750.75"],
    "exit.exit_migration": [2500],
    "unit.hour": [95],
    "unit.user": ["42.5"],
}
"""Evaluated price 95 502.70 $ (the unit rates are not part of it)."""
ATLANTIQUE = {
    "one_off.implementation": [22000],
    "one_off.migration_in": [5000],
    "one_off.training": [4000],
    "one_off.hosting": [0],
    "recurring.subscriptions": [14000] * 5,
    "exit.exit_documentation": [1000],
    "exit.exit_migration": [3000],
    "exit.exit_dual_running": [0],
    "unit.hour": [110],
    "unit.user": [48],
}
"""Evaluated price 105 000.00 $."""
EDUNUM = {
    "one_off.implementation": [19500],
    "one_off.migration_in": [4500],
    "one_off.training": [3900],
    "one_off.hosting": [0],
    "recurring.subscriptions": [15500] * 5,
    "recurring.support": [2000] * 5,
    "exit.exit_documentation": [900],
    "exit.exit_migration": [2800],
    "unit.hour": [90],
    "unit.user": [39],
}
"""Evaluated price 119 100.00 $."""

OPTIONAL = range(6, 16)
MANDATORY = range(1, 6)


def _sheets(pf, bid_id: int, member: int, points: dict[int, int], reasons: dict[int, str]) -> None:
    from wizard.core.bids import evaluation_entry as ev

    for criterion in OPTIONAL:
        ev.set_sheet_score(pf, bid_id, member, criterion, points[criterion], reasons[criterion])


def record(pf) -> None:
    """Record the whole phase in the open file ``pf`` (module docstring)."""
    from bids_sample import fill

    from wizard.core.bids import evaluation_entry as ev
    from wizard.core.bids import intake, opening
    from wizard.core.bids.record import Bidder

    bids = {}
    for key, bidder, received, amounts, extra in (
        (
            "fundy",
            Bidder(
                "Apprentissage Fundy inc.",
                "845123679RC0001",
                "250, rue Main, bureau 400, Moncton (N.-B.) E1C 1B9",
                "Geneviève Daigle",
                "soumissions@apprentissage-fundy.example.ca",
                "506 555-0142",
            ),
            "2027-04-16T09:15:00-03:00",
            WINNER,
            {"trade_secret": "Annexe C : architecture technique et sécurité"},
        ),
        (
            "atlantique",
            Bidder(
                "Formation Atlantique ltée",
                "731904562RC0001",
                "1801, rue Hollis, Halifax (N.-É.) B3J 3N4",
                "Robert MacKinnon",
                "appels@formation-atlantique.example.ca",
                "902 555-0177",
            ),
            "2027-04-16T10:02:00-03:00",
            ATLANTIQUE,
            {},
        ),
        (
            "edunum",
            Bidder(
                "ÉduNum Solutions inc.",
                "118527340RC0001",
                "75, rue Queen, Fredericton (N.-B.) E3B 1A9",
                "Isabelle Poirier",
                "ventes@edunum.example.ca",
                "506 555-0108",
            ),
            "2027-04-16T10:48:00-03:00",
            EDUNUM,
            {"publish_names": True},
        ),
        (
            "campus",
            Bidder(
                "Campus Express inc.",
                "562093418RC0001",
                "400, boulevard Saint-Laurent, Montréal (Qc) H2Y 2Y5",
                "Olivier Tremblay",
                "offres@campus-express.example.ca",
                "514 555-0133",
            ),
            "2027-04-16T11:07:00-03:00",
            None,
            {},
        ),
    ):
        bid_id = intake.add_bid(
            pf, bidder=bidder, received_at=received, acknowledged=[1], response_form=True, **extra
        )
        bids[key] = bid_id
        if amounts is not None:
            intake.attach_workbook(
                pf, bid_id, fill(pf.project, amounts), name="bordereau-de-prix.xlsx", at=received
            )
    # the technical committee's scenario sessions (within 20 days of the closing)
    sessions = {
        "fundy": {s: ("confirmed", "") for s in range(1, 6)},
        "atlantique": {s: ("confirmed", "") for s in range(1, 6)},
        "edunum": {
            1: ("confirmed", ""),
            2: ("confirmed", ""),
            3: ("confirmed", ""),
            4: (
                "refuted",
                "L’export PDF des certificats a échoué; le badge émis n’a pas pu être vérifié selon Open Badges 3.0.",
            ),
            5: ("refuted", "La classe virtuelle n’enregistre pas le partage d’écran."),
        },
    }
    days = {"fundy": "2027-04-26", "atlantique": "2027-04-28", "edunum": "2027-04-30"}
    for key, results in sessions.items():
        for scenario, (result, notes) in results.items():
            ev.set_verification(
                pf, bids[key], scenario, result, notes or "Résultat attendu obtenu en séance.", days[key], 1
            )
    evidence = {
        1: "Scénario 1 : module suivi hors ligne, résultats transmis.",
        2: "Scénario 2 : alerte reçue 59 jours avant l’échéance.",
        3: "Scénario 3 : interface et courriels en anglais et en français.",
        4: "Réponse, annexe D : attestation d’hébergement au Canada, sauvegardes comprises.",
        5: "Scénario 1 : paquet SCORM 2004 de la Ville importé et exécuté.",
    }
    for key in ("fundy", "edunum", "atlantique"):
        for criterion in MANDATORY:
            passed, text = True, evidence[criterion]
            if key == "atlantique" and criterion == 4:
                passed = False
                text = "Réponse, annexe D : les copies de sauvegarde sont répliquées en Oregon (États-Unis)."
            ev.set_mandatory(pf, bids[key], criterion, passed, text)
    # two jury sheets, scored apart, then the consensus (compliant bids only); every
    # score has its own reason: what was shown for 1, what was missing for 0
    fundy_reason = {
        6: "Scénario 5 : classe virtuelle tenue en direct avec partage d’écran; l’enregistrement a été relu.",
        7: "Scénario 1 : module suivi hors ligne sur la tablette; résultats transmis au retour du réseau.",
        8: "Scénario 2 : heures de formation et réussites affichées par service, par employé et par période.",
        9: "Accès à la solution : cours et questionnaire créés avec l’outil intégré, sans logiciel externe.",
        10: "Réponse : activités enregistrées selon xAPI, exemples d’énoncés joints.",
        11: "Réponse : outils externes intégrés selon LTI 1.3, certificat de conformité joint.",
        12: "Audit d’accessibilité par un tiers indépendant joint à la réponse : le critère ne fixe pas de date.",
        13: "Aucune authentification SAML 2.0 à ce jour : elle est annoncée pour 2028.",
        14: "Scénario 4 : dossiers, résultats et certificats exportés en CSV et en PDF, ouverts par le comité.",
        15: "Réponse : badges émis selon Open Badges 3.0; un badge d’essai a été vérifié.",
    }
    edunum_reason = {
        6: "Scénario 5 réfuté : la classe virtuelle n’enregistre pas le partage d’écran.",
        7: "Scénario 1 : module suivi hors ligne sur la tablette; résultats transmis au retour du réseau.",
        8: "Scénario 2 : heures de formation et réussites affichées par service, par employé et par période.",
        9: "Accès à la solution : cours et questionnaire créés avec l’outil intégré, sans logiciel externe.",
        10: "Réponse : activités enregistrées selon xAPI, exemples d’énoncés joints.",
        11: "Réponse : intégration d’outils externes selon LTI 1.3 démontrée.",
        12: "Aucun audit d’accessibilité par un tiers indépendant : seule une autodéclaration est jointe.",
        13: "Aucune authentification SAML 2.0 : la réponse n’offre que des comptes locaux.",
        14: "Scénario 4 réfuté : l’export PDF des certificats a échoué.",
        15: "Scénario 4 réfuté : le badge émis n’a pas pu être vérifié selon Open Badges 3.0.",
    }
    fundy_1 = {c: 1 for c in OPTIONAL} | {13: 0}
    fundy_2 = fundy_1 | {12: 0}
    _sheets(pf, bids["fundy"], 1, fundy_1, fundy_reason)
    _sheets(
        pf,
        bids["fundy"],
        2,
        fundy_2,
        fundy_reason | {12: "Audit joint, mais daté de 2024.", 13: "Pas de SAML 2.0 à ce jour."},
    )
    edunum_1 = {c: 1 for c in OPTIONAL} | {6: 0, 12: 0, 13: 0, 14: 0, 15: 0}
    edunum_2 = edunum_1 | {11: 0, 12: 1}
    _sheets(pf, bids["edunum"], 1, edunum_1, edunum_reason)
    _sheets(
        pf,
        bids["edunum"],
        2,
        edunum_2,
        edunum_reason
        | {
            11: "LTI 1.3 annoncée, sans démonstration.",
            12: "Déclaration de conformité aux WCAG 2.1 AA jointe.",
        },
    )
    for criterion in OPTIONAL:
        ev.set_consensus(pf, bids["fundy"], criterion, fundy_1[criterion], fundy_reason[criterion])
        ev.set_consensus(pf, bids["edunum"], criterion, edunum_1[criterion], edunum_reason[criterion])
    ev.lock_quality(pf, locked_by="Martin Thériault", at="2027-05-04T15:00:00-03:00")
    opening.open_envelope(
        pf,
        opened_by="Martin Thériault",
        witnesses="Josée Comeau, greffière; Alexandre Gallant, comité technique",
        at="2027-05-05T10:00:00-03:00",
    )
    ev.set_award(
        pf,
        bids["fundy"],
        resolution_number="2027-05-118",
        resolution_date="2027-05-10",
        signatory="Martin Thériault, directeur des technologies de l'information",
        delegated_authority="Résolution 2027-05-118 du conseil municipal",
        standstill_days=10,
        awarded_on="2027-05-10",
        contract_signed_on="2027-05-25",
        contract_value="95502.70",
    )


def main() -> int:
    from wizard.core.bids.jsonform import record_tables, to_json
    from wizard.core.project_file import jsonio
    from wizard.core.project_file.store import ProjectFile

    text = EXAMPLE.read_text(encoding="utf-8")
    data = json.loads(text)
    data.pop("bids", None)
    project, publishing, _bids = jsonio.loads_with_records(json.dumps(data))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "training.tender"
        with ProjectFile.create(
            path, project, origin="example", tables=record_tables(publishing, None)
        ) as pf:
            record(pf)
            bids = to_json(pf)
    data["version"] = jsonio.VERSION
    data["bids"] = bids
    EXAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(EXAMPLE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
