"""Render the bundled sample passport pages that demo mode "scans" instead of a camera.

    python installer/scan_samples.py     # writes resources/samples/*.jpg, barcodes.json, demo.json

Each sample is a 1280×720 camera-like frame, rendered by the seeded test corpora, so the files are
reproducible: passport pages with a personal-number sticker (tests/corpus/barcodes.py; the
numbers are made up), a passport data page with its MRZ (tests/corpus/mrz.py) and an A4 document
(tests/corpus/documents.py). Every file is read back with the kiosk's own reader before it is
kept. demo.json names the samples the scan screen plays in demo mode for each of its modes, in
turn: a made-up family (a wife and two children of a Syrian sponsor) whose passports are valid
until 2034, so a newcomer can add several beneficiaries to a family-residence request by scanning.
"""

from __future__ import annotations

import datetime as dt
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
# The demo family: surname, given names, passport, nationality, birth, sex, personal number.
FAMILY = [
    ("SALEH", "LAYLA", "N7300001", "SYR", dt.date(1990, 3, 14), "F", "8023456781"),
    ("SALEH", "SAMI", "N7300002", "SYR", dt.date(2014, 9, 2), "M", "8034567812"),
    ("SALEH", "NOUR", "N7300003", "SYR", dt.date(2017, 1, 21), "F", "8045678123"),
]
FAMILY_EXPIRY = dt.date(2034, 5, 1)


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

    demo = {"barcode": [], "mrz": [], "document": ["document-1.jpg"]}
    for n, (surname, given, passport, nationality, birth, sex, number) in enumerate(FAMILY, 1):
        lines = mrz.td3(surname, given, passport, nationality, birth, sex, FAMILY_EXPIRY)
        path = SAMPLES / f"demo-passport-{n}.jpg"
        # The first of a few seeded renderings that the reader takes as valid at once (the
        # camera's later frames would get there too; a demo should not make people wait).
        for seed in range(800 + 10 * n, 810 + 10 * n):
            frame = mrz.render_frame(lines, np.random.default_rng(seed))
            cv2.imwrite(str(path), frame, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
            result = read_mrz(read_image(path))
            if result is not None and result.valid and result.text == "\n".join(lines):
                break
        else:
            print(f"{path.name}: the MRZ does not read back", file=sys.stderr)
            return 1
        rng = np.random.default_rng(900 + n)
        path = SAMPLES / f"demo-number-{n}.jpg"
        frame = corpus.render_frame(rng, [("Code128", number)], "clean", None)
        cv2.imwrite(str(path), frame, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
        if reader.read(read_image(path)).personal_number != number:
            print(f"{path.name}: the number does not read back", file=sys.stderr)
            return 1
        demo["mrz"].append(f"demo-passport-{n}.jpg")
        demo["barcode"].append(f"demo-number-{n}.jpg")
        print(f"demo family {n}: {given} {surname}, {passport}, {number}")
    (SAMPLES / "demo.json").write_text(json.dumps(demo, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
