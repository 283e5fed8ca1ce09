"""A small Québec project for the tests of the statutory grid (issue 22): the training
example published, moved to Québec under the statutory weighted system
(``evaluation.quebec_weighted``), its optional criteria left out (the grid is the
quality evaluation here; mandatory criteria 1–5 stay), and a quality grid of four items
(30 + 30 + 20 + 20 = 100 points). Jury members 1, 2, 3 (declarations signed).

Three bids, each with the grid points every member gives and the consensus
(``CONSENSUS``) and the evaluated price (``PRICES``):

* A, 100 000 $: 25 + 24 + 16 + 15 = 80;
* B, 90 000 $: 20 + 21 + 15 + 16 = 72 (member 2 gives 14 on item 2, the others 21: a divergence);
* C, 80 000 $: 20 + 18 + 14 + 13 = 65, under 70: its price envelope stays closed.
"""

from __future__ import annotations

from bids_sample import fill

from wizard.core.bids import evaluation_entry, intake
from wizard.core.bids.record import Bidder
from wizard.core.examples import load_example_with_publishing
from wizard.core.model import Project, QualityGridItem, Translation
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows

ON_TIME = "2027-04-16T10:12:00-04:00"  # the town's offset in April (BD-OFFSET otherwise)
LOCKED = "2027-04-20T09:00:00-04:00"
OPENED = "2027-04-20T14:00:00-04:00"
ENGLISH = {1: "Company experience", 2: "Proposed methodology", 3: "Team", 4: "Support"}
"""The English version of each grid item's label (the tender is in both languages)."""
GRID = (
    (1, "Expérience de l’entreprise", 30),
    (2, "Méthodologie proposée", 30),
    (3, "Équipe", 20),
    (4, "Soutien", 20),
)
NAMES = {"A": "Alpha Conseil inc.", "B": "Bêta Formation ltée", "C": "Gamma Savoir inc."}
PRICES = {"A": "100000", "B": "90000", "C": "80000"}
CONSENSUS = {"A": (25, 24, 16, 15), "B": (20, 21, 15, 16), "C": (20, 18, 14, 13)}
SHEET_OVERRIDES = {("B", 2, 2): 14}
"""(bid, member, item) → a member's own points where they differ from the consensus."""


def quebec_project() -> tuple[Project, dict]:
    """The project and its publication record (module docstring)."""
    project, publishing = load_example_with_publishing("training")
    assert publishing is not None
    project.info.province = "QC"
    project.evaluation.quebec_weighted = True
    project.criteria = [c for c in project.criteria if c.kind == "mandatory"]
    project.quality_grid = [QualityGridItem(id=i, label=label, points=p) for i, label, p in GRID]
    first = max((t.id for t in project.translations), default=0) + 1
    project.translations += [
        Translation(id=first + n, address=f"quality_grid:{i}.label", lang="en", text=ENGLISH[i])
        for n, (i, _label, _points) in enumerate(GRID)
    ]
    return project, publishing


def create(path) -> ProjectFile:
    """The project file of :func:`quebec_project`, published."""
    project, publishing = quebec_project()
    return ProjectFile.create(path, project, origin="example", tables=table_rows(publishing))


def record_bid(pf: ProjectFile, key: str, *, sheets: bool = True, consensus: bool = True) -> int:
    """Bid ``key`` received on time with its workbook, every mandatory criterion met, the
    three members' grid sheets and the consensus (with a reason). Returns its id."""
    bid_id = intake.add_bid(pf, bidder=Bidder(NAMES[key]), received_at=ON_TIME, acknowledged=[1])
    intake.attach_workbook(
        pf, bid_id, fill(pf.project, {"one_off.implementation": [PRICES[key]]}), name="prix.xlsx", at=ON_TIME
    )
    for c in (1, 2, 3, 4, 5):
        evaluation_entry.set_mandatory(pf, bid_id, c, True, evidence=f"Section {c}")
    for n, (item, _label, _points) in enumerate(GRID):
        agreed = CONSENSUS[key][n]
        if sheets:
            for member in (1, 2, 3):
                given = SHEET_OVERRIDES.get((key, member, item), agreed)
                evaluation_entry.set_grid_sheet_score(pf, bid_id, member, item, given, reason="Vu")
        if consensus:
            evaluation_entry.set_grid_consensus(pf, bid_id, item, agreed, reason="Accord du comité")
    return bid_id
