"""Benchmark of document capture on the seeded corpus, one core: speed and decisions.

    python bench/documents.py [--count 100]

Prints markdown tables: median and p95 CPU ms per 1280×720 frame for `assess` (the preview check)
and for `capture_now` (flatten + JPEG under the limit); the acceptance rate of clean photos and
the refusal rate of each defect with the right code; JPEG sizes and effective dpi per paper;
where the blur threshold sits (acceptance as clean photos get blurrier); auto-capture on steady
and on moving sequences.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.scan import document as doc  # noqa: E402
from kiosk.scan.document_outline import find_outline  # noqa: E402
from tests.corpus import documents as corpus  # noqa: E402

PAPERS = {"a4": doc.A4, "passport": doc.PASSPORT_PAGE, "id_card": doc.ID_CARD}
EXPECTED = {
    "blur": doc.BLURRED,
    "glare": doc.GLARE,
    "small": doc.TOO_SMALL,
    "cut_off": doc.CUT_OFF,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="photos per defect")
    parser.add_argument("--sequences", type=int, default=10, help="auto-capture sequences")
    args = parser.parse_args()
    cv2.setNumThreads(1)  # one core, as on a kiosk busy with its preview

    timings: dict[str, list[float]] = defaultdict(list)
    outcomes: dict[str, Counter] = defaultdict(Counter)
    sizes: dict[str, list[int]] = defaultdict(list)
    dpis: dict[str, list[float]] = defaultdict(list)
    sharp: dict[str, list[float]] = defaultdict(list)
    for defect in corpus.DEFECTS:
        for seed in range(args.count):
            p = corpus.photo(seed, defect)
            paper = PAPERS[p.paper]
            timings["outline"].append(_ms(find_outline, p.frame)[0])
            ms, assessment = _ms(doc.assess, p.frame, paper)
            timings[f"assess ({defect})"].append(ms)
            sharp[defect].append(assessment.sharpness)
            if defect == "clean":
                outcomes[defect]["accepted" if assessment.ok else "refused"] += 1
                ms, page = _ms(doc.capture_now, p.frame, paper)
                timings["capture_now (clean)"].append(ms)
                if isinstance(page, doc.CapturedPage):
                    sizes[p.paper].append(page.size_bytes)
                    dpis[p.paper].append(page.dpi)
            else:
                right = EXPECTED[defect] in assessment.codes or (
                    defect == "small" and doc.TURN_SIDEWAYS in assessment.codes
                )
                outcomes[defect]["right code" if right else _verdict(assessment)] += 1

    print(f"## Document capture, {args.count} photos per defect, one core\n")
    print("| step (CPU time, one thread) | median ms | p95 ms | frames |")
    print("| --- | ---: | ---: | ---: |")
    for name, values in timings.items():
        print(f"| {name} | {_median(values):.1f} | {_p95(values):.1f} | {len(values)} |")

    print("\n| photos | outcome | rate | sharpness median (min–max) |")
    print("| --- | --- | ---: | --- |")
    for defect in corpus.DEFECTS:
        counts = outcomes[defect]
        total = sum(counts.values())
        good = "accepted" if defect == "clean" else "right code"
        others = ", ".join(f"{k} {v}" for k, v in counts.items() if k != good) or "—"
        s = sharp[defect]
        print(
            f"| {defect} | {good} (else: {others}) | {100 * counts[good] / total:.1f} % | "
            f"{statistics.median(s):.2f} ({min(s):.2f}–{max(s):.2f}) |"
        )

    print("\n| paper | pages | JPEG median KB | JPEG max KB | effective dpi median (min) |")
    print("| --- | ---: | ---: | ---: | --- |")
    for key, values in sizes.items():
        d = dpis[key]
        print(
            f"| {key} | {len(values)} | {_median(values) / 1000:.0f} | {max(values) / 1000:.0f} | "
            f"{_median(d):.0f} ({min(d):.0f}) |"
        )

    # Where the blur threshold sits: acceptance of clean photos blurred a little more each row.
    print("\n| extra blur on clean photos | accepted | sharpness median |")
    print("| --- | ---: | ---: |")
    bases = [corpus.photo(seed, "clean") for seed in range(min(args.count, 30))]
    for label, blur in _BLUR_LEVELS:
        results = [doc.assess(blur(p.frame), PAPERS[p.paper]) for p in bases]
        accepted = sum(a.ok for a in results)
        s = _median([a.sharpness for a in results])
        print(f"| {label} | {100 * accepted / len(results):.0f} % | {s:.2f} |")

    fired_steady = fired_moving = 0
    delays = []
    for seed in range(args.sequences):
        paper = PAPERS[corpus.photo(seed, "clean").paper]
        auto = doc.AutoCapture(paper)
        for frame, t in corpus.steady_sequence(seed, 30):
            if auto.feed(frame, t):
                fired_steady += 1
                delays.append(t)
                break
        auto = doc.AutoCapture(paper)
        fired_moving += any(auto.feed(f, t) for f, t in corpus.moving_sequence(seed, 30))
    print("\n| auto-capture | sequences | fired | median time to fire |")
    print("| --- | ---: | ---: | ---: |")
    delay = f"{_median(delays):.2f} s" if delays else "—"
    print(f"| steady, sharp (30 fps, 1 s) | {args.sequences} | {fired_steady} | {delay} |")
    print(f"| sliding 12 px/frame (1 s) | {args.sequences} | {fired_moving} | — |")
    return 0


def _motion(length: int):
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    return lambda frame: cv2.filter2D(frame, -1, kernel)


def _gaussian(sigma: float):
    return lambda frame: cv2.GaussianBlur(frame, (0, 0), sigma)


_BLUR_LEVELS = [
    ("none", lambda frame: frame),
    *((f"Gaussian σ {s} px", _gaussian(s)) for s in (0.75, 1.0, 1.25, 1.5, 2.0)),
    *((f"motion {n} px", _motion(n)) for n in (3, 5, 7, 9)),
]


def _ms(fn, *args):
    # CPU time of this thread: OpenCV runs single-threaded here, so this is the work a frame
    # costs one core, unaffected by whatever else the machine is running meanwhile.
    start = time.thread_time()
    result = fn(*args)
    return 1000 * (time.thread_time() - start), result


def _verdict(assessment: doc.Assessment) -> str:
    return "accepted" if assessment.ok else "/".join(c.split(".")[1] for c in assessment.codes)


def _median(values) -> float:
    return float(np.median(values))


def _p95(values) -> float:
    return float(np.percentile(values, 95))


if __name__ == "__main__":
    raise SystemExit(main())
