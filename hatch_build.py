"""Hatchling build hook: compile the translations into the wheel.

For each language of ``resources/locale/<lang>/LC_MESSAGES/``, the ``.po`` files are
compiled with Babel into one ``wizard.mo`` (``wizard/core/i18n/compile.py``, loaded by
path: the build environment has Babel, not the app's other dependencies), shipped beside
them as ``wizard/_data/resources/locale/<lang>/LC_MESSAGES/wizard.mo``. An installed app
then reads it with ``gettext`` and never imports Babel's ``.po`` reader; a source
checkout has no ``.mo`` and compiles in memory instead (``wizard/core/i18n``).
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

COMPILED = "wizard.mo"


class CompileTranslations(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout, like a source checkout
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("_opw_compile", root / "wizard/core/i18n/compile.py")
        assert spec is not None and spec.loader is not None
        compiler = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(compiler)
        self._out = Path(tempfile.mkdtemp(prefix="opw-mo-"))
        for folder in sorted((root / "resources" / "locale").glob("*/LC_MESSAGES")):
            lang = folder.parent.name
            target = self._out / lang / COMPILED
            target.parent.mkdir()
            target.write_bytes(compiler.compile_po(sorted(folder.glob("*.po"))))
            build_data["force_include"][str(target)] = (
                f"wizard/_data/resources/locale/{lang}/LC_MESSAGES/{COMPILED}"
            )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if hasattr(self, "_out"):
            shutil.rmtree(self._out, ignore_errors=True)
