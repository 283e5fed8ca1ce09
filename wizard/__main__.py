"""``python -m wizard …`` is ``python main.py …``: the app or a sub-command
(``python -m wizard --help``); usage hints say ``python -m wizard``."""

import sys

from wizard.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m wizard"))
