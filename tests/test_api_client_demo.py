"""Demo mode: the embedded sandbox starts as a subprocess, its demo accounts work, it stops."""

from __future__ import annotations

from kiosk.api import CentralApi, Ok, Rejected
from kiosk.demo import EmbeddedSandbox, demo_accounts


def test_demo_accounts_cover_an_individual_a_company_and_a_pending_hospital():
    accounts = {a.category: a for a in demo_accounts()}
    assert set(accounts) == {"individual", "company", "hospital"}
    assert accounts["hospital"].status == "pending"
    assert all(a.label.ar and a.label.en and a.password for a in accounts.values())


def test_embedded_sandbox_serves_the_demo_accounts_and_stops(tmp_path):
    sandbox = EmbeddedSandbox(tmp_path)
    url = sandbox.start()
    try:
        assert url.startswith("http://127.0.0.1:")
        assert (tmp_path / "demo-sandbox.sqlite").exists()
        api = CentralApi(url, retries=0)
        for account in demo_accounts():
            outcome = CentralApi(url, retries=0).login(account.username, account.password)
            if account.status == "active":
                assert isinstance(outcome, Ok), account.username
            else:
                assert isinstance(outcome, Rejected) and outcome.code == "account_pending"
        assert isinstance(api.health(), Ok)
    finally:
        sandbox.stop()
    assert not sandbox.running
    assert not CentralApi(url, retries=0).health().ok


def test_a_dead_embedded_sandbox_comes_back_on_the_same_port_and_database(tmp_path):
    sandbox = EmbeddedSandbox(tmp_path)
    url = sandbox.start()
    try:
        api = CentralApi(url, retries=0)
        enrolled = api.enroll_device("DEMO-RESTART-1", "ministry", "SANDBOX-ENROLL")
        assert enrolled.ok
        sandbox._process.kill()  # the outage: the sandbox process dies
        sandbox._process.wait()
        assert not sandbox.running and not api.health().ok

        assert sandbox.start() == url  # the kiosk's client keeps its URL
        assert api.health().ok
        token = enrolled.value.device_token  # same database: the terminal is still enrolled
        assert api.heartbeat("DEMO-RESTART-1", token, "0.1.0").ok
    finally:
        sandbox.stop()
