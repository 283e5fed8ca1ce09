"""Checks of the criteria step (SPEC §2, §3)."""

from __future__ import annotations

from wizard.core.checks.base import Finding
from wizard.core.model import Project


def check_criteria(project: Project) -> list[Finding]:
    """Findings of the criteria step."""
    return []
