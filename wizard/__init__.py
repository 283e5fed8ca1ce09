"""Open Procurement Wizard: the core (``wizard.core``), the app (``wizard.ui``) and the
command line (``wizard.cli``)."""

__version__ = "0.1.0"
"""The app's version, the same as ``pyproject.toml``'s (``python main.py --version``)."""
