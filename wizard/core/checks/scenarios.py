"""Checks of the scenarios step (SPEC §2, §3)."""

from __future__ import annotations

from wizard.core.checks.base import Finding
from wizard.core.model import Project


def check_scenarios(project: Project) -> list[Finding]:
    """Findings of the scenarios step."""
    return []
