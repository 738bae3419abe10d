"""`python -m kiosk receipt KIND DATA.json OUT.pdf`: a receipt, slip, notice or letter as a PDF.

Bad or missing fields print every problem (English, then Arabic) and exit with code 2 without
writing anything: the PDF goes to a temporary file beside OUT.pdf, renamed into place only once
complete, so OUT.pdf is either the whole new document or untouched.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from kiosk import config, receipts
from kiosk.errors import KioskError

USAGE_ERROR = 2


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "receipt",
        help="render a receipt, payment slip, approval notice or activation letter as PDF",
        description="Render a document from its data. Examples of each kind's data are in "
        "resources/receipts/examples/KIND.json.",
    )
    parser.add_argument("kind", choices=list(receipts.KINDS), help="the kind of document")
    parser.add_argument("data", help="JSON file with the document's fields")
    parser.add_argument("out", help="the PDF file to write")
    parser.add_argument(
        "--lang", choices=receipts.LANGS, default="both", help="language (default: both)"
    )
    parser.add_argument(
        "--layout",
        choices=receipts.LAYOUTS,
        help="paper: 80 mm roll or A4 (default: printing.layout of the configuration)",
    )
    parser.add_argument("--config", help="configuration TOML (default: $KIOSK_CONFIG)")
    parser.set_defaults(func=_receipt)


def _receipt(args) -> int:
    layout = args.layout
    if layout is None:
        try:
            layout = config.load(args.config).printing.layout
        except config.ConfigError as e:
            return _fail(f"configuration error: {e}")
    out = Path(args.out)
    if not out.parent.is_dir():
        return _fail(f"the output folder does not exist: {out.parent}")
    data = _read_json(Path(args.data))
    if isinstance(data, _Failure):
        return _fail(data.message)
    try:
        pdf = receipts.render_data(args.kind, data, lang=args.lang, layout=layout)
    except receipts.ReceiptDataError as e:
        print(
            f"{args.data}: the {args.kind} data has {len(e.problems)} problem(s):", file=sys.stderr
        )
        for problem in e.problems:
            print(f"  {problem.field or '-'}: {problem.message.en}", file=sys.stderr)
            print(f"  {' ' * len(problem.field or '-')}  {problem.message.ar}", file=sys.stderr)
        return USAGE_ERROR
    except KioskError as e:
        return _fail(f"{e.message.en} / {e.message.ar}")
    try:
        write_atomically(out, pdf)
    except OSError as e:
        print(f"cannot write {out}: {e.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({args.kind}, {args.lang}, {layout}, {len(pdf)} bytes)")
    return 0


def write_atomically(path: Path, content: bytes) -> None:
    """Write the file whole or not at all: a temporary file in the same folder, then rename."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _Failure:
    def __init__(self, message: str):
        self.message = message


def _read_json(path: Path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return _Failure(f"data file not found: {path}")
    except UnicodeDecodeError:
        return _Failure(f"{path} is not UTF-8 text")
    except json.JSONDecodeError as e:
        return _Failure(f"{path} is not valid JSON: line {e.lineno}, column {e.colno}: {e.msg}")
    except OSError as e:
        return _Failure(f"cannot read {path}: {e.strerror}")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return USAGE_ERROR
