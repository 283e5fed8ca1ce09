"""The TCO chart (docs/tco.md): a deterministic PNG of cumulative cost by option, drawn
without Qt, with matplotlib imported only when a chart is drawn."""

from __future__ import annotations

import struct
import subprocess
import sys
from decimal import Decimal as D  # noqa: N817

import pytest

from wizard.core.documents.chart import cumulative_chart_png
from wizard.core.examples import load_example
from wizard.core.model import CostLine, Project, TcoOption

PNG = b"\x89PNG\r\n\x1a\n"


def _size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG)
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_same_project_same_bytes():
    project = load_example("office-suite")
    first = cumulative_chart_png(project, "en")
    assert first == cumulative_chart_png(project, "en")
    assert first != cumulative_chart_png(project, "fr")  # labels and money format follow the language
    assert b"Software" not in first  # no matplotlib version stamped in the file


def test_size_follows_width_and_dpi():
    project = load_example("training")
    assert _size(cumulative_chart_png(project, "fr", width_cm=16.0, dpi=150)) == (
        944,
        566,
    )  # 16 cm = 6.30 in × 150 dpi, height 60 %
    assert _size(cumulative_chart_png(project, "fr", width_cm=10.16, dpi=100)) == (400, 240)


def test_an_edit_changes_the_chart():
    project = load_example("office-suite")
    before = cumulative_chart_png(project, "en")
    project.cost_lines[0].amount += D(50000)
    assert cumulative_chart_png(project, "en") != before


def test_odd_data_still_draws():
    project = Project()
    assert cumulative_chart_png(project, "fr").startswith(PNG)  # no option: a note, not a crash
    project.tco.horizon_years = 1
    project.tco_options = [
        TcoOption(id=1, name="$x$ \\frac{1}{2} \x00 " + "long " * 40),
        TcoOption(id=2, name=""),
    ]
    project.cost_lines = [
        CostLine(id=1, option_id=1, amount=D("-5000")),
        CostLine(id=2, option_id=2, amount=D("1e12")),
    ]
    assert cumulative_chart_png(project, "en").startswith(PNG)


@pytest.mark.slow
def test_core_import_does_not_load_matplotlib():
    code = (
        "import sys, wizard.core.documents.chart, wizard.core.export, wizard.core.domain.scorecard; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False"
