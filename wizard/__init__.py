"""Open Procurement Wizard: the core (``wizard.core``), the app (``wizard.ui``) and the
command line (``wizard.cli``)."""

__version__ = "0.1.0"
"""The app's version, its one source: ``pyproject.toml`` reads it (``[tool.hatch.version]``)
for the wheel's metadata; ``python -m wizard --version`` prints it."""
