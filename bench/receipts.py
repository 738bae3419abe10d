"""Receipts benchmark: median warm render time per document kind, language and paper.

    python bench/receipts.py [--runs 30] [--png-dir /tmp/receipts-check]

Renders each shipped example (resources/receipts/examples/KIND.json) once to warm the fonts and
caches, then `--runs` more times, and prints a markdown table of the median and p95 milliseconds
from data dict to PDF bytes (validation included) and the PDF's size. Goal (issue 6): median
≤ 100 ms. Also writes each document and a PNG of each page (pdftoppm) to --png-dir, to be
checked by eye.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk import resources  # noqa: E402
from kiosk.receipts import KINDS, LANGS, LAYOUTS, render_data  # noqa: E402

GOAL_MS = 100


def measure(kind: str, lang: str, layout: str, runs: int) -> tuple[list[float], bytes]:
    """Render times in ms (after one warm-up render) and the last PDF."""
    data = resources.load_json(f"receipts/examples/{kind}.json")
    pdf = render_data(kind, data, lang, layout)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf = render_data(kind, data, lang, layout)
        times.append((time.perf_counter() - start) * 1000)
    return times, pdf


def write_pictures(pdf: bytes, folder: Path, name: str) -> None:
    (folder / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "110", "-png", "-", str(folder / name)], input=pdf, check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--png-dir", default="/tmp/receipts-check")
    args = parser.parse_args()
    folder = Path(args.png_dir)
    folder.mkdir(parents=True, exist_ok=True)
    print("| document | language | paper | median ms | p95 ms | KiB |")
    print("|---|---|---|---:|---:|---:|")
    worst = 0.0
    for kind in KINDS:
        for layout in LAYOUTS:
            for lang in LANGS:
                times, pdf = measure(kind, lang, layout, args.runs)
                median = statistics.median(times)
                p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
                worst = max(worst, median)
                size = len(pdf) // 1024
                print(f"| {kind} | {lang} | {layout} | {median:.1f} | {p95:.1f} | {size} |")
                write_pictures(pdf, folder, f"{kind}-{lang}-{layout}")
    verdict = "meets" if worst <= GOAL_MS else "misses"
    print(
        f"\nworst median {worst:.1f} ms: {verdict} the goal of {GOAL_MS} ms. Pictures in {folder}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
