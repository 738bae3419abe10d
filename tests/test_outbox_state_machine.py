"""The outbox as a state machine (hypothesis): seal, deliver, fail, retry, crash, restart.

Any sequence of these keeps exactly-once: every sealed application is either still in the
outbox or delivered (never lost, never "needs attention" for a passing fault), the sandbox
never holds one twice, holds nothing that was not sealed, and what it holds has the bytes that
were sealed. At the end, with the network well, everything arrives. Real sandbox, real SQLite
files, faults from the loopback proxy.
"""

from __future__ import annotations

import collections
import datetime as dt
import shutil
import tempfile
from pathlib import Path

import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from kiosk import config as kiosk_config
from kiosk.api import CentralApi
from kiosk.device import DeviceCredentials, ensure_enrolled
from kiosk.sync.delivery import Deliverer
from offline_cache.keys import KeyRing
from offline_cache.outbox import Outbox
from tests import crash_harness as sealed_apps
from tests.fixtures.faulty_proxy import FaultyProxy

WHERE = {
    "announce": {"method": "POST", "path": r"^/v1/applications$"},
    "upload": {"method": "PUT", "path": r"/attachments/"},
    "commit": {"method": "POST", "path": r"/commit$"},
}
FAULTS = ("server_error", "hang", "reset_mid_body", "drop_answer", "html_200", "bad_json")
LEASE_S = 60.0


class OutboxMachine(RuleBasedStateMachine):
    """One kiosk (its data directory), one account, the sandbox behind a faulty proxy."""

    sandbox = None  # set by the test function (pytest fixtures do not reach hypothesis)

    @initialize()
    def start(self):
        body = self.sandbox.register_individual()
        token = self.sandbox.login(body["username"], body["password"])
        self.account_id = requests.get(
            f"{self.sandbox.url}/v1/account",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        ).json()["account_id"]
        self.dir = Path(tempfile.mkdtemp(prefix="outbox-machine-"))
        self.keys = KeyRing(self.dir, backend="file")
        cfg = kiosk_config.load(
            environ={"KIOSK_STORAGE_DATA_DIR": str(self.dir), "KIOSK_KIOSK_ID": "MACHINE-1"}
        )
        direct = CentralApi(self.sandbox.url, retries=0)
        self.credentials = ensure_enrolled(direct, self.keys, cfg)
        direct.close()
        assert isinstance(self.credentials, DeviceCredentials)
        self.proxy = FaultyProxy(self.sandbox.url).start()
        self.now = dt.datetime.now(dt.UTC)
        self.sealed: set[int] = set()
        self.next_seq = 1
        self._open()

    def _open(self):
        self.outbox = Outbox(self.dir / "outbox.sqlite", self.keys)
        self.api = CentralApi(self.proxy.url, retries=0, connect_timeout_s=1, read_timeout_s=0.5)
        self.deliverer = Deliverer(
            self.outbox, self.api, self.credentials, lambda: self.now, lambda: 0.5, lease_s=LEASE_S
        )

    def _close(self):
        self.outbox.close()
        self.api.close()

    def teardown(self):
        if not hasattr(self, "proxy"):
            return
        # With the network well, everything still waiting arrives, once, intact.
        self.proxy.clear()
        self.now += dt.timedelta(days=1)
        self.deliverer.drain(until_empty=False)
        status = self.outbox.status(self.now)
        on_server = sealed_apps.server_applications(self.sandbox.db_path, self.account_id)
        self._close()
        self.proxy.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        assert (status["sealed"], status["sending"], status["needs_attention"]) == (0, 0, 0)
        assert sorted(a["seq"] for a in on_server) == sorted(self.sealed)
        for app in on_server:
            assert app["status"] == "submitted"
            assert app["hashes"] == sealed_apps.attachment_hashes(app["seq"])

    # ------------------------------------------------------------ rules

    @rule()
    def seal(self):
        seq, self.next_seq = self.next_seq, self.next_seq + 1
        self.outbox.seal_application(
            self.account_id, sealed_apps.SERVICE, "normal", sealed_apps.application_data(seq),
            sealed_apps.files(seq), "MACHINE-1", self.now,
        )  # fmt: skip
        self.sealed.add(seq)

    @rule(minutes=st.integers(min_value=0, max_value=30))
    def deliver(self, minutes):
        self.now += dt.timedelta(minutes=minutes)
        self.deliverer.deliver_next()

    @rule(fault=st.sampled_from(FAULTS), where=st.sampled_from(sorted(WHERE)))
    def deliver_through_a_fault(self, fault, where):
        self.proxy.fail(fault, **WHERE[where])
        self.deliverer.deliver_next()
        self.proxy.clear()

    @rule()
    def deliver_while_the_server_is_stopped(self):
        self.proxy.refuse()
        self.deliverer.deliver_next()
        self.proxy.accept()

    @rule()
    def crash_while_sending(self):
        """The kiosk dies with an item claimed: it stays "sending" until its lease runs out."""
        self.outbox.claim_next(self.now, LEASE_S)
        self._close()
        self._open()

    @rule()
    def restart(self):
        self._close()
        self._open()

    @rule()
    def wait_an_hour(self):
        self.now += dt.timedelta(hours=1)

    # ------------------------------------------------------------ invariants

    @invariant()
    def nothing_lost_nothing_twice(self):
        if not hasattr(self, "outbox"):
            return
        status = self.outbox.status(self.now)
        assert status["needs_attention"] == 0  # a passing fault never gives up on an item
        on_server = sealed_apps.server_applications(self.sandbox.db_path, self.account_id)
        per_seq = collections.Counter(a["seq"] for a in on_server)
        assert all(n == 1 for n in per_seq.values()), per_seq
        assert set(per_seq) <= self.sealed
        delivered = {a["seq"] for a in on_server if a["status"] == "submitted"}
        # Every sealed item is still waiting, or the server took it (and maybe the kiosk heard).
        assert status["sealed"] + status["sending"] + status["delivered"] == len(self.sealed)
        assert status["delivered"] <= len(delivered)


def test_any_sequence_of_seals_faults_crashes_and_restarts_delivers_exactly_once(sandbox_server):
    OutboxMachine.sandbox = sandbox_server
    run_state_machine_as_test(
        OutboxMachine,
        settings=settings(
            max_examples=10,
            stateful_step_count=14,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
