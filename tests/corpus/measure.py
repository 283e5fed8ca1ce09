"""Measure the text checks on the labelled corpus of real public texts.

The corpus (``tests/corpus/*.tsv``, docs: ``tests/corpus/README.md``) holds sentences
taken from public council reports, staff reports, municipal RFPs and notices, each with
its source address. One line per sentence: ``kind  lang  label  text  source`` (tabs).

* ``brand``: a requirement or report sentence naming a product, vendor or reseller;
  ``label`` lists its names, ``" | "``-separated. It is *recalled* when a brand finding
  (an error, or a possible-brand warning) fires on it **and names** one of its names;
  each name counts separately for the name recall.
* ``neutral``: a technical or administrative sentence without any such name; a *false
  alarm* when any brand finding fires on it.
* ``problem``: a problem statement; ``label`` is the set of the codes P-SOLUTION,
  P-INCUMBENT, P-BYPASS and P-PRESUME it should get (``-`` for none); it is *right*
  when ``lint --field problem`` gives exactly that set of those four codes.

A third of every kind is held out (``split(text) == "held"``: a stable hash of the
text), never read while the checks are tuned, and reported separately.

``python tests/corpus/measure.py [--misses] [--confusion] [--split tune|held|all]`` prints
the figures (with ``--misses``, the tuning set's misses only; with ``--confusion``, counts
per problem code and per kind of brand miss, no text: the only view of the held-out set's
errors allowed).

K-fold check of a rule change (tuning set only): ``--record FILE`` stores which tuning
sentences are right before the change, ``--compare FILE`` prints, per fold (five folds by
a second byte of the same hash, :func:`fold_of`), how many sentences the change fixed and
broke. A change motivated by one sentence fixes one fold; a change of a kind fixes
sentences in folds that did not motivate it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from wizard.core.checks.base import Finding  # noqa: E402
from wizard.core.checks.lint import detected_names, lint_text  # noqa: E402
from wizard.core.domain.brands import fold  # noqa: E402

PROBLEM_CODES = frozenset({"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"})
GOALS = {"recall": 0.95, "names": 0.90, "false_alarms": 0.03, "problems": 0.90}


@dataclass(frozen=True)
class Item:
    kind: str
    lang: str
    label: tuple[str, ...]
    text: str
    source: str

    @property
    def split(self) -> str:
        return split(self.text)


def split(text: str) -> str:
    """``"held"`` for a stable third of the texts, ``"tune"`` for the rest."""
    digest = hashlib.sha1(text.encode("utf-8")).digest()
    return "held" if digest[0] % 3 == 0 else "tune"


FOLDS = 5


def fold_of(text: str) -> int:
    """The fold (0 to :data:`FOLDS` - 1) of a tuning text, by a second byte of its hash."""
    return hashlib.sha1(text.encode("utf-8")).digest()[1] % FOLDS


def problem_codes(item: Item) -> set[str]:
    """The problem codes (:data:`PROBLEM_CODES`) ``lint --field problem`` gives ``item``."""
    return {f.code for f in lint_text("problem", item.text, item.lang)} & PROBLEM_CODES


def problem_right(item: Item, codes: set[str]) -> bool:
    """Whether ``codes`` are right for the problem statement ``item``: exactly its label."""
    return set(codes) == set(item.label)


def right(item: Item) -> bool:
    """Whether the checks get ``item`` right: a problem statement's exact codes, a neutral
    sentence quiet, a brand sentence with all its names found."""
    if item.kind == "problem":
        return problem_right(item, problem_codes(item))
    names = [n for f in brand_findings(item.text, item.lang) for n in detected_names(f)]
    if item.kind == "neutral":
        return not names
    return all(_named(label, names) for label in item.label)


def key(item: Item) -> str:
    return hashlib.sha1(f"{item.kind}\t{item.text}".encode()).hexdigest()[:16]


def record(items: list[Item], path: Path) -> None:
    """Store, per tuning item, whether the checks get it right (``--record``)."""
    data = {key(i): right(i) for i in items}
    path.write_text(json.dumps(data, indent=0, sort_keys=True), encoding="utf-8")


def compare(items: list[Item], path: Path) -> list[str]:
    """Per fold and kind, the items right before (``--record``) and now, fixed and broken.
    Items added since the record count as new, by whether they are right."""
    before = json.loads(path.read_text(encoding="utf-8"))
    rows: dict[tuple[int, str], list[int]] = {}
    for item in items:
        row = rows.setdefault((fold_of(item.text), item.kind), [0, 0, 0, 0, 0, 0])
        now = right(item)
        was = before.get(key(item))
        row[0] += 1
        row[1] += bool(was)
        row[2] += now
        row[3] += was is False and now
        row[4] += was is True and not now
        row[5] += was is None
    lines = ["fold kind      items  before  now  fixed  broken  new"]
    for (fold_, kind), r in sorted(rows.items()):
        lines.append(f"{fold_:>4} {kind:<8} {r[0]:>6} {r[1]:>7} {r[2]:>4} {r[3]:>6} {r[4]:>7} {r[5]:>4}")
    return lines


def load() -> list[Item]:
    items: list[Item] = []
    for path in sorted(HERE.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, lang, label, text, source = line.split("\t")
            if kind == "brand":
                labels = tuple(n.strip() for n in label.split("|") if n.strip())
            elif kind == "problem":
                labels = tuple(c for c in label.split() if c != "-")
            else:
                labels = ()
            if kind not in ("brand", "neutral", "problem") or lang not in ("fr", "en") or not source:
                raise ValueError(f"{path.name}:{number}: bad line")
            items.append(Item(kind, lang, labels, text, source))
    return items


def brand_findings(text: str, lang: str) -> list[Finding]:
    """The findings of ``text`` as a criterion that name a brand, product or vendor."""
    return [f for f in lint_text("criterion", text, lang) if detected_names(f)]


def _named(label: str, names: list[str]) -> bool:
    want = fold(label)
    return any((got := fold(n)) and (want in got or (len(got) >= 3 and got in want)) for n in names)


@dataclass
class Figures:
    brand: int = 0
    recalled: int = 0
    names: int = 0
    names_found: int = 0
    neutral: int = 0
    alarms: int = 0
    problems: int = 0
    problems_right: int = 0

    def rate(self, key: str) -> float:
        num, den = {
            "recall": (self.recalled, self.brand),
            "names": (self.names_found, self.names),
            "false_alarms": (self.alarms, self.neutral),
            "problems": (self.problems_right, self.problems),
        }[key]
        return num / den if den else 0.0

    def meets_goals(self) -> bool:
        return (
            self.rate("recall") >= GOALS["recall"]
            and self.rate("names") >= GOALS["names"]
            and self.rate("false_alarms") <= GOALS["false_alarms"]
            and self.rate("problems") >= GOALS["problems"]
        )

    def line(self, title: str) -> str:
        return (
            f"{title}: brand recall {self.rate('recall'):.1%} ({self.recalled}/{self.brand}), "
            f"names {self.rate('names'):.1%} ({self.names_found}/{self.names}), "
            f"false alarms {self.rate('false_alarms'):.1%} ({self.alarms}/{self.neutral}), "
            f"problem codes {self.rate('problems'):.1%} ({self.problems_right}/{self.problems})"
        )


def confusion(items: list[Item]) -> list[str]:
    """Counts without text: per problem code, how often it was right, missing or extra,
    by language; per brand sentence, whether no name or only some were found; the neutral
    sentences that raised a false alarm. Safe to print for the held-out set."""
    counts: dict[str, int] = {}

    def add(key: str) -> None:
        counts[key] = counts.get(key, 0) + 1

    for item in items:
        if item.kind == "problem":
            codes = problem_codes(item)
            want = set(item.label)
            for code in sorted(PROBLEM_CODES):
                state = {
                    (True, True): "right",
                    (True, False): "missing",
                    (False, True): "extra",
                }.get((code in want, code in codes))
                if state:
                    add(f"{code} {state} {item.lang}")
            add(f"statements {'right' if codes == want else 'wrong'} {item.lang}")
            continue
        names = [n for f in brand_findings(item.text, item.lang) for n in detected_names(f)]
        if item.kind == "neutral":
            add(f"neutral {'alarm' if names else 'quiet'} {item.lang}")
            continue
        hits = sum(1 for label in item.label if _named(label, names))
        state = "all names" if hits == len(item.label) else "some names" if hits else "no name"
        add(f"brand {state} {item.lang}")
    return [f"  {key}: {value}" for key, value in sorted(counts.items())]


import re  # noqa: E402  (the brand side's counts below: one block of their own)

_SYMBOL = re.compile(r"[+&.@/]|\w\.\w")
_MODEL = re.compile(r"\d")


def name_shape(name: str) -> str:
    """The shape of a name, the first that applies: ``"domain or symbol"`` (+, &, ., @,
    /), ``"digit or model number"``, ``"all-caps or acronym"`` (a word of two capitals or
    more and no lower-case letter), ``"inner capital"`` (camelCase, "iPad"),
    ``"lower-case"`` (its first letter), ``"several words"``, ``"one capitalised word"``."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"['’]s\b", "", name))
    if _SYMBOL.search(name):
        return "domain or symbol"
    if _MODEL.search(name):
        return "digit or model number"
    if any(len(w) >= 2 and w.isupper() for w in words):
        return "all-caps or acronym"
    if any(any(c.isupper() for c in w[1:]) and not w.isupper() for w in words):
        return "inner capital"
    if name[:1].islower():
        return "lower-case"
    return "several words" if len(words) > 1 else "one capitalised word"


def _squash(phrase: str) -> str:
    """``phrase`` folded with its spacing, hyphens, apostrophes and dots removed and a final
    possessive or plural "s" dropped ("Sales-Force's" → "salesforce")."""
    squashed = re.sub(r"[\W_]+", "", fold(re.sub(r"['’]s\b", "", phrase)))
    return squashed[:-1] if len(squashed) > 3 and squashed.endswith("s") else squashed


_LEGAL_FORM = re.compile(
    r"[\s,]+(?:inc|incorporated|ltd|lt[ée]e|limited|llc|corp|corporation|co|company|sa|sas|plc|gmbh)\.?$",
    re.IGNORECASE,
)


def _list_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The bundled list's names, aliases and contextual words, folded (as the detector
    tokenises them) and squashed (:func:`_squash`, also without a final legal form: "AT&T
    Inc." → "att")."""
    from wizard.core.domain.brands import load_list

    data = load_list()
    phrases = [p for e in data["entries"] for p in (e["name"], *e.get("aliases", []))]
    phrases += [p for e in data.get("contextual", []) for p in (e["name"], *e["words"])]
    folded = frozenset(" ".join(fold(t) for t in re.findall(r"\w+", p)) for p in phrases)
    return folded, frozenset(_squash(f) for p in phrases for f in (p, _LEGAL_FORM.sub("", p)))


def name_cause(name: str, listed: tuple[frozenset[str], frozenset[str]]) -> str:
    """Why a missed name was missed, by the list alone: ``"listed, rule did not fire"`` when
    the name, or a run of its words, is a name, alias or contextual word of the list as the
    detector reads it (its context rule, its capital or a guard kept it quiet);
    ``"alias variant not matched"`` when it is one only once spacing, hyphens, accents, a
    plural or a possessive are set aside; ``"not in any list"`` otherwise."""
    folded, squashed = listed
    words = [fold(t) for t in re.findall(r"\w+", name)]
    runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    if runs & folded:
        return "listed, rule did not fire"
    if _squash(name) in squashed:
        return "alias variant not matched"
    return "not in any list"


def brand_causes(items: list[Item]) -> list[str]:
    """Counts without text: each name of a brand sentence that no brand finding names, by
    language, shape (:func:`name_shape`) and cause (:func:`name_cause`); each name raised on
    a neutral sentence, by language and shape. Safe to print for the held-out set."""
    listed = _list_forms()
    counts: dict[str, int] = {}
    for item in items:
        if item.kind not in ("brand", "neutral"):
            continue
        names = [n for f in brand_findings(item.text, item.lang) for n in detected_names(f)]
        if item.kind == "neutral":
            for name in names:
                key = f"alarm name {item.lang} {name_shape(name)}"
                counts[key] = counts.get(key, 0) + 1
            continue
        for label in item.label:
            if not _named(label, names):
                for key in (
                    f"missed name {item.lang} {name_shape(label)} / {name_cause(label, listed)}",
                    f"missed name {item.lang} by shape: {name_shape(label)}",
                    f"missed name {item.lang} by cause: {name_cause(label, listed)}",
                ):
                    counts[key] = counts.get(key, 0) + 1
    return [f"  {key}: {value}" for key, value in sorted(counts.items())]


def problem_causes(items: list[Item]) -> list[str]:
    """Counts without text of why problem statements are wrong: for each P-INCUMBENT or
    P-SOLUTION missing or extra, whether no name was found at all (the detector's fault),
    a name was found and given the other role or none (the role rules'), or a role was
    given to a possible name off the list (perhaps no product: a person, a place, the
    town's body), with the rule of :func:`wizard.core.checks.problem.read_statement` that
    decided; and for the statements right and wrong, how many hold a past, a future, a
    modal or a negation (rough word patterns). Safe to print for the held-out set."""
    import re

    from wizard.core.checks.problem import read_statement
    from wizard.core.checks.problem_terms import ACQUIRE
    from wizard.core.checks.wording import fold as fold_words

    grammar = {
        "past": {
            # a participle after "be", "is" or "are" is a passive, not a past
            "en": r"\b(?:was|were|had|did|bought|chose|began)\b|(?<!\bbe )(?<!\bis )(?<!\bare )\b\w{3,}ed\b",
            "fr": r"\b(?:(?:a|ont|avait|avaient|avons) (?:\w+ )?\w+(?:e|es|ee|ees|is|it|u|us)|etait|etaient|fut|\w{3,}aient|\w{3,}ait)\b",
        },
        "future": {
            "en": r"\b(?:will|shall|going to)\b",
            "fr": r"\b(?:\w{3,}(?:ra|ront|rons)|vont|va (?:\w+er))\b",
        },
        "modal": {
            "en": r"\b(?:can|could|may|might|must|should|would)\b",
            "fr": r"\b(?:peut|peuvent|pourrait|pourraient|doit|doivent|devrait|devraient|faut|faudrait)\b",
        },
        "negation": {
            "en": r"\b(?:not|no|never|none)\b|n't",
            "fr": r"\b(?:pas|jamais|aucun|aucune|ni)\b",
        },
    }
    counts: dict[str, int] = {}

    def add(key: str) -> None:
        counts[key] = counts.get(key, 0) + 1

    for item in items:
        if item.kind != "problem":
            continue
        codes = problem_codes(item)
        want = set(item.label)
        state = "right" if codes == want else "wrong"
        folded = fold_words(item.text)
        for feature, pattern in grammar.items():
            if re.search(pattern[item.lang], folded):
                add(f"statements {state} with a {feature} {item.lang}")
        if state == "right":
            continue
        reading = read_statement(item.text)
        names = reading.names
        both = " (both codes wanted)" if {"P-INCUMBENT", "P-SOLUTION"} <= want else ""
        for code, role, other in (
            ("P-INCUMBENT", "incumbent", "target"),
            ("P-SOLUTION", "target", "incumbent"),
        ):
            if code in want and code not in codes:
                if not names:
                    acquire = "an acquisition word" if ACQUIRE.search(folded) else "no acquisition word"
                    cause = f"no name detected ({acquire})" if code == "P-SOLUTION" else "no name detected"
                else:
                    given = [n for n in names if n.role == other]
                    none = [n for n in names if not n.role]
                    if given:
                        cause = f"every name given the other role ({other}, by {given[0].rule}){both}"
                    else:
                        cause = f"a name detected, no role given (by {(none or names)[0].rule})"
                add(f"{code} missing: {cause} {item.lang}")
            elif code in codes and code not in want:
                mine = [n for n in names if n.role == role]
                if not mine:
                    add(f"{code} extra: a solution type aimed at, no name {item.lang}")
                    continue
                wanted = (
                    "the other code wanted"
                    if ({"P-INCUMBENT", "P-SOLUTION"} - {code}) & want
                    else "neither wanted"
                )
                kind = (
                    "a listed name" if any(n.listed for n in mine) else "a possible name only (off the list)"
                )
                add(f"{code} extra: {kind} given the role, by {mine[0].rule}; {wanted} {item.lang}")
    return [f"  {key}: {value}" for key, value in sorted(counts.items())]


def measure(items: list[Item], misses: list[str] | None = None) -> Figures:
    """The figures on ``items``; a line per miss is appended to ``misses`` if given."""
    fig = Figures()
    for item in items:
        if item.kind == "problem":
            codes = problem_codes(item)
            fig.problems += 1
            if problem_right(item, codes):
                fig.problems_right += 1
            elif misses is not None:
                misses.append(f"PROBLEM want {sorted(item.label)} got {sorted(codes)}: {item.text}")
            continue
        found = brand_findings(item.text, item.lang)
        names = [n for f in found for n in detected_names(f)]
        if item.kind == "neutral":
            fig.neutral += 1
            if found:
                fig.alarms += 1
                if misses is not None:
                    misses.append(f"ALARM {[f.code for f in found]} {names}: {item.text}")
            continue
        fig.brand += 1
        hits = [label for label in item.label if _named(label, names)]
        fig.names += len(item.label)
        fig.names_found += len(hits)
        if hits:
            fig.recalled += 1
        if misses is not None and len(hits) < len(item.label):
            misses.append(f"MISS want {list(item.label)} got {names}: {item.text}")
    return fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the tuning set's misses")
    parser.add_argument(
        "--split",
        choices=("tune", "held", "all"),
        default="all",
        help="which figures to print: the tuning set only while tuning (default: all)",
    )
    parser.add_argument(
        "--confusion",
        action="store_true",
        help="print counts per problem code and per kind of brand miss (no text)",
    )
    parser.add_argument("--record", type=Path, help="store which tuning items are right")
    parser.add_argument("--compare", type=Path, help="per fold, fixed and broken since --record")
    args = parser.parse_args(argv)
    items = load()
    tune = [i for i in items if i.split == "tune"]
    held = [i for i in items if i.split == "held"]
    if args.record or args.compare:
        if args.record:
            record(tune, args.record)
        if args.compare:
            print("\n".join(compare(tune, args.compare)))
        return 0
    misses: list[str] = []
    if args.split in ("tune", "all"):
        print(measure(tune, misses if args.misses else None).line(f"tuning set ({len(tune)})"))
    if args.split in ("held", "all"):
        print(measure(held).line(f"held-out set ({len(held)})"))
    if args.split == "all":
        print(measure(items).line(f"whole corpus ({len(items)})"))
    if args.confusion:
        for key, name, group in (("tune", "tuning set", tune), ("held", "held-out set", held)):
            if args.split in (key, "all"):
                print(f"{name} counts:")
                print("\n".join(confusion(group)))
                print("\n".join(brand_causes(group)))
                print("\n".join(problem_causes(group)))
    for line in misses:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
