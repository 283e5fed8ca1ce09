"""Brand, product and vendor name detector (docs/cases.md K18, K19).

Guide principle: fairness to vendors — describe the need, not the product. A brand in
a problem statement, a criterion or a scenario steers the tender towards one vendor.

The bundled list is ``resources/brands/brands.json``:

* ``entries``: names always flagged, each with its aliases ("Microsoft 365", "M365",
  "O365", "MS Office" …);
  An entry marked ``cased`` is a name made of ordinary words ("World Wide Technology",
  "Absolute Software", "Spare Labs"): found only when each of its words has its capital.
* ``contextual``: product names that are also common words, places or people ("Teams",
  "Word", "Windows", "Office", "Sage", "Bell" …), flagged only in product context
  (docs/cases.md K34, K35): right after a context word ("MS Teams"), after that word
  earlier in the same sentence (a list carries its vendor: "Microsoft Windows, Office
  and Exchange"), before one of the entry's ``after`` words ("Bell Canada") or, for a
  ``versioned`` entry, before a version number ("Office 2010", "Windows XP"), for a
  vendor, after a relation with a vendor ("a contract with Bell", "supported by Bell",
  « hébergé chez Bell »), before a product noun up to four capitalised words later
  ("Windows servers", "Windows, SQL compatible"; a lower-case word stops the look: "Access
  control servers"), in a list that ends with the vendor ("Windows ou Microsoft Office") or
  joined by a slash to a name of the list ("Edge/Chrome"), after a file action ("export
  to Excel", "open it in Word", « ouvre Excel », « colle dans Word ») or before "macros"
  ("run Excel macros"), for an entry marked ``place``, after "in", "on", "via", "through",
  "using", « dans » or « sur » mid-sentence ("shares it in Teams"), in a list right after another
  contextual product ("Word and Excel"); all but the first only when
  the word is written with its capital. A versioned product found by its vendor keeps its
  version ("Microsoft Windows 10"); a vendor's name ending in "Systems", "Technologies"
  or "Solutions" is also found in the singular ("New World System");
* ``standards``: standards and formats (WCAG, SAML 2.0, OpenID Connect, ISO/IEC 27001,
  CSV …). They are never flagged and shield the words inside them.

Matching works on word tokens: whole words only; case, accents and internal capitals
ignored (``CityWorks`` = ``Cityworks``); French elision understood (``d'Esri``,
``l’ArcGIS``); words may be joined or split by a space, hyphen, slash or dot
("Office365" = "Office 365"); a one-word name written in two capitalised words is found
("VM Ware" = "VMware", "Central Square" = "CentralSquare"); a one-word name after a title,
directly or after a given name ("Trustee Michelle Harris", "Mr. Harris") is a person and is
not reported (K34); a one-word name that is also an ordinary English or French word
(``resources/brands/lowercase_words.txt``: "adds", "slack", "workday", « munis ») only
when written with its capital, and so is a town's own one-word name that is an ordinary
word ("Office", « Bureau »: :func:`ordinary_word`); a contextual word in lower
case only before "operating system" or "OS" ("windows operating system servers"), in a
list right after a name found ("sharepoint, outlook and teams") or after a file action
("export to excel"). Nothing inside a URL, an e-mail address or a domain
name is flagged. The index is built once; a 5,000-character text takes well under
2 ms (``tests/benchmark_brands.py``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from wizard.core.paths import resource_path

MIN_NAME = 3
"""The shortest name of a town's own list the brand check looks for: a shorter one is
too likely an ordinary word or an acronym ("HP", "AB")."""

_TOKEN = re.compile(r"\w+")
_SEPARATOR = re.compile(r"[ \t\u00a0\u202f\-‐‑–/.&'’]{1,3}")
_DOMAIN = re.compile(
    r"[\w-]+(?:\.[\w-]+)*\.(?:com|ca|org|net|io|gov|gouv|gc|qc|on|bc|ab|info|biz|app|cloud|dev|fr|us|eu|co)\b",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Match:
    """A brand found in a text: the words as written, their span, the canonical name."""

    name: str
    start: int
    end: int
    canonical: str


@dataclass(frozen=True)
class _Alias:
    tokens: tuple[str, ...]
    canonical: str | None  # None: a standard, consumed but never reported
    cased: bool = False  # only with each word's capital ("World Wide Technology", "Slack")


def fold(word: str) -> str:
    """``word`` lower-cased, without accents (``"Vidéotron"`` → ``"videotron"``)."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in _TOKEN.findall(phrase))


def _index(aliases: Iterable[_Alias], ordinary: Callable[[str], bool]) -> dict[str, list[_Alias]]:
    """First token → aliases, longest first. Multi-word aliases are also indexed joined.
    A one-word form (as written or joined) that is an ordinary word by ``ordinary``
    (asked of a folded word) is ``cased``: found only with its capital."""
    index: dict[str, list[_Alias]] = {}
    for alias in aliases:
        if not alias.tokens:
            continue
        if len(alias.tokens) == 1 and ordinary(alias.tokens[0]):
            alias = _Alias(alias.tokens, alias.canonical, True)
        index.setdefault(alias.tokens[0], []).append(alias)
        if len(alias.tokens) > 1:
            joined_word = "".join(alias.tokens)
            joined = _Alias((joined_word,), alias.canonical, alias.cased or ordinary(joined_word))
            index.setdefault(joined.tokens[0], []).append(joined)
    for candidates in index.values():
        candidates.sort(key=lambda a: (-len(a.tokens), a.canonical is None))
    return index


def load_list() -> dict[str, Any]:
    """The bundled list: ``resources/brands/brands.json`` and, after it, every
    ``resources/brands/families/*.json`` in name order (one file per family of names,
    same format), their ``entries``, ``contextual`` and ``standards`` joined.

    Raises ``OSError`` or ``ValueError`` when a file is missing or malformed.
    """
    with open(resource_path("brands", "brands.json"), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    families = resource_path("brands", "families")
    for path in sorted(families.glob("*.json")) if families.is_dir() else []:
        with open(path, encoding="utf-8") as handle:
            family: dict[str, Any] = json.load(handle)
        for part in ("entries", "contextual", "standards"):
            data.setdefault(part, []).extend(family.get(part, []))
    return data


_PLURAL_TRADE = {"systems": "system", "technologies": "technology", "solutions": "solution"}
_LIST_JOIN = frozenset(["or", "and", "ou", "et"])
_PRODUCT_AFTER = frozenset(
    [
        "server",
        "servers",
        "operating",
        "os",
        "compatible",
        "licence",
        "licences",
        "license",
        "licenses",
        "software",
        "logiciel",
        "logiciels",
        "platform",
        "desktop",
        "desktops",
        "client",
        "clients",
        "workstation",
        "workstations",
        "serveur",
        "serveurs",
        "poste",
        "postes",
        "switch",
        "switches",
        "commutateurs",
    ]
)
"""Words that make a contextual word a product when they follow it ("Windows servers",
"Windows, SQL compatible", "Teams licences")."""


def _bundled_aliases() -> list[_Alias]:
    data = load_list()
    aliases: list[_Alias] = []
    for entry in data["entries"]:
        cased = bool(entry.get("cased"))
        for phrase in [entry["name"], *entry.get("aliases", [])]:
            tokens = _tokens(phrase)
            aliases.append(_Alias(tokens, entry["name"], cased))
            if len(tokens) > 1 and tokens[-1] in _PLURAL_TRADE:
                # "New World System" for "New World Systems": the vendor's name, either number
                aliases.append(_Alias((*tokens[:-1], _PLURAL_TRADE[tokens[-1]]), entry["name"], cased))
    for entry in data.get("contextual", []):
        for context in entry["context"]:
            for word in entry["words"]:
                aliases.append(_Alias(_tokens(f"{context} {word}"), entry["name"]))
    for phrase in data.get("standards", []):
        aliases.append(_Alias(_tokens(phrase), None))
    return aliases


@cache
def _bundled_index() -> dict[str, list[_Alias]]:
    return _index(_bundled_aliases(), lowercase_words().__contains__)


@dataclass(frozen=True)
class _Contextual:
    canonical: str
    context: frozenset[str]
    after: tuple[tuple[str, ...], ...]
    versioned: bool
    vendor: bool = False
    place: bool = False


_VERSION = re.compile(
    r"[ \u00a0]?(?:\d{1,4}(?:\.\d+)*(?: ?R2)?(?: LTSC)?|XP|NT(?: \d(?:\.\d)?)?|Vista|LTSC|365)\b"
)
_CLAUSE_END = re.compile(r"[.!?;:\n]\s")
_VENDOR_RELATION = re.compile(
    r"\b(?:(?:contracts?|agreements?|subscriptions?|accounts?|partnership) (?:\w+ ){0,2}?with"
    r"|(?:service|services|phone service|lines?) (?:\w+ ){0,2}?(?:through|from|by)"
    r"|(?:supported|provided|supplied|offered|hosted|operated|maintained|sold|made|manufactured) by"
    r"|(?:purchased|bought|leased|ordered|acquired) from|(?:proposals?|quotes?|quotations?|bids?) from"
    r"|(?:contrats?|ententes?) (?:\w+ ){0,2}?avec|(?:fourni|offert|heberge|exploite|vendu|fabrique)e?s? par"
    r"|(?:achetee?s?|acquise?s?|loue(?:e|s|es)?) (?:aupres de|chez)|(?:heberge|hebergee?s?) chez)"
    r"(?: (?:the|la|le|les))? $"
)
"""Before a contextual vendor's word, a relation with a vendor ("a contract with Bell",
"phone service through Bell", "supported by Bell", « hébergé chez Bell »): the word names
the vendor, not the ordinary thing."""


@cache
def _bundled_contextual() -> dict[str, list[_Contextual]]:
    """Folded word → the contextual entries it may stand for."""
    found: dict[str, list[_Contextual]] = {}
    for entry in load_list().get("contextual", []):
        rule = _Contextual(
            entry["name"],
            frozenset(fold(c) for c in entry.get("context", [])),
            tuple(_tokens(a) for a in entry.get("after", [])),
            bool(entry.get("versioned")),
            entry.get("kind") == "vendor",
            bool(entry.get("place")),
        )
        for word in entry["words"]:
            tokens = _tokens(word)
            if len(tokens) == 1:
                found.setdefault(tokens[0], []).append(rule)
    return found


def _contextual_at(
    text: str, tokens: list[re.Match[str]], folded: list[str], i: int, seen: set[str]
) -> tuple[str, int] | None:
    """(canonical, end offset) when token ``i`` is a contextual word in product context.

    ``seen`` holds the folded words met since the start of the sentence."""
    rules = _bundled_contextual().get(folded[i])
    word = tokens[i].group()
    if not rules:
        return None
    end = tokens[i].end()
    if not word[0].isupper():
        # lower case only before "operating system" / "OS": "windows operating system servers"
        return (rules[0].canonical, end) if _os_follows(folded, i) else None
    for rule in rules:
        if rule.context & seen:
            return rule.canonical, end
        for after in rule.after:
            n = len(after)
            if folded[i + 1 : i + 1 + n] == list(after) and all(
                _SEPARATOR.fullmatch(text, tokens[k - 1].end(), tokens[k].start())
                for k in range(i + 1, i + 1 + n)
            ):
                if any(folded[k] in _bundled_starters() for k in range(i + 1, i + 1 + n)):
                    # "OverDrive and Libby": the phrase holds another name, reported on its own
                    return rule.canonical, end
                return rule.canonical, tokens[i + n].end()
        if not rule.vendor and _file_action_before(text, tokens[i].start()):
            # "export to Excel", "open it in Word", « ouvre Excel », "run Excel macros"
            return rule.canonical, end
        if rule.place and _PLACE_BEFORE.search(text, max(0, tokens[i].start() - 40), tokens[i].start()):
            # "shares the spreadsheet in Teams": a capital after "in"/"on"/"via" mid-sentence
            return rule.canonical, end
        if rule.vendor and _VENDOR_RELATION.search(
            fold(text[max(0, tokens[i].start() - 40) : tokens[i].start()])
        ):
            return rule.canonical, end
        if rule.versioned:
            version = _VERSION.match(text, end)
            if version and version.end() > end:
                return rule.canonical, version.end()
        if (
            _list_carries(text, tokens, folded, i, rule.context)
            or _product_follows(text, tokens, folded, i)
            or _slash_list(text, tokens, folded, i)
        ):
            return rule.canonical, end
    return None


def _list_carries(
    text: str, tokens: list[re.Match[str]], folded: list[str], i: int, context: frozenset[str]
) -> bool:
    """A list that ends with the vendor carries it back ("Windows ou Microsoft Office",
    "Word and MS Excel"): the word, "or"/"and", then a context word."""
    k = i + 1
    if k + 1 >= len(tokens) or folded[k] not in _LIST_JOIN:
        return False
    return (
        folded[k + 1] in context and _CLAUSE_END.search(text, tokens[i].end(), tokens[k + 1].start()) is None
    )


def _slash_list(text: str, tokens: list[re.Match[str]], folded: list[str], i: int) -> bool:
    """The word is joined by a slash, no space, to a name of the list ("Edge/Chrome/Firefox",
    "Word/Excel"): a list of products carries its context."""
    k = i + 1
    return (
        k < len(tokens)
        and tokens[k].start() == tokens[i].end() + 1
        and text[tokens[i].end()] == "/"
        and folded[k] in _bundled_index()
    )


def _product_follows(text: str, tokens: list[re.Match[str]], folded: list[str], i: int) -> bool:
    """A product noun follows within four words, the words between capitalised or joining
    a list ("Windows servers", "Windows, SQL compatible", "WINDOWS FILE AND DATABASE
    SERVERS"); a lower-case word stops the look ("Access control servers")."""
    for k in range(i + 1, min(i + 5, len(tokens))):
        if _CLAUSE_END.search(text, tokens[k - 1].end(), tokens[k].start()):
            return False
        if folded[k] in _PRODUCT_AFTER:
            return True
        word = tokens[k].group()
        if not (word[:1].isupper() or folded[k] in _LIST_JOIN):
            return False
    return False


_LOWER_LIST = re.compile(r"(?:\s*,\s*(?:(?:and|or|et|ou)\s+)?|\s+(?:and|or|et|ou)\s+|\s*/\s*)")
_FILE_ACTION = re.compile(
    r"\b(?:export\w*|import\w*|sav(?:e|es|ed|ing)|open(?:s|ed|ing)?|convert\w*|download\w*"
    r"|exporter|exporte\w*|importer|importe\w*|enregistre\w*|ouvr\w*|convert\w*)"
    r" (?:[\w-]+ ){0,3}?(?:to|into|in|from|as|vers|dans|en|sous|au format)(?: (?:ms|microsoft))? $"
)
_LOWER_END = re.compile(r"\s*(?:$|[.,;:!?)]|(?:and|or|et|ou|files?|format|fichiers?|spreadsheets?)\b)")


@cache
def _contextual_names() -> frozenset[str]:
    """The canonical names of the contextual entries ("Microsoft Word", "Bell Canada")."""
    return frozenset(r.canonical for rules in _bundled_contextual().values() for r in rules)


def _after_found(text: str, tokens: list[re.Match[str]], i: int, found: list[Match]) -> bool:
    """Token ``i`` follows the last name found, joined by a comma, "and", "or" or a slash."""
    start = tokens[i].start()
    return (
        bool(found)
        and found[-1].end <= start
        and _LOWER_LIST.fullmatch(text, found[-1].end, start) is not None
    )


def _lower_product(text: str, tokens: list[re.Match[str]], i: int, found: list[Match]) -> bool:
    """A contextual word in lower case is a product in two contexts only: in a list right
    after a name found ("sharepoint, outlook and teams"), or after a file action, then
    the clause's end or a file word ("export reports to excel", « exporter en excel »).
    Elsewhere it is the ordinary word ("teams across departments", "in a word")."""
    start = tokens[i].start()
    if _after_found(text, tokens, i, found):
        return True
    low = text[max(0, start - 40) : start].lower()
    return bool(_FILE_ACTION.search(low)) and bool(_LOWER_END.match(text, tokens[i].end()))


_CAP_ACTION = re.compile(
    r"\b(?:(?:open(?:s|ed|ing)?|launch\w*|run(?:s|ning)?|ouvr\w*|lanc\w*)(?: (?:ms|microsoft))?"
    r"|(?:past\w*|cop(?:y|ies|ied|ying)|coll\w*|copi\w*) (?:[\w-]+ ){0,3}?(?:into|in|to|dans|vers))"
    r" $"
)
_PLACE_BEFORE = re.compile(r"(?:(?<![\w’'-])[a-zà-ÿ][a-zà-ÿ’'-]*|,) (?:in|on|via|through|using|dans|sur) $")
"""A place one works or shares in, after a word all in lower case or a comma, before the
capitalised word of a contextual product marked ``place`` ("shares it in Teams", "runs
on Windows", « le partage dans Teams »): mid-sentence the capital makes it the product (walk 2026-12-07, item 11).
A title-cased heading ("Services in Exchange for Fees") or the sentence's first words
("In Teams of four") are not read so; nor are "Office", "Access", "Exchange", "Word",
which are not marked (« in Office », "in Exchange for", "on Access Day", "in Word
documents": a file format, tests/core/test_checks_table.py)."""
_MACROS = re.compile(r"[ \u00a0](?:macros?|VBA)\b", re.IGNORECASE)


def _file_action_before(text: str, start: int) -> bool:
    """A capitalised product word after a file action ("export to Excel", "open it in
    Word", "paste into Word", « ouvre Excel », « colle dans Word ») or before "macros"
    ("run Excel macros"): the application, not the ordinary word."""
    low = text[max(0, start - 40) : start].lower()
    if _FILE_ACTION.search(low) or _CAP_ACTION.search(low):
        return True
    end = _TOKEN.match(text, start)
    return end is not None and _MACROS.match(text, end.end()) is not None


def _os_follows(folded: list[str], i: int) -> bool:
    """The word is followed by "operating system(s)" or "OS": a product in any case."""
    nxt = folded[i + 1 : i + 3]
    return bool(nxt) and (
        nxt[0] == "os" or nxt[:1] == ["operating"] and nxt[1:2] in (["system"], ["systems"])
    )


@cache
def _split_heads() -> frozenset[str]:
    """The first parts (two letters or more) of the one-word names of the list: the only
    words that may start a name written in two words."""
    return frozenset(
        key[:k]
        for key, aliases in _bundled_index().items()
        if any(len(a.tokens) == 1 for a in aliases)
        for k in range(2, len(key) - 1)
    )


def _split_at(text: str, tokens: list[re.Match[str]], folded: list[str], i: int) -> str | None:
    """The canonical name when tokens ``i`` and ``i + 1``, both capitalised and joined by
    one space or hyphen, spell a one-word name of the list ("VM Ware" = "VMware",
    "Central Square" = "CentralSquare"), else ``None``."""
    if i + 1 >= len(tokens) or not tokens[i].group()[:1].isupper() or not tokens[i + 1].group()[:1].isupper():
        return None
    if tokens[i + 1].start() - tokens[i].end() != 1 or text[tokens[i].end()] not in " -":
        return None
    for alias in _bundled_index().get(folded[i] + folded[i + 1], ()):
        if len(alias.tokens) == 1 and alias.canonical is not None:
            return alias.canonical
    return None


@lru_cache(maxsize=32)
def _extra_index(names: tuple[str, ...]) -> dict[str, list[_Alias]]:
    """The index of a town's own names; one that is an ordinary word ("Office", « Bureau »:
    :func:`ordinary_word`) is ``cased``, as the bundled list's are."""
    # asked word by word: the dictionary is read only when a town's name is one word
    return _index((_Alias(_tokens(n), n.strip()) for n in names if n.strip()), _ordinary)


def ordinary_word(name: str) -> bool:
    """Whether ``name`` is one word that is also an ordinary English or French word
    ("Office", « Bureau », "Teams", "Word"): a one-word name of
    ``resources/brands/lowercase_words.txt``, a word of a contextual entry of the list, or
    a word of the dictionaries (``resources/brands/dictionary_words.txt.gz``, written by
    ``tools/brand_words.py`` from ``wamerican`` and ``wfrench``). The brand check finds
    such a name of the town's own list only when written with a capital: in lower case
    it is the word, in every sentence."""
    tokens = _tokens(name)
    return len(tokens) == 1 and _ordinary(tokens[0])


def _ordinary(word: str) -> bool:
    if word in lowercase_words() or word in _bundled_contextual():
        return True
    words = _dictionary_words()
    at = bisect_left(words, word)
    return at < len(words) and words[at] == word


@cache
def _dictionary_words() -> list[str]:
    """The sorted folded words of ``dictionary_words.txt.gz`` (about 380,000, read in
    some 40 ms, once)."""
    import gzip

    data = gzip.decompress(resource_path("brands", "dictionary_words.txt.gz").read_bytes())
    return data.decode("utf-8").split()


def brand_names() -> list[str]:
    """Every canonical name of the bundled list, sorted (for the UI and the docs)."""
    data = load_list()
    names = {e["name"] for e in data["entries"]} | {e["name"] for e in data.get("contextual", [])}
    return sorted(names, key=str.casefold)


def _chunk(text: str, pos: int) -> tuple[int, int]:
    """The whitespace-delimited run of characters around ``pos``."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    found = _SPACE.search(text, pos)
    return start, found.start() if found else len(text)


def _in_address(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a URL, an e-mail address or a domain name."""
    start, end = _chunk(text, pos)
    chunk = text[start:end]
    if "@" in chunk or "://" in chunk or chunk.lower().startswith("www."):
        return True
    domain = _DOMAIN.search(chunk)  # a domain name and the path after it
    return domain is not None and domain.start() <= pos - start


@cache
def lowercase_words() -> frozenset[str]:
    """Folded one-word names of the list that are also ordinary English or French words
    ("adds", "slack", "workday", « munis »), from ``resources/brands/lowercase_words.txt``
    (written by ``tools/brand_words.py`` from the system dictionaries). Such a name is a
    brand only when written with its capital: in lower case it is the word."""
    path = resource_path("brands", "lowercase_words.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _match_at(
    tokens: list[re.Match[str]],
    folded: list[str],
    i: int,
    text: str,
    candidates: list[_Alias],
) -> tuple[_Alias, int] | None:
    """The longest alias starting at token ``i``, with the index of its last token; a
    ``cased`` alias only with each word's capital."""
    for alias in candidates:
        n = len(alias.tokens)
        if i + n > len(tokens):
            continue
        if alias.cased and any(t.group()[:1].islower() for t in tokens[i : i + n]):
            continue  # "the clerk adds", « munis d'un terminal », "world wide technology": words
        ok = True
        for k in range(1, n):
            if folded[i + k] != alias.tokens[k] or not _SEPARATOR.fullmatch(
                text, tokens[i + k - 1].end(), tokens[i + k].start()
            ):
                ok = False
                break
        if ok:
            return alias, i + n - 1
    return None


def detect_brands(text: str, extra: Iterable[Any] = ()) -> list[Match]:
    """Brand, product and vendor names in ``text``, in order of appearance.

    ``extra`` holds more names (strings, or ``model.ExtraBrand`` rows with a ``name``)
    added per project. Standards are never returned. Never raises on any ``str``.

    Only the tokens that can start a name (a first word of the index, a contextual
    word) are looked at; the words of the clause before a contextual word are read only
    when it needs them. Linear in the text's length.
    """
    if not text:
        return []
    extra_names = tuple(sorted({getattr(e, "name", e) for e in extra if getattr(e, "name", e)}))
    indexes = [_bundled_index()] + ([_extra_index(extra_names)] if extra_names else [])
    tokens = list(_TOKEN.finditer(text))
    if text.isascii():
        low = text.lower()
        folded = [low[t.start() : t.end()] for t in tokens]
    else:
        folded = [_fold_word(t.group()) for t in tokens]
    contextual = _bundled_contextual()
    starters = _bundled_starters()
    if extra_names:
        starters = starters | _extra_index(extra_names).keys()
    clause = _ClauseStarts(text, tokens)
    heads = _split_heads()
    found: list[Match] = []
    free = 0  # the first token not inside a name already found
    for i, word in enumerate(folded):
        if i < free:
            continue
        if word not in starters:
            split = (
                _split_at(text, tokens, folded, i)
                if word in heads and text[tokens[i].start()].isupper()
                else None
            )
            if split is not None:
                # "VM Ware", "Central Square": a one-word name written in two words
                end = tokens[i + 1].end()
                found.append(Match(text[tokens[i].start() : end], tokens[i].start(), end, split))
                free = i + 2
            continue
        best: tuple[_Alias, int] | None = None
        for index in indexes:
            candidates = index.get(word)
            hit = _match_at(tokens, folded, i, text, candidates) if candidates else None
            if hit and (best is None or hit[1] > best[1]):
                best = hit
        if best is None:
            if (
                word in contextual
                and not tokens[i].group()[0].isupper()
                and _lower_product(text, tokens, i, found)
            ):
                # "sharepoint, outlook and teams", "export to excel": a product in lower case
                found.append(
                    Match(
                        tokens[i].group(), tokens[i].start(), tokens[i].end(), contextual[word][0].canonical
                    )
                )
                continue
            if word not in contextual or not (tokens[i].group()[0].isupper() or _os_follows(folded, i)):
                continue
            seen = set(folded[clause.start_of(i) : i])
            found_here = _contextual_at(text, tokens, folded, i, seen)
            if (
                found_here is None
                and tokens[i].group()[0].isupper()
                and _after_found(text, tokens, i, found)
                and found[-1].canonical in _contextual_names()
            ):
                # "export to Word and Excel": a list right after a contextual product carries it
                found_here = contextual[word][0].canonical, tokens[i].end()
            if found_here and not _in_address(text, tokens[i].start()):
                canonical, end = found_here
                found.append(Match(text[tokens[i].start() : end], tokens[i].start(), end, canonical))
                while free < len(tokens) and tokens[free].start() < end:
                    free += 1
            continue
        alias, last = best
        if last == i and (_person_at(text, tokens, folded, i) or _person_with_role_at(text, tokens, i)):
            free = i + 1  # "Trustee Michelle Harris", "Mr. Harris": a person, not the vendor
            continue
        start, end = tokens[i].start(), tokens[last].end()
        if alias.canonical is not None and any(r.versioned for r in contextual.get(folded[last], ())):
            # "Microsoft Windows 10": a versioned product keeps its version
            version = _VERSION.match(text, end)
            if version and version.end() > end:
                end = version.end()
                while last + 1 < len(tokens) and tokens[last + 1].start() < end:
                    last += 1
        if alias.canonical is not None and not (_in_address(text, start) or _in_address(text, end - 1)):
            found.append(Match(text[start:end], start, end, alias.canonical))
        free = last + 1
    return found


_PERSON_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "m",
        "mme",
        "mlle",
        "monsieur",
        "madame",
        "trustee",
        "mayor",
        "maire",
        "mairesse",
        "councilmember",
        "councillor",
        "councilor",
        "member",
        "alderman",
        "alderwoman",
        "commissioner",
        "supervisor",
        "clerk",
        "treasurer",
        "chief",
        "captain",
        "judge",
        "senator",
        "conseiller",
        "conseillere",
    ]
)
"""Titles before a person's name: a one-word name of the list right after one, or after
one and a capitalised given name ("Trustee Michelle Harris", "Mr. Harris"), is a person
(docs/cases.md K34)."""


def _person_at(text: str, tokens: list[re.Match[str]], folded: list[str], i: int) -> bool:
    """Whether the capitalised one-word name at token ``i`` follows a title, directly or
    after one capitalised given name, each word joined by a space (or a title's dot)."""
    if not tokens[i].group()[:1].isupper():
        return False
    k = i - 1
    if k >= 0 and folded[k] not in _PERSON_TITLES:
        given = tokens[k].group()
        if not (given[:1].isupper() and given.isalpha() and text[tokens[k].end() : tokens[i].start()] == " "):
            return False
        k -= 1
    if k < 0 or folded[k] not in _PERSON_TITLES:
        return False
    return text[tokens[k].end() : tokens[k + 1].start()] in (" ", ". ")


_ROLES = frozenset(
    [
        "manager",
        "director",
        "clerk",
        "officer",
        "coordinator",
        "coordinatrice",
        "coordonnateur",
        "coordonnatrice",
        "chief",
        "head",
        "analyst",
        "administrator",
        "treasurer",
        "engineer",
        "supervisor",
        "specialist",
        "technician",
        "advisor",
        "adviser",
        "secretary",
        "president",
        "superintendent",
        "directeur",
        "directrice",
        "greffier",
        "greffiere",
        "gestionnaire",
        "responsable",
        "conseiller",
        "conseillere",
        "tresorier",
        "tresoriere",
        "technicien",
        "technicienne",
        "analyste",
        "chef",
        "adjoint",
        "adjointe",
        "ingenieur",
        "ingenieure",
        "secretaire",
        "presidente",
    ]
)
"""Words of a person's position: "Manager", « directrice »."""

_ROLE_AFTER = re.compile(r" ?[(,] ?([^(),;]{1,60})")


def _person_with_role_at(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether the capitalised one-word name at token ``i`` is a person's given name: a
    capitalised surname follows it, then the person's position in parentheses or after a
    comma, its first or last word a position ("Amanda Chisholm (Human Resources
    Manager)", "Amanda Chisholm, Director of Finance"). "Amanda (permitting)" and
    "Amanda Permits (building department)" stay the product."""
    if i + 1 >= len(tokens) or not tokens[i].group()[:1].isupper():
        return False
    surname = tokens[i + 1].group()
    if not (
        surname[:1].isupper() and surname.isalpha() and text[tokens[i].end() : tokens[i + 1].start()] == " "
    ):
        return False
    role = _ROLE_AFTER.match(text, tokens[i + 1].end())
    words = re.findall(r"\w+", fold(role.group(1))) if role else []
    return bool(words) and (words[0] in _ROLES or words[-1] in _ROLES)


@lru_cache(maxsize=16384)
def _fold_word(word: str) -> str:
    return fold(word)


@cache
def _bundled_starters() -> frozenset[str]:
    """Every folded word that may start a name or a standard: the index's first words
    and the contextual words."""
    return frozenset(_bundled_index()) | frozenset(_bundled_contextual())


class _ClauseStarts:
    """The first token of the clause holding token ``i`` (after ". ", "; ", a line
    break …), found by bisection on the clause ends, computed once per text when first
    asked."""

    def __init__(self, text: str, tokens: list[re.Match[str]]) -> None:
        self.text = text
        self.tokens = tokens
        self.ends: list[int] | None = None
        self.starts: list[int] = []

    def start_of(self, i: int) -> int:
        if self.ends is None:
            self.ends = [m.start() for m in _CLAUSE_END.finditer(self.text)]
            self.starts = [t.start() for t in self.tokens]
        before = bisect_left(self.ends, self.starts[i]) - 1
        if before < 0:
            return 0
        return bisect_right(self.starts, self.ends[before])


def brand_list(text: str, extra: Iterable[Any] = ()) -> list[str]:
    """The distinct names as written in ``text`` (for messages), in order.

    Cached on the text and the extra names: the checks call it on every keystroke.
    """
    return list(_brand_list(text, extra_names(extra)))


def extra_names(extra: Iterable[Any]) -> tuple[str, ...]:
    """The distinct names of ``extra`` (strings, or rows with a ``name``), sorted: a
    cache key. A tuple of strings (``checks.known_names``) is sorted once, not once per
    text checked."""
    global _last_sorted
    if isinstance(extra, tuple):
        last = _last_sorted
        if last[0] is extra:  # the same tuple as the call before (a check run's known names)
            return last[1]
        try:
            found = _sorted_names(extra)
        except TypeError:  # rows (unhashable): sorted below
            pass
        else:
            _last_sorted = (extra, found)
            return found
    return tuple(sorted({str(getattr(e, "name", e)) for e in extra}))


class _Names(tuple):
    """A sorted tuple of names that hashes once: it keys the caches of every text
    checked (``_brand_list``, ``product_names._possible_list``, :func:`detected`), and a
    tuple computes its hash again at each lookup, from every name it holds."""

    def __hash__(self) -> int:
        found: int | None = self.__dict__.get("hash")
        if found is None:
            found = self.__dict__["hash"] = tuple.__hash__(self)
        return found


_last_sorted: tuple[Any, tuple[str, ...]] = (None, ())
"""(a tuple given to :func:`extra_names`, its answer): the checks ask with the same
tuple for every text of a run (``memo.per_pass``), so it is not even hashed again."""


@lru_cache(maxsize=64)
def _sorted_names(extra: tuple[Any, ...]) -> tuple[str, ...]:
    return _Names(sorted({str(getattr(e, "name", e)) for e in extra}))


@lru_cache(maxsize=4096)
def _brand_list(text: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.name for m in detected(text, extra)))


@lru_cache(maxsize=256)
def detected(text: str, extra: tuple[str, ...] = ()) -> tuple[Match, ...]:
    """:func:`detect_brands` of ``text`` with the ``extra`` names, cached: the brand
    list and the possible names of one text (:mod:`wizard.core.domain.product_names`)
    share one detection per keystroke."""
    return tuple(detect_brands(text, extra))
