"""Possible product, vendor and model names that the brand list does not know.

Guide principle: describe the need, not the product. A list of names can never be
complete, so words *shaped* like a product name are warned about as *possible* names;
the list keeps the errors (:mod:`wizard.core.domain.brands`).

A word counts as a possible name when it has a product's shape, or when it is an
unknown capitalised word in product context:

* **shape**: internal capitals ("ONESolution", "TRAKiT", "LANDesk"), letters around
  digits ("Click2Gov3"), a model or part number ("AS400", "PA-3220", "WS-C4500X-32SFP+"),
  or an unknown capitalised word before a model number ("Catalyst 9300", "DPS 7000-420");
* **context**: a capitalised run before a company suffix ("General Datatech LP",
  "Onix Networking Canada Inc."); a capitalised run right after an explicit naming word
  ("a software application called “Card Manager Plus”", "a product titled City Law",
  « appelé », « intitulé »), ordinary
  words or not; an unknown capitalised word after a word that introduces a vendor or a
  product ("la société Infolog", "l'application GEFI", "the reseller Softchoice"),
  before a trade word ("Habilis Conseil", "Ultimate Software"), before a version
  ("OK-MARCHE V2.2", "Zorbix version 7.1"), before a product noun ("Citizenserve
  software"), in the possessive before one ("Novell's Identity Management product"), or
  right after a name found in the possessive ("Ultimate Software's UltiPro").
  A country's or province's name joined to a word is a public service's name
  ("AchatsCanada", "ServiceOntario"): a place, flagged only in product context.
* **quoted**: a run in quotes after a product word (« le programme « E-COURRIER » »,
  'the module "Service Desk Plus"'), ordinary words or not;
* **vendor after "from" / « par »**: an unknown word with a trade word up to two words
  later ("from Daystar Computer Systems"), or ordinary capitalised words ending in a
  trade word (« déposées par Trust Business Systems »); an unknown word before a
  hardware noun ("Zorblex laptops");
* **more product contexts**: an unknown word after a deal with a vendor ("a contract with
  X", "proposals from X", "move forward with X"; not a public body: "an agreement with
  Douglas County"), after a migration or trouble word ("migrate
  from X", « passant de X à », « au profit d'X », "problems with X"), after a user or
  customer word (« utilisateur de X », "a customer of X"), with its edition ("Routefinder
  Pro", "X Cloud"), in a list after a name found ("FrontPage et Dreamweaver"); a quoted
  word before a product noun ('"Progress" licensing'); a sentence's first words defined
  as a product ("Money est un logiciel …"); a firm and its initials before a company
  suffix ("Meyers Norris Penny (MNP) LLP").
* **names no list knows** (issue 19, fifth round): a vendor and its price in a quote
  ("quote- IT Right, $325/ Office Depot, $166"; in a list of prices without a quote word,
  only a name ending in a trade word: "Z Solutions $1062/"); a French firm's name with its
  trade first (« Groupe CLR », « Technologies Carecity »); a name joined by a slash to a
  name of the list ("Motorola/Baycom"); one unknown word after a study made by a firm
  ("an assessment conducted by Gartner", « une étude commandée … à Unilog »); a short
  model name after an unknown maker ("INNES Tab10s", "Evolis Tatto RW2"; not a postal
  code, "J8X").

Not names: a reference number after "no", « n° », "#", "invitation", "contract", "project",
"by-law" …, a word with six digits in a row ("BPM011334") or a year between hyphens
("TM-2009-001"); a run that ends in "Project", "Program", "Plan" … (a project's title); an inflection of an ordinary word
("Licensed"); a hyphenated word of ordinary parts or a generic e-word ("E-Ticketing");
administrative nouns before a street or room number ("Division 215").

"Unknown" means not an ordinary word (``resources/brands/ordinary_words.txt``, the
words of the app's own English and French texts; ``tools/ordinary_words.py``), not a
standard of the list, not a document word (Section, Chapter, Phase …). Places and people
are unknown words too: they are only reported in product context (docs/cases.md K34).
One pass over the tokens with precompiled patterns: linear in the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, partial

from wizard.core.domain.brands import Match, _in_address, extra_names, fold, load_list, ordinary_word
from wizard.core.paths import resource_path

_TOKEN = re.compile(r"\w[\w+]*(?:[-/.]\w[\w+]*)*\+?")
_CAMEL = re.compile(r"[a-z]{2,}[A-Z]|[a-z][A-Z][a-z]{2,}|[A-Z]{2,}[a-z]{3,}|[A-Z]{3,}[a-z][A-Z]")
_CAMEL_NAME = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O)[A-Z][a-z]|[A-Z]aaS$")
_ACRONYM = re.compile(r"[A-Z]{2,5}s?")
_ALNUM = re.compile(r"[A-Za-z]{2,}\d+[A-Za-z]{2,}\d*")
_HYPHEN_MARKS = {0x2010: "-", 0x2011: "-"}
_MODEL = re.compile(r"[A-Z]{2,5}-?[A-Z]?\d{3,5}[A-Z0-9+]*(?:-[A-Z0-9+]+)*")
_TITLE_END = frozenset(
    [
        "project",
        "projects",
        "program",
        "programs",
        "plan",
        "initiative",
        "committee",
        "strategy",
        "study",
        "projet",
        "comite",
        "etude",
    ]
)  # "the Integrated Systems Project": the title of a project, not a vendor
_VENDOR_BEFORE = re.compile(
    r"\b(?:from|by|par|with|avec|aupres de|chez|to"
    r"|(?:the|a) (?:firm|company|contractor|vendor)|l[’']entreprise|(?:la )?soci[ée]t[ée]|(?:la )?firme)\s+$"
)  # "from", « par », or a firm noun: « l'entreprise Decimal Technologies »
_LEFT_BEFORE = re.compile(
    r"(?:\b(?:(?:migrat|mov|switch|upgrad|convert|transition)\w* (?:away )?from|replac\w*|remplac\w*(?: de| du| des)?"
    r"|en remplacement (?:de|du|des)|(?:passant|migr\w*|bascul\w*) (?:de|du|des)|au profit (?:de|du|des)"
    r"|abandon (?:de|du|des)|problems? with|issues? with)\s+|\b(?:en remplacement |au profit |abandon |passant |migr\w* )d')$"
)
_LEAVING_HINTS = (
    "from",
    "replac",
    "remplac",
    "passant",
    "migr",
    "bascul",
    "profit",
    "abandon",
    "problem",
    "issue",
)
"""A migration or trouble context before an unknown word ("migrate from Zorbix",
« passant de ZORBIX à », « au profit d'Open-Xchange », "the problems with Zorbix"): the
word names a product, the system left or the one that replaces it."""
_LONG_NUMBER = re.compile(r"\d{6,}|-(?:19|20)\d\d-")  # a file, invitation or account number, not a model
_REFERENCE_END = re.compile(
    r"(?:\b(?:no|n[°o]|nº|num[ée]ro|number|invitation|solicitation|contract|contrat|dossier|file|order|po|rfp|rfq"
    r"|project|projet|item|by-?law|resolution|r[ée]solution|ordinance|r[èe]glement|motion)"
    r"\.?|#)[ \u00a0]*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d{3,4}(?:-\d{2,4})?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SUFFIX = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "ltee",
        "limited",
        "lp",
        "llp",
        "sa",
        "sas",
        "sarl",
        "gmbh",
        "corp",
        "corporation",
        "plc",
        "ag",
        "nv",
        "bv",
        "ulc",
    ]
)
_INTRODUCERS = (
    r"(?:la |une )?(?:societe|entreprise|firme|maison|compagnie)|l'(?:entreprise|application|editeur)"
    r"|(?:le |un )?(?:logiciel|progiciel|revendeur|fournisseur|editeur|produit|module)s?|la plate-?forme"
    r"|de type|(?:the |a |an )?(?:reseller|vendor|vender|dealer|manufacturer|integrator|firm|company)"
    # a user, a customer or a commission names the product or the firm: « utilisateur de
    # Zorbix », « commandée à Zorbix », "a customer of Zorbix", "commissioned from Zorbix"
    r"|(?:grands? |gros )?(?:utilisat(?:eur|rice)s?|clients?|abonne(?:e|s|es)?) (?:de|du|d')|(?:commande|confie|attribue|octroye)e?s? a"
    r"|l'annuaire|l'outil|(?:users?|customers?|subscribers?) of|(?:commissioned|licensed|contracted) (?:from|with)"
    r"|(?:the |an? )?(?:product|application|suite|platform) (?:called|named)"
    # French puts the make after the hardware noun: « postes de travail Minitel »
    r"|postes? de travail|serveurs?|ordinateurs?(?: portables?)?|tablettes?|commutateurs?|imprimantes?"
)
_NAMING = re.compile(
    r"(?i)\b(?:called|named|(?:en)?titled|known as|branded|appel[ée]e?s?|nomm[ée]e?s?|d[ée]nomm[ée]e?s?|baptis[ée]e?s?"
    r"|intitul[ée]e?s?)"
    r"[ \u00a0\u202f«\"“'‘]{1,3}"
)
_TITLED = re.compile(r"(?i)(?:en)?titled|intitul")
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:reports?|documents?|sections?|articles?|chapters?|codes?|ordinances?|by-?laws?|polic(?:y|ies)"
    r"|plans?|stud(?:y|ies)|memos?|memorandums?|presentations?|items?|resolutions?|motions?|books?"
    r"|rapports?|etudes?|chapitres?|reglements?|politiques?|preavis|points?|projets?|avis)\b"
)


def _titled_document(low: str, naming: re.Match[str]) -> bool:
    """Whether ``naming`` is "entitled" / « intitulé » after a document word within
    48 characters ("the report entitled “Award of Proposal …”", "Section 35.18 of the
    City's Code of Ordinances is titled …"): the title of a document, not a product's
    name (K34)."""
    if not _TITLED.match(naming.group()):
        return False
    return _DOCUMENT_BEFORE.search(fold(low[max(0, naming.start() - 48) : naming.start()])) is not None


_TRADE = frozenset(
    [
        "software",
        "systems",
        "technologies",
        "technology",
        "solutions",
        "consulting",
        "consultants",
        "networks",
        "informatique",
        "conseil",
        "conseils",
        "logiciels",
        "systemes",
        "technologie",
    ]
)
_VERSION = re.compile(r"[Vv]\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*")
_EDITION = frozenset(
    ["pro", "plus", "enterprise", "cloud", "online", "premium", "professional", "express", "mobile", "server"]
)  # "Routefinder Pro", "Zorbix Cloud": an unknown word and its edition
_LINE_END = frozenset(["plus", "series"])
_TRADE_RUN = _TRADE | {"group", "groupe", "associates", "partners", "products"}
"""Trade words that end a vendor's name made of ordinary words after a vendor word or a firm
noun ("from Copy Products", « l'entreprise Decimal Technologies »)."""

_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+")
_PLACES = frozenset(
    [
        "canada",
        "quebec",
        "ontario",
        "alberta",
        "manitoba",
        "saskatchewan",
        "yukon",
        "nunavut",
        "acadie",
    ]
)
_FIRM_QUALIFIED = re.compile(
    r"(?:^|\W)(?:firme|societe|entreprise|compagnie|maison) (?:de |d'|par |en )(?:[a-z-]+ ){0,2}([a-z-]+) "
    r"(?:\([a-z]{2,5}\) )?$"
)
"""A French firm noun and its trade or its legal form, then a capitalised run (« la firme
d'arpenteurs-géomètres Tremblay Laliberté », « la société par actions simplifiée (SAS)
Atemis »): the run is the firm's name."""
_NOT_QUALIFIER = frozenset(["de", "du", "des", "la", "le", "les", "et", "a", "au", "aux", "en", "par"])
"""A qualifier ends in a noun or an adjective; « la société de transport de Laval » ends in
a preposition before a place."""
_APPOSED_BEFORE = re.compile(
    r"\b(?:vendor|vender|contractor|supplier|reseller|dealer|integrator|manufacturer|firm|company"
    r"|fournisseur|revendeur|integrateur|fabricant|prestataire|firme|societe|entreprise|compagnie)"
    r"(?:, | \()$"
)
"""A vendor noun, then a comma or an opening parenthesis, right before a capitalised run
("the original vendor, Cofile, …", "the contractor (Titan Earthworks)", « le fournisseur,
X, … »): the run is the vendor's name in apposition."""
_INTRODUCER_END = re.compile(rf"(?:^|\W)(?:{_INTRODUCERS})[ \u00a0\u202f«\"“']{{1,3}}$")
_JOINERS = frozenset(" \u00a0-/&")
_OPENING = ("«", '"', "“")
_QUOTE_OPEN = re.compile('[«"“][ \u00a0\u202f]?')
_QUOTED_END = re.compile(
    rf"(?:^|\W)(?:{_INTRODUCERS}|(?:le |un |the |a |an )?(?:programmes?|programs?|applications?|outils?"
    r"|systemes?|systems?|solutions?|modules?|plate-?formes?|platforms?|tools?))"
    r"(?: (?:de |d'|du |des |for |of )?[\w/'-]+){0,5}[ \u00a0\u202f]*[«\"“][ \u00a0\u202f]*$"
)  # « son logiciel de gestion de portail "Lutèce" »: up to five words between
_QUOTED_BEFORE_NOUN = re.compile(
    r"[»\"”][ \u00a0\u202f]+(?:licen[cs](?:e|es|ing)|software|system|application|module|suite|platform"
    r"|logiciels?|progiciels?|application|plate-?forme)\b",
    re.IGNORECASE,
)  # '"Progress" licensing': a quoted word before a product noun
_DEFINED = re.compile(
    r"[ \u00a0]+(?:is|was|est|etait|était) (?:an?|un|une) (?:\w+ )?(?:software|application|platform|logiciel|progiciel"
    r"|application|plate-?forme)\b",
    re.IGNORECASE,
)  # "Money est un logiciel …": a name defined as a product
_NOT_NAMES = frozenset(
    [
        "the",
        "this",
        "that",
        "it",
        "its",
        "our",
        "their",
        "which",
        "le",
        "la",
        "les",
        "ce",
        "cet",
        "cette",
        "il",
        "elle",
        "notre",
        "votre",
        "leur",
        "son",
        "sa",
        "ses",
        "un",
        "une",
    ]
)
_PRODUCT_NOUN = frozenset(
    [
        "software",
        "system",
        "systems",
        "platform",
        "platforms",
        "product",
        "products",
        "suite",
        "application",
        "applications",
        "erp",
        "crm",
        "module",
        "modules",
        "server",
        "servers",
        "switch",
        "switches",
        "router",
        "routers",
        "firewall",
        "firewalls",
        "licenses",
        "licences",
        "portal",
        "logiciel",
        "logiciels",
        "progiciel",
        "progiciels",
        "plateforme",
        "solution",
        "laptop",
        "laptops",
        "computer",
        "computers",
        "desktops",
        "tablet",
        "tablets",
        "camera",
        "cameras",
        "radios",
        "printers",
        "workstations",
        "appliance",
        "appliances",
        "handhelds",
        "terminals",
        "ordinateurs",
        "portables",
        "tablettes",
        "serveurs",
        "commutateurs",
        "imprimantes",
    ]
)
_DOCUMENT_WORDS = frozenset(
    [
        "section",
        "sections",
        "chapter",
        "chapitre",
        "article",
        "articles",
        "page",
        "pages",
        "phase",
        "phases",
        "item",
        "items",
        "resolution",
        "ordinance",
        "bylaw",
        "reglement",
        "account",
        "fund",
        "contract",
        "contrat",
        "agreement",
        "entente",
        "rfp",
        "rfq",
        "rfi",
        "rfsq",
        "no",
        "number",
        "numero",
        "lot",
        "lots",
        "goal",
        "goals",
        "room",
        "salle",
        "suite",
        "unit",
        "floor",
        "route",
        "highway",
        "box",
        "case",
        "file",
        "dossier",
        "title",
        "titre",
        "annex",
        "annexe",
        "appendix",
        "exhibit",
        "schedule",
        "step",
        "etape",
        "division",
        "divisions",
        "department",
        "departments",
        "district",
        "ward",
        "region",
        "village",
        "hall",
        "building",
        "street",
        "avenue",
        "boulevard",
        "road",
        "rue",
        "chemin",
        "bureau",
        "porte",
        "direction",
        "ministere",
        "ministry",
        "agency",
        "fy",
        "cip",
        "covid",
        "ar",
        "po",
        "pw",
        "sb",
        "hb",
        "ab",
        "sr",
        "cc",
        "id",
        "ca",
        "usd",
        "cad",
        "chf",
        "eur",
        "tc",
        "csv",
        "iso",
        "iec",
        "en",
        "csa",
        "nfpa",
        "ulc",
        "seao",
        "cmas",
        "naspo",
        "qc",
        "on",
        "bc",
        "ab",
        "mb",
        "sk",
        "ns",
        "nb",
        "pe",
        "nl",
        "yt",
        "nt",
        "nu",
        "tx",
        "fl",
        "ga",
        "mo",
        "mi",
        "ny",
        "wa",
        "or",
        "az",
        "mn",
        "oh",
        "il",
        "nj",
        "va",
        "nc",
        "sc",
        "tn",
    ]
)


@cache
def ordinary_words() -> frozenset[str]:
    """Folded ordinary words (``resources/brands/ordinary_words.txt``)."""
    with open(resource_path("brands", "ordinary_words.txt"), encoding="utf-8") as handle:
        words = {line.strip() for line in handle if line.strip() and not line.startswith("#")}
    return frozenset(words)


@cache
def _standard_words() -> frozenset[str]:
    return frozenset(
        fold(w) for phrase in load_list().get("standards", []) for w in re.findall(r"\w+", phrase)
    )


_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
"""A roman numeral up to XXXIX in capitals ("II", "IV", "XII")."""


@lru_cache(maxsize=8192)
def _known(word: str) -> bool:
    """An ordinary word, a standard's word or a document word (never a possible name)."""
    low = fold(word)
    if len(low) < 2 or (len(low) == 2 and not word.isupper()):
        return True  # "Le", "La", "In", "On": function words; two-letter names are acronyms ("HP")
    if low in ordinary_words() or low in _standard_words() or low in _DOCUMENT_WORDS:
        return True
    if _ROMAN.fullmatch(word):
        return True  # "Type II", « de type II », "Phase IV": a numeral, no product's name
    if _inflected(low):
        return True  # "Licensed", "Tickets": an inflection of an ordinary word
    parts = low.split("-")
    return len(parts) > 1 and all(
        len(p) < 2 or p in ordinary_words() or _inflected(p) or _GERUND.fullmatch(p) for p in parts
    )


_GERUND = re.compile(r"[a-z]{4,}(?:ing|tion|ment)")  # "E-Ticketing", "e-Permitting": a generic e-word
_ENDINGS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", ""))


def _inflected(low: str) -> bool:
    """True when ``low`` is an ordinary word with an English ending (-s, -ed, -ing)."""
    words = ordinary_words()
    return any(
        low.endswith(end) and len(low) - len(end) >= 3 and low[: len(low) - len(end)] + add in words
        for end, add in _ENDINGS
    )


@lru_cache(maxsize=16384)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=8192)
def _shaped(word: str) -> bool:
    """Internal capitals, letters around digits, or a model or part number."""
    if fold(word) in _standard_words():
        return False
    if _CAMEL.search(word) and not _CAMEL_NAME.search(word):
        # a country's or province's name joined to a word is a public service's name
        # ("AchatsCanada", "ServiceOntario"): a place, flagged only in product context
        return not any(fold(part) in _PLACES for part in _CAMEL_PART.findall(word))
    if _ALNUM.fullmatch(word):
        return True
    if _MODEL.fullmatch(word) and not _LONG_NUMBER.search(word):
        head = re.match(r"[A-Z]+", word)
        return head is not None and fold(head.group()) not in _DOCUMENT_WORDS
    return False


def _inside(pos: int, firsts: list[int], ends: list[int]) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint spans (``firsts``, ``ends``)."""
    k = bisect_right(firsts, pos) - 1
    return k >= 0 and pos < ends[k]


def _separated(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Two tokens in the same name: only a space, a hyphen or a slash between them."""
    start, end = a.end(), b.start()
    if end - start == 1:
        return text[start] in _JOINERS
    return end - start == 2 and text[start] in _JOINERS and text[start + 1] in _JOINERS


def possible_names(text: str, known: Iterable[Match] = ()) -> list[Match]:
    """Possible product, vendor or model names in ``text``, in order, outside ``known``
    spans (the list's matches). ``canonical`` is the name as written. Never raises.

    Only tokens with a capital, a digit or a joining mark can start a name. Linear in
    the text's length."""
    if not text:
        return []
    original = text
    if "\u2010" in text or "\u2011" in text:
        text = text.translate(_HYPHEN_MARKS)  # "QL\u2011820NWB" as typeset: one token, same offsets
    taken = [(m.start, m.end) for m in known]
    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens]
    found: list[Match] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken) and not _in_address(text, start)

    def add(first: int, last: int) -> None:
        start, end = tokens[first].start(), tokens[last].end()
        if free(start, end):
            found.append(Match(original[start:end], start, end, original[start:end]))
            taken.append((start, end))

    # the ends of explicit naming words ("called", "known as", « appelé »)
    low = text.lower()
    named = (
        {m.end() for m in _NAMING.finditer(text) if not _titled_document(low, m)}
        if any(
            h in low
            for h in ("call", "named", "known", "brand", "titled", "appel", "nomm", "baptis", "intitul")
        )
        else set()
    )
    # migration or trouble wording ("migrate from", « passant de », "problems with")
    leaving = any(h in low for h in _LEAVING_HINTS)
    # a quote or a bid (2), or a list of prices (1): capitalised runs before a price are
    # vendors ("quote- IT Right, $325/ Office Depot, $166"); in a list of prices without a
    # quote word, only a trade name ("Z Solutions $1062/ …"; not "Parks $3,000")
    quoting = 0 if "$" not in text else 2 if _QUOTING.search(low) else 1 if text.count("$") > 1 else 0
    # a firm of partners ("John Dorsey and Associates")
    associates = "Associates" in text
    # a product line's last word ("the Performance Series System", « licences Select Plus »)
    lined = "Plus" in text or "Series" in text
    # a French firm noun that may take its trade before the name (« la firme d'arpenteurs X »)
    firm_noun = any(h in low for h in ("firme", "soci", "entreprise", "compagnie", "maison"))
    # a study made by a firm ("an assessment conducted by Gartner")
    studying = any(h in low for h in _STUDY_HINTS)
    # the starts of quoted words ("« E-COURRIER »", "“Card Manager”")
    quoted = {m.end() for m in _QUOTE_OPEN.finditer(text)} if any(q in text for q in _OPENING) else set()
    # an all-lower-case word of letters is neither capitalised nor shaped
    starts = [k for k, w in enumerate(words) if not (w.isalpha() and w.islower())]
    if taken:
        # a word inside a name of the list starts nothing: the list reported it
        spans = sorted(taken)
        ends = [e for _s, e in spans]
        firsts = [s for s, _e in spans]
        starts = [k for k in starts if not _inside(tokens[k].start(), firsts, ends)]
    count = len(tokens)
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        word = words[i]
        if not word[:1].isupper() and not _shaped(word):
            continue
        # the capitalised run starting here
        j = i
        while (
            j + 1 < count
            and _separated(text, tokens[j], tokens[j + 1])
            and _fold_word(words[j + 1]) not in _SUFFIX
            and (words[j + 1][:1].isupper() or _shaped(words[j + 1]) or _NUMBER.fullmatch(words[j + 1]))
        ):
            j += 1
        run = range(i, j + 1)
        unknown = [r for r in run if not _known(words[r]) and not words[r].isdigit()]
        nxt = _fold_word(words[j + 1]) if j + 1 < count else ""
        if (
            j + 2 < count
            and j > i
            and _ACRONYM.fullmatch(words[j + 1])
            and text[tokens[j].end() : tokens[j + 1].start()] == " ("
            and text[tokens[j + 1].end() : tokens[j + 2].start()] == ") "
            and _fold_word(words[j + 2]).rstrip(".") in _SUFFIX
        ):
            add(i, j)  # "Meyers Norris Penny (MNP) LLP": the firm and its initials
            add(j + 1, j + 1)
        elif nxt.rstrip(".") in _SUFFIX and text[tokens[j].end() : tokens[j + 1].start()].strip(" ,") == "":
            first = i
            while first < j and _known(words[first]) and _fold_word(words[first]) in ("the", "la", "le"):
                first += 1
            add(first, j)
        elif tokens[i].start() in named:
            add(i, j)  # "a software application called “Card Manager Plus”": named, ordinary words or not
        elif unknown and associates and (partners := _associates_end(text, tokens, words, j)) is not None:
            add(i, partners)  # "John Dorsey and Associates", "Connerly & Associates": a firm of partners
        elif (
            quoting
            and (quoting == 2 or _fold_word(words[j]) in _TRADE_RUN)
            and _priced(text, tokens, words, i, j)
        ):
            add(i, j)  # "quote- IT Right, $325/ Office Depot, $166": a vendor and its price
        elif (
            unknown
            and unknown[0] == i + 1
            and _fold_word(words[i]) in _LEAD_TRADE
            and _fold_word(words[i + 1]) not in _PLACES
            and not _public(words[i + 1])
        ):
            add(i, unknown[-1])  # « Groupe CLR », « Technologies Carecity »: the trade word first
        elif (
            (j > i or unknown)
            and "," in text[tokens[j].end() : tokens[j].end() + 2]
            and _APPOSITIVE_TRADE.match(low, tokens[j].end())
            and _fold_word(words[i]) not in _NOT_NAMES
        ):
            add(i, j)  # "Technology Integration Group, a Lenovo Computer VAR": a firm by its trade
        elif (
            tokens[i].start() in quoted
            and j + 1 <= count
            and _QUOTED_BEFORE_NOUN.match(text, tokens[j].end())
        ):
            add(i, j)  # '"Progress" licensing': quoted before a product noun, ordinary words or not
        elif (
            _DEFINED.match(text, tokens[j].end())
            and (i == 0 or text[max(0, tokens[i].start() - 3) : tokens[i].start()].rstrip()[-1:] in ".!?:;")
            and _fold_word(words[i]) not in _NOT_NAMES
        ):
            add(i, j)  # "Money est un logiciel de comptabilité": a name defined as a product
        elif tokens[i].start() in quoted and _QUOTED_END.search(_context(text, tokens[i].start(), 80)):
            add(i, j)  # « le programme « E-COURRIER » »: quoted after a product word, ordinary words or not
        elif unknown and _INTRODUCER_END.search(_context(text, tokens[i].start())):
            add(i, j)
        elif (
            unknown
            and firm_noun
            and (qualified := _FIRM_QUALIFIED.search(_context(text, tokens[i].start(), 60)))
            and qualified.group(1) not in _NOT_QUALIFIER
            and _fold_word(words[i]) not in _PLACES
            and not _public(words[i])
        ):
            add(
                i, j
            )  # « la firme d'arpenteurs-géomètres Tremblay Laliberté », « la société par actions (SAS) X »
        elif (
            unknown
            and text[max(0, tokens[i].start() - 2) : tokens[i].start()] in (", ", " (")
            and _APPOSED_BEFORE.search(_context(text, tokens[i].start()))
            and text[tokens[j].end() : tokens[j].end() + 1] in (",", ")", ".", "")
            and _fold_word(words[i]) not in _NOT_NAMES
        ):
            add(i, j)  # "the original vendor, Cofile,", "the contractor (Titan Earthworks)": in apposition
        elif (
            leaving
            and unknown
            and unknown[0] == i
            and _LEFT_BEFORE.search(low, max(0, tokens[i].start() - 30), tokens[i].start())
        ):
            add(i, j)  # « passant de MDAEMON à … », "the problems with Zorbix"
        elif (
            unknown
            and _fold_word(words[j]) not in _TITLE_END
            and (trade := _trade_end(words, unknown, j, partial(_vendor_before, low, tokens[i].start())))
            is not None
        ):
            add(unknown[0], trade)  # "Habilis Conseil", "Ultimate Software": a vendor's trade name
        elif (
            not unknown
            and j > i
            and _fold_word(words[j]) in _TRADE_RUN
            and tokens[i].start() > 0
            and _vendor_before(low, tokens[i].start())
        ):
            add(i, j)  # « déposées par Trust Business Systems »: ordinary words, a vendor's trade name
        elif (
            unknown
            and unknown[-1] < j
            and _fold_word(words[unknown[-1] + 1]) in _EDITION
            and not _ACRONYM.fullmatch(words[unknown[-1]])
        ):
            add(unknown[0], unknown[-1] + 1)  # "Routefinder Pro", "Zorbix Cloud"
        elif (
            lined
            and j > i
            and tokens[i].start() > 0
            and all(_fold_word(words[r]) in _LINE_END for r in unknown)
            and (line := _line_end(words, i, j)) is not None
            and _fold_word(words[i]) not in _NOT_NAMES
        ):
            add(i, line)  # "the Performance Series System", « licences Select Plus »: a product line
        elif unknown and (version := _version_at(words, unknown, j, tokens, text)) is not None:
            add(unknown[0], version)  # "OK-MARCHE V2.2", "Permits Plus version 7.1"
        elif (
            unknown
            and unknown[0] == i
            and _VENDOR_DEAL.search(_context(text, tokens[i].start()))
            and not _ACRONYM.fullmatch(words[i])
            and _fold_word(words[j]) not in _PUBLIC_BODY
            and _fold_word(words[i]) not in _PLACES
        ):
            add(i, unknown[-1])  # "move forward with Catalis", "a contract with Zorbix": a vendor
        elif (
            unknown == [i]
            and j == i
            and not _ACRONYM.fullmatch(words[i])
            and not _public(words[i])
            and studying
            and _STUDY_BY.search(_context(text, tokens[i].start(), 64))
        ):
            add(i, i)  # "an assessment conducted by Gartner", « une étude commandée … à Unilog »
        elif unknown and unknown[0] == i and _after_list(text, tokens[i].start(), taken):
            add(i, unknown[-1])  # "FrontPage et Dreamweaver": a list after a name carries it
        elif unknown and _after_possessive(text, tokens[i].start(), taken):
            add(unknown[0], unknown[-1])  # "Ultimate Software's Ultipro": the vendor's product
        elif (
            unknown
            and unknown[-1] == j
            and not _ACRONYM.fullmatch(words[j])
            and (tokens[i].start() > 0 or _coined(words, unknown))
            and (
                (nxt in _PRODUCT_NOUN and text[tokens[j].end() : tokens[j + 1].start()] == " ")
                or (
                    _DETERMINED.search(low, max(0, tokens[i].start() - 24), tokens[i].start())
                    and _noun_soon(words, tokens, text, j)
                )
            )
        ):
            add(unknown[0], j)  # "Citizenserve software", "an Allworx telephone system"
        elif (
            unknown
            and text[tokens[unknown[-1]].end() : tokens[unknown[-1]].end() + 2] in ("'s", "\u2019s")
            and _noun_ahead(words, j)
        ):
            add(unknown[0], unknown[-1])
        else:
            for r in run:
                w = words[r]
                if _shaped(w) and not (
                    _MODEL.fullmatch(w)
                    and _REFERENCE_END.search(text, max(0, tokens[r].start() - 14), tokens[r].start())
                ):
                    add(_maker(words, i, r) if _MODEL.fullmatch(w) else r, r)
                elif (
                    r in unknown
                    and r + 1 <= j
                    and _NUMBER.fullmatch(words[r + 1])
                    and not _YEAR.fullmatch(words[r + 1])
                ):
                    add(r, r + 1)
                elif (
                    r in unknown
                    and r + 1 <= j
                    and _SHORT_MODEL.fullmatch(words[r + 1])
                    and not _POSTAL.fullmatch(words[r + 1])
                    and not _public(words[r])
                ):
                    first = r
                    while first > i and first - 1 in unknown:
                        first -= 1
                    add(first, r + 1)  # "INNES Tab10s", "Evolis Tatto RW2": a maker and its model
        i = j + 1
    if "/" in text:
        for name in known:  # "Motorola/Baycom": a slash joins a name of the list to another
            after = _SLASHED.match(original, name.end)
            if after and not _known(after.group(1)) and free(after.start(1), after.end(1)):
                found.append(Match(after.group(1), after.start(1), after.end(1), after.group(1)))
                taken.append((after.start(1), after.end(1)))
    found.sort(key=lambda m: m.start)
    return found


_SLASHED = re.compile(r"/([A-Z][A-Za-z0-9]+)")


def _line_end(words: list[str], i: int, j: int) -> int | None:
    """The index of a product line's last word ("Plus", "Series") after one capitalised word
    or more of the run ``i``..``j``, with a product noun right after it ("the Performance
    Series System") or right before the run (« licences Select Plus »), or ``None``: "the
    Summer Concert Series", « le Service Plus aux aînés » stay words."""
    before = i > 0 and _fold_word(words[i - 1]) in _PRODUCT_NOUN
    for k in range(i + 1, j + 1):
        after = k + 1 < len(words) and _fold_word(words[k + 1]) in _PRODUCT_NOUN
        if _fold_word(words[k]) in _LINE_END and (after or before and k == j):
            return k
    return None


def _associates_end(text: str, tokens: list[re.Match[str]], words: list[str], j: int) -> int | None:
    """The index of "Associates" when a capitalised run ending at ``j`` is followed by
    " and Associates" or " & Associates" ("John Dorsey and Associates", "Connerly &
    Associates"), or ``None``: the run and the word name a firm of partners, a person's
    name included."""
    for step in (1, 2):
        k = j + step
        if k >= len(words) or words[k] != "Associates":
            continue
        gap = text[tokens[j].end() : tokens[k].start()]
        if (step == 1 and gap == " & ") or (step == 2 and words[j + 1] == "and" and gap == " and "):
            return k
    return None


_QUOTING = re.compile(r"\b(?:quotes?|quoted|quotations?|bids?|bidders?|proposals?)\b")
_PRICE_AFTER = re.compile(r",?[ \u00a0]?\$[ \u00a0]?\d")
_LIST_BEFORE = re.compile(r"(?:^|[-/,:;][ \u00a0]*|\b(?:by|from) )$")
_NOT_PRICED = frozenset(
    ["from", "to", "between", "over", "under", "about", "approximately", "around", "at", "up", "for", "of"]
    + [
        "and",
        "or",
        "total",
        "totaling",
        "plus",
        "minus",
        "only",
        "just",
        "each",
        "per",
        "de",
        "entre",
        "pour",
    ]
)  # "From $5,000 to $25,000": a range, not a vendor
_PRICE_WORDS = frozenset(
    [
        "bid",
        "bids",
        "base",
        "alternate",
        "alternative",
        "option",
        "options",
        "price",
        "prices",
        "cost",
        "costs",
    ]
    + [
        "total",
        "subtotal",
        "amount",
        "fee",
        "fees",
        "budget",
        "estimate",
        "estimated",
        "allowance",
        "contingency",
    ]
    + ["reserve", "reserves", "charge", "charges", "fund", "funds", "funding", "levy", "levies"]
    + ["fonds", "subvention", "subventions", "redevance", "redevances", "contribution", "contributions"]
    + ["grant", "tax", "taxes", "year", "years", "annual", "monthly", "phase", "lot", "item", "unit", "units"]
    + ["maintenance", "support", "license", "licenses", "licence", "licences", "hardware", "software"]
    + ["implementation", "training", "installation", "service", "services", "subscription", "hosting"]
)
"""Words of a price form's line: a run holding one is not a vendor ("Base Bid, $10,000")."""
_LEAD_TRADE = frozenset(
    ["groupe", "technologies", "solutions", "logiciels", "informatique", "systemes", "conseils"]
)
"""A French firm's name often puts its trade first (« Groupe CLR », « Technologies
Carecity », « Solutions Notarius »): before an unknown word, the pair is a firm."""


def _priced(text: str, tokens: list[re.Match[str]], words: list[str], i: int, j: int) -> bool:
    """A capitalised run ``i``..``j`` of a quote list, right before a price ("IT Right,
    $325", "Z Solutions $1062"), after the start of the list item (a dash, a slash, a
    comma, "by", "from"); not a fund, an account or a document word."""
    if not _PRICE_AFTER.match(text, tokens[j].end()):
        return False
    first = _fold_word(words[i])
    if (first in _NOT_NAMES and not words[i].isupper()) or first in _DOCUMENT_WORDS or first in _NOT_PRICED:
        return False  # "The", "Our" start no vendor; "IT Right" does
    if _fold_word(words[j]) in _DOCUMENT_WORDS or any(
        _fold_word(w) in _PRICE_WORDS for w in words[i : j + 1]
    ):
        return False  # "Base Bid, $10,000", "Annual Maintenance $2,000": a line of a price form
    return _LIST_BEFORE.search(text[max(0, tokens[i].start() - 8) : tokens[i].start()].lower()) is not None


_SHORT_MODEL = re.compile(r"[A-Z][A-Za-z]{0,4}\d{1,3}[a-z]{0,2}")
"""A short model name after an unknown word in the same run ("Tab10s", "RW2"); a
postal code ("J8X") is not one."""
_POSTAL = re.compile(r"[A-Z]\d[A-Z]")
_NOT_MAKER = frozenset(["the", "a", "an", "le", "la", "les", "un", "une", "des", "du", "de", "et", "and"])


def _maker(words: list[str], first: int, model: int) -> int:
    """The index where a model number's name starts: the capitalised word right before
    it in its run, its maker or product line ("Zebra GK420T", "QBIC TD-1050"), when it is
    not an ordinary word ("Two WS-C4500X-32SFP+") or is written in capitals; else the
    model itself. The model number already
    makes the run a possible name, so the maker adds no alarm, only the name."""
    k = model - 1
    if k >= first and words[k][:1].isupper() and len(words[k]) > 1:
        folded = _fold_word(words[k])
        if (
            folded not in _NOT_MAKER
            and folded not in _DOCUMENT_WORDS
            and not _public(words[k])
            and not _shaped(words[k])
            and (not _known(words[k]) or words[k].isupper())
        ):
            return k
    return model


_VENDOR_DEAL = re.compile(
    r"\b(?:(?:contracts?|subscriptions?|licen[cs]e agreements?) (?:\w+ ){0,2}?with"
    r"|(?:proposals?|quotes?|quotations?|bids?) from|(?:purchased|bought|leased|ordered|acquired) from"
    r"|(?:supplied|sold|manufactured|developed|marketed) by|(?:move|moving|go|going) forward with"
    r"|(?:proceed|proceeding) with|contrats? (?:\w+ ){0,2}?avec"
    r"|(?:soumissions?|offres?) (?:de|d')|(?:achetee?s?|acquise?s?) (?:aupres de|chez))"
    r"(?: (?:the|la|le|les))? $"
)
"""Before an unknown word, a deal with a vendor ("a contract with X", "proposals from X",
"move forward with X", « un contrat avec X »): the word names a vendor. An agreement or
« entente » is often with another public body ("an interlocal agreement with Boulder"),
so it does not count; a public body ("a contract with Douglas County") and a place stay
out."""
_STUDY_HINTS = (
    "conducted",
    "performed",
    "prepared",
    "done by",
    "carried",
    "completed",
    "commission",
    "realise",
    "réalisé",
    "mene",
    "mené",
    "effectu",
    "command",
    "confi",
)
_STUDY_BY = re.compile(
    r"\b(?:(?:study|studies|assessment|audit|review|evaluation|analysis|survey)"
    r" (?:\w+ )?(?:conducted|performed|prepared|done|carried out|completed|commissioned) (?:by|from)"
    r"|(?:etude|analyse|audit|diagnostic|evaluation|expertise)s?"
    r" (?:realisee?s?|menee?s?|effectuee?s?|commandee?s?|confiee?s?)"
    r"(?: par (?:la|le|les) (?:municipalite|ville|commune|conseil|mrc))? (?:par|a|aupres de))"
    r"(?: (?:the|la|le|les))? $"
)
"""Before a single unknown word, a study made by a firm ("an assessment conducted by
Gartner", « une étude commandée par la municipalité à Unilog »): the word names a
consulting firm. Several words may be a person's name and stay out."""
_PUBLIC_BODY = frozenset(
    [
        "county",
        "city",
        "town",
        "township",
        "village",
        "municipality",
        "district",
        "region",
        "state",
        "province",
        "ville",
        "comte",
        "municipalite",
        "mrc",
        "canton",
        "commune",
        "agglomeration",
    ]
)
_PUBLIC_NAMES = frozenset(
    ["hydro-quebec", "hydroquebec", "hydro", "umq", "fqm", "bnq", "cspq", "sqi", "cag", "mamh", "ramq"]
    + ["artm", "cmm", "amt", "cra", "arc", "cnesst", "saaq", "statcan", "statistique", "statistics"]
)
"""Public bodies and utilities a tender names as such (Hydro-Québec, the Union des
municipalités du Québec, the Bureau de normalisation du Québec, the Canada Revenue
Agency): a study made by one, a group or a maker named by one, is no vendor."""


def _public(word: str) -> bool:
    """True when ``word`` (or its first part before a hyphen) names a public body."""
    folded = _fold_word(word)
    return folded in _PUBLIC_NAMES or folded.split("-")[0] in _PUBLIC_NAMES


_APPOSITIVE_TRADE = re.compile(
    r",\s+(?:(?:a|an|un|une)\s+(?:(?!(?:of|de|du|des|for|pour)\b)[\w-]+\s+){0,4}?"
    r"(?:reseller|var|vendor|distributor|integrator|manufacturer|supplier|subsidiary"
    r"|revendeur|distributeur|fournisseur|integrateur|fabricant|filiale)s?\b"
    r"|(?:a|an|the|la|une|l['\u2019])\s*(?:(?!(?:of|de|du|des|for|pour)\b)[\w-]+\s+){0,2}?"
    r"(?:firm|company|firme|soci[eé]t[eé]|entreprise|compagnie)(?![\w'\u2019]))"
)
"""After a capitalised run, an apposition that names a trade ("X, a Lenovo Computer VAR",
« X, un revendeur Dell ») or a firm ("Kroll, the consultancy firm that …", « X, la firme
de génie … »; not "the company's president"): the run is a firm's name, ordinary words or
not."""
_DETERMINED = re.compile(
    r"\b(?:a|an|the|its|our|their|this|existing|integrated|new|un|une|le|la|les|du|des|notre|leur)\s+$"
)


def _noun_soon(words: list[str], tokens: list[re.Match[str]], text: str, j: int) -> bool:
    """A product noun one or two lower-case words after ``j``, single spaces between
    ("Allworx telephone system", "Meridian voice mail system")."""
    for k in range(j + 1, min(j + 4, len(words))):
        if (
            text[tokens[k - 1].end() : tokens[k].start()] != " "
            or not words[k].isalpha()
            or not words[k].islower()
        ):
            return False
        if k > j + 1 and _fold_word(words[k]) in _PRODUCT_NOUN:
            return True
    return False


def _coined(words: list[str], unknown: list[int]) -> bool:
    """Whether a word of ``unknown`` is in neither dictionary ("Lytrod") or ends in a plus
    sign ("Permits+"): at the start of a text every word has its capital, so only a coined
    word makes the run before a product noun a name there ("Lytrod Proform Designer
    software", "The Permits+ system"; not "The Public Sector system")."""
    return any(words[r].endswith("+") or not ordinary_word(words[r]) for r in unknown)


def _noun_ahead(words: list[str], j: int) -> bool:
    """A product noun within five words after ``j`` in the same noun phrase ("Novell's
    Identity Management product", "Micron's computer systems"); an article starts another
    one and stops the look ("the City Attorney's Office discovered a software product")."""
    for w in words[j + 1 : j + 6]:
        folded = _fold_word(w)
        if folded in _PRODUCT_NOUN:
            return True
        if folded in _NOT_MAKER:
            return False
    return False


def _vendor_before(low: str, start: int) -> bool:
    """True when a word that introduces a vendor ("from", "by", « par ») ends at ``start``."""
    return _VENDOR_BEFORE.search(low, max(0, start - 18), start) is not None


def _trade_end(
    words: list[str], unknown: list[int], j: int, vendor: Callable[[], bool] = lambda: False
) -> int | None:
    """The index of a trade word ("Software", "Solutions", « Conseil ») right after an
    unknown word that is not an acronym, or ``None`` ("GIS Software", "Licensed
    Application Software" are descriptions, not vendors). After a word that introduces a
    vendor (``vendor``: "purchased from", « déposée par »), the trade word may come two
    words later ("from Daystar Computer Systems")."""
    for r in unknown:
        if _ACRONYM.fullmatch(words[r]):
            continue
        for t in range(r + 1, min(r + 3, j) + 1):  # "from Daystar Computer Systems"
            if _fold_word(words[t]) in _TRADE and (t == r + 1 or vendor()):
                return t
    return None


def _version_at(
    words: list[str], unknown: list[int], j: int, tokens: list[re.Match[str]], text: str
) -> int | None:
    """The index of the version number that follows an unknown word of the run ("V2.2",
    "10.1", "version 7"), or ``None``."""
    names = [r for r in unknown if not _VERSION.fullmatch(words[r])]
    if not names:
        return None
    for r in range(names[0] + 1, j + 1):
        if _VERSION.fullmatch(words[r]):
            return r
    if (
        j + 2 < len(words)
        and _fold_word(words[j + 1]) == "version"
        and re.fullmatch(r"\d+(?:\.\d+)*", words[j + 2])
        and text[tokens[j].end() : tokens[j + 1].start()] == " "
    ):
        return j
    return None


def _context(text: str, start: int, width: int = 40) -> str:
    """The ``width`` characters before ``start``, folded, with straight apostrophes."""
    return fold(text[max(0, start - width) : start]).replace("\u2019", "'")


_LIST_GAP = re.compile(r"(?:,|,? and|,? or|,? et|,? ou|,? &) $")


def _after_list(text: str, start: int, taken: list[tuple[int, int]]) -> bool:
    """True when ``start`` follows a name found just before and a list joiner ("X and ",
    « X et », "X, ")."""
    gap = _LIST_GAP.search(text, max(0, start - 6), start)
    return gap is not None and any(e == gap.start() for _s, e in taken)


def _after_possessive(text: str, start: int, taken: list[tuple[int, int]]) -> bool:
    """True when a name found just before ``start`` ends in a possessive ("Esri's ")."""
    head = text[max(0, start - 3) : start]
    if head not in ("'s ", "\u2019s "):
        return False
    return any(e == start - 3 for _s, e in taken)


def possible_list(text: str, extra: Iterable[object] = ()) -> list[str]:
    """The distinct possible names of ``text`` as written, in order, outside the list's
    names (and the project's own ``extra`` names). Cached: the checks call it on every
    keystroke."""
    return list(_possible_list(text, extra_names(extra)))


@lru_cache(maxsize=4096)
def _possible_list(text: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    from wizard.core.domain.brands import detected

    return tuple(dict.fromkeys(m.name for m in possible_names(text, detected(text, extra))))
