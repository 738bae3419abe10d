"""`python -m sandbox serve …` runs the API; `python -m sandbox officer …` plays the ministry.

`serve --port 0` picks a free port. The first line on stdout is always
`SANDBOX_URL=http://127.0.0.1:PORT`, printed once the port listens, so a launcher (the kiosk's
demo mode, a test fixture) can read where to connect.
"""

from __future__ import annotations

import argparse
import logging
import socket
import sys

from sandbox import officer
from sandbox.passwords import DEFAULT_COST
from sandbox.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sandbox",
        description="A local stand-in for the MOI central e-services API (demo, training, tests).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    serve = commands.add_parser("serve", help="run the sandbox API on loopback")
    serve.add_argument("--port", type=int, default=8000, help="TCP port; 0 picks a free one")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (loopback)")
    serve.add_argument("--db", required=True, help="SQLite database file (created if missing)")
    serve.add_argument(
        "--kdf-cost",
        type=int,
        default=DEFAULT_COST,
        help=f"scrypt N for password hashes (default {DEFAULT_COST}; tests lower it explicitly)",
    )
    serve.add_argument("--token-ttl", type=int, default=Settings.token_ttl_s, help="seconds")
    serve.add_argument("--login-max-failures", type=int, default=Settings.login_max_failures)
    serve.add_argument("--login-lock", type=int, default=Settings.login_lock_s, help="seconds")
    serve.add_argument("--enrollment-code", default=Settings.enrollment_code)
    serve.add_argument("--no-seed", action="store_true", help="do not add the demo accounts")
    serve.add_argument("--access-log", action="store_true", help="log every request (stderr)")
    serve.set_defaults(func=_serve)
    officer.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Shaped like kiosk/cli's main, copied on purpose: the sandbox shares no code with the kiosk.
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


def _serve(args) -> int:
    import uvicorn

    from sandbox.app import create_app
    from sandbox.db import Database
    from sandbox.seed import seed_if_new

    if args.kdf_cost < 2 or args.kdf_cost & (args.kdf_cost - 1):
        print("--kdf-cost must be a power of two (scrypt N)", file=sys.stderr)
        return 2
    settings = Settings(
        kdf_cost=args.kdf_cost,
        token_ttl_s=args.token_ttl,
        login_max_failures=args.login_max_failures,
        login_lock_s=args.login_lock,
        enrollment_code=args.enrollment_code,
    )
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(message)s")
    db = Database(args.db)
    if not args.no_seed:
        seed_if_new(db, settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit it: an answer's headers and body leave at once instead of
    # waiting on the client's delayed ACK (Nagle), ~40 ms per kept-alive request otherwise.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as e:
        print(f"cannot listen on {args.host}:{args.port}: {e.strerror}", file=sys.stderr)
        return 1
    # Listening before the URL is printed: a client that connects at once waits in the backlog.
    sock.listen(128)
    port = sock.getsockname()[1]
    print(f"SANDBOX_URL=http://{args.host}:{port}", flush=True)
    config = uvicorn.Config(
        create_app(db, settings),
        log_level="warning",
        access_log=args.access_log,
        timeout_graceful_shutdown=3,
    )
    uvicorn.Server(config).run(sockets=[sock])
    db.close()
    return 0
