"""The entry point of the PyInstaller bundle (``opw.spec``), built twice:

* ``opw`` (``opw.exe``): the whole command line of ``python -m wizard``;
* ``opw-app`` (``opw-app.exe``, no console window on Windows): the app only, opening
  the project given, if any (what a file association or a menu entry runs).

Both answer ``--self-test`` (:mod:`wizard.ui.selftest`): a quick proof that the bundle
finds its data and draws its window.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        from wizard.ui.selftest import main as self_test

        sys.exit(self_test())
    from wizard.cli import gui_main, main

    if Path(sys.executable).stem.lower() == "opw-app":
        sys.exit(gui_main())
    sys.exit(main(prog="opw"))
