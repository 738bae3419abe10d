"""`python -m kiosk scan FILE…`: read the personal-number barcode in image files.

Support staff use it to check a camera or a batch of recorded frames. It prints one JSON line
per image, as soon as that image is done (hundreds of files stream through; nothing is loaded
ahead): {"file", "personal_number" (or null), "symbology", "ms"}, plus "error" and a bilingual
"message" when the file is not a readable image. A folder stands for the images in it.
Exit code: 0 when every file was a readable image, 1 otherwise.
"""

from __future__ import annotations

import json
import time

from kiosk.scan.barcode import BarcodeReader
from kiosk.scan.frames import image_paths, read_image
from kiosk.texts import Bilingual

UNREADABLE = Bilingual(
    ar="تعذّرت قراءة الملف كصورة.",
    en="The file could not be read as an image.",
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "scan", help="read the personal-number barcode in image files (one JSON line each)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="images, or folders of images")
    parser.set_defaults(func=_scan)


def _scan(args) -> int:
    reader = BarcodeReader()
    failed = False
    for path in image_paths(args.files):
        start = time.perf_counter()
        frame = read_image(path)
        if frame is None:
            failed = True
            line = {
                "file": str(path),
                "personal_number": None,
                "symbology": None,
                "ms": _ms(start),
                "error": "unreadable_image",
                "message": UNREADABLE.to_dict(),
            }
        else:
            reading = reader.read(frame)
            line = {
                "file": str(path),
                "personal_number": reading.personal_number,
                "symbology": reading.symbology,
                "ms": round(reading.ms, 1),
            }
            if reading.conflict:
                line["conflict"] = True
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)
