"""The account screens' way to the central API: off the GUI thread, never raising.

`call_api(screen, work, on_outcome, button)` runs `work(api)` in a worker and hands its Outcome
to `on_outcome` on the GUI thread, with `button` disabled meanwhile (a double tap does nothing
twice). The API client is built on first use: in demo mode this starts the embedded sandbox
(kiosk/demo.py) in the worker, so the GUI never waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kiosk.api import CentralApi, NoConnection
from kiosk.demo import DemoError, EmbeddedSandbox

_lock = threading.Lock()


def ensure_api(ctx) -> CentralApi:
    """The kiosk's API client, built once (starting the demo sandbox in demo mode)."""
    with _lock:
        if ctx.api is None:
            url = None
            if ctx.config.demo:
                sandbox = ctx.services.get("demo_sandbox")
                if sandbox is None:
                    sandbox = EmbeddedSandbox(ctx.config.data_dir)
                    ctx.services["demo_sandbox"] = sandbox
                url = sandbox.start()
            ctx.api = CentralApi.from_config(ctx.config, url)
        return ctx.api


def with_api(ctx, work: Callable):
    """In a worker: `work(api)` with the kiosk's API client, or NoConnection when it cannot be
    built (the demo sandbox failed to start)."""
    try:
        api = ensure_api(ctx)
    except DemoError as e:
        return NoConnection(str(e))
    return work(api)


def call_api(screen, work: Callable, on_outcome: Callable, button=None) -> None:
    """Run `work(api)` in the background; `on_outcome(outcome)` on the GUI thread."""
    if button is not None:
        button.setEnabled(False)

    def job():
        return with_api(screen.ctx, work)

    def finish(outcome):
        if button is not None:
            button.setEnabled(True)
        on_outcome(outcome)

    def failed(error: Exception):
        # The client never raises; this is a programming error, shown as "no connection".
        finish(NoConnection(type(error).__name__))

    screen.ctx.tasks.run(job, on_result=finish, on_error=failed)
