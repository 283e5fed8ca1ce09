#!/usr/bin/env bash
# Build the one-folder bundle: dist/open-procurement-wizard/{opw,opw-app,_internal/}.
# Run from an environment holding the app's dependencies and PyInstaller:
#     python -m venv /tmp/opw-build && . /tmp/opw-build/bin/activate
#     pip install . "pyinstaller==6.22.3" && bash packaging/build.sh
# docs/packaging.md says the same for Windows (PowerShell).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m PyInstaller --version
python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/opw.spec
echo "dist/open-procurement-wizard: $(du -sh dist/open-procurement-wizard | cut -f1)"
