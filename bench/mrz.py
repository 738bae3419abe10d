"""MRZ reader benchmark: exact reads, valid checks and time per frame, on one core.

    python bench/mrz.py [--seed 11] [--clean 100] [--degraded 200] [--failures]

Builds the seeded corpus of tests/corpus/mrz.py (1280×720 passport data pages, clean and
degraded), runs read_mrz on every frame and prints a markdown table: exact-read rate (all 88
characters right), valid-check rate (every check digit passes), misreads (valid but not exact:
the worst outcome, a wrong value the checks did not catch), median and p95 milliseconds.
A reading counts as exact only when it is also valid: that is what the kiosk would prefill.
Goals (issue 5): ≥ 95% exact on clean frames, ≥ 60% on degraded ones, median ≤ 150 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import cv2

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.scan.mrz import read_mrz  # noqa: E402
from tests.corpus.mrz import corpus  # noqa: E402


def measure(samples) -> list[dict]:
    """Read every sample once (after one warm-up read) and record what happened."""
    cv2.setNumThreads(1)
    if samples:
        read_mrz(samples[0].image)  # loads the model: not part of any frame's time
    records = []
    for sample in samples:
        start = time.perf_counter()
        result = read_mrz(sample.image)
        ms = (time.perf_counter() - start) * 1000
        valid = result is not None and result.valid
        # Exact: usable as read (valid) and all 88 characters right.
        exact = valid and result.lines == sample.lines
        records.append(
            {
                "name": sample.name,
                "kind": sample.kind,
                "degradation": sample.degradation,
                "exact": exact,
                "valid": valid,
                "misread": valid and not exact,
                "ms": ms,
                "read": result.text if result is not None else None,
                "confidence": result.confidence if result is not None else 0.0,
                "truth": sample.text,
            }
        )
    return records


def table(records: list[dict]) -> str:
    """Markdown: one row per group (clean, degraded, each degradation, all)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        groups[record["kind"]].append(record)
        if record["kind"] == "degraded":
            for fault in record["degradation"].split("+"):
                groups[f"  {fault}"].append(record)
        groups["all"].append(record)
    order = ["clean", "degraded"] + sorted(k for k in groups if k.startswith("  ")) + ["all"]
    lines = [
        "| frames | n | exact | valid checks | misreads | median ms | p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in order:
        group = groups.get(name)
        if not group:
            continue
        times = sorted(r["ms"] for r in group)
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        lines.append(
            f"| {name.replace('  ', '— ')} | {len(group)} "
            f"| {_pct(group, 'exact')} | {_pct(group, 'valid')} "
            f"| {sum(r['misread'] for r in group)} "
            f"| {statistics.median(times):.1f} | {p95:.1f} |"
        )
    return "\n".join(lines)


def _pct(group: list[dict], key: str) -> str:
    return f"{100 * sum(r[key] for r in group) / len(group):.1f}%"


def report(seed: int = 11, clean: int = 100, degraded: int = 200, failures: bool = False) -> str:
    """Build the corpus, read it on one core, print and return the markdown table."""
    samples = corpus(seed=seed, clean=clean, degraded=degraded)
    records = measure(samples)
    text = table(records)
    print(text)
    if failures:
        for record in records:
            if not record["exact"]:
                print(
                    f"\n{record['name']} {record['degradation']} valid={record['valid']} "
                    f"confidence={record['confidence']:.2f}"
                )
                print(f"  truth {record['truth']!r}\n  read  {record['read']!r}")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--clean", type=int, default=100)
    parser.add_argument("--degraded", type=int, default=200)
    parser.add_argument("--failures", action="store_true", help="list the frames not read exactly")
    args = parser.parse_args(argv)
    report(args.seed, args.clean, args.degraded, args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
