"""Render the bundled sample passport pages that demo mode "scans" instead of a camera.

    python installer/scan_samples.py          # writes resources/samples/*.jpg + barcodes.json

Each sample is a 1280×720 camera-like frame of a passport page with a personal-number sticker
(rendered by tests/corpus/barcodes.py, seeded, so the files are reproducible). The numbers are
made up for the demo. Every file is read back with the kiosk's recognizer before it is kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.scan.barcode import BarcodeReader  # noqa: E402
from kiosk.scan.frames import read_image  # noqa: E402
from tests.corpus import barcodes as corpus  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"
# name, symbology, demo number, degradation, level parameter
PAGES = [
    ("passport-1.jpg", "Code128", "1012345678", "clean", None),
    ("passport-2.jpg", "Code128", "8000000001", "rotation", (5, 25)),
    ("passport-3.jpg", "Code39", "1098765432", "tilt", 15),
]
QUALITY = 80  # small files; a camera's own MJPG is about this


def main() -> int:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    reader = BarcodeReader()
    manifest = []
    for index, (name, symbology, number, degradation, param) in enumerate(PAGES):
        rng = np.random.default_rng(500 + index)
        frame = corpus.render_frame(rng, [(symbology, number)], degradation, param)
        path = SAMPLES / name
        cv2.imwrite(str(path), frame, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
        reading = reader.read(read_image(path))
        if reading.personal_number != number:
            print(f"{name}: read {reading.personal_number!r}, expected {number}", file=sys.stderr)
            return 1
        manifest.append({"file": name, "personal_number": number, "symbology": symbology})
        print(f"{name}: {number} ({symbology}), {path.stat().st_size // 1024} KB")
    (SAMPLES / "barcodes.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
