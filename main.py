"""Open Procurement Wizard: ``python main.py`` starts the app; sub-commands are in
``wizard/cli/__init__.py`` (``python main.py --help``)."""

import sys

from wizard.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python main.py"))
