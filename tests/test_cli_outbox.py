"""`python -m kiosk outbox status|drain` as a subprocess, against the real sandbox over HTTP."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from offline_cache.keys import KeyRing
from offline_cache.outbox import Outbox, SealFile

ROOT = Path(__file__).resolve().parent.parent
PAGE = b"\xff\xd8\xff\xe0" + os.urandom(200_000)
DATA = {
    "applicant": {"full_name": "Fatima Al-Khatib", "passport_number": "N1234567"},
    "beneficiaries": [{"full_name": "Sara Al-Khatib", "passport_number": "N7654321"}],
}


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def run(data_dir):
    """Run `python -m kiosk outbox ARGS` with this test's data directory and file keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {
        "KIOSK_STORAGE_DATA_DIR": str(data_dir),
        "KIOSK_STORAGE_KEYRING": "file",
        "KIOSK_KIOSK_ID": f"TEST-KIOSK-{uuid.uuid4().hex[:8].upper()}",
    }

    def run_(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "kiosk", "outbox", *args],
            cwd=ROOT,
            env=env | extra_env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run_


def _seal(data_dir: Path, account_id: str, service_id: str = "residence.family", hours_ago=0):
    data_dir.mkdir(parents=True, exist_ok=True)
    box = Outbox(data_dir / "outbox.sqlite", KeyRing(data_dir, "file"))
    when = dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours_ago)
    page = SealFile("beneficiary_passport", "image/jpeg", PAGE, 0)
    sealed = box.seal_application(account_id, service_id, "normal", DATA, [page], "K", when)
    box.close()
    return sealed


def _account(sandbox_server) -> tuple[str, str]:
    """A fresh active account: its id and username."""
    body = sandbox_server.register_individual()
    token = sandbox_server.login(body["username"], body["password"])
    answer = requests.get(
        f"{sandbox_server.url}/v1/account", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    return answer.json()["account_id"], body["username"]


def test_status_of_a_kiosk_without_an_outbox_is_empty_and_creates_nothing(run, data_dir):
    done = run("status")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "sealed": 0,
        "sending": 0,
        "needs_attention": 0,
        "delivered": 0,
        "oldest_undelivered_age_s": None,
    }
    assert not data_dir.exists()


def test_status_counts_and_ages_without_personal_data(run, data_dir):
    _seal(data_dir, "ACC-000001", hours_ago=2)
    _seal(data_dir, "ACC-000002")
    done = run("status")
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["sealed"] == 2 and 7190 < status["oldest_undelivered_age_s"] < 7300
    for text in ("ACC-000001", "Fatima", "N1234567", "residence"):
        assert text not in done.stdout + done.stderr


def test_drain_delivers_everything_and_exits_0(run, data_dir, sandbox_server):
    account_id, username = _account(sandbox_server)
    _seal(data_dir, account_id)
    _seal(data_dir, account_id)
    done = run("drain", "--timeout", "60", "--api-url", sandbox_server.url)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["delivered"] == 2 and report["status"]["sealed"] == 0
    apps = [a for a in sandbox_server.officer_json("applications") if a["username"] == username]
    assert [a["status"] for a in apps] == ["submitted", "submitted"]
    assert json.loads(run("status").stdout)["delivered"] == 2


def test_drain_exits_1_when_an_item_needs_attention(run, data_dir, sandbox_server):
    account_id, _ = _account(sandbox_server)
    _seal(data_dir, account_id, service_id="no.such.service")
    done = run("drain", "--timeout", "30", KIOSK_API_URL=sandbox_server.url)
    assert done.returncode == 1
    assert json.loads(done.stdout)["status"]["needs_attention"] == 1


def test_drain_without_a_connection_gives_up_at_the_timeout_and_keeps_the_items(run, data_dir):
    _seal(data_dir, "ACC-000001")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = run("drain", "--timeout", "2", "--api-url", f"http://127.0.0.1:{port}")
    assert done.returncode == 1
    assert "NoConnection" in done.stderr
    assert json.loads(run("status").stdout)["sealed"] == 1


def test_drain_in_demo_mode_says_it_needs_an_api_url(run, data_dir):
    _seal(data_dir, "ACC-000001")
    done = run("drain")
    assert done.returncode == 1
    assert "demo mode" in done.stderr and "--api-url" in done.stderr
