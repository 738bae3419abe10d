"""`python -m kiosk mrz FILE…`: read the passport MRZ in image files.

Support staff use it to check a camera or a batch of recorded frames. One JSON line per image,
printed as soon as that image is done (hundreds of files stream through): "file", the fields
(document_number, surname, given_names, nationality, birth_date, sex, expiry, …), "checks",
"valid" (every check digit passes) and "ms"; "mrz": null when no zone was found; "error" and a
bilingual "message" when the file is not a readable image. A folder stands for its images.
Exit code: 0 when every file was a readable image, 1 otherwise.
"""

from __future__ import annotations

from kiosk.cli.image_batch import print_readings
from kiosk.scan.mrz import read_mrz


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "mrz", help="read the passport MRZ in image files (one JSON line each)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="images, or folders of images")
    parser.set_defaults(func=_mrz)


def _mrz(args) -> int:
    return print_readings(args.files, _read, unreadable={"valid": False})


def _read(frame) -> dict:
    result = read_mrz(frame)
    return {"mrz": None, "valid": False} if result is None else result.to_dict()
