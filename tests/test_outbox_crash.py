"""Crash safety: SIGKILL while sealing and delivering, 200 times; nothing lost, nothing twice.

tests/crash_harness.py runs the outbox's sealing and delivery in child processes against the
sandbox and kills them at chosen points (before a seal's commit, after it, mid-upload, before
and after the commit call, before the local delete) and at random times. Then the sandbox's own
database is the judge: every application the kiosk said was saved is there exactly once (by
its sequence number, whatever idempotency key), its attachments' bytes hash as sealed, and
nothing the kiosk never saved is there.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests import crash_harness

ROOT = Path(__file__).resolve().parent.parent
ITERATIONS = 300
MUST_BE_HIT = (
    "seal_before_commit",
    "seal_after_commit",
    "announce",
    "mid_upload",
    "before_commit",
    "after_commit_before_delete",
    "delete_before_commit",
)


@pytest.fixture
def account(fresh_sandbox):
    """A sandbox of its own (its database is read at the end) and an account there."""
    sandbox = fresh_sandbox()
    body = sandbox.register_individual()
    token = sandbox.login(body["username"], body["password"])
    profile = requests.get(
        f"{sandbox.url}/v1/account", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()
    return sandbox, profile["account_id"]


def test_sigkill_at_any_point_never_loses_or_duplicates_a_sealed_application(account, tmp_path):
    sandbox, account_id = account
    report_path = tmp_path / "crash-report.json"
    harness = subprocess.run(
        [
            sys.executable, "-m", "tests.crash_harness",
            "--url", sandbox.url,
            "--data-dir", str(tmp_path / "kiosk"),
            "--account", account_id,
            "--iterations", str(ITERATIONS),
            "--report", str(report_path),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert harness.returncode == 0, harness.stderr[-3000:]
    report = json.loads(report_path.read_text())

    on_server = crash_harness.server_applications(sandbox.db_path, account_id)
    per_seq = collections.Counter(app["seq"] for app in on_server)
    duplicates = sum(n - 1 for n in per_seq.values())
    summary = {
        k: report[k]
        for k in ("iterations", "seconds", "seal_attempts", "sealed_journaled", "kills_total")
    }
    summary |= {
        "kills_by_phase": report["kills_by_phase"],
        "random_time_kills": report["random_time_kills"],
        "delivered": len(on_server),
        "duplicates": duplicates,
    }
    print("\ncrash test:", json.dumps(summary))

    assert report["child_failures"] == 0, harness.stderr[-3000:]
    assert duplicates == 0
    assert set(report["journaled_seqs"]) <= set(per_seq), "a saved application was lost"
    assert set(report["seqs_killed"]["seal_after_commit"]) <= set(per_seq)
    assert not set(report["seqs_killed"]["seal_before_commit"]) & set(per_seq)
    assert set(per_seq) <= set(report["attempted_seqs"])
    for app in on_server:
        assert app["status"] == "submitted" and app["complete"], app
        assert app["hashes"] == crash_harness.attachment_hashes(app["seq"])
    final = report["final_status"]
    assert (final["sealed"], final["sending"], final["needs_attention"]) == (0, 0, 0)
    assert report["iterations"] >= 200
    missed = [phase for phase in MUST_BE_HIT if not report["kills_by_phase"].get(phase)]
    assert not missed, f"no kill landed in {missed}"
