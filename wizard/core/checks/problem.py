"""Checks of the problem definition.

Guide principle: before talking to vendors, define the problem to solve — a need the
town must meet, or a question it must evaluate — never a product to buy.

Codes (all on ``problem.statement``):

* ``P-SOLUTION`` (error): an acquisition verb aimed at a product, brand, vendor or
  solution type ("buy a system", "migrer vers Microsoft 365"). After an evaluation
  frame ("evaluate the feasibility of migrating to a cloud suite") a solution *type*
  is accepted; a brand never is.
  A product to acquire may be named as a noun ("the implementation of X", "the adoption
  of X", "an investment in X"), by the money given to it ("to pay for X", "the allocation
  of funds for X"), by its introduction ("introducing X") or by a move to it ("migrate
  from our servers to X"), chosen ("selected X", "X, the low bidder", "a contract
  with X", "X to implement the new system", "a model in which X will host the
  application", « le nouveau système hébergé chez X »), linked
  to a deal by the preposition right before it ("a contract for X", "negotiations with
  X", "offered by X", « confie … à X »), priced as a deal made now in its clause (a
  conditional or a future before the amount, or a quote, a proposal, an offer, money set
  aside: "the X software package would cost $217,718", « l'engagement de la somme de
  192 951,20 EUR … pour 400 licences X »; "X licences cost $40,000 a year" is the price of
  the system in place), carried by a list
  ("the purchase of X and Y") or advocated by a claim that presumes the answer ("X rises
  above all others"); possible product names (:mod:`wizard.core.domain.product_names`)
  count too, and so do names no list knows right after the words of who makes, offers or
  provides a product ("the platform offered by X", « en ayant recours à X »; not a public
  body: « offerte par Emploi-Québec », "offered by Fundy Community College"), and so does an English noun compound whose head is a purchase ("the permit
  software selection", "the payroll system implementation"). A name's role rests on the
  structure of its sentence (:func:`_role`), not on its mere presence: a name no acquisition, replacement or choice word aims at is
  described, not bought, and taken as the system in place.
  Not a request: the history of the current system (a past verb then a date: "Installed
  in 2016, these switches …", a date with its month: "In September 2015, X, Inc.
  acquired Y", the pluperfect: « la Ville avait acheté X », an infinitive governed by a
  past tense in a dated sentence: "On January 26, 2018, Council approved a modification
  to upgrade the system"), a French past governing the acquisition word (« a procédé à la
  migration … afin de remplacer X », « était une des premières à adopter … »; a past
  decision or award still asks unless the sentence is dated in the past: « a décidé de
  troquer X pour Y »), a participle after the noun it describes ("X installed on the
  workstations", « les équipements achetés lors de la transition vers X », "the firm hired
  to upgrade the system"), how the Town buys today ("The City currently purchases X
  products under an agreement"), a change argued against (a gerund then a hardship:
  "transitioning to X would be costly"), and, in a sentence that avoids competition, a
  purchase named as a noun or a vendor no verb aims at (the object and the counterparty
  of the bypass: P-BYPASS says it once).
* ``P-INCUMBENT`` (info): a brand named only as the *current* system ("our 20-year-old
  X can no longer …", "the City currently uses X"). A separate code, so it can be
  justified on its own: describe the needs, not the incumbent, and keep the name out of
  the criteria. The current system is also named without the word "current": as the
  object of a replacement ("replace X with Y", "the replacement of X", "migrate from X",
  « en remplacement de X », « passant de X à Y », « l'abandon de X au profit de Y »,
  « quitter X pour passer sur Y », « troquer X pour Y »: Y is
  the product to acquire, even when X is no name: "replace our payroll software with Y"),
  by its history (a past purchase with its year: "The City purchased the X system in
  2007", a choice in the pluperfect: « nous avions retenu X »), by a termination ("terminate
  its contract with X", « résilier le contrat avec X », « délaisser X au profit de Y »), by its trouble or its
  end ("problems with X", "X has a very high licensing fee", "end of support", « fin du
  support », « l'obsolescence de X ») or by its holder ("still has"). An acquisition word before a
  cost noun ("licensing fee") is not a request, nor a participle used as an adjective
  ("the installed system is a X"); a past replacement or change with its year is history
  ("In 2007, X was replaced with Y": both in place). A verb of use right before a name
  ("because the City currently uses X") and a renewal, an extension or a continuation in
  its clause ("renew the agreement with X", "the continuation of the agreements with X",
  "a contract amendment with X, extending the term") name the system in place, even in a
  sentence that avoids competition, and what a renewal keeps is not a request ("renewing
  the X licences"); a counted plural ("123 licences X") is what the Town holds. An extension
  keeps the system in place only when it renews it now: an option in a new contract ("with
  the option to extend the term"), the extension of a project under way ("extend the project
  by eight months", "the project extension to complete go-live of the new X") and its planned
  dates ("go-live … in April 2022") are the acquisition, and an amendment or a change order
  with a vendor ("a change order with X") is a deal made now.
  A name no list knows (:func:`_unlisted_names`: capitalised words in neither dictionary,
  not at a clause's start, no acronym, person, place, owner (after a bare "of" or « de », a
  possessive), facility of the Town's, date or word of the town's own name)
  counts only as the system in place, and only with a cue of it: the object of a
  replacement, a renewal or a termination, a verb of use right before it, a word of the
  current system just before it ("the two programs currently used, X and Y", "an extension
  of the existing service agreement with X").
* ``P-BYPASS`` (error): wording that avoids open competition: waived or skipped
  tenders, sole or single source, co-operative or group purchasing, piggybacking a state
  or interlocal contract, standing offers and framework agreements (« entente-cadre »,
  « regroupement d'achats »), joining a purchasing group or another body's agreement ("join
  the UMQ group purchase", « adhérer au regroupement de l'UMQ », « à l'entente du CAG »),
  proprietary justification, « fournisseur exclusif »;
  co-operative, joint or intergovernmental procurement agreements and programs, an
  exception to the bidding process, a contract awarded by another agency or bids taken
  by one, one supplier named as the only one ("sole distributor", "a single supplier",
  "no third party product", « seule la société »), the purchasing rules waived
  ("Purchasing By-law … be waived"), « marché complémentaire », exclusive rights as the
  reason for a negotiated procedure (« droits d'exclusivité »), a product
  that "may only be purchased from" one vendor (« uniquement auprès de »), a waiver whose
  object is a competitive rule ("Waive Board Policy A-87, which requires competitive
  procurement"), a state contract or bid under any name ("the State Purchasing Contract",
  "Western State Contracting Alliance", "through State bid"), a public framework ("the
  Government Procurement Service framework"), pooled buying power, an urgency invoked
  (« invoquant une situation d'urgence »), one supplier by exclusive availability or
  ownership ("available only through X", "the owner of the proprietary software"). "Purchasing"
  before an organisation noun ("Cooperative Purchasing Program", "purchasing power") is
  not an acquisition verb, and in such a sentence a passive verb ("may only be purchased
  from X") names the object of the bypass, not a request.
* ``P-PRESUME`` (warning): presumes the answer: the best, an industry standard (or
  "meets industry standards"), the most robust, proven, a saving, even as a possibility
  ("saves time and money", "can result in savings", "yield substantial savings", "less
  costly", "save on maintenance", "volume discounts", « génèrent des économies de volume »,
  « faire des économies », « économise 100 000 $ », « une économie importante », « des
  économies de câblage »), the best by a verb ("best meets the needs"), a discount
  ("discounted pricing"),
  the cheapest, or licence-only costs, a saving stated as an amount in any tense ("will save
  $40,000", « 76 500 € seront économisés », « un gain de 150 euros par poste »).
* ``P-NEED`` (info): no need verb ("I need to", "j'ai besoin de", "evaluate the
  benefits and feasibility of").
* ``P-SCOPE`` (warning): the statement names one unit while fewer than two units are
  involved in the scope step: the need is probably organizational — widen the scope.
* ``P-MISSING`` (info): no statement yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, brand_finding, brands_of, finding
from wizard.core.checks.known_names import known_names
from wizard.core.checks.problem_terms import (
    ACQUIRE,
    ARGUED_BEFORE,
    BYPASS,
    CHOSEN_AFTER,
    CHOSEN_BEFORE,
    CHOSEN_IN_SENTENCE,
    CURRENT,
    ENDED,
    EVALUATION_FRAME,
    HARDSHIP,
    HISTORY,
    MONTHS,
    NEED,
    PAST_YEAR,
    PRESUME,
    RENEWED,
    REPLACED,
    REPLACED_BY,
    SOLUTION,
    UNITS,
)
from wizard.core.checks.restate import NEED_WORDINGS, guess_language, suggest_restatement
from wizard.core.checks.wording import any_match, fold, sentence_bounds
from wizard.core.domain import brands, product_names
from wizard.core.i18n import N_
from wizard.core.i18n.languages import binding_language
from wizard.core.model import Project

FIELD = "problem.statement"
_WINDOW = re.compile(r"(?:\W*\w+){1,8}")
_INVOLVED = ("affected", "beneficiary")
_PAST = re.compile(r"(?:ed|ought|e|ee|es|ees|is)$")

__all__ = ["check_problem", "guess_language", "solution_targets", "suggest_restatement"]


def solution_targets(statement: str, extra: object = (), own: str = "") -> tuple[list[str], list[str]]:
    """(targets, incumbents) in a statement.

    ``targets``: the words an acquisition verb aims at (a brand or a solution type), and
    brands named outside any sentence about the current system;
    ``incumbents``: brands named in a sentence about the current system (:data:`CURRENT`)
    without being aimed at. Possible product names count as brands; ``own`` is the town's
    own name (:attr:`~wizard.core.model.sections.ProjectInfo.organization`), none of whose
    words is a product's: a name no list holds (a possible name, a maker's, an unlisted one)
    with a word of it is no name here ("the current Shediac portal" in the Town of Shediac);
    a listed brand stays one.
    """
    reading = read_statement(statement, extra, own)
    return reading.targets, reading.incumbents


class NameRole(NamedTuple):
    """A name found in a statement, the role it was given and the rule that gave it."""

    match: brands.Match
    listed: bool  # a name of the list (or the project's own), not a possible name
    role: str  # "target", "incumbent" or "" (neither)
    rule: str  # which step decided: "replaced", "aimed", "replacing", "list", or a :func:`_role` rule


class Reading(NamedTuple):
    """What :func:`solution_targets` read in a statement: its targets and incumbents, each
    name with its role, and the solution types an acquisition word aims at (no name)."""

    targets: list[str]
    incumbents: list[str]
    names: list[NameRole]
    types: list[str]


def read_statement(statement: str, extra: object = (), own: str = "") -> Reading:
    """:func:`solution_targets` with the role of each name and the rule that decided it
    (the corpus's counts of causes, ``tests/corpus/measure.py --confusion``)."""
    folded = fold(statement)
    known = brands.detect_brands(statement, extra)  # type: ignore[arg-type]
    own_words = _own_words(own)
    possible = [m for m in product_names.possible_names(statement, known) if not _owned(m, own_words)]
    found = sorted([*known, *possible], key=lambda m: m.start)
    made = [m for m in _maker_names(statement, folded, found) if not _owned(m, own_words)]
    new = _unlisted_names(statement, folded, [*found, *made], own_words)
    unlisted = {m.start for m in new}  # names no list knows: only a cue of the system in place decides them
    made += new
    if made:
        found = sorted([*found, *made], key=lambda m: m.start)
    targets: list[str] = []
    types: list[str] = []
    aimed: set[int] = set()
    silenced: set[int] = set()  # aimed at, asked for by nobody: a bypass's object, a change argued against
    bypassed = _bypass_sentences(folded)
    replaced, replacing = _replacements(statement, folded, found)
    renewed: list[tuple[int, int]] = []  # what a renewal or an extension keeps in place
    for word in _renewals(folded, 0, len(folded)):
        _start, stop = _period_bounds(folded, word.start(), _CLAUSE_STOP)
        renewed.append((word.start(), stop))
        replaced.update(m.start for m in found if word.end() <= m.start < stop)
    for verb in ACQUIRE.finditer(folded):
        start, stop = sentence_bounds(folded, verb.start())
        window = _WINDOW.match(folded, verb.end(), stop)
        if (
            not window
            or (any(a <= verb.start() < b for a, b in renewed) and _noun_form(folded, verb))
            or _cost(folded, verb)
            or _service(folded, verb)
            or _attributive(folded, verb)
            or _counted(folded, verb)
        ):
            continue
        if (
            _history(folded, verb, stop)
            or _past_infinitive(folded, verb)
            or _habitual(folded, verb)
            or _postposed(statement, folded, verb)
            or ((start, stop) not in bypassed and _french_past(statement, folded, verb, start))
        ):
            # a name of the current system's history is an incumbent
            replaced.update(m.start for m in found if window.start() <= m.start < window.end())
            continue
        if (
            (start, stop) in bypassed and (_noun_form(folded, verb) or _passive(folded, verb))
        ) or _argued_against(folded, verb, stop):
            held_back = [m.start for m in found if window.start() <= m.start < window.end()]
            aimed.update(held_back)
            silenced.update(held_back)
            continue
        hit = [
            m
            for m in found
            if window.start() <= m.start < window.end()
            and m.start not in replaced
            and m.start not in unlisted
        ]
        left = (
            _LEFT_FROM.search(folded, hit[0].end, window.end())
            if hit and _CHANGE.match(verb.group())
            else None
        )
        if left:
            # "upgrade to Y from existing X": what follows "from" is the system left
            replaced.update(m.start for m in hit if m.start >= left.end())
            hit = [m for m in hit if m.start < left.end()]
        if hit:
            aimed.update(m.start for m in hit)
            left_names = [m for m in found if verb.start() <= m.start < hit[0].start and m.start in replaced]
            # "Replace X with Y": the target is Y, the system left (X) is no target
            first = hit[0].start if left_names else verb.start()
            targets.append(statement[first : hit[-1].end])
            continue
        noun = SOLUTION.search(folded, window.start(), window.end())
        framed = EVALUATION_FRAME.search(folded, start, verb.start())
        if noun and not framed:
            # "remplacer X par une nouvelle version": the system left (X) is no target
            left_behind = any(verb.start() <= m.start < window.start() and m.start in replaced for m in found)
            targets.append(statement[window.start() if left_behind else verb.start() : noun.end()].strip())
            types.append(targets[-1])
    compounds = _compounds(statement, folded, bypassed)
    targets.extend(compounds)
    types.extend(compounds)
    for m in found:
        if m.start in replacing and m.start not in aimed and m.start not in unlisted:
            aimed.add(m.start)
            targets.append(m.name)
    incumbents: list[str] = []
    role: dict[int, str] = {}  # a name's start → "target", "incumbent" or "" (neither)
    rule: dict[int, str] = {}  # a name's start → the step that decided its role
    previous: brands.Match | None = None
    for m in found:
        if m.start in replaced:
            role[m.start], rule[m.start] = "incumbent", "replaced"
        elif m.start in aimed:
            role[m.start], rule[m.start] = "aimed", "replacing" if m.start in replacing else "aimed"
        elif (
            previous is not None
            and role.get(previous.start)
            and (
                _LIST_LINK.fullmatch(folded, previous.end, m.start)
                or _MAKER_LINK.fullmatch(folded, previous.end, m.start)
                or _SAME_LINK.fullmatch(folded, previous.end, m.start)
            )
        ):
            # a list carries the role of its first name ("the purchase of X and Y"), a
            # product its maker's ("X, developed and marketed by Y"), an acronym in brackets
            # the name it abbreviates ("a contract for Environmental Systems Research
            # Institute (ESRI)")
            role[m.start], rule[m.start] = role[previous.start], "list"
        else:
            role[m.start], rule[m.start] = _role(folded, m, bypassed)
        if m.start in unlisted and not _cued(folded, m, role[m.start], rule[m.start]):
            role[m.start] = ""  # no cue of the system in place: no name for this check
        previous = m
    for m in found:
        if role[m.start] == "target":
            targets.append(m.name)
        elif role[m.start] == "incumbent":
            incumbents.append(m.name)
    listed = {m.start for m in known}
    names: list[NameRole] = []
    for m in found:
        if m.start in unlisted and not role[m.start]:
            continue
        if role[m.start] == "aimed" and m.start in silenced and not any(m.name in t for t in targets):
            names.append(NameRole(m, m.start in listed, "", "silenced"))
        else:
            given = "target" if role[m.start] in ("target", "aimed") else role[m.start]
            names.append(NameRole(m, m.start in listed, given, rule[m.start]))
    return Reading(targets, list(dict.fromkeys(incumbents)), names, types)


_MADE_BY_WORDS = (
    r"\b(?:(?:made|developed|offered|provided|supplied|sold|supported|hosted|maintained|built|designed)"
    r"(?: and \w+)? by|(?:offert|fourni|developpe|concu|heberge|maintenu|edite|distribue|vendu)e?s? par"
    r"|(?:recours|appel) (?:a|au))\s+"
)
_MADE_BY = re.compile(_MADE_BY_WORDS + r"(?:the |le |la |les |l')?$")
_MADE_BY_ANYWHERE = re.compile(_MADE_BY_WORDS)
"""Right before a name, who makes, offers or provides it ("the platform offered by X",
« en ayant recours à X »): the place of a vendor's name."""
_NAME_RUN = re.compile(r"[A-Z][\w&+]*(?:[-.][\w&+]+)*(?:\s+[A-Z][\w&+]*(?:[-.][\w&+]+)*){0,3}")
_ORGANISATION = frozenset(
    ["college", "university", "universite", "cegep", "school", "ecole", "institute", "institut", "ministry"]
    + ["ministere", "agency", "agence", "commission", "board", "service", "services", "department"]
    + ["government", "gouvernement", "authority", "council", "conseil", "hospital", "hopital", "library"]
)
"""The head of an organisation's name ("Fundy Community College", « Cégep », "Ministry"): a
public body or a school, whose name after "offered by" is no vendor."""


def _public_run(run: str) -> bool:
    """True when a capitalised run names a public body rather than a vendor, read as the brand
    side reads one (:mod:`wizard.core.domain.product_names`): a word of a public body or a
    utility (county, city, town, « MRC », "Hydro-…", UMQ …) or an organisation's head
    (College, Université, Cégep, Ministry, Service …) anywhere in it, or a place joined to a
    word by a hyphen (« Emploi-Québec », « Loto-Québec »)."""
    for word in run.split():
        folded = fold(word)
        parts = folded.split("-")
        if product_names._public(word) or any(
            p in product_names._PUBLIC_BODY or p in _ORGANISATION for p in parts
        ):
            return True
        if len(parts) > 1 and any(p in product_names._PLACES for p in parts):
            return True
    return False


def _maker_names(statement: str, folded: str, found: list[brands.Match]) -> list[brands.Match]:
    """Names no list knows where a problem statement puts a vendor: right after the words of
    who makes, offers or provides a product ("la plateforme offerte par X", « en ayant
    recours à X », "developed by X"): a capitalised run whose first word is in neither
    dictionary and that names no public body (:func:`_public_run`: « offerte par Emploi-Québec »,
    "offered by Fundy Community College"). Their role is then read like any name's
    (:func:`_role`)."""
    if not _MADE_BY_ANYWHERE.search(folded):
        return []
    taken = [(m.start, m.end) for m in found]
    names: list[brands.Match] = []
    for run in _NAME_RUN.finditer(statement):
        if any(s < run.end() and run.start() < e for s, e in taken):
            continue
        if brands.ordinary_word(run.group().split()[0]) or _public_run(run.group()):
            continue
        if _MADE_BY.search(folded, max(0, run.start() - 60), run.start()):
            names.append(brands.Match(run.group(), run.start(), run.end(), run.group()))
    return names


_CUES = frozenset(["replaced", "used", "list"])
_CURRENT_NEAR = re.compile(
    r"\b(?:current(?:ly)?|existing|legacy|old|outdated|obsolete|in use|actuel\w*|existant\w*|en place)\b"
)


def _cued(folded: str, m: brands.Match, role: str, rule: str) -> bool:
    """Whether a cue of the system in place decides a name no list knows (:func:`_unlisted_names`):
    the object of a replacement, a renewal or a termination ("replaced"), a verb of use right
    before it ("used"), a list whose first name is one of these ("list"), or a word of the
    current system in the 40 characters before it ("The two programs currently used, Recpro
    and Recware"); the looser words of the system in place anywhere in its clause ("our",
    "does not", "support of") are no cue for a name a shape alone found."""
    if role != "incumbent":
        return False
    if rule in _CUES:
        return True
    return rule == "current" and bool(_CURRENT_NEAR.search(folded, max(0, m.start - 40), m.start))


_UNLISTED_RUN = re.compile(r"[A-Z][\w&+’']*(?:[-.][\w&+]+)*(?: [A-Z][\w&+’']*(?:[-.][\w&+]+)*){0,3}")
_CLAUSE_OPENING = ".:;!?•-–—«\"“'’("
_PERSON_BEFORE = re.compile(
    r"\b(?:mr|mrs|ms|dr|m|mme|mlle|director|mayor|manager|chief|councill?or|commissioner|superintendent|president"
    r"|supervisor|clerk|officer|chair|according to|selon|maire|mairesse|directeur|directrice|conseillere?"
    r"|elue?|deputee?|ministre|presidente?)\.?,?\s+$"
)
_PERSON_AFTER = re.compile(
    r",?\s+(?:said|says|told|explained|added|noted|stated|wrote|asked|a dit|a declare|a explique|a souligne"
    r"|a indique|explique|souligne|precise)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:in|at|near|a|en|rue|avenue|boulevard|chemin|route|rang)"
    r"|(?:city|town|county|village|township|state|province|region|district|university|ville|municipalite|commune"
    r"|mrc|comte|canton|agglomeration|universite|departement|conseil general) (?:of|de|du|des|d'))\s*(?:la |le |l')?$"
)
_OF_BEFORE = re.compile(r"\b(?:of|de|du|des|d')\s*(?:the |la |le |l')?$")
_PRODUCT_OF = re.compile(
    r"\b(?:replacements?|renewals?|extensions?|continuation|termination|cancellation|use|versions?|release"
    r"|licen[cs]es?|subscriptions?|installation|instance|remplacement|renouvellement|prolongation|reconduction"
    r"|resiliation|abandon|retrait|migration|utilisation|sortie|licences?|abonnements?)"
    r"(?:\s+(?:actuel|existant|ancien|install)\w*)?\s+(?:of|de|du|des|d')\s*(?:the |la |le |l')?$"
)
"""Before "of" / « de », a noun whose complement is a product, not a place or an owner ("the
replacement of X", "the current version of X", « le remplacement de X », « la version actuelle
de X »)."""
_POSSESSIVE = re.compile(r"\w['’]s$")
_FACILITIES = frozenset(
    ["arena", "rink", "pool", "library", "hall", "park", "museum", "cemetery", "marina", "airport"]
    + ["courthouse", "landfill", "school", "reservoir", "depot", "garage", "yard", "campus", "clinic"]
)
"""A facility of a town: after a name or in its run ("the Greenfield arena", "Westlake Memorial
Arena"), the name is the Town's place, not a product's."""
_FACILITY_AFTER = re.compile(
    r"\s+(?:(?!(?:to|for|and|or|in|on|at|by|with|from|the|a|an|is|are|was|were|which|that|who)\s)[a-z]+\s+)?"
    r"(?:"
    + "|".join(sorted(_FACILITIES | {"portal", "kiosk", "schedule", "binder", "centre", "center", "station"}))
    + r")s?\b"
)
"""Right after a name, perhaps after one word of what it is, a facility or a thing of the
Town's (:data:`_FACILITIES`, a portal, a kiosk, a schedule, a binder, a centre, a station: "the
existing Westmorland arena kiosk", "the current Greenfield arena schedule")."""
_VISITED_BEFORE = re.compile(
    r"\b(?:call|calls|called|calling|phone|phones|phoned|phoning|telephone|telephones|telephoned|visit|visits"
    r"|visited|visiting|email|emails|emailed|e-mail|e-mails|e-mailed|contact|contacts|contacted|contacting|fax"
    r"|faxes|faxed|(?:drive|drives|drove|driving|travel|travels|travelled|traveled|go|goes|went|walk|walks"
    r"|walked|commute|commutes) to|appeler|appelle|appellent|appele|appeles|telephoner a|telephone a"
    r"|telephonent a|contacter|contacte|contactent|joindre|joignent|visiter|visite|visitent"
    r"|communiquer avec|communique avec|communiquent avec|se rendre a|se rendent a|se rend a)"
    r"\s+(?:the |le |la |les |l')?$"
)
"""Right before a name, a verb whose object is a person or a place ("call", "visit", "drive to",
« appeler », « se rendre à »): "Staff currently call Bathurst" names no product."""
_STREET_AFTER = re.compile(r"\s+(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|lane|way)\b")
_CALENDAR = frozenset(
    [*MONTHS.split("|"), "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    + ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
)
"""Months (:data:`~wizard.core.checks.problem_terms.MONTHS`), their abbreviations and days: a
date, not a name ("Nov. 23")."""


def _own_words(own: str) -> frozenset[str]:
    """The words of the town's own name (``own``, the organization) that could be taken for a
    product's: longer than two letters and in no dictionary ("Shediac" of "Town of Shediac";
    not "Town" nor "of", which a vendor's name may hold)."""
    return frozenset(fold(w) for w in re.findall(r"\w+", own) if len(w) > 2 and not brands.ordinary_word(w))


def _owned(m: brands.Match, own_words: frozenset[str]) -> bool:
    """Whether a name no list holds has a word of the town's own name (:func:`_own_words`):
    "the current Shediac portal" in the Town of Shediac is the Town's, no product."""
    return bool(own_words) and any(fold(w) in own_words for w in re.findall(r"\w+", m.name))


def _unlisted_names(
    statement: str, folded: str, found: list[brands.Match], own_words: frozenset[str] = frozenset()
) -> list[brands.Match]:
    """Candidate product names no list knows, for the problem check only: a run of
    capitalised words, not at the start of a sentence or a clause, whose first word is in
    neither dictionary and no word of the town's own name (``own_words``), not an acronym in
    capitals alone (a department, a programme or a standard as often as a product: "ICT",
    "PBX", "SDLN"), not of ordinary parts ("In-house"), no public body
    (:func:`_public_run`), no date ("Nov."), no person (a title or a role before it,
    "said" after it, two plain words: "Director Don Vogt", "Matthieu Theurier"), no place
    (after "in", « à », a street: "on Bruce Street"), no place or owner after a bare "of" or
    « de » (« le portail de Dieppe », « le chiffrier de Gagnon »; not after a noun whose
    complement is the product: "the replacement of X", "the current version of X",
    :data:`_PRODUCT_OF`), no owner by a possessive ("Moncton's portal", "LeBlanc's binder"),
    no name of a facility of the Town's (:data:`_FACILITY_AFTER`: "the existing Westmorland
    arena kiosk"), and no person or place one calls, visits or drives to ("Staff currently
    call Bathurst", :data:`_VISITED_BEFORE`). They are read like
    any name, but :func:`read_statement` keeps one only when a cue of the system in place
    decides it (:data:`_CUES`: "The two programs currently used, Recpro and Recware",
    "an extension of an existing IT service agreement with HLB System Solutions"); no
    acquisition word aims at one, and one no cue decides is no name at all: a shape alone
    cannot tell a product from a person or a place (tests/corpus/README.md, "A tenth round,
    problem side")."""
    taken = [(m.start, m.end) for m in found]
    names: list[brands.Match] = []
    for run in _UNLISTED_RUN.finditer(statement):
        text = run.group()
        words = text.split()
        first = words[0]
        before = statement[max(0, run.start() - 12) : run.start()].rstrip()
        if (
            not before  # the start of the statement
            or before[-1] in _CLAUSE_OPENING
            or text.replace(" ", "").isupper()
            or any(s < run.end() and run.start() < e for s, e in taken)
            or brands.ordinary_word(first)
            or product_names._known(first)
            or all(len(p) <= 2 or brands.ordinary_word(p) for p in re.split(r"[-.’']", first))
            or any(fold(w).strip(".") in _CALENDAR for w in words)
            or any(fold(w) in own_words for w in re.findall(r"\w+", text))
            or _public_run(text)
        ):
            continue
        if (
            _PERSON_BEFORE.search(folded, max(0, run.start() - 30), run.start())
            or _PERSON_AFTER.match(folded, run.end())
            or (len(words) > 1 and all(w[:1].isupper() and w[1:].islower() for w in words))
        ):
            continue
        if _PLACE_BEFORE.search(folded, max(0, run.start() - 16), run.start()) or _STREET_AFTER.match(
            folded, run.end()
        ):
            continue
        if _OF_BEFORE.search(folded, max(0, run.start() - 8), run.start()) and not _PRODUCT_OF.search(
            folded, max(0, run.start() - 30), run.start()
        ):
            continue
        if _POSSESSIVE.search(text):
            continue
        if _FACILITY_AFTER.match(folded, run.end()) or any(fold(w) in _FACILITIES for w in words[1:]):
            continue
        if _VISITED_BEFORE.search(folded, max(0, run.start() - 24), run.start()):
            continue
        names.append(brands.Match(text, run.start(), run.end(), text))
    return names


_COMPOUND_HEAD = re.compile(
    r"s?\s+(?:implementation|selection|procurement|acquisition|purchase|replacement|upgrade|deployment|rollout"
    r"|roll-out|migration|installation|conversion|refresh)\b"
)


def _compounds(statement: str, folded: str, bypassed: set[tuple[int, int]]) -> list[str]:
    """Solution types named by an English noun compound whose head is a purchase ("the
    permit software selection", "the payroll system implementation", "a phone system
    replacement"): the head comes last, so they ask for the type as "the selection of
    software" does. Not in a sentence that avoids competition (its object), nor one dated in
    the past, nor before a cost noun ("system implementation costs")."""
    found: list[str] = []
    for noun in SOLUTION.finditer(folded):
        head = _COMPOUND_HEAD.match(folded, noun.end())
        if not head:
            continue
        start, stop = sentence_bounds(folded, noun.start())
        if (
            (start, stop) in bypassed
            or _dated(folded, start, stop)
            or EVALUATION_FRAME.search(folded, start, noun.start())
            or _COST_AFTER.match(folded, head.end(), head.end() + 14)
        ):
            continue
        found.append(statement[noun.start() : head.end()])
    return found


_ABBREVIATION = re.compile(r"\b(?:inc|ltd|corp|co|no|st|mr|mrs|dr|vs|e\.g|i\.e|ltee|cie|art)$")
_FULL_STOP = re.compile(r"[.!?\n]+(?:\s|$)")
_CLAUSE_STOP = re.compile(r"[.;!?\n]+(?:\s|$)")


_CHANGE = re.compile(r"(?:upgrad|migrat|switch|mov|transition|convert)")
_LEFT_FROM = re.compile(r"\bfrom\b")
_MAKER_LINK = re.compile(
    r",?\s+(?:a product (?:of|by)|(?:(?:developed|made|marketed|sold|offered|produced|published|distributed)"
    r"(?: and \w+)? by)|(?:developpe|concu|edite|offert|distribue)e?s? par)\s+(?:the\s+)?"
)
_SAME_LINK = re.compile(r"\s*\(\s*")
_LIST_LINK = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b|\bet\b|\bou\b|\s)+\s*")


def _role(folded: str, m: brands.Match, bypassed: set[tuple[int, int]]) -> tuple[str, str]:
    """The role of a name no acquisition or replacement word aims at, by the structure of
    its sentence, first rule that applies:

    1. its history: a past year in its clause ("selected in 2012", "placed with X in April
       2005"), a choice or a purchase in the pluperfect (« nous avions retenu X »), or a renewal, an
       extension or a continuation there (:data:`RENEWED`: "securing continued access",
       "a contract amendment with X, extending the term"; an amendment alone may add a
       product: "amend the agreement with X to install cameras"; an option of a new
       contract or the extension of a project under way is none, :func:`_renewals`, and a
       year told as a plan is no history, :func:`_future_date`) → "incumbent";
    2. the object of a verb of use or holding ("the City currently uses X", « utilise
       X ») → "incumbent", even in a sentence that avoids competition (the system in place
       is the usual reason given for a sole source); the counterparty of a bypass (a
       sentence that avoids competition, even where a choice word names it: "a contract
       was awarded to X" after "bids were taken by the Cooperative") → "" (P-BYPASS says
       it);
    3. chosen: a choice word next to it ("selected X", "X, the low bidder") or an
       acquisition verb it is the agent of ("X to implement the new system") → "target";
       else the seller after "from" in a sentence that asks to buy, or the
       vendor of a contract made now ("execute a contract … with X") → "target";
    4. the current system: a word of the system in place in its clause (:data:`CURRENT`)
       → "incumbent";
    5. a contract, offer, award, amendment or change order linked to it by the preposition
       right before it ("a contract for X", "negotiations with X", "offered by X", « confie …
       à X », "a change order with X"), a choice
       word ("a contract with", "requesting its implementation", "the new system") or a
       claim that presumes the answer ("X is an industry standard") in its clause, unless
       told as a finding or a result before it (:data:`_CLAIM_DONE`: "staff has found that
       X's systems are very reliable": the system in place), an
       introduction with an indefinite article ("a software product titled X"), or a
       future right after it, the name being the subject of what is to come ("X will
       host the application") → "target";
    6. an amount of money in its clause, the price of a deal made now: a conditional or a
       future right before it ("the X software package would cost $217,718", « coûterait »)
       or a deal word in the clause (a quote, a proposal, an offer, a bid, money set aside or
       budgeted, « soumission », « l'engagement de la somme de ») → "target"; a present or
       past price ("X licences cost $40,000 a year", "X fees rose to $9,500") is what the
       system in place costs, no deal (:func:`_priced`);
    7. otherwise the name is described, not bought: the system in place → "incumbent".

    Returns the role and the rule that gave it ("dated", "pluperfect", "used", "bypass",
    "chosen", "deal", "current", "choice", "claimed", "future", "priced", "fallback").
    """
    start, stop = _period_bounds(folded, m.start, _CLAUSE_STOP)  # "X Inc. on May 1, 2022"
    if _dated(folded, start, stop) or next(_renewals(folded, start, stop), None):
        return "incumbent", "dated"
    if _PLUPERFECT.search(folded, start, m.start):
        return "incumbent", "pluperfect"  # « nous avions retenu X », "the City had selected X"
    if _USED_BEFORE.search(folded, max(start, m.start - 40), m.start):
        return "incumbent", "used"  # "sole source because the City currently uses X"
    if sentence_bounds(folded, m.start) in bypassed or _period_bounds(folded, m.start) in bypassed:
        return "", "bypass"
    if _chosen(folded, m) or _agent(folded, m, stop):
        return "target", "chosen"
    if _seller(folded, m, start) or _NEW_CONTRACT.search(folded, max(0, m.start - 90), m.start):
        return "target", "deal"
    if any(not _future_date(folded, c, start) for c in CURRENT.finditer(folded, start, stop)):
        return "incumbent", "current"
    if _CONTRACT_LINK.search(folded, max(start, m.start - 140), m.start) or _AMENDMENT_LINK.search(
        folded, max(start, m.start - 140), m.start
    ):
        return "target", "deal"
    if CHOSEN_IN_SENTENCE.search(folded, start, stop):
        return "target", "choice"
    if any(
        (claim := p.search(folded, start, stop)) and not _CLAIM_DONE.search(folded, start, claim.start())
        for p in PRESUME
    ):
        return "target", "claimed"
    if _INTRODUCED.search(folded, max(0, m.start - 50), m.start) or _FUTURE_AFTER.match(folded, m.end, stop):
        return "target", "future"
    if _priced(folded, start, stop):
        return "target", "priced"  # "the X software package would cost $217,718"
    return "incumbent", "fallback"


_CLAIM_DONE = re.compile(
    r"\b(?:(?:has|have|had) (?:\w+ )?(?:found|saved|allowed|enabled|proven|proved|shown|been)"
    r"|(?:found|saved|allowed|enabled|proved|showed) (?:that|the|us|it)"
    r"|(?:a|ont|avait|avaient) (?:\w+ )?(?:permis|fait|genere|realise|degage|economise|montre|prouve))\b"
)
"""A claim told as a finding or a result, before it in its clause ("Staff has found that X's
systems are very reliable", « cette bascule vers X a permis de faire économiser »): what is
told is the system in place, no choice."""


_MONEY = r"(?:[$€]\s?\d|\d(?:[\d,.]|\s(?=\d))*\s?(?:\$|€|eur\b|euros\b|francs\b|chf\b|dollars\b))"
_PRICED = re.compile(_MONEY)
"""An amount of money ("$217,718", « 192.951,20 EUR », « 134 000 $ »)."""
_PRICE_TO_COME = re.compile(
    r"\b(?:(?:would|will|shall|is to|are to|(?:is|are) (?:expected|estimated) to)\s+(?:\w+\s+){0,2}?"
    r"(?:cost|total|be|amount to|come to|run)"
    r"|(?:couter|s'elever|ser)(?:ait|aient|a|ont)|(?:va|vont|devrait|devraient) (?:couter|s'elever|etre))\b"
    rf"[^.;:!?]{{0,30}}?{_MONEY}"
)
"""A price to come: a conditional or a future right before the amount ("the X software package
would cost $217,718", "will total $9,000", « coûterait 3 000 $ », « le coût sera de 3 000 $ »)."""
_PRICE_DEAL = re.compile(
    r"\b(?:quot(?:e|es|ed|ation|ations)|proposals?|offers?|bids?|set aside|allocated|budgeted|earmarked|appropriated"
    r"|reserved|soumissions?|offres?|propositions?|devis|engagement (?:de|d'une|des) (?:la )?(?:somme|depense|credit)s?"
    r"|(?:reserv|affect|prev)(?:e|ee|es|ees) (?:pour|a|au|aux))\b"
)
"""A deal made now, the amount in its clause being its price: a quote, a proposal, an offer, a
bid, money set aside or budgeted (« soumission », « offre », « proposition », « devis »,
« l'engagement de la somme de … », « réservée pour »). A provider's participle is no offer:
"offered by", « offerte par »."""


def _priced(folded: str, start: int, stop: int) -> bool:
    """True when the clause ``folded[start:stop]`` prices a deal made now: an amount of money
    with a conditional or a future before it (:data:`_PRICE_TO_COME`), or an amount and a
    deal word (:data:`_PRICE_DEAL`). A present or past price is what the system in place
    costs ("X licences cost $40,000 a year", "X charges $8 per employee", "X fees rose to
    $9,500"), no deal: the name is left to the fallback."""
    if not _PRICED.search(folded, start, stop):
        return False
    return bool(_PRICE_TO_COME.search(folded, start, stop) or _PRICE_DEAL.search(folded, start, stop))


_OPTIONAL_BEFORE = re.compile(
    r"\b(?:options?|optional|potential|possible|possibly|may|might|could|can|automatic(?:ally)?|renewable"
    r"|eventuel\w*|possibilite|pourra|pourront|peut|peuvent)\b[^.;]{0,40}$"
)
_PROJECT_AFTER = re.compile(
    r"(?:\s+(?:the|this|its|our|a|an|le|la|les|du|de|l')\b)?(?:\s+[\w'-]+){0,3}?\s+(?:project|implementation|go-live"
    r"|rollout|roll-out|deployment|schedule|timeline|projet|implantation|deploiement|echeancier)s?\b"
)


def _renewals(folded: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """The renewal and extension words between ``start`` and ``stop`` that keep the system
    in place. Not one that is a term of a new contract ("with the option to extend the
    term", "two potential one-year extensions", "may be renewed"), nor one whose object is
    a project under way ("extend the project by eight months", "the project extension to
    complete go-live of the new X"): what a project brings is still to acquire."""
    for word in RENEWED.finditer(folded, start, stop):
        if _OPTIONAL_BEFORE.search(folded, max(0, word.start() - 50), word.start()):
            continue
        if _PROJECT_AFTER.match(folded, word.end()) or re.search(
            r"\b(?:project|projet)s?\s+$", folded[max(0, word.start() - 12) : word.start()]
        ):
            continue
        yield word


_FUTURE_AFTER = re.compile(
    r"(?:\s*\([^)]{0,40}\))?"
    + r",?\s+(?:will|shall|would|is to|are to|va|vont|pourra|pourront|devra|devront)\b"
)
"""Right after a name, a future or a modal: the name is the subject of what is to come
("a model in which X will host the application", « X va fournir »), the vendor chosen."""
_PLUPERFECT = re.compile(
    r"\b(?:had|avait|avaient|avions|aviez|avais)(?: (?:deja|already|previously|alors))? (?:been |ete )?"
    r"(?:[\w'-]+ )?(?:select\w*|chose\w*|award\w*|purchas\w*|acquir\w*|bought|install\w*|implement\w*|deploy\w*"
    r"|retenu\w*|choisi\w*|achete\w*|acqui\w*|implant\w*|deploye\w*|adopte\w*|accorde\w*|octroye\w*"
    r"|attribue\w*|confie\w*|adjuge\w*|signe\w*)\b"
)
"""Before a name in its clause, a choice or a purchase in the pluperfect (« nous avions
retenu X », "the City had selected X"): told as the past of the story, the system in
place."""


_FUTURE_MARK = re.compile(
    r"\b(?:will|shall|expected|scheduled|planned|targeted|anticipated|slated|intends?|go-live|go live"
    r"|prevue?s?|d'ici|devra|devront|sera|seront)\b"
)


def _future_date(folded: str, date: re.Match[str], start: int) -> bool:
    """A year told as a plan: a future or a word of schedule before it in its clause
    ("to complete go-live of the new X in April 2022", "expected to go live in 2024"),
    not the history of what the Town has."""
    if not PAST_YEAR.fullmatch(folded, date.start(), date.end()):
        return False
    return bool(_FUTURE_MARK.search(folded, max(start, date.start() - 80), date.start()))


def _dated(folded: str, start: int, stop: int) -> bool:
    """A past year or date in the clause, not one told as a plan (:func:`_future_date`)."""
    return any(not _future_date(folded, d, start) for d in PAST_YEAR.finditer(folded, start, stop))


_FROM_BEFORE = re.compile(r"\bfrom (?:the )?$")
_USED_BEFORE = re.compile(
    r"\b(?:uses|used|using|utili[sz]\w*|relies on|relying on|runs|owns|operates|possede\w*)"
    r"\s+(?:the |its |their |our |le |la |les |l'|son |sa |ses )?$"
)
"""Right before a name, a verb of use or holding: the system in place."""
_CONTRACT_LINK = re.compile(
    r"\b(?:contracts?|agreements?|proposals?|quotes?|quotations?|bids?|offers?|awards?|awarded|negotiations?"
    r"|purchase orders?|subscriptions?|leases?|sign(?:s|ed|ing)?|contrats?|ententes?|mandats?|soumissions?|offres?"
    r"|confi\w*|sign(?:er|e|ons|ent)"
    r"|octroi\w*|adjug\w*)\b[^.;:!?]{0,120}?\b(?:with|for|to|from|by|avec|a|au|aux|par)\s+(?:the\s+|la\s+|le\s+|l')?$"
)
"""Before a name, a contract, an offer or an award linked to it by the preposition right
before it ("a software contract for X", "negotiations with X", "the proposal … offered by
X", "award a contract for the supply of … to X", « confie … à X »): the name is the
counterparty of a deal made now, the vendor chosen (a deal of the system in place says so
with a word of :data:`CURRENT`, tested first)."""
_AMENDMENT_LINK = re.compile(
    r"\b(?:change orders?|amendments?|addend(?:um|a)|avenants?|modifications? (?:au|du) contrat|contracts?"
    r"|agreements?|contrats?|ententes?)\b(?:[^.;:!?]|(?<=\bno)\.|(?<=\binc)\.|(?<=\bltd)\.){0,120}?"
    r"\b(?:with|to|for|avec|a|au|aux)\s+(?:the\s+|la\s+|le\s+|l')?$"
)
"""Before a name, an amendment or a change order linked to it ("a change order with X",
"Amendment No. 1 to the agreement with X"): a deal made now, like a contract."""
_BUY = re.compile(r"\b(?:buy|purchase|acquire|procure|order|lease|obtain)\b")
_INTRODUCED = re.compile(
    r"\b(?:a|an|un|une) (?:[\w-]+ ){0,3}?(?:titled|called|named|known as|appele\w*|nomme\w*|intitule\w*)\s+\W?$"
)


def _seller(folded: str, m: brands.Match, start: int) -> bool:
    """The name follows "from" in a sentence whose verb asks to buy ("purchase eleven
    computers … from X"): the seller chosen. A past or perfect purchase ("has been
    purchasing from X") is history and does not count."""
    return bool(_FROM_BEFORE.search(folded, max(0, m.start - 10), m.start)) and any(
        not _PERFECT.search(folded, max(0, b.start() - 30), b.start())
        for b in _BUY.finditer(folded, start, m.start)
    )


_AGENT_LINK = re.compile(r"\b(?:to|will|shall|pour|afin de|afin d'|va|vont)\b")


def _agent(folded: str, m: brands.Match, stop: int) -> bool:
    """The name is the agent of an acquisition verb close after it ("staff from X to
    implement the new system", "X will install", « X pour implanter »): the vendor chosen."""
    verb = ACQUIRE.search(folded, m.end, min(stop, m.end + 50))
    return verb is not None and _AGENT_LINK.search(folded, m.end, verb.start()) is not None


def _period_bounds(folded: str, pos: int, stops: re.Pattern[str] = _FULL_STOP) -> tuple[int, int]:
    """The sentence around ``pos`` up to the ``stops`` (full stops by default), not those
    of abbreviations ("Tyler Technologies, Inc. for …"); :data:`_CLAUSE_STOP` also ends
    it at a semicolon (the clause of a name, :func:`_role`)."""
    start, stop = 0, len(folded)
    for m in stops.finditer(folded):
        if _ABBREVIATION.search(folded, max(0, m.start() - 5), m.start()):
            continue
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            stop = m.start()
            break
    return start, stop


def _chosen(folded: str, m: brands.Match) -> bool:
    """A choice word next to the name: the product or vendor chosen ("selected X",
    "awarded to X", "X, the low bidder", "X was selected", « retenir X »)."""
    return bool(
        CHOSEN_BEFORE.search(folded, max(0, m.start - 60), m.start)
        or CHOSEN_AFTER.match(folded, m.end, min(len(folded), m.end + 60))
    )


_NEW_CONTRACT = re.compile(
    r"\b(?:enter\w* into|execut\w*|sign\w*|negotiat\w*|approv\w*|award\w*|conclu\w*|signer|approuv\w*)"
    r" (?:[\w'-]+ ){0,3}?(?:contracts?|agreements?|leases?|contrats?|ententes?)"
    r" (?:[\w'-]+ ){0,6}?(?:with|avec) (?:the )?$"
)
"""A verb that makes a contract, then the vendor ("execute a contract on behalf of the
town with X", « conclure une entente avec X »): the vendor chosen, even where the
sentence speaks of the system it replaces."""


def _replacements(statement: str, folded: str, found: list[brands.Match]) -> tuple[set[int], set[int]]:
    """(replaced, replacing): the starts of the names a replacement word leaves and of
    those it brings. The object of "replace", "the replacement of", "migrate from",
    « en remplacement de », « passant de », « l'abandon de » is the system in place
    (P-INCUMBENT); a name after "with", "by", "to", « par », « à », « au profit de »
    within eight words is the product to acquire (P-SOLUTION)."""
    replaced: set[int] = set()
    replacing: set[int] = set()
    for word in ENDED.finditer(folded):
        # what a termination ends, and its partner after "with", is the system in place
        _start, stop = sentence_bounds(folded, word.start())
        window = _WINDOW.match(folded, word.end(), stop)
        if window:
            replaced.update(m.start for m in found if window.start() <= m.start < window.end())
    for word in REPLACED.finditer(folded):
        _start, stop = sentence_bounds(folded, word.start())
        window = _WINDOW.match(folded, word.end(), stop)
        if not window:
            continue
        inside = [m for m in found if word.end() <= m.start < window.end()]
        if not inside:
            continue
        if _BY_FIRST.match(folded, word.end()):
            # the passive: "X was replaced with Y", « remplacé par Y »: Y replaces
            bucket = replaced if _past_with_year(folded, word, _start, stop) else replacing
            bucket.update(m.start for m in inside)
            continue
        ahead = _BY_AHEAD.search(folded, word.end(), inside[0].start)
        if (
            ahead
            and (" " in word.group() or _ahead_ok(ahead))
            and not _CAPITALIZED.search(statement, word.end(), ahead.start())
        ):
            # "replace our payroll software with Y", « remplacer le logiciel de paie par Y »:
            # the system left is no name, the first name comes after the "with"
            after = _WINDOW.match(folded, ahead.end(), stop)
            if after:
                bucket = replaced if _past_with_year(folded, word, _start, stop) else replacing
                bucket.update(m.start for m in found if after.start() <= m.start < after.end())
            continue
        by = REPLACED_BY.search(folded, inside[0].end, window.end())
        first = [m for m in inside if m.start < (by.start() if by else window.end())]
        replaced.update(m.start for m in first)
        if by:
            after = _WINDOW.match(folded, by.end(), stop)
            if after:
                # a past replacement with its year is history: both systems are in place
                bucket = replaced if _past_with_year(folded, word, _start, stop) else replacing
                bucket.update(m.start for m in found if after.start() <= m.start < after.end())
    return replaced, replacing - replaced


_BY_FIRST = re.compile(r"\s+(?:with|by|par)\b")
_CAPITALIZED = re.compile(r"\b[A-Z]\w")
"""A capitalized word: between "replace" and "with", a name the lists may not know
("replace Keystone (current software) with Y"), so "with" does not settle the roles."""
_BY_AHEAD = re.compile(r"\b(?:with|par|au profit (?:de|du|des|d')|vers|to|into|a|au|aux)\b")
"""Between a replacement word and its first name, the word that names what replaces it:
the system left is not named ("replace our payroll software with Y")."""


def _ahead_ok(ahead: re.Match[str]) -> bool:
    """ "with", « par », « au profit de » name what replaces after any replacement word; "to",
    « à », « vers » only after a word of departure ("migrate from … to Y", « passer de …
    à Y »), whose match holds a space: a bare "replace" then "to" is a purpose."""
    return ahead.group() in ("with", "par", "vers") or ahead.group().startswith("au profit")


def _past_with_year(folded: str, word: re.Match[str], start: int, stop: int) -> bool:
    """A past tense ("replaced", "transitioned") in a sentence with a past year and no
    modal before it: the history of the systems in place ("In 2007, X was replaced with
    Y")."""
    return (
        word.group().split()[0].endswith("ed")
        and not _FUTURE.search(folded, max(0, word.start() - 24), word.start())
        and bool(PAST_YEAR.search(folded, start, stop))
    )


def _bypass_sentences(folded: str) -> set[tuple[int, int]]:
    """The bounds of the sentences holding bypass wording. In them, a purchase named as a
    noun is the object of the bypass ("The procurement of X comes via a proprietary
    justification", « contrats de gré à gré pour l'acquisition de logiciels ») and a brand
    no verb aims at is the counterparty ("waiving the bid and approving the contract with
    X"): reported once, as P-BYPASS. A verb ("Buy X without a tender") stays a request."""
    spans: set[tuple[int, int]] = set()
    for p in BYPASS:
        for m in p.finditer(folded):
            # the sentence, and the sentence that ignores the full stops of abbreviations
            # ("… to Courval Scheduling Inc. (CSched).")
            spans.add(sentence_bounds(folded, m.start()))
            spans.add(_period_bounds(folded, m.start()))
    return spans


_NOUN = re.compile(
    r"(?:procurement|implementation|acquisition|introduction|deployment|purchase|replacement|adoption"
    r"|achats?|renouvellement|remplacement|installation|implantation|deploiement|migration"
    r"|abonnement|investissement|investments?|licen[cs]es?)\b"
)
_ARTICLE = re.compile(
    r"(?:\b(?:the|a|an|this|its|le|la|les|un|une|ce|cet|cette|du|des|de)\s+(?:[a-z-]+\s+){0,3}|\b[ld]')$"
)


def _noun_form(folded: str, verb: re.Match[str]) -> bool:
    """True when the acquisition word is a noun: after an article and at most three
    modifiers ("a direct purchase", "the sole source purchase"), or followed by "of" / « de »
    ("the procurement of", « l'achat par … »)."""
    if not _NOUN.match(verb.group()):
        return False
    return (
        bool(_ARTICLE.search(folded, max(0, verb.start() - 40), verb.start()))
        or bool(re.match(r"\s+(?:of|de|d'|des|du)\b", folded[verb.end() : verb.end() + 5]))
        or verb.group().endswith((" of", " in"))
    )


_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were|est|sont|etre|sera|seront)\s+(?:\w+\s+)?$")


def _passive(folded: str, verb: re.Match[str]) -> bool:
    """True when the acquisition verb is a past participle in the passive voice ("may only
    be purchased from X", « sera acheté »): in a sentence that avoids competition, it names
    the object of the bypass, not a request."""
    return bool(_PAST.search(verb.group().split()[0])) and bool(
        _PASSIVE.search(folded, max(0, verb.start() - 20), verb.start())
    )


_YEAR_LATER = re.compile(
    r"\W+(?:[\w'-]+\W+){0,8}?(?:in|on|since|around|en|depuis|vers) (?:\w+,? ){0,2}?(?:19|20)\d\d\b"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|would|to|must|should|sera|seront|doit|doivent)\s+(?:be\s+|etre\s+)?(?:\w+\s+)?$"
)
_COST_AFTER = re.compile(
    r"\s+(?:fees?|costs?|prices?|pricing|model|structure|terms|renewals?|cycle|agreements?|contracts?|keys?"
    r"|frais|couts?|prix|tarifs?|ententes?|contrats?)\b"
)


def _history(folded: str, verb: re.Match[str], stop: int) -> bool:
    """A past acquisition verb then a date or an age: the history of the current system
    ("Installed in 2016, these switches …", « acquis en 2009 »), not a request. An English
    past tense may name its object before the date ("The City purchased the X system in
    2007") or follow one ("In 2016, the vendor transitioned to X"), unless a modal makes
    it a plan ("will be installed in 2027"). The perfect is done, not asked for ("the City
    has been purchasing computers from X", "has installed X")."""
    head = verb.group().split()[0]
    if _PLUPERFECT_AUX.search(folded, max(0, verb.start() - 30), verb.start()):
        return True  # « la Ville avait acheté X »: the pluperfect tells the past
    if head.endswith(("ed", "ing", "ought")) and _PERFECT.search(
        folded, max(0, verb.start() - 30), verb.start()
    ):
        return True  # "has been purchasing from X", "has installed X": done, not asked for
    if not _PAST.search(head):
        return False
    if HISTORY.match(folded, verb.end(), stop):
        return True
    if not head.endswith(("ed", "ought")) or _FUTURE.search(folded, max(0, verb.start() - 24), verb.start()):
        return False
    if _YEAR_LATER.match(folded, verb.end(), stop):
        return True
    # a past year earlier in the sentence ("In 2016, the vendor transitioned to X"), whose
    # full stops of abbreviations do not end it ("In September 2015, X, Inc. acquired Y")
    start, _stop = sentence_bounds(folded, verb.start())
    start = min(start, _period_bounds(folded, verb.start())[0])
    return bool(PAST_YEAR.search(folded, start, verb.start()))


_PLUPERFECT_AUX = re.compile(
    r"\b(?:avait|avaient|avions|aviez|avais)(?: (?:deja|alors))? (?:ete )?(?:[\w'-]+ )?$"
)
_GOVERNING_PAST = re.compile(
    r"\b(?:\w+ed|approved|authori[sz]ed|decided|agreed|voted|began|chose|sought"
    r"|embarked on (?:a|an) (?:[\w-]+ )?(?:project|plan|effort))(?: (?:[\w#()'-]+ ){0,8}?)?to $"
)
_HABITUAL_BEFORE = re.compile(
    r"\b(?:currently|presently|already|typically|usually|normally|routinely|actuellement|presentement|deja)\s+$"
)


def _past_infinitive(folded: str, verb: re.Match[str]) -> bool:
    """An infinitive of acquisition governed by a past tense in a sentence dated in the past
    ("On January 26, 2018, Council approved a modification to upgrade the system"): the
    history of what the Town has, not a request."""
    if not _GOVERNING_PAST.search(folded, max(0, verb.start() - 80), verb.start()):
        return False
    start, stop = _period_bounds(folded, verb.start())
    return bool(PAST_YEAR.search(folded, start, stop))


_FRENCH_PAST = re.compile(
    r"\b(?:(a|ont|avait|avaient)(?: (?:deja|egalement|aussi|alors|donc|ainsi|recemment))? (\w+)"
    r"|etait|etaient|fut|furent)\b"
)
_RELATIVE_OPEN = re.compile(r"\b(?:qui|dont|lequel|laquelle|lesquels|lesquelles)\b[^,;:.!?]*$")
_IRREGULAR_PARTICIPLE = frozenset(
    {"fait", "permis", "pris", "mis", "eu", "entrepris", "acquis", "conclu", "obtenu", "su"}
)
_DECISION = re.compile(
    r"\b(?:decid|choisi|retenu|opt[ea]|resolu|vot[ea]|approuv|autoris|adopt|accept|demand|propos|enterin|ratifi"
    r"|octroy|accord|adjug|confi[ea]|sign[ea]|mandat|lanc|entam|amorc|prepar|commenc|initi)\w*"
)
_FRENCH_LATER = re.compile(r"\b(?:\w+(?:ra|ront|rait|raient)|va|vont|doit|doivent|faudrait|faut)\b")


def _french_past(statement: str, folded: str, verb: re.Match[str], start: int) -> bool:
    """An acquisition word governed by a French past earlier in its sentence (a passé
    composé, a pluperfect or an imperfect: « a procédé à la migration … afin de remplacer
    … », « a fait migrer … vers X », « était une des premières à adopter … en 2018 »): the
    history of what the Town has. A past decision or award (« a décidé de troquer », « a
    entériné un contrat pour … ») still asks, unless the sentence is dated in the past
    (« Début 2008, la Ville a accordé deux contrats à X pour le déploiement de … »)."""
    past = None
    end = verb.start()
    for m in _FRENCH_PAST.finditer(folded, start, end):
        # ``fold`` keeps the length: a position in ``folded`` is the same in ``statement``
        if m.group(1) == "a" and statement[m.start(1)] not in "aA":
            continue  # « à côté », « à proximité »: a preposition, not the auxiliary « a »
        if _relative(folded, m, start, end):
            continue  # « la Ville, qui était satisfaite de X, souhaite … »: not the main clause
        word = m.group(2)
        original = statement[m.start(2) : m.end(2)] if word else ""
        if word is None or original.endswith(("é", "ée", "és", "ées", "É")) or word in _IRREGULAR_PARTICIPLE:
            past = m
    if past is None or _FRENCH_LATER.search(folded, past.end(), verb.start()):
        return False
    if _DECISION.search(folded, past.start(), end):
        sentence = _period_bounds(folded, verb.start())
        return _dated(folded, *sentence)
    return True


def _relative(folded: str, past: re.Match[str], start: int, end: int) -> bool:
    """A French past inside a relative clause that a comma closes before ``end`` (« La
    Ville, qui était satisfaite de X jusqu’ici, souhaite remplacer … »): it tells of the
    antecedent, and leaves the main clause's tense to the main verb."""
    return bool(_RELATIVE_OPEN.search(folded, start, past.start())) and "," in folded[past.end() : end]


def _habitual(folded: str, verb: re.Match[str]) -> bool:
    """An acquisition verb right after an adverb of the present state ("The City currently
    purchases X under an agreement", « déjà acheté »): how the Town buys today, what
    it has, not a request."""
    return bool(_HABITUAL_BEFORE.search(folded, max(0, verb.start() - 30), verb.start()))


_PERFECT = re.compile(r"\b(?:has|have|had)(?: (?:already|previously|always|long|recently))? (?:been )?$")
_SERVICE_BEFORE = re.compile(
    r"\b(?:product|software|system|version|security|future|annual|minor|major|periodic|regular|free)\s+$"
)


def _service(folded: str, verb: re.Match[str]) -> bool:
    """A plural acquisition noun in a list of services ("system software support, product
    upgrades, and maintenance"): what a support contract includes, not a request."""
    head = verb.group().split()[0]
    return head.endswith("s") and bool(
        _SERVICE_BEFORE.search(folded, max(0, verb.start() - 12), verb.start())
    )


_DETERMINER_BEFORE = re.compile(r"\b(?:the|our|its|their|this|these|those)\s+$")


def _attributive(folded: str, verb: re.Match[str]) -> bool:
    """A past participle between a determiner and its noun is an adjective ("the installed
    system is a X"): it describes what is in place, it asks for
    nothing."""
    word = verb.group()
    return (
        " " not in word
        and word.endswith("ed")
        and bool(_DETERMINER_BEFORE.search(folded, max(0, verb.start() - 8), verb.start()))
    )


_AUXILIARY_BEFORE = re.compile(
    r"\b(?:be|been|being|is|are|was|were|am|has|have|had|having|will|would|shall|should|can|could|may|might"
    r"|must|to|not|never|also|and|or|but|which|that|who|it|we|they|he|she|i|you|staff|council|city|town|county"
    r"|board|district|department|village|township|municipality|we've|they've"
    r"|a|ont|avait|avaient|avons|avez|ai|as|eu|ete|est|sont|etait|etaient|sera|seront|etre|avoir|fut|soit|ne|pas"
    r"|qui|que|qu'il|elle|ils|elles|nous|vous|on|ville|municipalite|commune|conseil)\W*$"
)
_PREPOSITION_AFTER = re.compile(
    r"\s*(?:,|\(|\b(?:on|in|at|during|by|from|under|for|through|since|with|over|as|last|previously|earlier"
    r"|originally|lors|en|par|pour|avec|dans|sur|depuis|chez|aupres|il y a)\b)"
)
_FRENCH_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|acquis|acquise|acquises)$", re.IGNORECASE)


def _postposed(statement: str, folded: str, verb: re.Match[str]) -> bool:
    """A past participle of acquisition right after the noun it describes, then a
    preposition ("the equipment purchased during the transition to X", "currently has X
    installed on the workstations", « les équipements achetés lors de … »): a reduced
    relative clause, what the Town has or had, not a request. A finite past or a passive
    has its subject or auxiliary right before it ("the City purchased", "was installed")."""
    head = verb.group().split()[0]
    original = statement[verb.start() : verb.start() + len(head)]
    governing = re.search(r"\b(\w+ed) to $", folded[max(0, verb.start() - 30) : verb.start()])
    if governing and not _AUXILIARY_BEFORE.search(
        folded[max(0, verb.start() - 60) : verb.start() - len(governing.group())]
    ):
        return True  # "the software company hired to upgrade the system": its mission, told
    if not (head.endswith("ed") or head == "bought" or _FRENCH_PARTICIPLE.search(original)):
        return False
    if " " in verb.group() and not head.endswith("ed"):
        return False
    before = folded[max(0, verb.start() - 30) : verb.start()]
    if not re.search(r"[\w)\"'»”]\s+$", before) or _AUXILIARY_BEFORE.search(before):
        return False
    return bool(_PREPOSITION_AFTER.match(folded, verb.start() + len(head)))


_NUMBER_BEFORE = re.compile(r"\b\d+(?:[ ,.]\d+)*\s+$")


def _counted(folded: str, verb: re.Match[str]) -> bool:
    """A number before a plural acquisition word makes it a counted noun ("123 licences MS
    Project", « 55 licences serveurs »): what the Town holds, not a request. A singular
    after a number is a numbered heading ("10.10 Achat d'une banque d'heures")."""
    head = verb.group().split()[0]
    return head.endswith("s") and bool(_NUMBER_BEFORE.search(folded, max(0, verb.start() - 12), verb.start()))


def _cost(folded: str, verb: re.Match[str]) -> bool:
    """An acquisition word before a cost, terms or contract noun ("licensing fee",
    "purchase price", "license agreement"): what the current system costs or is held
    under, not a request."""
    return bool(_COST_AFTER.match(folded, verb.end(), verb.end() + 14))


def _argued_against(folded: str, verb: re.Match[str], stop: int) -> bool:
    """A gerund or infinitive of acquisition then a hardship in its sentence, or a frame
    before the verb that argues against it: the change is argued against, not asked for
    ("transitioning to X would be costly", « il serait inapproprié … d'acquérir »)."""
    head = verb.group().split()[0]
    gerund = head.endswith("ing") or head.startswith(("migrer", "passer", "remplacer", "basculer"))
    if gerund and HARDSHIP.search(folded, verb.end(), stop):
        return True
    start, _stop = sentence_bounds(folded, verb.start())
    return bool(ARGUED_BEFORE.search(folded, start, verb.start()))


def _involved_units(project: Project) -> int:
    return sum(1 for unit in project.business_units if unit.role in _INVOLVED)


def _scope_finding(project: Project, folded: str) -> Finding | None:
    named = [key for key, pattern in UNITS.items() if pattern.search(folded)]
    if len(named) != 1 or _involved_units(project) >= 2:
        return None
    return finding(
        "P-SCOPE",
        Severity.WARNING,
        N_(
            "The statement speaks for one unit only. Ask which other units share this need "
            "(scope step): it is often organizational."
        ),
        FIELD,
        principles.SCOPE,
    )


def check_problem(project: Project) -> list[Finding]:
    """Findings of the problem step; see the module docstring for the codes."""
    statement = project.problem.statement
    if not statement.strip():
        return [
            finding(
                "P-MISSING",
                Severity.INFO,
                N_("Write the problem statement: what the town needs to be able to do."),
                FIELD,
                principles.NEED,
            )
        ]
    folded = fold(statement)
    # a suggested wording is in the statement's language, whatever the message's
    wording_language = guess_language(statement, binding_language(project))
    found: list[Finding] = []
    targets, incumbents = solution_targets(statement, known_names(project), project.info.organization)
    if targets:
        found.append(
            finding(
                "P-SOLUTION",
                Severity.ERROR,
                N_(
                    "The statement targets a solution instead of a need: \u201c{target}\u201d. "
                    "Say what the town must be able to do; for example: {suggestion}"
                ),
                FIELD,
                principles.NEED,
                target=targets[0],
                suggestion=suggest_restatement(statement, wording_language),
            )
        )
    if incumbents:
        found.append(
            brand_finding(
                "P-INCUMBENT",
                Severity.INFO,
                N_(
                    "The statement names {brands}. Describe the needs, not the current system, "
                    "and keep this name out of the criteria."
                ),
                FIELD,
                incumbents,
            )
        )
    bypass = any_match(BYPASS, folded)
    if bypass:
        found.append(
            finding(
                "P-BYPASS",
                Severity.ERROR,
                N_(
                    "The statement avoids open competition (\u201c{words}\u201d). Every vendor "
                    "must get the chance to bid."
                ),
                FIELD,
                principles.COMPETITION,
                words=statement[bypass.start() : bypass.end()],
            )
        )
    presume = any_match(PRESUME, folded)
    if presume:
        found.append(
            finding(
                "P-PRESUME",
                Severity.WARNING,
                N_(
                    "The statement presumes the answer (\u201c{words}\u201d): that a solution is the "
                    "best or the cheapest, or that only licences cost. The market scan and the "
                    "total cost of ownership will tell."
                ),
                FIELD,
                principles.TCO,
                words=statement[presume.start() : presume.end()],
            )
        )
    if not any_match(NEED, folded):
        found.append(
            finding(
                "P-NEED",
                Severity.INFO,
                N_("State the need with a need verb: \u201c{need}\u201d or \u201c{evaluate}\u201d."),
                FIELD,
                principles.NEED,
                need=NEED_WORDINGS[wording_language][0],
                evaluate=NEED_WORDINGS[wording_language][1],
            )
        )
    scope = _scope_finding(project, folded)
    if scope:
        found.append(scope)
    return found


STATEMENT_NAME_ROLES = {"P-SOLUTION": "target", "P-INCUMBENT": "incumbent"}
"""The statement's findings about a name, and the role its name has (:class:`Reading`)."""


def unlisted_names_of(f: Finding, project: Project) -> list[str]:
    """The names no list holds yet that the statement's P-SOLUTION aims at (in its
    ``target``) or its P-INCUMBENT names (its ``brands``), in order: what the town may
    confirm as brands (the findings panel's "Add to the brand list"); [] for any other
    finding. Only the finding's own names: the statement is read as the check reads it,
    with the town's own name (no word of which is a product's), and a name of another
    sentence or role is not offered."""
    role = STATEMENT_NAME_ROLES.get(f.code)
    if role is None:
        return []
    reading = read_statement(project.problem.statement, known_names(project), project.info.organization)
    if f.code == "P-INCUMBENT":
        own_names = set(brands_of(f))
        shown = [n.match.name for n in reading.names if n.match.name in own_names]
    else:
        target = f.param("target")
        shown = [
            n.match.name
            for n in reading.names
            if re.search(rf"(?<!\w){re.escape(n.match.name)}(?!\w)", target)
        ]
    candidates = {n.match.name for n in reading.names if n.role == role and not n.listed}
    return list(dict.fromkeys(name for name in shown if name in candidates))
