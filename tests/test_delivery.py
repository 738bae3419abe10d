"""Delivering the outbox to the real sandbox over HTTP: exactly once, identical bytes, resumable,
in order, refusals kept with their reason, offline backoff, keys destroyed, and the worker.

Real SQLite files, the file keyring, a real enrolled terminal; the only instrument is a
`requests` response hook that counts the bytes each PUT carried.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import socket
import sqlite3
import threading
import uuid

import pytest

from kiosk import config
from kiosk.api import CentralApi
from kiosk.device import DeviceCredentials, ensure_enrolled
from kiosk.sync.delivery import BACKOFF_CAP_S, Deliverer
from kiosk.sync.worker import SyncWorker
from offline_cache.keys import KeyRing
from offline_cache.outbox import Outbox, SealFile

PASSPORT = b"\xff\xd8\xff\xe0" + os.urandom(300_000)
PHOTO = b"\xff\xd8\xff\xe0" + os.urandom(250_000)
BOOK = b"%PDF-1.4\n" + os.urandom(1_500_000)  # above 1 MiB: sent in pieces
DATA = {
    "applicant": {"full_name": "Omar Khaled Saleh"},
    "beneficiaries": [{"full_name": "Sara Omar", "passport_number": "N7654321"}],
}


class FakeClock:
    """A clock the test moves by hand (and that `sleep` moves)."""

    def __init__(self):
        self.now = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def ring(tmp_path):
    return KeyRing(tmp_path, backend="file")


@pytest.fixture
def box(tmp_path, ring):
    opened = Outbox(tmp_path / "outbox.sqlite", ring)
    yield opened
    opened.close()


@pytest.fixture
def api(sandbox_server):
    client = CentralApi(sandbox_server.url, retries=0)
    yield client
    client.close()


@pytest.fixture
def device(api, ring):
    cfg = config.load(environ={"KIOSK_KIOSK_ID": f"TEST-KIOSK-{uuid.uuid4().hex[:8].upper()}"})
    credentials = ensure_enrolled(api, ring, cfg)
    assert isinstance(credentials, DeviceCredentials)
    return credentials


@pytest.fixture
def holder(sandbox_server):
    """A fresh active account: its id and a client logged in as its holder (to read)."""
    body = sandbox_server.register_individual()
    client = CentralApi(sandbox_server.url, retries=0)
    info = client.login(body["username"], body["password"]).value
    yield info.account.account_id, client
    client.close()


def _seal(box, account_id, files=None, service_id="residence.family", now=None):
    files = (
        files
        if files is not None
        else [SealFile("beneficiary_passport", "image/jpeg", PASSPORT, 0)]
    )
    return box.seal_application(
        account_id, service_id, "normal", DATA, files, "TEST-KIOSK", now or dt.datetime.now(dt.UTC)
    )


def _put_bytes(api) -> list[tuple[str, int]]:
    """Record (path, body length) of every PUT the client sends from now on."""
    sent: list[tuple[str, int]] = []

    def record(response, *args, **kwargs):
        if response.request.method == "PUT":
            sent.append((response.request.path_url, len(response.request.body or b"")))

    api.transport.session.hooks["response"].append(record)
    return sent


def _announced_earlier(box, api, device, account_id, sealed):
    """An earlier run announced the sealed application (then died): its client, payload, id."""
    payload = box.payload(sealed.item_id)
    client = api.as_device(device.device_id, device.token, account_id)
    body = payload["body"] | {"attachments": payload["files"]}
    app_id = client.create_application(body, payload["idempotency_key"]).value.application_id
    return client, payload, app_id


def _server_sha256(sandbox_server, application_id: str) -> dict[str, str]:
    """attachment_id → SHA-256 of the bytes the sandbox holds (read from its database)."""
    conn = sqlite3.connect(f"file:{sandbox_server.db_path}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT attachment_id, received FROM attachments WHERE application_id = ?",
        (application_id,),
    ).fetchall()
    conn.close()
    return {a: hashlib.sha256(bytes(r)).hexdigest() for a, r in rows}


def test_an_application_with_three_attachments_arrives_once_with_identical_bytes(
    box, api, device, holder, sandbox_server, tmp_path, caplog
):
    caplog.set_level(logging.DEBUG)
    account_id, reader = holder
    files = [
        SealFile("beneficiary_passport", "image/jpeg", PASSPORT, 0),
        SealFile("personal_photo", "image/jpeg", PHOTO, 0),
        SealFile("family_book", "application/pdf", BOOK),
    ]
    sealed = _seal(box, account_id, files)
    metas = box.payload(sealed.item_id)["files"]
    raw = sqlite3.connect(tmp_path / "outbox.sqlite")
    (wrapped,) = raw.execute("SELECT wrapped_key FROM items").fetchone()
    raw.close()
    sent = _put_bytes(api)

    report = Deliverer(box, api, device).drain()

    assert (report.delivered, report.remaining, report.needs_attention) == (1, 0, 0)
    [receipt] = box.receipts_for(account_id)
    app_id = receipt.remote_id
    shown = sandbox_server.officer_json("show", app_id)
    assert shown["status"] == "submitted" and shown["idempotency_key"] == sealed.idempotency_key
    assert shown["data"] == DATA
    assert {a["attachment_id"]: (a["sha256"], a["complete"]) for a in shown["attachments"]} == {
        m["attachment_id"]: (m["sha256"], True) for m in metas
    }
    expected = {
        m["attachment_id"]: hashlib.sha256(f.data).hexdigest()
        for m, f in zip(metas, files, strict=True)
    }
    assert _server_sha256(sandbox_server, app_id) == expected
    assert [a.application_id for a in reader.applications().value] == [app_id]  # exactly once
    # The small files went in one PUT each, the 1.5 MB one in two 1 MiB pieces.
    assert sorted(n for _, n in sent) == sorted(
        [len(PHOTO), len(PASSPORT), 1 << 20, len(BOOK) - (1 << 20)]
    )
    for text in ("Omar", "Sara", "N7654321", account_id, device.token):
        assert text not in caplog.text  # the log names items and paths, never a person
    assert f"application {sealed.item_id} delivered" in caplog.text
    # Delivered: the item, its blobs and its wrapped key are gone (from every file, once folded).
    assert box.status()["sealed"] == 0 and box.status()["delivered"] == 1
    box.close()
    for path in tmp_path.glob("outbox.sqlite*"):
        assert wrapped not in path.read_bytes()


def test_redelivery_after_already_received_counts_as_success(box, api, device, holder):
    account_id, reader = holder
    sealed = _seal(box, account_id)
    # A previous run delivered everything, then died before deleting the item locally.
    client, payload, app_id = _announced_earlier(box, api, device, account_id, sealed)
    meta = payload["files"][0]
    client.upload_attachment(app_id, meta["attachment_id"], PASSPORT, 0, len(PASSPORT))
    assert client.commit_application(app_id).value.status == "submitted"
    sent = _put_bytes(api)

    report = Deliverer(box, api, device).drain()

    assert report.delivered == 1 and sent == []  # nothing uploaded twice
    assert [r.remote_id for r in box.receipts_for(account_id)] == [app_id]
    assert [a.application_id for a in reader.applications().value] == [app_id]


def test_a_resumed_upload_sends_only_the_missing_bytes(box, api, device, holder):
    account_id, _ = holder
    sealed = _seal(box, account_id, [SealFile("family_book", "application/pdf", BOOK)])
    client, payload, app_id = _announced_earlier(box, api, device, account_id, sealed)
    attachment_id, half = payload["files"][0]["attachment_id"], 700_000
    assert client.upload_attachment(app_id, attachment_id, BOOK[:half], 0, len(BOOK)).ok
    sent = _put_bytes(api)

    assert Deliverer(box, api, device).drain().delivered == 1

    assert sum(n for _, n in sent) == len(BOOK) - half


def test_damaged_bytes_on_the_server_are_sent_again_from_the_start(
    box, api, device, holder, sandbox_server
):
    account_id, _ = holder
    sealed = _seal(box, account_id)
    client, payload, app_id = _announced_earlier(box, api, device, account_id, sealed)
    attachment_id = payload["files"][0]["attachment_id"]
    garbage = os.urandom(1000)  # a broken earlier run left wrong first bytes
    assert client.upload_attachment(app_id, attachment_id, garbage, 0, len(PASSPORT)).ok

    assert Deliverer(box, api, device).drain().delivered == 1

    sha = hashlib.sha256(PASSPORT).hexdigest()
    assert _server_sha256(sandbox_server, app_id) == {attachment_id: sha}


def test_details_and_edits_are_delivered_after_their_application(
    box, api, device, holder, sandbox_server
):
    account_id, reader = holder
    app = _seal(box, account_id)
    ref = f"local:{app.item_id}"
    page = b"\xff\xd8\xff\xe0" + os.urandom(50_000)
    now = dt.datetime.now(dt.UTC)
    details = box.seal_details(
        account_id, ref, "the page", [SealFile("family_book", "image/jpeg", page)], now
    )

    assert Deliverer(box, api, device).drain().delivered == 2

    receipts = {r.item_id: r for r in box.receipts_for(account_id)}
    app_id = receipts[app.item_id].remote_id
    assert receipts[details.item_id].remote_id == app_id
    assert receipts[app.item_id].delivered_at <= receipts[details.item_id].delivered_at
    history = [h.note or "" for h in reader.application(app_id).value.history]
    assert any(note.startswith("details added") for note in history)

    sandbox_server.officer(
        "request-details", app_id, "--fields", "beneficiaries.0.passport_number", "--note", "fix"
    )
    box.seal_edit(account_id, ref, {"beneficiaries.0.passport_number": "N7654322"}, now)
    assert Deliverer(box, api, device).drain().delivered == 1
    edited = reader.application(app_id).value
    assert edited.data["beneficiaries"][0]["passport_number"] == "N7654322"


def test_a_refusal_needs_attention_with_the_servers_reason(box, api, device, holder):
    account_id, _ = holder
    sealed = _seal(box, account_id, service_id="no.such.service")

    report = Deliverer(box, api, device).drain()

    assert (report.delivered, report.needs_attention, report.remaining) == (0, 1, 0)
    [item] = box.pending_for(account_id)
    assert item.item_id == sealed.item_id and item.state == "needs_attention"
    assert item.problem.code == "invalid_value"
    assert item.problem.message.ar and item.problem.message.en  # the server's own words


def test_an_item_that_trips_the_kiosk_waits_and_the_items_behind_it_go(
    box, api, device, holder, monkeypatch
):
    """A fault of the kiosk's own code with one item (one sealed by an older version, say) does
    not hold up the requests sealed after it: that item waits, longer each time, and stays."""
    account_id, reader = holder
    clock = FakeClock()
    tripping = _seal(box, account_id, now=clock() - dt.timedelta(seconds=1))
    behind = _seal(box, account_id, now=clock())
    tripping_key = box.payload(tripping.item_id)["idempotency_key"]
    create = CentralApi.create_application

    def create_or_trip(self, body, idempotency_key):  # the injected fault: a bug, for one item
        if idempotency_key == tripping_key:
            raise KeyError("files")
        return create(self, body, idempotency_key)

    monkeypatch.setattr(CentralApi, "create_application", create_or_trip)
    deliverer = Deliverer(box, api, device, clock=clock, rng=lambda: 0.5, sleep=clock.sleep)

    assert deliverer.deliver_next() is True  # the first item trips; it waits 0.5 · 2 s
    assert deliverer.deliver_next() is True  # the one behind it goes meanwhile
    [waiting] = box.pending_for(account_id)
    assert waiting.item_id == tripping.item_id and waiting.state == "sealed"
    assert deliverer.next_attempt_at() == clock() + dt.timedelta(seconds=1)
    assert deliverer.counts["delivered"] == 1 and deliverer.paused_until is None
    [receipt] = box.receipts_for(account_id)
    assert receipt.item_id == behind.item_id
    assert [a.application_id for a in reader.applications().value] == [receipt.remote_id]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_connection_retries_later_with_growing_jittered_backoff(box, device, holder):
    account_id, _ = holder
    offline = CentralApi(f"http://127.0.0.1:{_closed_port()}", retries=0)
    clock = FakeClock()
    sealed = _seal(box, account_id, now=clock())
    deliverer = Deliverer(box, offline, device, clock=clock, rng=lambda: 0.5, sleep=clock.sleep)

    assert deliverer.deliver_next() is True
    assert box.status(clock())["sealed"] == 1
    assert deliverer.next_attempt_at() == clock() + dt.timedelta(seconds=1)  # 0.5 · 2 s
    assert deliverer.deliver_next() is False  # paused: not once per item while offline
    clock.sleep(1)
    assert deliverer.deliver_next() is True
    assert deliverer.next_attempt_at() == clock() + dt.timedelta(seconds=2)  # 0.5 · 4 s

    report = deliverer.drain(deadline=clock() + dt.timedelta(minutes=5))
    assert report.delivered == 0 and report.remaining == 1 and report.retried >= 3
    assert deliverer.backoff_s(40) == 0.5 * BACKOFF_CAP_S  # capped at 10 minutes
    assert [i.item_id for i in box.pending_for(account_id)] == [sealed.item_id]
    offline.close()


def test_a_forgotten_device_token_is_renewed_and_delivery_goes_on(box, api, ring, holder):
    account_id, reader = holder
    cfg = config.load(environ={"KIOSK_KIOSK_ID": f"TEST-KIOSK-{uuid.uuid4().hex[:8].upper()}"})
    calls = []

    def credentials(renew: bool = False):
        calls.append(renew)
        if not renew:  # a token the server does not know (it re-enrolled this terminal)
            return DeviceCredentials(cfg.kiosk.id, "stale-token")
        return ensure_enrolled(api, ring, cfg, renew=True)

    _seal(box, account_id)
    assert Deliverer(box, api, credentials).drain().delivered == 1
    assert calls == [False, True]
    assert len(reader.applications().value) == 1


def test_a_refused_token_that_cannot_be_renewed_waits_like_any_passing_failure(box, api, holder):
    account_id, _ = holder
    clock = FakeClock()
    _seal(box, account_id, now=clock())
    stale = DeviceCredentials("TEST-KIOSK-UNKNOWN", "stale-token")
    deliverer = Deliverer(box, api, lambda: stale, clock=clock, sleep=clock.sleep)

    report = deliverer.drain(deadline=clock() + dt.timedelta(seconds=30))

    assert (report.delivered, report.needs_attention, report.remaining) == (0, 0, 1)
    assert deliverer.last_failure.code == "invalid_device_token"


def test_the_worker_delivers_what_is_sealed_and_tells_listeners(box, api, device, holder, tmp_path):
    account_id, _ = holder
    changes: list[dict] = []
    delivered = threading.Event()

    def listener(status):
        changes.append(status)
        if status["delivered"]:
            delivered.set()

    def make_deliverer():  # in the worker's thread: its own Outbox
        return Deliverer(Outbox(tmp_path / "outbox.sqlite", KeyRing(tmp_path, "file")), api, device)

    worker = SyncWorker(make_deliverer, interval_s=60)
    worker.on_change(listener)
    worker.start()
    _seal(box, account_id)
    worker.wake()
    assert delivered.wait(30)
    assert worker.stop(10) and not worker.running
    assert changes[-1]["delivered"] == 1 and changes[-1]["sealed"] == 0
    assert json.dumps(changes)  # counts only: plain JSON, no personal data


def test_a_clock_set_back_does_not_hold_the_outbox_until_it_catches_up(box, api, device, holder):
    # The kiosk's clock ran a day fast (a flat RTC battery) while it sealed, claimed and backed
    # off; then NTP set it right. Nothing the engine schedules is more than an hour ahead, so
    # times further ahead mean the clock went back: the items are due now, not tomorrow.
    account_id, reader = holder
    offline = CentralApi(f"http://127.0.0.1:{_closed_port()}", retries=0)
    clock = FakeClock()
    fast = clock() + dt.timedelta(days=1)
    first = _seal(box, account_id, now=fast)
    second = _seal(box, account_id, now=fast)
    box.claim_next(fast + dt.timedelta(seconds=1), lease_s=300)  # by a run that then died
    deliverer = Deliverer(box, offline, device, clock=lambda: fast, rng=lambda: 0.5)
    assert deliverer.deliver_next() is True  # the other one fails offline: paused, retried
    assert {i.state for i in box.pending_for(account_id)} == {"sending", "sealed"}

    deliverer.api, deliverer.clock = api, clock  # the network is back, the clock set right
    assert deliverer.next_attempt_at() <= clock()
    report = deliverer.drain(until_empty=False)

    assert (report.delivered, report.remaining) == (2, 0)
    assert {r.item_id for r in box.receipts_for(account_id)} == {first.item_id, second.item_id}
    assert len(reader.applications().value) == 2
    offline.close()


def test_after_a_drain_no_delivered_items_key_is_left_in_any_file(
    box, api, device, holder, tmp_path
):
    # The outbox stays open while the kiosk runs: the WAL must not keep the wrapped keys of
    # delivered items (crypto-shredding) until some later close.
    account_id, _ = holder
    _seal(box, account_id)
    _seal(box, account_id)
    raw = sqlite3.connect(tmp_path / "outbox.sqlite")
    wrapped = [row[0] for row in raw.execute("SELECT wrapped_key FROM items")]
    raw.close()

    assert Deliverer(box, api, device).drain().delivered == 2

    for path in tmp_path.glob("outbox.sqlite*"):
        content = path.read_bytes()
        assert not any(key in content for key in wrapped), path.name
