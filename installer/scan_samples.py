"""Render the bundled sample passport pages that demo mode "scans" instead of a camera.

    python installer/scan_samples.py     # writes resources/samples/*.jpg, barcodes.json, demo.json

Each sample is a 1280×720 camera-like frame, rendered by the seeded test corpora, so the files are
reproducible: passport pages with a personal-number sticker (tests/corpus/barcodes.py; the
numbers are made up), a passport data page with its MRZ (tests/corpus/mrz.py) and an A4 document
(tests/corpus/documents.py). Every file is read back with the kiosk's own reader before it is
kept. demo.json names the sample the scan screen plays in demo mode for each of its modes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.scan import document  # noqa: E402
from kiosk.scan.barcode import BarcodeReader  # noqa: E402
from kiosk.scan.frames import read_image  # noqa: E402
from kiosk.scan.mrz import read_mrz  # noqa: E402
from tests.corpus import barcodes as corpus  # noqa: E402
from tests.corpus import documents, mrz  # noqa: E402

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

    zone = mrz.sample(seed=700, index=1, kind="clean")
    path = SAMPLES / "mrz-1.jpg"
    cv2.imwrite(str(path), zone.image, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
    result = read_mrz(read_image(path))
    if result is None or not result.valid or result.text != zone.text:
        print(f"{path.name}: the MRZ does not read back", file=sys.stderr)
        return 1
    print(f"{path.name}: MRZ, {path.stat().st_size // 1024} KB")

    page = documents.photo(seed=701, defect="clean", paper="a4")
    path = SAMPLES / "document-1.jpg"
    cv2.imwrite(str(path), page.frame, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
    if not document.assess(read_image(path), document.A4).ok:
        print(f"{path.name}: the document is not accepted", file=sys.stderr)
        return 1
    print(f"{path.name}: A4 document, {path.stat().st_size // 1024} KB")

    demo = {"barcode": PAGES[0][0], "mrz": "mrz-1.jpg", "document": "document-1.jpg"}
    (SAMPLES / "demo.json").write_text(json.dumps(demo, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
