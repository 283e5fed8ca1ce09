"""``opw-app --self-test``: the bundle's proof that it finds its data and draws its window."""

from __future__ import annotations

import pytest

from wizard.ui import selftest


@pytest.mark.slow
def test_self_test_walks_the_window_in_both_languages():
    from wizard.core.steps import Step

    lines: list[str] = []
    assert selftest.run(report=lines.append) == 0
    assert lines[0].startswith("data: examples, legal data, clauses and the French catalogue found")
    assert lines[1] == f"window (fr): emergency-perimeter, {len(Step)} steps and the history shown"
    assert lines[2] == f"window (en): emergency-perimeter, {len(Step)} steps and the history shown"
    assert lines[-1] == "self-test passed"


def test_self_test_fails_without_the_examples(monkeypatch, capsys):
    from wizard.core import examples

    monkeypatch.setattr(examples, "example_names", lambda: [])
    assert selftest.main() == 1
    err = capsys.readouterr().err
    assert err.startswith("self-test failed: no bundled example in ")
    assert "resources/examples" in err.replace("\\", "/")


def test_self_test_fails_without_the_french_catalogue(monkeypatch, capsys):
    from wizard.core import i18n

    monkeypatch.setattr(i18n, "tr", lambda text, lang, **params: text)
    assert selftest.main() == 1
    assert "no French catalogue in " in capsys.readouterr().err
