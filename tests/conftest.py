"""Shared fixtures. Qt runs offscreen; no test touches the network."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

from wizard.core.model import Project  # noqa: E402
from wizard.core.store import ProjectFile  # noqa: E402


@pytest.fixture
def project_file(tmp_path):
    """A new, empty project file in a temporary folder (closed after the test)."""
    pf = ProjectFile.create(tmp_path / "test.tender", Project())
    yield pf
    pf.close()
