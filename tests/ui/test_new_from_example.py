"""The app's *New from an example* creates the file as ``new --example`` does
(``contract.jsonform.create_file``): a removed bid's number is kept (review 2026-12-07)."""

import copy

import pytest

from wizard.core import examples
from wizard.core.bids import intake
from wizard.ui import dialogs, project_actions


@pytest.mark.parametrize(("removed", "next_bid"), [([5, 6], 7), (None, 5)])
def test_new_from_an_example_keeps_the_removed_numbers(window, tmp_path, monkeypatch, removed, next_bid):
    """Bids 5 and 6 removed in the example: the next bid recorded is 7, never 5 again.
    The twin: the training example as bundled (four bids, none removed) gives bid 5."""
    real = examples.load_example_with_contract

    def with_removed(name):
        project, publishing, bids, contract = copy.deepcopy(real(name))
        if removed is not None:
            bids["removed"] = removed
        return project, publishing, bids, contract

    monkeypatch.setattr(examples, "load_example_with_contract", with_removed)
    names = list(examples.example_names())
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a, **k: names.index("training"))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "t.tender")
    project_actions.new_from_example(window)
    assert window.ctx is not None and window.ctx.pf.path == tmp_path / "t.tender"
    assert intake.removed_numbers(window.ctx.pf) == set(removed or ())
    assert intake.next_number(window.ctx.pf) == next_bid
