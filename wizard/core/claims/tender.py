"""The claims of the tender and its clauses (docs/claims.md)."""

from __future__ import annotations
