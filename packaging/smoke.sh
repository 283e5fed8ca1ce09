#!/usr/bin/env bash
# Smoke-test a built bundle (default: dist/open-procurement-wizard) without a display:
# its version, a bundled example exported in both languages with --strict, and the app
# started offscreen (--self-test). Any failure stops with a non-zero exit.
set -euo pipefail
bundle=$(cd "${1:-dist/open-procurement-wizard}" && pwd)
export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$bundle/opw" --version
"$bundle/opw-app" --version
"$bundle/opw" new --example training t.tender
"$bundle/opw" export t.tender --out d --lang both --strict
"$bundle/opw" check t.tender --lang fr >/dev/null || [ $? -eq 1 ]  # 1: findings, not a crash
for file in d/*.docx; do
  [ -s "$file" ] || { echo "empty document: $file" >&2; exit 1; }
done
documents=$(find d -name '*.docx' | wc -l)
[ "$documents" -ge 2 ] || { echo "only $documents Word documents in d/" >&2; exit 1; }
# The documents are in their languages (the French from the bundled catalogue), in the
# current Word mode (compatibility mode 15). Python reads them: the build's own.
python3 - d <<'PY'
import re, sys, zipfile
from pathlib import Path

def text(name: str, part: str) -> str:
    return zipfile.ZipFile(Path(sys.argv[1]) / name).read(part).decode("utf-8")

for name, expected in (("tender-fr.docx", "Appel d’offres"), ("tender-en.docx", "Call for tenders")):
    body = re.sub(r"<[^>]+>", "", text(name, "word/document.xml"))
    assert expected in body, f"{name}: no '{expected}'"
    modes = re.findall(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', text(name, "word/settings.xml"))
    assert modes == ["15"], f"{name}: compatibility mode {modes}"
PY
echo "export: $documents Word documents, $(find d -type f | wc -l) files"
"$bundle/opw-app" --self-test
