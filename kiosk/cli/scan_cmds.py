"""`python -m kiosk scan FILE…`: read the personal-number barcode in image files.

Support staff use it to check a camera or a batch of recorded frames. It prints one JSON line
per image, as soon as that image is done (hundreds of files stream through; nothing is loaded
ahead): {"file", "personal_number" (or null), "symbology", "ms"}, plus "error" and a bilingual
"message" when the file is not a readable image. A folder stands for the images in it.
Exit code: 0 when every file was a readable image, 1 otherwise.
"""

from __future__ import annotations

from kiosk.cli.image_batch import print_readings
from kiosk.scan.barcode import BarcodeReader


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "scan", help="read the personal-number barcode in image files (one JSON line each)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="images, or folders of images")
    parser.set_defaults(func=_scan)


def _scan(args) -> int:
    reader = BarcodeReader()

    def read(frame) -> dict:
        reading = reader.read(frame)
        line = {
            "personal_number": reading.personal_number,
            "symbology": reading.symbology,
            "ms": round(reading.ms, 1),  # the decoder's time, without loading the file
        }
        if reading.conflict:
            line["conflict"] = True
        return line

    return print_readings(args.files, read, unreadable={"personal_number": None, "symbology": None})
