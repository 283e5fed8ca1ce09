"""Benchmark of the brand and possible-name detectors (target: ≤ 2 ms on 5,000 characters).

A plain script, not a test: ``python tests/benchmark_brands.py`` prints the median wall
and CPU times of ``detect_brands``, then of the brand list and the possible names
together (what the checks run on every keystroke), on a realistic 5,000-character
bilingual text.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wizard.core.domain.brands import detect_brands  # noqa: E402
from wizard.core.domain.product_names import possible_names  # noqa: E402

SAMPLE = (
    "La solution doit permettre l'authentification unique (SAML 2.0 ou OpenID Connect) "
    "et s'intégrer à l'annuaire de la Ville. The system shall export layers as GeoJSON "
    "and publish them through OGC API – Features; it must conform to WCAG 2.1 level AA. "
    "Nos données actuelles sont dans Cityworks et l'ArcGIS d'Esri; see https://www.esri.com/ "
    "or write to info@example.ca. Les utilisateurs emploient MS Teams et Office 365. "
)


def _median_ms(run, repeat: int = 200) -> tuple[float, float]:
    """(wall, CPU) medians in milliseconds of ``repeat`` runs of ``run()``."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main() -> None:
    text = (SAMPLE * (5000 // len(SAMPLE) + 1))[:5000]
    possible_names(text, detect_brands(text))  # build the indexes once
    found = len(detect_brands(text))
    wall, cpu = _median_ms(lambda: detect_brands(text))
    print(
        f"detect_brands on {len(text)} characters: median {wall:.3f} ms wall, {cpu:.3f} ms CPU ({found} matches)"
    )
    wall, cpu = _median_ms(lambda: possible_names(text, detect_brands(text)))
    print(f"detect_brands + possible_names: median {wall:.3f} ms wall, {cpu:.3f} ms CPU (target ≤ 2 ms)")


if __name__ == "__main__":
    main()
