"""Benchmark: personal-number barcodes in 720p kiosk frames, on one core.

    python bench/scan.py [--per-level 20] [--negatives 8] [--seed 5]

Renders the seeded corpus (tests/corpus/barcodes.py), then runs raw pyzbar, raw zxing-cpp and
our recognizer (kiosk/scan/barcode.py) on the same frames: detection rate per degradation level
and overall, misreads (a wrong valid number), false positives (any number on a negative) and
milliseconds per frame (wall clock; CPU time in brackets). Prints a markdown table, then the MRZ
table when bench/mrz.py has a report().

Goals (issue 5): mean detection ≥ 90% over the levels, 0 misreads, 0 false positives,
median ≤ 10 ms, p95 ≤ 33 ms per frame.
"""

from __future__ import annotations

import os

# One core, as a kiosk's decoder thread gets: no hidden thread pools.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import zxingcpp  # noqa: E402
from pyzbar import pyzbar  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.scan.barcode import BarcodeReader, is_personal_number  # noqa: E402
from tests.corpus import barcodes as corpus  # noqa: E402

cv2.setNumThreads(1)

_ZXING_FORMATS = (
    zxingcpp.BarcodeFormat.Code128,
    zxingcpp.BarcodeFormat.Code39,
    zxingcpp.BarcodeFormat.ITF,
)
_ZBAR_SYMBOLS = [pyzbar.ZBarSymbol.CODE128, pyzbar.ZBarSymbol.CODE39, pyzbar.ZBarSymbol.I25]


def raw_pyzbar(frame: np.ndarray) -> set[str]:
    """Plain pyzbar on the grey frame, listed symbologies, valid numbers only."""
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    texts = (r.data.decode("ascii", "replace") for r in pyzbar.decode(grey, _ZBAR_SYMBOLS))
    return {t for t in texts if is_personal_number(t)}


def raw_zxing(frame: np.ndarray) -> set[str]:
    """Plain zxing-cpp on the grey frame, listed symbologies, valid numbers only."""
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    results = zxingcpp.read_barcodes(grey, formats=_ZXING_FORMATS)
    return {r.text for r in results if is_personal_number(r.text)}


def ours_factory():
    reader = BarcodeReader()

    def ours(frame: np.ndarray) -> set[str]:
        reading = reader.read(frame)
        if reading.conflict:
            return {"conflict-1", "conflict-2"}  # two numbers: counted as no read
        return {reading.personal_number} if reading.personal_number else set()

    return ours


def measure(decode, positives, negatives) -> dict:
    """Detection per level, misreads, false positives and timings of one decoder."""
    hits: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    misreads = false_positives = 0
    wall, cpu = [], []
    for sample in positives + negatives:
        t0, c0 = time.perf_counter(), time.thread_time()
        numbers = decode(sample.frame)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        single = next(iter(numbers)) if len(numbers) == 1 else None
        if sample.expected is None:
            false_positives += single is not None
            continue
        key = (sample.degradation, sample.level)
        hits[key][1] += 1
        if single == sample.expected:
            hits[key][0] += 1
        elif single is not None:
            misreads += 1
    rates = {key: ok / total for key, (ok, total) in hits.items()}
    found = sum(ok for ok, _ in hits.values())
    return {
        "rates": rates,
        "mean": statistics.fmean(rates.values()),
        "overall": found / sum(total for _, total in hits.values()),
        "misreads": misreads,
        "false_positives": false_positives,
        "median": statistics.median(wall),
        "p95": float(np.percentile(wall, 95)),
        "median_cpu": statistics.median(cpu),
        "p95_cpu": float(np.percentile(cpu, 95)),
    }


def table(results: dict[str, dict], levels: list[tuple[str, int]], per_level: int) -> str:
    names = list(results)
    lines = [
        "| degradation | level | " + " | ".join(names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for degradation, level in levels:
        param = corpus.LEVELS[degradation][max(0, level - 1)]
        label = f"{level} ({_param(param)})" if param is not None else str(level)
        cells = " | ".join(f"{results[n]['rates'][(degradation, level)]:.0%}" for n in names)
        lines.append(f"| {degradation} | {label} | {cells} |")

    def row(title, fmt):
        lines.append(f"| **{title}** | | " + " | ".join(fmt(results[n]) for n in names) + " |")

    row("mean over levels (goal ≥ 90%)", lambda r: f"**{r['mean']:.1%}**")
    row(f"overall ({per_level} frames per level)", lambda r: f"{r['overall']:.1%}")
    row("misreads (goal 0)", lambda r: str(r["misreads"]))
    row("false positives (goal 0)", lambda r: str(r["false_positives"]))
    row("median ms (goal ≤ 10) [cpu]", lambda r: f"{r['median']:.1f} [{r['median_cpu']:.1f}]")
    row("p95 ms (goal ≤ 33) [cpu]", lambda r: f"{r['p95']:.1f} [{r['p95_cpu']:.1f}]")
    return "\n".join(lines)


def _param(param) -> str:
    if isinstance(param, tuple):
        return f"{param[0]}–{param[1]}°"
    return str(param)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-level", type=int, default=20)
    parser.add_argument("--negatives", type=int, default=8, help="frames per negative kind")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    positives = list(corpus.positives(args.seed, args.per_level))
    negatives = list(corpus.negatives(args.seed + 1, args.negatives))
    print(
        f"corpus: {len(positives)} positive frames, {len(negatives)} negative frames "
        f"({len(corpus.NEGATIVE_KINDS)} kinds), 1280×720, rendered in "
        f"{time.perf_counter() - started:.0f} s; one core"
    )
    decoders = {"raw pyzbar": raw_pyzbar, "raw zxing-cpp": raw_zxing, "ours": ours_factory()}
    for decode in decoders.values():  # warm up (library loading, first-call allocations)
        decode(positives[0].frame)
    results = {name: measure(decode, positives, negatives) for name, decode in decoders.items()}
    levels = sorted({(s.degradation, s.level) for s in positives}, key=_level_order)
    print()
    print(table(results, levels, args.per_level))
    _mrz_report()
    return 0


def _level_order(key: tuple[str, int]) -> tuple[int, int]:
    return list(corpus.LEVELS).index(key[0]), key[1]


def _mrz_report() -> None:
    path = Path(__file__).with_name("mrz.py")
    if not path.exists():
        return
    spec = importlib.util.spec_from_file_location("bench_mrz", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(module, "report"):
        print()
        module.report()


if __name__ == "__main__":
    sys.exit(main())
