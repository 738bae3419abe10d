"""The draft is kept as the user goes: encrypted in the drafts store, bound to their account.

`keeper_of(ctx)` is the kiosk's one DraftKeeper. Screens call `schedule()` after each change
(typing saves a moment after the last key) or `flush()` when leaving a step; the save runs in a
worker (offline_cache.drafts through ui.services.open_drafts). Saves may finish out of order in
the thread pool, so each carries the flow's version and an older one never overwrites a newer
one. When the session ends (logout, idle timeout), the last changes are handed to a save and the
flow is cleared: the same account finds the draft when it logs in again; nobody else can.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from PySide6.QtCore import QObject, QTimer

from kiosk.domain.model import Draft
from kiosk.errors import KioskError
from ui.screens.apply.flow import ApplyFlow, flow_of

log = logging.getLogger(__name__)

KEEPER_KEY = "apply_drafts"
DEBOUNCE_MS = 1000


class DraftKeeper(QObject):
    """Saves, loads and discards the flow's draft; see the module docstring."""

    def __init__(self, ctx, flow: ApplyFlow):
        super().__init__()
        self.ctx = ctx
        self.flow = flow
        self._saved_version = -1  # the newest version written (or discarded), guarded by _lock
        self._lock = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        ctx.session.register_wipe(self.on_session_end)

    def schedule(self) -> None:
        """Save a moment after the last change (typing does not save at every key)."""
        self._timer.start()

    def flush(self) -> None:
        """Save now (in a worker) if the flow changed since the last save."""
        self._timer.stop()
        flow = self.flow
        if not (flow.account_id and flow.started):
            return
        snapshot = (
            flow.account_id,
            flow.draft.to_dict(),
            flow.step,
            dict(flow.pages),
            flow.version,
        )
        self.ctx.tasks.run(self._save, snapshot)

    def on_session_end(self) -> None:
        """The session ends: keep the last changes for this account, then forget them here."""
        self.flush()
        self.flow.clear()

    def forget(self, account_id: str, on_done=None) -> None:
        """Discard the account's saved draft (sent, or the user starts anew)."""
        version = self.flow.version
        self._timer.stop()
        self.ctx.tasks.run(self.discard_now, account_id, version, on_result=on_done)

    def load(self, account_id: str, on_result) -> None:
        """The account's saved draft (a SavedDraft) or None, to `on_result` on the GUI thread."""
        # An unreadable store: the user starts a new request.
        self.ctx.tasks.run(
            _load, self.ctx, account_id, on_result=on_result, on_error=lambda _e: on_result(None)
        )

    # --- in workers ---------------------------------------------------------------------------
    def _save(self, snapshot) -> None:
        from ui.services import open_drafts

        account_id, data, step, files, version = snapshot
        with self._lock:
            if version <= self._saved_version:
                return  # a newer version is already written (or the draft was discarded)
            try:
                open_drafts(self.ctx).save(account_id, data, step, files, _now())
            except KioskError as e:  # disk full, locked file: the draft stays in memory
                log.warning("the draft could not be saved: %s", e.code)
                return
            self._saved_version = version

    def discard_now(self, account_id: str, version: int) -> None:
        """In a worker: discard the account's draft; saves of older versions are skipped."""
        from ui.services import open_drafts

        with self._lock:
            self._saved_version = max(self._saved_version, version)
            open_drafts(self.ctx).discard(account_id)


def keeper_of(ctx) -> DraftKeeper:
    """The kiosk's DraftKeeper, made on first use (on the GUI thread)."""
    keeper = ctx.services.get(KEEPER_KEY)
    if keeper is None:
        keeper = ctx.services[KEEPER_KEY] = DraftKeeper(ctx, flow_of(ctx))
    return keeper


def saved_draft(saved) -> tuple[Draft, str, dict[str, bytes]] | None:
    """(draft, step, pages) from the store's SavedDraft, None when it cannot be read back."""
    try:
        return Draft.from_dict(saved.draft), saved.step, dict(saved.files)
    except KioskError as e:
        log.warning("a saved draft could not be read: %s", e.code)
        return None


def _load(ctx, account_id: str):
    """The account's saved draft, unless it was sealed already (a crash or a full disk between
    sealing and discarding it): then it is discarded, never offered to be sent again. Every
    account's expired drafts go first (most who leave a draft never come back for it)."""
    from ui.services import open_drafts, open_outbox

    drafts = open_drafts(ctx)
    now = _now()
    drafts.purge_expired(now)
    saved = drafts.load(account_id, now)
    draft_id = saved.draft.get("draft_id") if saved is not None else None
    if draft_id and open_outbox(ctx).sealed_already(account_id, draft_id):
        drafts.discard(account_id)
        return None
    return saved


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
