"""The findings as the decision record states them: facts in words, never codes or
wizard instructions (docs/documents.md).

A finding's message speaks to the user of the app ("Enter the budget available …",
"Route this exchange to the CIO."); a council report states what is so. :data:`SENTENCES`
gives, for every finding code, the sentence the record prints: a list of
``(parameters, msgid)`` tried in order, the first whose parameters the finding has
(``msgid`` ``None``: the finding's own message, already a statement of fact). A code the
table does not know gets a neutral sentence naming the guide's principle it comes from,
so a new check never puts an instruction or a code in the record;
``tests/core/test_record_findings.py`` fails until the new code has its row.

``subject(project, field, lang)`` names what a finding is about the way the documents
number it: "Criterion M-5", "Scenario S-2", the clause's title, the vendor of a register
row (one numbering, issue 15).

Guide principle: the record is published; it says what the project is, not what the
wizard asks the user to do.
"""

from __future__ import annotations

from wizard.core.checks.base import Finding
from wizard.core.clauses import library as clauses
from wizard.core.clauses.families import FAMILIES
from wizard.core.domain.addresses import parse_address
from wizard.core.domain.numbering import criterion_numbers, scenario_label
from wizard.core.i18n import N_, Plural, tr
from wizard.core.model import Project
from wizard.core.model.defaults import GOVERNANCE_ITEMS
from wizard.core.steps import STEPS
from wizard.core.textclean import one_line

FACT = None
"""In :data:`SENTENCES`: the finding's own message states a fact and is printed as it is."""

SENTENCES: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]] = {
    "K-PLACEHOLDER": (((), FACT),),
    "PR-AUTHORS": (((), N_("The authors of the tender are not listed.")),),
    "PR-BINDING-LANGUAGE": (((), N_("The legally binding version is not in a language of the tender.")),),
    "PR-CLOSING-DATE": (((), FACT),),
    "PR-CLOSING-TIME": (((), N_("The closing time is not set: the tender shows a placeholder.")),),
    "PR-CONTACT-EMAIL": (
        (
            (),
            N_(
                "The e-mail address of the single point of contact is not set: the tender shows a placeholder."
            ),
        ),
    ),
    "PR-DATE": (((), FACT),),
    "PR-DATE-ORDER": (
        (("other",), N_("A date of the calendar comes after a later step ({other}).")),
        ((), N_("A date of the calendar comes after a later step.")),
    ),
    "PR-EMAIL": (((), FACT),),
    "PR-LANGUAGES": (((), N_("The tender languages are not French, English or both.")),),
    "PR-ORGANIZATION": (((), N_("The organization issuing the tender is not named.")),),
    "PR-TRANSLATION": (((), FACT),),
    "PR-TEXT-LANGUAGE": (((), N_("A text was typed in the other language than its version's.")),),
    "PR-PROVINCE": (
        (("value",), FACT),
        (
            (),
            N_(
                "The province or territory is not set: the governing law, the courts and the taxes depend on it."
            ),
        ),
    ),
    "PR-QC-FRENCH": (
        (
            (),
            N_(
                "In Québec, a public body's contracts and tenders are drawn up in French, but the "
                "binding version of this tender is not the French one."
            ),
        ),
    ),
    "PR-SUBMISSION": (
        ((), N_("How and where bids are submitted is not stated: the tender shows a placeholder.")),
    ),
    "PR-TIME": (((), FACT),),
    "PR-TIME-ZONE": (((), FACT),),
    "PR-TITLE": (((), N_("The tender has no title.")),),
    "P-BYPASS": (
        (("words",), N_("The problem statement avoids open competition (“{words}”).")),
        ((), N_("The problem statement avoids open competition.")),
    ),
    "P-INCUMBENT": (
        (("brands",), N_("The problem statement names the current system: {brands}.")),
        ((), N_("The problem statement names the current system.")),
    ),
    "P-MISSING": (((), N_("The problem statement is not written.")),),
    "P-NEED": (((), N_("The problem statement is not phrased as a need.")),),
    "P-PRESUME": (
        (("words",), N_("The problem statement presumes the answer (“{words}”).")),
        ((), N_("The problem statement presumes the answer.")),
    ),
    "P-SCOPE": (((), N_("The problem statement speaks for one unit of the Town only.")),),
    "P-SOLUTION": (
        (("target",), N_("The problem statement names a solution instead of a need: “{target}”.")),
        ((), N_("The problem statement names a solution instead of a need.")),
    ),
    "SC-GOVERNANCE": (
        (("item",), N_("Governance: “{item}” is answered no.")),
        ((), N_("An item of the governance checklist is answered no.")),
    ),
    "SC-MISSION-CRITICAL": (
        (
            (),
            N_(
                "The system is mission-critical: a high-risk acquisition, for which the guide calls for "
                "a security analysis, a paid pilot, redundancy and the stronger contract clauses."
            ),
        ),
    ),
    "SC-PERSONAL-INFO": (
        (
            (),
            N_(
                "Personal information is processed: the province's privacy clauses apply, and the "
                "guide advises keeping such data in the Town's own systems where possible."
            ),
        ),
    ),
    "SC-UNITS": (((), N_("No unit of the Town is marked as affected by or benefiting from this need.")),),
    "M-FEW": (
        (("count",), N_("Solutions scanned: {count}; the guide asks for at least 3.")),
        ((), N_("Fewer than 3 solutions were scanned.")),
    ),
    "M-NO-FEATURES": (((), N_("No feature or standard is listed to compare the solutions.")),),
    "M-NO-OPEN-SOURCE": (((), N_("The market scan holds no open source solution.")),),
    "M-SETTINGS": (((), N_("A threshold of the market scan is outside 1 to 100%.")),),
    "M-SOURCE": (
        (("name",), N_("{name} is known only from a demo or a vendor meeting.")),
        ((), N_("A scanned solution is known only from a demo or a vendor meeting.")),
    ),
    "M-UNDERPERFORMING": (((), FACT),),
    "C-BRAND": (
        (("brands",), N_("A criterion names a brand or product: {brands}.")),
        ((), N_("A criterion names a brand or product.")),
    ),
    "C-SUBMISSION-FORMAT": (
        (
            ("brands",),
            N_(
                "A criterion asks bidders to send a file in a product's format: {brands}; an open format is not offered."
            ),
        ),
        (
            (),
            N_(
                "A criterion asks bidders to send a file in a product's format; an open format is not offered."
            ),
        ),
    ),
    "C-COMPLIANT": (
        (
            ("count",),
            N_(
                "Scanned solutions that meet every mandatory criterion: {count}; the guide asks for at least 3."
            ),
        ),
        ((), N_("Fewer than 3 scanned solutions meet every mandatory criterion.")),
    ),
    "C-POSSIBLE-BRAND": (
        (("brands",), N_("A criterion holds a possible product, vendor or model name: {brands}.")),
        ((), N_("A criterion holds a possible product, vendor or model name.")),
    ),
    "C-SEVERAL-REQUIREMENTS": (
        (("words",), N_("A criterion holds several requirements in one (“{words}”).")),
        ((), N_("A criterion holds several requirements in one.")),
    ),
    "C-CLAUSE-OBLIGATION": (
        (
            ("topic", "clause"),
            N_(
                "This optional criterion gives a point for {topic}, which the clause “{clause}” already requires of every bidder."
            ),
        ),
    ),
    "C-DUPLICATE": (
        (("other",), N_("This criterion nearly repeats criterion {other}.")),
        ((), N_("This criterion nearly repeats another one.")),
    ),
    "C-EQUIVALENT": (
        (
            (),
            N_(
                "A brand name marked justified is not followed by “or equivalent”, as the trade "
                "agreements require."
            ),
        ),
    ),
    "C-NOT-BINARY": (
        (("words",), N_("“{words}” cannot be answered “meets / does not meet”.")),
        ((), N_("A mandatory criterion cannot be answered “meets / does not meet”.")),
    ),
    "C-TARGET": (
        (
            ("count",),
            N_(
                "Scanned solutions that meet this mandatory criterion: {count}; it may target them indirectly."
            ),
        ),
        ((), FACT),
    ),
    "C-THRESHOLD": (
        (("pct",), FACT),
        ((), N_("The pass threshold is outside 0 to 100%.")),
    ),
    "C-TOO-MANY-MANDATORY": (
        (
            ("count", "total"),
            N_(
                "Mandatory criteria: {count} of {total}; the guide advises at most 10, and at most 40% "
                "of all criteria, since each one can exclude a bidder."
            ),
        ),
        ((), N_("The tender holds more mandatory criteria than the guide advises.")),
    ),
    "C-UNLINKED": (
        (
            (),
            N_(
                "This mandatory criterion is not linked to the features of the market scan, so the "
                "scan cannot show which solutions meet it."
            ),
        ),
    ),
    "S-BRAND": (
        (("brands",), N_("A scenario names a brand or product: {brands}.")),
        ((), N_("A scenario names a brand or product.")),
    ),
    "S-POSSIBLE-BRAND": (
        (("brands",), N_("A scenario holds a possible product, vendor or model name: {brands}.")),
        ((), N_("A scenario holds a possible product, vendor or model name.")),
    ),
    "S-COMMITTEE": (
        ((), N_("The members of the technical committee who will run the scenarios are not named.")),
    ),
    "S-COVER": (
        (("number",), N_("Criterion {number} is to be verified by a scenario, but no scenario covers it.")),
        ((), N_("A criterion to be verified by a scenario is covered by no scenario.")),
    ),
    "S-ORPHAN": (((), N_("This scenario verifies no criterion.")),),
    "E-DECLARATION": (((), FACT),),
    "E-JURY-AUTHOR": (
        (("name",), N_("{name} is an author of the tender and sits on the selection committee.")),
        ((), N_("An author of the tender sits on the selection committee.")),
    ),
    "E-NO-JURY": (((), N_("The members of the selection committee are not named.")),),
    "E-PILOT": (((), N_("The pilot names no scenario it must meet before the full award.")),),
    "E-QC-COMMITTEE": (
        (
            (),
            N_(
                "Québec's weighted system needs a selection committee of at least 3 members, who "
                "score without seeing the prices; this committee has fewer."
            ),
        ),
    ),
    "E-QC-CRITERIA": (
        (
            (),
            N_(
                "Québec's weighted system needs at least 4 quality criteria besides price; the grid has fewer."
            ),
        ),
    ),
    "E-QC-MAX": (
        (
            (),
            N_(
                "A quality criterion weighs more than the 30 points out of 100 Québec's weighted system allows."
            ),
        ),
    ),
    "E-QC-TOTAL": (((), N_("The quality criteria's points do not add up to 100.")),),
    "E-QC-REQUIRED": (
        (
            (),
            N_(
                "The contract is one for professional services in Québec, and the tender does not "
                "use the statutory two-step weighted system."
            ),
        ),
    ),
    "E-QC-FORMULA": (
        (
            ("quality", "price"),
            N_(
                "The tender weighs quality against price with a {quality}/{price} formula, not "
                "with Québec's statutory weighted system (to be confirmed by counsel)."
            ),
        ),
    ),
    "E-QC-OUTSIDE": (
        ((), N_("The tender uses Québec's statutory weighted system for a project outside Québec.")),
    ),
    "E-QC-SECRETARY": (((), N_("The secretary of the selection committee is not named.")),),
    "E-QUALITY": (((), FACT),),
    "E-RANGE": (((), FACT),),
    "E-TIE-BREAK": (((), N_("The tie-break rule is not stated.")),),
    "E-WEIGHTS": (
        (("quality", "price"), N_("Quality ({quality}) and price ({price}) do not add up to 100.")),
        ((), N_("The weights of quality and price do not add up to 100.")),
    ),
    "T-BUDGET": (
        (("budget",), FACT),
        ((), N_("The budget available is not stated.")),
    ),
    "T-EMPTY": (((), FACT),),
    "T-FUNDING": (((), N_("The source of funds is not stated.")),),
    "T-HORIZON": (((), FACT),),
    "T-LICENCE-ONLY": (
        (
            ("name",),
            N_(
                "{name} is costed with licences only: no implementation, training, hosting, support, "
                "staff time or exit."
            ),
        ),
        ((), N_("An option is costed with licences only.")),
    ),
    "T-LINE-OPTION": (((), N_("A cost line belongs to no option.")),),
    "T-LINE-YEAR": (((), FACT),),
    "T-NEGATIVE": (((), N_("A cost line has a negative amount.")),),
    "T-NO-EXIT": (
        (("name",), N_("{name} counts no exit costs: data extraction, migration out and dual running.")),
        ((), N_("An option counts no exit costs.")),
    ),
    "T-OPTIONS": (((), N_("The total cost of ownership compares fewer than two options.")),),
    "T-RANGE": (((), FACT),),
    "T-RATE": (
        (("low",), FACT),
        (("rate",), N_("A discount rate of {rate}% is unusual.")),
        ((), N_("The discount rate is unusual.")),
    ),
    "K-REMOVED": (
        (("family",), N_("The tender holds no clause on “{family}”, which the guide recommends.")),
        ((), N_("A clause the guide recommends is not in the tender.")),
    ),
    "K-REQUIRED": (
        (("family",), N_("The tender holds no clause on “{family}”, which this project requires.")),
        ((), N_("A clause this project requires is not in the tender.")),
    ),
    "K-RENDER": (
        (("title",), N_("The clause “{title}” cannot be produced from its edited text.")),
        ((), N_("A clause cannot be produced from its edited text.")),
    ),
    "V-DEMO": (
        (("vendor",), N_("{vendor} gave a demo outside the tender.")),
        ((), N_("A vendor gave a demo outside the tender.")),
    ),
    "V-DRAFTING": (((), FACT),),
    "V-MATERIAL-UNUSED": (
        (
            ("vendor",),
            N_(
                "{vendor} supplied a template or specification that was received and not used: it gave "
                "no advantage and is not a ground for exclusion."
            ),
        ),
        ((), N_("A vendor supplied a template or specification that was received and not used.")),
    ),
    "V-NDA": (
        (("vendor",), N_("A non-disclosure agreement was signed with {vendor}.")),
        ((), N_("A non-disclosure agreement was signed with a vendor.")),
    ),
    "V-NO-STAFF": (((), N_("No staff member is designated to speak with vendors.")),),
    "V-PUBLISH-UNPLANNED": (
        ((), N_("The publication plan does not plan every publication the transparency clause names.")),
    ),
    "V-NOT-ROUTED": (((), N_("This exchange was not routed to the chief information officer.")),),
    "V-RFI": (
        (("vendor",), N_("The exchange with {vendor} was a request for information.")),
        ((), N_("An exchange with a vendor was a request for information.")),
    ),
    "V-UNDESIGNATED": (((), FACT),),
    # open data (checks/opendata.py)
    "V-OCID-PREFIX": (
        ((), N_("The open data has no OCDS prefix of the Town's own: it uses the placeholder ocds-xxxxxx.")),
    ),
    "V-OCID-FORMAT": (((), FACT),),
    "V-OCID-EXAMPLE": (((), FACT),),
    "V-LICENSE": (((), N_("The open data states no licence.")),),
    "V-POLICY": (((), N_("The open data links to no publication policy.")),),
    "V-PACKAGE-URL": (((), N_("The address where the OCDS file will be published is not stated.")),),
    "V-PUBLISHER-ID": (((), N_("The open data does not give the Town's organization identifier.")),),
    "V-PUBLISHER-ID-FORMAT": (((), FACT),),
    "V-PUBLISHER-SCHEME": (((), FACT),),
    "V-SUBMISSION-METHOD": (
        ((), N_("The open data does not say whether bids may be submitted electronically or on paper.")),
    ),
    "V-ITEM-CODE": (((), N_("The open data gives no classification code for what is bought.")),),
    "V-ITEM-CODE-FORMAT": (((), FACT),),
    "V-ITEM-SCHEME": (((), FACT),),
    "V-DOC-URL": (
        (
            (),
            N_(
                "The open data does not link to the tender document: where it is published is not a web address."
            ),
        ),
    ),
    "CHECK-FAILED": (((), N_("Some checks of this step could not run: its findings may be incomplete.")),),
    "T-CONTROL-CHARS": (
        ((), N_("This text holds invisible control characters; the exported documents leave them out.")),
    ),
    # issue 15 points 4 and 7 (checks/rows.py, periods.py, package.py, criteria.py)
    **dict.fromkeys(
        (
            "PR-BLANK-ROW",
            "SC-BLANK-ROW",
            "M-BLANK-ROW",
            "C-BLANK-ROW",
            "S-BLANK-ROW",
            "E-BLANK-ROW",
            "T-BLANK-ROW",
            "V-BLANK-ROW",
        ),
        (((), N_("A row of the project was left empty; the documents leave it out.")),),
    ),
    "PR-PILOT-VALIDITY": (
        (
            ("validity", "end"),
            N_(
                "The bids lapse on {validity}, before the paid pilot can end on {end}: the bid validity is too short."
            ),
        ),
        ((), N_("The bid validity is shorter than the paid pilot needs.")),
    ),
    "PR-PILOT-CONTRACT-START": (
        (
            ("contract", "end"),
            N_("The Contract was planned to start on {contract}, before the paid pilot ends on {end}."),
        ),
        ((), N_("The Contract was planned to start before the paid pilot ends.")),
    ),
    "PR-PERIOD-LAW": (((), FACT),),
    "PR-PERIOD-AGREEMENT": (((), FACT),),
    "PR-PERIOD-TOWN": (((), FACT),),
    "PR-ADDENDUM-UNANSWERED": (
        (
            ("closing",),
            N_("Bidders' questions were still unanswered when the last day for an addendum came."),
        ),
    ),
    "PR-ADDENDUM-LATE": (
        (
            ("number",),
            N_(
                "Addendum {number} changed the requirements later than the Town's minimum before the closing."
            ),
        ),
    ),
    "PR-ADDENDUM-SHORTENED": (((), FACT),),
    "PR-ADDENDUM-LANGUAGE": (
        ((), N_("A text of the draft addendum was typed in the other language than its version's.")),
    ),
    "PR-ADDENDUM-MAKES-LATE": (
        (
            ("bid",),
            N_("The draft addendum moved the closing earlier than bid {bid}, which was received on time."),
        ),
    ),
    "BD-AUTHOR-SCORING": (
        ((), N_("An author of the tender scored bids as a member of the selection committee.")),
    ),
    "BD-NO-DECLARATION": (
        (
            (),
            N_(
                "A member of the selection committee scored bids without a signed conflict-of-interest declaration."
            ),
        ),
    ),
    "BD-OPENED-EARLY": (((), N_("The prices were opened before the quality scores were locked.")),),
    "BD-LATE-OPENED": (((), N_("A bid received after the closing was opened.")),),
    "BD-SINGLE-BID": (
        ((), N_("Only one bid was received on time (red flag R018, Open Contracting Partnership).")),
    ),
    "BD-ONE-COMPLIANT": (((), N_("Only one bid passes the evaluation.")),),
    "BD-SAME-PRICE": (
        (
            (),
            N_(
                "Different bidders bid the same evaluated price (red flag R028, Open Contracting Partnership)."
            ),
        ),
    ),
    "BD-LATE-WINNER": (
        (
            (),
            N_(
                "The award goes to a bid received after the closing (red flag R030, Open Contracting Partnership)."
            ),
        ),
    ),
    "BD-ALL-BUT-WINNER": (
        (
            (),
            N_("Every bid but the one awarded was set aside (red flag R035, Open Contracting Partnership)."),
        ),
    ),
    "BD-LOWEST-DISQUALIFIED": (
        (
            (),
            N_(
                "The lowest evaluated price belongs to a bid set aside (red flag R036, Open Contracting Partnership)."
            ),
        ),
    ),
    "BD-WINNER-FAILS": (
        (
            (),
            N_(
                "The award goes to a bid that fails a mandatory criterion, the pass threshold or the price rule."
            ),
        ),
    ),
    "BD-NOT-TOP": (((), N_("The award goes to a bid not ranked first, without a written reason.")),),
    "BD-NOT-BEST-SCORE": (
        (
            (),
            N_(
                "The award goes to a bid without the best final score, under Québec's statutory "
                "weighted system (to be confirmed by counsel)."
            ),
        ),
    ),
    "BD-VALUE-NOT-BID": (((), N_("The contract value is not the awarded bid's evaluated price.")),),
    "BD-DECIDED-BEFORE-CLOSING": (
        ((), N_("The award was decided before the closing of the call for tenders.")),
    ),
    "BD-SIGNED-BEFORE-AWARD": (((), N_("The contract was signed before the award decision.")),),
    "BD-SIGNED-IN-STANDSTILL": (((), N_("The contract was signed inside the standstill period.")),),
    "BD-SAME-BIDDER": (((), N_("Two bids or more come from the same bidder.")),),
    "BD-UNVERIFIED": (
        (
            (),
            N_(
                "The quality scores were locked, or the award made, while the technical "
                "committee's verification of a scenario was not recorded for a bid."
            ),
        ),
    ),
    "BD-OFFSET": (
        (
            ("bid", "either"),
            N_(
                "Bid {bid} is recorded as received at another UTC offset than the town's on that "
                "day; it is {either} whichever clock was read."
            ),
        ),
        (
            ("bid", "local", "clock", "closing"),
            N_(
                "Bid {bid} is recorded as received at {local}, town time, at another UTC offset "
                "than the town's on that day; read on a clock of the town, it came at {clock}. "
                "One of these moments is before the closing ({closing}) and the other after: "
                "whether the bid was on time depends on the clock read, which the evidence of "
                "receipt (the time stamped on the envelope, the platform's receipt) establishes."
            ),
        ),
        (
            ("bid",),
            N_("Bid {bid} is recorded as received at another UTC offset than the town's on that day."),
        ),
        ((), N_("A bid is recorded as received at another UTC offset than the town's on that day.")),
    ),
    "BD-UNACKNOWLEDGED": (
        (("bid", "number"), N_("Bid {bid} did not acknowledge addendum {number}.")),
        ((), N_("A bid did not acknowledge an addendum.")),
    ),
    "BD-EVIDENCE": (((), N_("A mandatory criterion was decided for a bid without its evidence.")),),
    "BD-SCALE": (((), N_("A score is outside the scale of its criterion.")),),
    "BD-DIVERGENT": (
        (
            (),
            N_(
                "The members' sheets differ on a criterion that the consensus has not yet settled with a reason."
            ),
        ),
    ),
    "BD-NO-SHEET": (((), N_("The consensus scored a bid that no member scored on a sheet.")),),
    "BD-LOCKED-UNSCORED": (
        (
            (),
            N_(
                "The quality scores were locked while a bid still lacked consensus points on a "
                "criterion or an item of the quality grid."
            ),
        ),
    ),
    "BD-LOCK-MISSING": (
        (
            (),
            N_(
                "Before the lock, a bid evaluated still lacked consensus points or a mandatory "
                "criterion's result."
            ),
        ),
    ),
    "PR-CHOICE": (((), N_("A value kept in the project file is not one of the choices the app offers.")),),
    "SC-CHOICE": (((), N_("A value kept in the project file is not one of the choices the app offers.")),),
    "M-CHOICE": (((), N_("A value kept in the project file is not one of the choices the app offers.")),),
    "C-CHOICE": (((), N_("A value kept in the project file is not one of the choices the app offers.")),),
    "T-CHOICE": (((), N_("A value kept in the project file is not one of the choices the app offers.")),),
    "SW-CHOICE": (((), N_("A value kept in the project file is not one of the choices the app offers.")),),
    "V-CHOICE": (((), N_("A value kept in the project file is not one of the choices the app offers.")),),
    "V-DATE": (((), N_("A date of the vendor register or of the publication plan does not exist.")),),
    "BD-CHOICE": (
        ((), N_("A scenario verification holds a result other than confirmed, refuted or pending.")),
    ),
    "BD-REPEATED": (
        ((), N_("A bid's result, verification or consensus points are entered more than once in the file.")),
    ),
    "V-BIDS-DATE": (
        (
            ("typed", "opening"),
            N_(
                "The publication plan typed {typed} for the bids received and the bidders; the "
                "documents give the public opening's day, {opening}."
            ),
        ),
    ),
    "V-PLAN-BEFORE-CLOSING": (
        (
            ("item", "day", "closing"),
            N_("The publication plan promised \u201c{item}\u201d on {day}, before the closing ({closing})."),
        ),
    ),
    "PR-ADDENDUM-PRICE-FORM": (
        (
            ("before", "after"),
            N_(
                "The price form changed after publication (version {before}, now {after}) without an addendum."
            ),
        ),
    ),
    "CT-AMENDMENT-SHARE": (
        (
            ("share", "limit"),
            N_("The amendments raised the contract's value by {share}, beyond the Town's share of {limit}."),
        ),
    ),
    "CT-PAYMENTS-EXCEED": (
        (("paid", "value"), N_("The payments ({paid}) exceeded the contract's value as amended ({value}).")),
    ),
    "CT-REPORT-MISSING": (
        (("periods",), N_("Monthly performance reports past due were not received: {periods}.")),
    ),
    "CT-REPORT-LATE": (
        (("periods",), N_("Monthly performance reports were received after their due day: {periods}.")),
    ),
    "CT-CREDITS-NOT-TAKEN": (
        (
            ("missing",),
            N_("Service credits of {missing} due to the Town were not deducted from the payments."),
        ),
    ),
    "CT-UNIT-PRICE": (
        (("invoice", "rate"), N_("Invoice {invoice} billed a unit price above the bid's rate of {rate}.")),
    ),
    "CT-CREDITS-EXCESS": (
        (
            ("taken", "due"),
            N_("The payments deducted {taken} of service credits, more than the {due} the reports give."),
        ),
    ),
    "CT-PAID-BEFORE-START": (
        (
            ("invoice", "start"),
            N_("Invoice {invoice} was paid before the contract's start ({start})."),
        ),
    ),
    "CT-PAID-AFTER-END": (
        (
            ("invoice", "end"),
            N_("Invoice {invoice} was paid after the end of the contract's term ({end})."),
        ),
    ),
    "CT-ENTRY-INVALID": (
        (
            ("entry",),
            N_(
                "An entry of the contract's follow-up ({entry}) holds a value the follow-up cannot "
                "use; the figures leave it out until it is corrected or removed."
            ),
        ),
    ),
    "CT-NOTICE-LATE": (
        (
            ("start", "limit"),
            N_("A security incident ({start}) was not notified to the Town within {limit} hours."),
        ),
    ),
    "PR-THRESHOLD-EXPIRED": (((), FACT),),
    "T-THRESHOLD-NEAR": (((), FACT),),
    "V-PLATFORM-REQUIRED": (((), FACT),),
    "PR-RANGE": (((), FACT),),
    "PR-CONTRACT-RANGE": (((), FACT),),
    "SW-RANGE": (((), FACT),),
    "SW-OBJECT": (((), N_("The object of the contract is not stated.")),),
    "SW-HOSTED-SLA": (
        (
            (),
            N_(
                "The vendor hosts the solution, but the tender does not state every service level "
                "(availability and response and resolution times)."
            ),
        ),
    ),
    "SW-RECOVERY": (
        (
            (),
            N_(
                "The system is mission-critical, but the tender states no recovery time objective "
                "or no recovery point objective."
            ),
        ),
    ),
    "SW-LIABILITY": (
        (
            (),
            N_("The contract does not cap the vendor's liability at a multiple of the contract value."),
        ),
    ),
    "SW-TERM-HORIZON": (
        (
            (),
            N_(
                "With every renewal, the contract may run longer than the horizon of the total "
                "cost of ownership."
            ),
        ),
    ),
    "SW-ACCEPTANCE": (((), N_("Deliverables are asked for without acceptance testing.")),),
    "SW-ENCRYPTION": (
        (
            (),
            N_(
                "The system holds personal information or is hosted by the vendor, but the tender "
                "does not require encryption in transit and at rest."
            ),
        ),
    ),
    "SW-CYBER-INSURANCE": (
        (
            (),
            N_("The vendor hosts the Town's data, but the tender requires no cyber and privacy insurance."),
        ),
    ),
    "C-NO-CRITERIA": (((), N_("The tender states no criteria.")),),
    "C-ALL-POINTS": (
        (
            ("pct", "needed", "count"),
            N_(
                "The pass threshold ({pct}%) needs every optional point ({needed} of {count}): "
                "quality no longer separates the qualified bids."
            ),
        ),
    ),
    "C-FEW-OPTIONAL": (
        (
            ("count",),
            N_(
                "Optional criteria: {count}, fewer than 4; the quality score barely separates the qualified bids."
            ),
        ),
        ((), N_("The tender has no optional criterion: price alone separates the qualified bids.")),
    ),
    "C-UNVERIFIABLE": (
        (
            ("count", "total"),
            N_(
                "Optional criteria the technical committee cannot verify: {count} of {total}, more "
                "than half of the quality points."
            ),
        ),
    ),
}
"""Finding code → the record's sentences, tried in order (see the module docstring)."""

UNKNOWN = N_("A point the checks raise against the guide's principle: “{principle}”")
"""The sentence of a code :data:`SENTENCES` does not know (never the code, never its message)."""


def _params(project: Project, f: Finding, lang: str) -> dict[str, object]:
    """The finding's parameters, and those the record derives from its field: ``count``
    (a counted message's number), ``item`` (a governance statement), ``family`` and
    ``title`` (a clause), ``number`` (a criterion named by a coverage finding)."""
    params: dict[str, object] = dict(f.params)
    if isinstance(f.text, Plural):
        params.setdefault("count", f.text.n)
    address = parse_address(f.field)
    if f.code in ("K-REMOVED", "K-REQUIRED"):
        family = next((fam for fam in FAMILIES.values() if fam.removed == f.text), None)
        if family is not None:
            params["family"] = tr(family.title, lang)
    if f.code == "K-RENDER":
        clause_id = f.param("clause_id") or f.param("clause")
        known = clauses.catalogue().get(clause_id)
        if known is not None:
            params["title"] = known.title(lang, project)
    if address.kind == "governance" and address.row:
        item = next((g for g in project.governance if str(g.id) == address.row), None)
        if item is not None and item.key in GOVERNANCE_ITEMS:
            params["item"] = tr(GOVERNANCE_ITEMS[item.key], lang)
    if f.code == "S-COVER":  # the criterion, as the tender numbers it (a Localized)
        params["number"] = params.get("criterion", "")
    return params


def sentence(project: Project, f: Finding, lang: str) -> str:
    """What the record says of finding ``f`` in ``lang``: a statement of fact."""
    params = _params(project, f, lang)
    for needs, msgid in SENTENCES.get(f.code, ()):
        if all(params.get(name) not in (None, "") for name in needs):
            return f.message(lang) if msgid is FACT else tr(msgid, lang, **params)
    return tr(UNKNOWN, lang, principle=f.principle_text(lang) or tr(STEPS[f.step].title, lang))


def subject(project: Project, field: str, lang: str) -> str:
    """What a finding on ``field`` is about, named as the documents name it: "Criterion
    M-5", "Scenario S-2", a clause's title, a register row's vendor, an option's name;
    '' for a field of a section (the step column says enough)."""
    address = parse_address(field)
    if not address.row:
        return ""
    if address.kind == "criteria":
        number = criterion_numbers(project, lang).get(_int(address.row))
        return tr("Criterion {number}", lang, number=number) if number else ""
    if address.kind == "scenarios":
        ids = [s.id for s in project.scenarios]
        row = _int(address.row)
        return tr("Scenario {number}", lang, number=scenario_label(ids.index(row) + 1)) if row in ids else ""
    names = {
        "solutions": [(s.id, s.name) for s in project.solutions],
        "tco_options": [(o.id, o.name) for o in project.tco_options],
        "vendor_exchanges": [(e.id, e.vendor) for e in project.vendor_exchanges],
        "jury": [(m.id, m.name) for m in project.jury],
    }.get(address.kind)
    if names is not None:
        return next((one_line(name) for key, name in names if str(key) == address.row), "")
    if address.kind == "clause_choices":
        choice = next((c for c in project.clause_choices if str(c.id) == address.row), None)
        known = clauses.catalogue().get(choice.clause_id) if choice else None
        return known.title(lang, project) if known else ""
    return ""


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1
