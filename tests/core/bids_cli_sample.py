"""What the tests of ``bid`` on the command line share: :func:`cli` runs ``main.py`` in
the test's process, :func:`example` makes a project file from a bundled example as
``new --example`` does (published, with bids added, as the test needs), and small
readers of the file's bids record.

The examples, as these tests use them: ``training`` has four bids, opened, bid 2
failing OBL-4, bid 3 below the pass threshold, bid 1 awarded, and a contract follow-up
(:func:`without_follow_up` removes it, so that the award may change);
``office-suite`` closes on 2027-02-19 14:00 −04:00 once published on 2027-01-20;
``emergency-perimeter`` (Québec) closes on 2027-03-08 14:00, the town at −05:00 that
day, before daylight saving time on 14 March.
"""

from __future__ import annotations

from pathlib import Path

from wizard.core.bids.record import Award, Bid, read
from wizard.core.project_file.store import ProjectFile


def cli(*args: object) -> int:
    """``main.py`` with ``args`` (paths and numbers as text); its exit status."""
    from wizard.cli import main as cli_main

    return cli_main([str(a) for a in args])


def example(
    tmp_path: Path,
    capsys,
    name: str,
    file_name: str = "",
    publish: tuple[str, ...] | None = None,
    bids: tuple[tuple[str, ...], ...] = (),
) -> Path:
    """The example ``name`` made with ``new --example`` as ``tmp_path / file_name``
    (``<name>.tender`` by default); published with the ``publish`` options when given
    (``()``: today); then a bid added per ``bids`` (the ``bid add`` options of each);
    what the commands printed read away."""
    path = tmp_path / (file_name or f"{name}.tender")
    assert cli("new", "--example", name, path) == 0
    if publish is not None:
        assert cli("publish", path, *publish) == 0
    for options in bids:
        assert cli("bid", path, "add", *options) == 0
    capsys.readouterr()
    return path


def without_follow_up(path: Path) -> None:
    """Remove every entry of the contract's follow-up (amendments, reports, incidents,
    payments), so that the award may change."""
    from wizard.core.bids import evaluation_entry
    from wizard.core.contract import operations

    kinds = {"A": "amendment", "R": "report", "I": "incident", "P": "payment"}
    with ProjectFile.open(path) as pf:
        for entry in evaluation_entry.follow_up_entries(pf):
            operations.remove(pf, kinds[entry[0]], int(entry[1:]))


def bid_of(path: Path, bid_id: int) -> Bid | None:
    """Bid ``bid_id`` as the file at ``path`` records it."""
    with ProjectFile.open(path, read_only=True) as f:
        return read(f).bid(bid_id)


def award_of(path: Path) -> Award | None:
    """The award the file at ``path`` records, ``None`` before one."""
    with ProjectFile.open(path, read_only=True) as f:
        return read(f).award
