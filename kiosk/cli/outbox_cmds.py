"""`python -m kiosk outbox status|drain`: the outbox for support staff.

    outbox status                       counts per state and the oldest item's age, as JSON
    outbox drain [--timeout S] [--api-url URL]
                                        deliver what is sealed; exit 0 when the outbox is empty,
                                        1 when items remain (offline, or needing attention)

Both read the kiosk's configuration ($KIOSK_CONFIG or --config, then KIOSK_* variables): the
data directory, the keyring and the central API. Output holds counts only, never personal data.
In demo mode there is no central API to deliver to (the kiosk's embedded sandbox lives only
while the kiosk runs), so `drain` needs --api-url there.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from kiosk import config
from kiosk.errors import KioskError

OUTBOX_FILE = "outbox.sqlite"


def register(subparsers) -> None:
    parser = subparsers.add_parser("outbox", help="the outbox of sealed requests: status, drain")
    actions = parser.add_subparsers(dest="action", required=True)
    status = actions.add_parser("status", help="counts per state and the oldest item's age (JSON)")
    status.add_argument("--config", help="TOML file (default: $KIOSK_CONFIG)")
    status.set_defaults(func=_status)
    drain = actions.add_parser("drain", help="deliver; exit 0 when empty, 1 when items remain")
    drain.add_argument("--config", help="TOML file (default: $KIOSK_CONFIG)")
    drain.add_argument(
        "--timeout", type=float, default=60.0, metavar="S", help="give up after S seconds (60)"
    )
    drain.add_argument("--api-url", help="deliver to this API instead of the configured one")
    drain.set_defaults(func=_drain)


def _status(args) -> int:
    from offline_cache.outbox import status_of

    cfg = _config(args)
    if cfg is None:
        return 1
    try:
        status = status_of(cfg.data_dir / OUTBOX_FILE)
    except KioskError as e:
        print(f"outbox: {e.message.en}", file=sys.stderr)
        return 1
    print(json.dumps(status))
    return 0


def _drain(args) -> int:
    from kiosk.api import CentralApi
    from kiosk.device import ensure_enrolled
    from kiosk.sync.delivery import Deliverer
    from offline_cache.keys import KeyRing, KeyRingError
    from offline_cache.outbox import Outbox

    cfg = _config(args)
    if cfg is None:
        return 1
    url = args.api_url or cfg.api.url
    if not url:
        print(
            "outbox drain: demo mode has no central API to deliver to (the embedded sandbox "
            "runs only with the kiosk); pass --api-url URL or set api.url",
            file=sys.stderr,
        )
        return 1
    api = CentralApi.from_config(cfg, url)
    outbox = None
    try:
        ring = KeyRing(cfg.data_dir, backend=cfg.storage.keyring)
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        outbox = Outbox(cfg.data_dir / OUTBOX_FILE, ring)

        def credentials(renew: bool = False):
            return ensure_enrolled(api, ring, cfg, renew=renew)

        deliverer = Deliverer(outbox, api, credentials)
        deadline = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=args.timeout)
        report = deliverer.drain(until_empty=True, deadline=deadline)
        status = outbox.status()
    except KioskError as e:
        print(f"outbox drain: {e.message.en}", file=sys.stderr)
        return 1
    except (KeyRingError, OSError) as e:
        print(f"outbox drain: {e}", file=sys.stderr)
        return 1
    finally:
        if outbox is not None:
            outbox.close()
        api.close()
    counts = {"delivered": report.delivered, "retried": report.retried}
    print(json.dumps(counts | {"needs_attention": report.needs_attention, "status": status}))
    if report.remaining and deliverer.last_failure is not None:
        why = type(deliverer.last_failure).__name__
        print(f"outbox drain: items remain, the last attempt failed ({why})", file=sys.stderr)
    left = status["sealed"] + status["sending"] + status["needs_attention"]
    return 0 if left == 0 else 1


def _config(args) -> config.Config | None:
    try:
        return config.load(args.config)
    except config.ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        return None
