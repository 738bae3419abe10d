"""`python -m kiosk config check [FILE]`: validate a configuration before deploying it."""

from __future__ import annotations

import sys

from kiosk import config


def register(subparsers) -> None:
    parser = subparsers.add_parser("config", help="check the kiosk's configuration")
    actions = parser.add_subparsers(dest="action", required=True)
    check = actions.add_parser("check", help="validate a TOML file and the environment")
    check.add_argument("file", nargs="?", help="TOML file (default: $KIOSK_CONFIG)")
    check.set_defaults(func=_check)


def _check(args) -> int:
    try:
        cfg = config.load(args.file)
    except config.ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        return 1
    mode = "demo (embedded sandbox)" if cfg.demo else f"central API at {cfg.api.url}"
    print(f"configuration OK ({cfg.source}): kiosk {cfg.kiosk.id}, {mode}")
    return 0
