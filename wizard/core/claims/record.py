"""The claims of the decision record (docs/claims.md)."""

from __future__ import annotations
