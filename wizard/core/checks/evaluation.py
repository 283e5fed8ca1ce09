"""Checks of the evaluation step (SPEC §2, §3)."""

from __future__ import annotations

from wizard.core.checks.base import Finding
from wizard.core.model import Project


def check_evaluation(project: Project) -> list[Finding]:
    """Findings of the evaluation step."""
    return []
