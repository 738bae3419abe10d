"""The `python -m kiosk` command line: no Qt, one subcommand family per module.

Each module listed in COMMAND_MODULES has `register(subparsers)`, which adds its subcommands and
sets `func` on each: `func(args) -> int` is the exit code. Output is for people and scripts, so
it never contains a password or a token.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = [
    "kiosk.cli.catalog_cmds",
    "kiosk.cli.config_cmds",
    "kiosk.cli.mrz_cmds",
    "kiosk.cli.outbox_cmds",
    "kiosk.cli.receipt_cmds",
    "kiosk.cli.scan_cmds",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk",
        description="MOI e-services kiosk: the application core's command line.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
