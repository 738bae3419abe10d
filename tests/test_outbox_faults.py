"""Faults between the kiosk and the ministry: nothing lost, nothing twice, the user told clearly.

The outbox delivers through tests/fixtures/faulty_proxy.py in front of the real sandbox. Each
network fault (server stopped, 500, no answer, a reset mid-upload, a lost answer, a captive
portal's HTML 200, malformed JSON) leaves the item in the outbox, waiting, with a bilingual
message for the user; once the network is well again it arrives exactly once with identical
attachments. A refusal keeps the item as "needs attention" with the server's own message. A
full disk at sealing is a clear error that leaves what was saved before intact.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import requests

from kiosk import config as kiosk_config
from kiosk.api import CentralApi
from kiosk.device import DeviceCredentials, ensure_enrolled
from kiosk.errors import KioskError
from kiosk.sync.delivery import Deliverer
from offline_cache.keys import KeyRing
from offline_cache.outbox import Outbox, SealFile
from tests import crash_harness as sealed_apps

ANNOUNCE = {"method": "POST", "path": r"^/v1/applications$"}
UPLOAD = {"method": "PUT", "path": r"/attachments/"}
COMMIT = {"method": "POST", "path": r"/commit$"}


class Clock:
    """The deliverer's clock, moved on by the test to let back-offs run out."""

    def __init__(self):
        self.now = dt.datetime.now(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, hours: float = 1) -> None:
        self.now += dt.timedelta(hours=hours)


@pytest.fixture
def kiosk(sandbox_server, faulty_proxy, tmp_path):
    """An outbox, a deliverer talking through the faulty proxy, and the account it writes for."""
    body = sandbox_server.register_individual()
    token = sandbox_server.login(body["username"], body["password"])
    account_id = requests.get(
        f"{sandbox_server.url}/v1/account", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()["account_id"]
    data_dir = tmp_path / "kiosk"
    keys = KeyRing(data_dir, backend="file")
    cfg = kiosk_config.load(
        environ={"KIOSK_STORAGE_DATA_DIR": str(data_dir), "KIOSK_KIOSK_ID": "FAULTS-KIOSK-1"}
    )
    direct = CentralApi(sandbox_server.url, retries=0)
    credentials = ensure_enrolled(direct, keys, cfg)
    direct.close()
    assert isinstance(credentials, DeviceCredentials)

    proxy = faulty_proxy(sandbox_server.url)
    api = CentralApi(proxy.url, retries=0, connect_timeout_s=1, read_timeout_s=1)
    outbox = Outbox(data_dir / "outbox.sqlite", keys)
    clock = Clock()
    deliverer = Deliverer(outbox, api, credentials, clock, lambda: 0.5)
    yield _Kiosk(sandbox_server, proxy, outbox, deliverer, clock, account_id)
    outbox.close()
    api.close()


class _Kiosk:
    def __init__(self, sandbox, proxy, outbox, deliverer, clock, account_id):
        self.sandbox, self.proxy, self.outbox = sandbox, proxy, outbox
        self.deliverer, self.clock, self.account_id = deliverer, clock, account_id
        self._seq = 1000

    def seal(self, account_id: str | None = None) -> int:
        self._seq += 1
        self.outbox.seal_application(
            account_id or self.account_id, sealed_apps.SERVICE, "normal",
            sealed_apps.application_data(self._seq), sealed_apps.files(self._seq),
            "FAULTS-KIOSK-1", self.clock(),
        )  # fmt: skip
        return self._seq

    def waiting(self) -> dict:
        return self.outbox.status(self.clock())

    def on_server(self, account_id: str | None = None) -> list[dict]:
        return sealed_apps.server_applications(self.sandbox.db_path, account_id or self.account_id)


@pytest.mark.parametrize(
    ("fault", "where", "failure"),
    [
        ("server_error", ANNOUNCE, "ServerError"),
        ("hang", UPLOAD, "TimedOut"),
        ("reset_mid_body", UPLOAD, "NoConnection"),
        ("drop_answer", UPLOAD, "NoConnection"),
        ("drop_answer", COMMIT, "NoConnection"),
        ("html_200", COMMIT, "UnexpectedAnswer"),
        ("bad_json", ANNOUNCE, "UnexpectedAnswer"),
        ("html_200", ANNOUNCE, "UnexpectedAnswer"),
    ],
)
def test_a_passing_fault_keeps_the_item_and_it_arrives_once_when_the_network_is_well(
    kiosk, fault, where, failure
):
    seq = kiosk.seal()
    kiosk.proxy.fail(fault, **where)
    assert kiosk.deliverer.deliver_next()
    assert kiosk.proxy.faults() == [fault]
    assert type(kiosk.deliverer.last_failure).__name__ == failure
    message = kiosk.deliverer.last_failure.message
    assert message.ar and message.en  # what the screens show while the item waits
    assert kiosk.waiting()["sealed"] == 1 and kiosk.waiting()["delivered"] == 0
    (pending,) = kiosk.outbox.pending_for(kiosk.account_id)
    assert pending.state == "sealed"

    kiosk.clock.advance()
    kiosk.deliverer.drain(until_empty=False)
    assert kiosk.waiting()["sealed"] == 0 and kiosk.waiting()["delivered"] == 1
    (app,) = kiosk.on_server()
    assert (app["seq"], app["status"], app["complete"]) == (seq, "submitted", True)
    assert app["hashes"] == sealed_apps.attachment_hashes(seq)


def test_a_reset_between_the_pieces_of_a_large_attachment_resumes_from_the_servers_offset(
    kiosk,
):
    kiosk._seq = 1001
    seq = kiosk.seal()  # its last file (1.1 MB) goes in two pieces: 1 MiB, then the rest
    kiosk.proxy.fail("reset_mid_body", skip=3, **UPLOAD)  # the large file's second piece
    kiosk.deliverer.deliver_next()
    assert kiosk.proxy.faults() == ["reset_mid_body"]
    (partial,) = kiosk.on_server()
    assert partial["status"] == "receiving" and not partial["complete"]

    puts_before = sum(1 for s in kiosk.proxy.seen if s.method == "PUT")
    kiosk.clock.advance()
    kiosk.deliverer.drain(until_empty=False)
    assert sum(1 for s in kiosk.proxy.seen if s.method == "PUT") == puts_before + 1
    (app,) = kiosk.on_server()
    assert app["status"] == "submitted" and app["hashes"] == sealed_apps.attachment_hashes(seq)


def test_a_stopped_server_keeps_everything_sealed_and_it_arrives_once_when_it_returns(kiosk):
    seqs = [kiosk.seal() for _ in range(3)]
    kiosk.proxy.refuse()
    for _ in range(3):
        kiosk.deliverer.deliver_next()
        kiosk.clock.advance()
    assert type(kiosk.deliverer.last_failure).__name__ == "NoConnection"
    assert kiosk.waiting()["sealed"] == 3 and kiosk.on_server() == []

    kiosk.proxy.accept()
    kiosk.clock.advance()
    report = kiosk.deliverer.drain(until_empty=False)
    assert report.delivered == 3 and report.remaining == 0
    assert sorted(app["seq"] for app in kiosk.on_server()) == seqs
    assert all(a["hashes"] == sealed_apps.attachment_hashes(a["seq"]) for a in kiosk.on_server())


def test_a_lost_commit_answer_is_not_submitted_or_billed_twice(kiosk):
    kiosk.seal()
    kiosk.proxy.fail("drop_answer", **COMMIT)
    kiosk.deliverer.deliver_next()
    (app,) = kiosk.on_server()
    assert app["status"] == "submitted"  # the server acted; the kiosk did not hear it
    assert kiosk.waiting()["sealed"] == 1

    kiosk.clock.advance()
    kiosk.deliverer.drain(until_empty=False)
    assert len(kiosk.on_server()) == 1 and kiosk.waiting()["delivered"] == 1
    bills = kiosk.sandbox.officer_json("bills")
    assert [b["application_id"] for b in bills].count(app["application_id"]) == 1


def test_a_refusal_needs_attention_with_the_servers_message_and_is_kept(kiosk):
    kiosk.seal()
    kiosk.proxy.fail("reject", status=422, code="invalid_value", **ANNOUNCE)
    kiosk.deliverer.deliver_next()
    kiosk.clock.advance()
    kiosk.deliverer.drain(until_empty=False)  # a refusal is not retried
    assert kiosk.waiting()["needs_attention"] == 1 and kiosk.on_server() == []
    (kept,) = kiosk.outbox.pending_for(kiosk.account_id)
    assert kept.state == "needs_attention"
    assert kept.problem.code == "invalid_value" and kept.problem.message.en == "Refused."


def test_the_ministry_refusing_an_account_not_yet_active_is_shown_not_dropped(kiosk):
    accounts = kiosk.sandbox.officer_json("accounts")
    pending = next(a for a in accounts if a["status"] == "pending")["account_id"]
    kiosk.seal(account_id=pending)
    kiosk.deliverer.deliver_next()
    assert kiosk.waiting()["needs_attention"] == 1
    (kept,) = kiosk.outbox.pending_for(pending)
    assert kept.problem.code == "account_pending"
    assert "activation" in kept.problem.message.en and kept.problem.message.ar
    assert kiosk.on_server(pending) == []


def test_a_full_disk_at_sealing_is_a_clear_error_and_what_was_saved_stays(kiosk):
    first = kiosk.seal()
    conn = kiosk.outbox.db.conn
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # about 32 kB left on the "disk"
    big = SealFile("family_book", "application/pdf", b"%PDF-1.4\n" + os.urandom(400_000))
    with pytest.raises(KioskError) as full:
        kiosk.outbox.seal_application(
            kiosk.account_id, sealed_apps.SERVICE, "normal", {"seq": 0}, [big],
            "FAULTS-KIOSK-1", kiosk.clock(),
        )  # fmt: skip
    assert full.value.code == "outbox.disk_full"
    assert full.value.message.ar and "full" in full.value.message.en
    assert kiosk.waiting()["sealed"] == 1

    conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    kiosk.deliverer.drain(until_empty=False)
    (app,) = kiosk.on_server()
    assert app["seq"] == first and app["hashes"] == sealed_apps.attachment_hashes(first)
