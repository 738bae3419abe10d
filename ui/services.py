"""The core services the apply and requests screens share: stores, delivery, guardrails.

SQLite connections belong to the thread that opened them, and the screens touch the stores from
worker threads (`ctx.tasks.run`). So `open_outbox(ctx)` and `open_drafts(ctx)` give the CALLING
thread its own store, opened once per thread and kept. Call them inside a worker, never on the
GUI thread (opening runs the schema migrations).

`sync(ctx)` is the one delivery worker of the kiosk (kiosk/sync): started the first time
something is sealed, or at start-up when the outbox still holds undelivered items
(`at_start_up`), so a kiosk with an empty outbox never starts the demo sandbox for nothing.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from kiosk import guardrails
from kiosk.errors import Problem
from offline_cache.drafts import DraftStore
from offline_cache.keys import KeyRing
from offline_cache.outbox import Outbox

OUTBOX_FILE = "outbox.sqlite"
DRAFTS_FILE = "drafts.sqlite"

_lock = threading.Lock()
_local = threading.local()


def data_dir(ctx) -> Path:
    path = Path(ctx.config.data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def keyring(ctx) -> KeyRing:
    """The kiosk's keyring (the outbox's wrapping key, the device token)."""
    with _lock:
        ring = ctx.services.get("keyring")
        if ring is None:
            ring = KeyRing(data_dir(ctx), backend=ctx.config.storage.keyring)
            ctx.services["keyring"] = ring
        return ring


def open_outbox(ctx) -> Outbox:
    """This thread's outbox of this kiosk (opened on first use in the thread)."""
    return _per_thread(ctx, "outbox", lambda: Outbox(data_dir(ctx) / OUTBOX_FILE, keyring(ctx)))


def open_drafts(ctx) -> DraftStore:
    """This thread's drafts store of this kiosk (opened on first use in the thread)."""
    return _per_thread(
        ctx,
        "drafts",
        lambda: DraftStore(
            data_dir(ctx) / DRAFTS_FILE, keyring(ctx), ctx.config.guardrails.draft_expiry_h
        ),
    )


def _per_thread(ctx, name: str, open_store):
    stores = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    key = (id(ctx), name)
    if key not in stores:
        stores[key] = open_store()
    return stores[key]


def sync(ctx):
    """The kiosk's delivery worker, started on first use; `.wake()` it after sealing."""
    from kiosk.sync.worker import SyncWorker

    with _lock:
        worker = ctx.services.get("sync")
        if worker is None:
            worker = SyncWorker(lambda: _deliverer(ctx))
            ctx.services["sync"] = worker
            worker.start()
        return worker


def at_start_up(ctx) -> None:
    """At start-up (in a worker): delete expired drafts, and start delivering if the outbox
    holds undelivered items (an earlier run was cut off)."""
    if (data_dir(ctx) / DRAFTS_FILE).exists():
        open_drafts(ctx).purge_expired(dt.datetime.now(dt.UTC))
    if not (data_dir(ctx) / OUTBOX_FILE).exists():
        return
    status = open_outbox(ctx).status()
    if status["sealed"] or status["sending"]:
        sync(ctx).wake()


def stop_sync(ctx, timeout_s: float = 10.0) -> None:
    """Stop the delivery worker, if it runs (the kiosk is closing)."""
    worker = ctx.services.pop("sync", None)
    if worker is not None:
        worker.stop(timeout_s)


def _deliverer(ctx):
    """Built in the delivery worker's thread: the API, this device's credentials, its outbox."""
    from kiosk.device import ensure_enrolled
    from kiosk.sync.delivery import Deliverer
    from ui.screens.accounts.connection import ensure_api

    api = ensure_api(ctx)

    def credentials(renew: bool = False):
        return ensure_enrolled(api, keyring(ctx), ctx.config, renew=renew)

    return Deliverer(open_outbox(ctx), api, credentials)


def guardrail_problem(ctx) -> Problem | None:
    """Why this kiosk may not take a new request now (low disk, stuck outbox), or None.

    Runs in a worker: it reads the outbox and the disk.
    """
    free_mb = guardrails.free_disk_mb(data_dir(ctx))
    return guardrails.may_start_request(ctx.config, open_outbox(ctx).status(), free_mb)
