"""Delivering the outbox: announce → upload attachments resumably → commit, exactly once.

One item at a time, claimed from the outbox under a lease. The server's idempotency keys make a
repeat harmless at every step: announcing again answers the same application ("already
received"), a finished attachment is not taken twice, committing again changes nothing. So after
any failure or crash the whole item is simply delivered again, resuming each attachment from the
bytes the server already holds. Only an explicit, well-formed success counts (the API client
turns an HTML 200 from a captive portal into UnexpectedAnswer).

What a failure means decides what happens to the item:
- passing (no connection, timeout, 5xx, a strange answer, 429): back to the outbox, due again
  after an exponential backoff with full jitter (base 2 s, cap 10 min); the whole deliverer
  pauses too, so an offline kiosk does not knock once per item;
- the server no longer knows this terminal (invalid_device_token): enroll again, then retry;
- any other refusal (validation, idempotency conflict, account not active …): "needs attention"
  with the server's code and message, for the user and the operator to see. Never dropped.

The deliverer runs outside the GUI thread (kiosk.sync.worker, or `python -m kiosk outbox
drain`) and owns its Outbox object (SQLite connections are per thread).
"""

from __future__ import annotations

import datetime as dt
import inspect
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.api import CentralApi, Failure, Ok, Rejected, UnexpectedAnswer
from kiosk.api.models import AttachmentState
from kiosk.device import DeviceCredentials, is_invalid_token
from kiosk.errors import KioskError
from offline_cache.outbox import MAX_AHEAD_S, ClaimedItem, Outbox

log = logging.getLogger("kiosk.sync")

BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 600.0
LEASE_S = 300.0
WHOLE_FILE_MAX = 1024 * 1024  # one PUT up to 1 MiB (the scanner's pages are ~300 kB) …
CHUNK = 1024 * 1024  # … 1 MiB pieces above that, so a dropped connection costs little
MAX_PUTS_PER_FILE = 64  # offset corrections included; a server that never advances is broken

Credentials = DeviceCredentials | Callable[..., DeviceCredentials | Failure]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class DrainReport:
    """What a drain did, and what it left (items still waiting for the network)."""

    delivered: int = 0
    retried: int = 0
    needs_attention: int = 0
    remaining: int = 0


@dataclass(frozen=True)
class _Done:
    application_id: str


class Deliverer:
    """Delivers the outbox's items through the central API as this terminal.

    `device` is the terminal's DeviceCredentials, or a function giving them (called when first
    needed, and as `device(renew=True)` when the server says the token is no longer valid; see
    kiosk.device.ensure_enrolled). `clock`, `rng` and `sleep` are injectable for tests.
    """

    def __init__(
        self,
        outbox: Outbox,
        api: CentralApi,
        device: Credentials,
        clock: Callable[[], dt.datetime] = utc_now,
        rng: Callable[[], float] = random.random,
        sleep: Callable[[float], None] = time.sleep,
        lease_s: float = LEASE_S,
    ):
        self.outbox = outbox
        self.api = api
        self._device = device
        self._credentials = device if isinstance(device, DeviceCredentials) else None
        self._can_renew = self._credentials is None and _accepts_renew(device)
        self.clock = clock
        self.rng = rng
        self.sleep = sleep
        self.lease_s = lease_s
        self._offline_failures = 0
        self._renew = False  # enroll again before the next item (the token was refused)
        self._renewed = False  # … and it was already renewed since the last success
        self.counts = {"delivered": 0, "retried": 0, "needs_attention": 0}  # since created
        self._lease_until: dt.datetime | None = None
        self.paused_until: dt.datetime | None = None
        self.last_failure: Failure | None = None

    # ------------------------------------------------------------ driving

    def deliver_next(self) -> bool:
        """Deliver (or try to) the next due item; False when none is due or delivery pauses.

        Out of due items, the keys of those delivered leave the disk (Outbox.scrub)."""
        if self._deliver_due():
            return True
        self.outbox.scrub()
        return False

    def _deliver_due(self) -> bool:
        now = self.clock()
        if self._paused(now):
            return False
        due = self.outbox.next_due_at(now)
        if due is None or due > now:
            return False  # checked first: an empty outbox needs no credentials (no network)
        credentials = self._ensure_credentials()
        if credentials is None:
            return False
        item = self.outbox.claim_next(now, self.lease_s)
        if item is None:
            return False
        self._lease_until = item.lease_until
        self._deliver(item, credentials)
        return True

    def drain(self, until_empty: bool = True, deadline: dt.datetime | None = None) -> DrainReport:
        """Deliver everything due; with `until_empty`, also wait for retries until the outbox
        holds nothing the network could still take, or the deadline (by `clock`) passes."""
        before = dict(self.counts)
        while deadline is None or self.clock() < deadline:
            if self.deliver_next():
                continue
            wake_at = self.next_attempt_at() if until_empty else None
            if wake_at is None:
                break
            if deadline is not None:
                wake_at = min(wake_at, deadline)
            self.sleep(max(0.0, (wake_at - self.clock()).total_seconds()))
        status = self.outbox.status(self.clock())
        return DrainReport(
            **{name: self.counts[name] - before[name] for name in before},
            remaining=status["sealed"] + status["sending"],
        )

    def next_attempt_at(self) -> dt.datetime | None:
        """When there may be something to do: the next due item, or the end of a pause."""
        now = self.clock()
        due = self.outbox.next_due_at(now)
        if due is None:
            return None
        if self._paused(now):
            return max(due, self.paused_until)
        return due

    def _paused(self, now: dt.datetime) -> bool:
        """Whether delivery pauses at `now`. A pause ending more than MAX_AHEAD_S ahead began
        before the clock was set back: it is over (it never lasts that long)."""
        if self.paused_until is None or now >= self.paused_until:
            return False
        if (self.paused_until - now).total_seconds() > MAX_AHEAD_S:
            self.paused_until = None
            return False
        return True

    # ------------------------------------------------------------ one item

    def _deliver(self, item: ClaimedItem, credentials: DeviceCredentials) -> None:
        started = time.monotonic()
        try:
            payload = self.outbox.payload(item)
            if payload["kind"] != "application" and payload["application_id"] is None:
                # Its application is not delivered yet (the outbox should not have offered it).
                self._retry(item, "waiting_for_application", self.backoff_s(item.attempts))
                return
            client = self.api.as_device(
                credentials.device_id, credentials.token, payload["account_id"]
            )
            if payload["kind"] == "application":
                result = self._application(client, item, payload)
            elif payload["kind"] == "details":
                result = self._details(client, item, payload)
            else:
                result = self._edit(client, payload)
        except KioskError as e:
            if e.code != "outbox.unreadable":
                raise  # the store itself failed (disk full…): the lease brings the item back
            self._refused(item, e.code, e.message)
            return
        except Exception as e:
            # A fault of this kiosk's own code with this one item (sealed by an older version,
            # say) must not hold up the requests sealed after it: it waits, longer each time.
            log.error("%s %s tripped the kiosk (%s)", item.kind, item.item_id, type(e).__name__)
            self._retry(item, "kiosk_fault", self.backoff_s(item.attempts))
            return
        if isinstance(result, _Done):
            self.outbox.delivered(item.item_id, result.application_id, self.clock())
            self.counts["delivered"] += 1
            self._offline_failures, self.paused_until, self.last_failure = 0, None, None
            self._renewed = False
            elapsed_ms = (time.monotonic() - started) * 1000
            log.info("%s %s delivered in %.0f ms", item.kind, item.item_id, elapsed_ms)
        else:
            self._failed(item, result)

    def _application(self, client: CentralApi, item: ClaimedItem, payload: dict):
        announce = payload["body"] | {"attachments": payload["files"]}
        outcome = client.create_application(announce, payload["idempotency_key"])
        if not outcome.ok:
            return outcome
        application = outcome.value
        if application.application_id != item.remote_id:
            self.outbox.record_remote_id(item.item_id, application.application_id)
        uploaded = self._upload_all(client, item, payload, application.application_id, outcome)
        if uploaded is not None:
            return uploaded
        committed = client.commit_application(application.application_id)
        if not committed.ok:
            return committed
        if committed.value.status == "receiving":
            return UnexpectedAnswer("commit did not submit")
        return _Done(application.application_id)

    def _details(self, client: CentralApi, item: ClaimedItem, payload: dict):
        application_id = payload["application_id"]
        outcome = client.add_details(
            application_id,
            payload["body"]["note"],
            payload["files"],
            payload["idempotency_key"],
        )
        if not outcome.ok:
            return outcome
        details_id = outcome.value.details_id
        if details_id != item.remote_id:
            self.outbox.record_remote_id(item.item_id, details_id)
        uploaded = self._upload_all(client, item, payload, application_id, outcome)
        if uploaded is not None:
            return uploaded
        committed = client.commit_details(application_id, details_id)
        if not committed.ok:
            return committed
        if not committed.value.committed:
            return UnexpectedAnswer("details commit did not commit")
        return _Done(application_id)

    def _edit(self, client: CentralApi, payload: dict):
        application_id = payload["application_id"]
        outcome = client.edit_application(
            application_id, payload["body"]["fields"], payload["idempotency_key"]
        )
        return outcome if not outcome.ok else _Done(application_id)

    # ------------------------------------------------------------ attachments

    def _upload_all(self, client, item, payload, application_id, announced: Ok) -> Failure | None:
        """Upload what the server lacks of each attachment; None when all arrived."""
        states = {s.attachment_id: s for s in announced.value.attachments}
        for meta in payload["files"]:
            state = states.get(meta["attachment_id"])
            if state is None:
                found = client.attachment_state(application_id, meta["attachment_id"])
                if not found.ok:
                    return found
                state = found.value
            if state.complete:
                continue
            failure = self._upload(client, item, application_id, meta, state)
            if failure is not None:
                return failure
        return None

    def _upload(
        self, client, item, application_id: str, meta: dict, state: AttachmentState
    ) -> Failure | None:
        """Send the bytes from where the server stopped; restart once from 0 after a hash
        mismatch (the server discards a damaged file)."""
        attachment_id, size = meta["attachment_id"], meta["size"]
        data = self.outbox.file_bytes(item.item_id, attachment_id)  # decrypted once per file
        offset, restarted = state.received_bytes, False
        for _ in range(MAX_PUTS_PER_FILE):
            self._keep_lease(item)
            if not 0 <= offset < size:
                return UnexpectedAnswer("attachment offset out of range")
            piece = size - offset if size <= WHOLE_FILE_MAX else min(CHUNK, size - offset)
            outcome = client.upload_attachment(
                application_id, attachment_id, data[offset : offset + piece], offset, size
            )
            if isinstance(outcome, Rejected) and outcome.code == "upload_offset_mismatch":
                found = client.attachment_state(application_id, attachment_id)
                if not found.ok:
                    return found
                if found.value.complete:
                    return None
                offset = found.value.received_bytes
                continue
            if isinstance(outcome, Rejected) and outcome.code == "hash_mismatch" and not restarted:
                log.warning("attachment of %s arrived damaged; sending it again", item.item_id)
                offset, restarted = 0, True
                continue
            if not outcome.ok:
                return outcome
            if outcome.value.complete:
                return None
            offset = outcome.value.received_bytes
        return UnexpectedAnswer("the server did not take the attachment")

    # ------------------------------------------------------------ failures

    def _failed(self, item: ClaimedItem, failure: Failure) -> None:
        self.last_failure = failure
        code = getattr(failure, "code", None) or type(failure).__name__
        if is_invalid_token(failure) and self._can_renew and not self._renewed:
            self._credentials, self._renew = None, True
            self._retry(item, code, delay_s=0.0)
            return
        if isinstance(failure, Rejected) and not failure.retryable and failure.status != 401:
            self._refused(item, failure.code, failure.message)
            return
        # A passing failure: this item and the whole deliverer wait, longer each time.
        delay = self.backoff_s(max(item.attempts, self._offline_failures))
        if isinstance(failure, Rejected) and failure.retry_after:
            delay = max(delay, min(float(failure.retry_after), MAX_AHEAD_S))
        self._pause(delay)
        self._retry(item, code, delay)

    def _refused(self, item: ClaimedItem, code: str, message) -> None:
        self.outbox.needs_attention(item.item_id, code, message)
        self.counts["needs_attention"] += 1
        log.warning("%s %s needs attention: %s", item.kind, item.item_id, code)

    def _pause(self, delay_s: float) -> None:
        self._offline_failures += 1
        self.paused_until = self.clock() + dt.timedelta(seconds=delay_s)

    def _retry(self, item: ClaimedItem, code: str, delay_s: float) -> None:
        self.counts["retried"] += 1
        when = self.clock() + dt.timedelta(seconds=delay_s)
        self.outbox.retry_later(item.item_id, code, when)
        log.info("%s %s: %s, again in %.1f s", item.kind, item.item_id, code, delay_s)

    def _keep_lease(self, item: ClaimedItem) -> None:
        """Renew the lease when half of it is gone, so no other deliverer takes the item over
        while a long upload is still going."""
        now = self.clock()
        left = None if self._lease_until is None else (self._lease_until - now).total_seconds()
        # More left than a whole lease: the clock was set back; renew so it stays held.
        if left is not None and (left <= self.lease_s / 2 or left > self.lease_s):
            self._lease_until = now + dt.timedelta(seconds=self.lease_s)
            self.outbox.extend_lease(item.item_id, self._lease_until)

    def backoff_s(self, attempts: int) -> float:
        """Full jitter: uniform in [0, min(cap, base·2^attempts)]."""
        ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** min(attempts, 30))
        return self.rng() * ceiling

    def _ensure_credentials(self) -> DeviceCredentials | None:
        if self._credentials is not None:
            return self._credentials
        if self._renew:
            got = self._device(renew=True)
            self._renewed = True
        else:
            got = self._device()
        if isinstance(got, DeviceCredentials):
            self._credentials, self._renew = got, False
            return got
        # Enrolling needs the network too: pause like any passing failure.
        self.last_failure = got
        delay = self.backoff_s(self._offline_failures)
        self._pause(delay)
        log.info("device credentials unavailable (%s), again in %.1f s", type(got).__name__, delay)
        return None


def _accepts_renew(function) -> bool:
    """Whether a credentials function can be asked to enroll again (`renew=True`)."""
    try:
        return "renew" in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
