"""The guide principles findings cite (English msgids; French in ``checks.po``).

Each finding says *why* through one of these short statements, drawn from Open North's
guide to open and ethical procurement (facts only; our own wording).
"""

from __future__ import annotations

from wizard.core.i18n import N_

NEED = N_("Define the problem first: a need to meet, not a product to buy.")
FAIRNESS = N_("Fairness to vendors: describe the need, not the product.")
COMPETITION = N_("Open competition: every vendor gets the chance to bid.")
EQUAL_INFORMATION = N_(
    "Equal treatment: every bidder gets the same answers and changes, in writing, in time to use them."
)
TCO = N_("Total cost of ownership: count acquisition, operation and exit, not only licences.")
SCOPE = N_("Widen the scope: ask which other units of the town share the need.")
NEUTRAL_SCAN = N_(
    "A neutral market scan relies on public documentation and source code, not on demos or sales meetings."
)
OPEN_SOURCE = N_("Compare every licence model, open source included.")
BINARY = N_("Mandatory criteria are pass/fail: each one is answered 'meets' or 'does not meet'.")
TARGETING = N_("No indirect targeting: the mandatory criteria must leave several solutions in the race.")
FEW_MANDATORY = N_("Few mandatory criteria, many optional ones worth one point each.")
THRESHOLD = N_("A pass threshold of at least 70% of the optional criteria.")
SCENARIOS = N_("Test scenarios instead of demos: the technical committee verifies the bidders' claims.")
QUALITY = N_("Quality comes before price.")
CONFLICT = N_("No conflict of interest: those who wrote the tender do not judge the bids.")
TRANSPARENCY = N_(
    "Transparency: every exchange with a vendor is recorded, routed to the CIO and publishable."
)
OPEN_DATA = N_("Open data: publish the process in a standard form that anyone can find, link and reuse.")
NO_NDA = N_("No non-disclosure agreements: public procurement stays public.")
PUBLISH = N_(
    "Publish the bids, the contract, its prices and its performance, so citizens can follow the money."
)
DRAFTING = N_("A vendor who helped write the tender may not bid on it.")
EARNED_EXCLUSION = N_(
    "Only a part in the tender that gives a vendor an advantage excludes it: helping write it, "
    "or a template or specification it used."
)
GOVERNANCE = N_("Central IT governance: the IT directorate alone authorizes IT acquisitions.")
HIGH_RISK = N_("Mission-critical systems are high-risk: stronger clauses, a pilot and a security analysis.")
PRIVACY = N_("Personal information: keep it in-house where possible and protect it by contract.")
COMPLETE = N_("A complete tender: every party, date and rule is stated.")
EXIT = N_("Plan the exit: data extraction, migration out and dual running have a cost.")
LANGUAGE = N_("One legally binding version, in a language of the tender.")
LANGUAGE_WHOLE = N_("Every bidder reads the same tender: a bilingual tender is whole in each language.")
SEALED_PRICES = N_(
    "Quality before price: the price envelopes stay sealed until the quality scores are final, "
    "and a late bid is never opened."
)
PUBLISHED_RULES = N_(
    "Equal treatment: every bid is judged by the published rules alone, and every decision is "
    "written down with its reason."
)
FOLLOW_UP = N_(
    "Follow the contract: the service levels, prices and value the Town approved are checked against "
    "what happens."
)
