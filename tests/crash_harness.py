"""Crash harness: seal and deliver in child processes, SIGKILL them at chosen and random points.

    python -m tests.crash_harness --url URL --data-dir DIR --account ACC-… --iterations 200

The harness (one process) forks a child for every step and kills it with SIGKILL, the way a
power cut or the OOM killer stops a kiosk: no exception handler, no `finally`, no flush.

- Sealing children seal one or two applications and write each one's sequence number to a
  journal only after `seal_application` returned (the moment the screen says "saved"). They are
  killed just before the seal's COMMIT (nothing may remain) or just after it returned (before
  the journal: the item exists and must be delivered although nobody was told).
- Delivering children run `Deliverer.drain` (kiosk/sync/delivery.py) and are killed before or
  after their k-th HTTP request (announce, attachment state, mid-upload, before the commit,
  after the commit before the local delete), at the k-th SQLite statement of a kind (claim,
  recording the server's id, the local delete), or at a random time.

The kill points live here, not in product code: a requests adapter mounted on the client's own
session counts requests, and SQLite's trace callback on the outbox's connection counts
statements (it runs before the statement does). Each child moves the clock it gives the outbox
a day past the previous child's, so leases and back-offs left by a killed child have run out.

At the end one child drains without kills; the report (JSON on stdout and in `--report`) has the
counts. The test (tests/test_outbox_crash.py) checks the server: every sequence number the
journal holds is there exactly once with identical attachments, and nothing unsealed is.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import os
import random
import re
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from requests.adapters import HTTPAdapter

from kiosk import config as kiosk_config
from kiosk.api import CentralApi
from kiosk.device import DeviceCredentials, ensure_enrolled
from offline_cache.keys import KeyRing
from offline_cache.outbox import Outbox, SealFile

DEVICE_ID = "CRASH-HARNESS-1"
SERVICE = "residence.family"
# Small files keep 200 iterations quick. Every third application's last file is larger than
# one PUT takes (1 MiB), so a kill can land between its pieces and the upload must resume.
SIZES = (1_500, 20_000, 300_000)
LARGE = 1_100_000
DOCUMENTS = ("beneficiary_passport", "family_book", "lease_contract")
SQL_POINTS = {
    "claim": r"UPDATE items SET state = 'sending'",
    "record_remote_id": r"UPDATE items SET remote_id",
    "delete_before_commit": r"DELETE FROM items",
}


# ---------------------------------------------------------------- what is sealed


def attachment(seq: int, index: int) -> bytes:
    """The bytes of application `seq`'s attachment `index` (the same on every call)."""
    head = b"\xff\xd8\xff\xe0" if index != 1 else b"%PDF-1.4\n"
    size = LARGE if index == len(SIZES) - 1 and seq % 3 == 0 else SIZES[index]
    return head + random.Random(seq * 10 + index).randbytes(size - len(head))


def attachment_hashes(seq: int) -> list[str]:
    """The sorted SHA-256 of application `seq`'s attachments."""
    return sorted(hashlib.sha256(attachment(seq, i)).hexdigest() for i in range(len(SIZES)))


def application_data(seq: int) -> dict:
    return {
        "seq": seq,
        "applicant": {"full_name": "Crash Harness"},
        "beneficiaries": [{"full_name": f"Beneficiary {seq}"}],
    }


def files(seq: int) -> list[SealFile]:
    return [
        SealFile(DOCUMENTS[i], "application/pdf" if i == 1 else "image/jpeg", attachment(seq, i))
        for i in range(len(SIZES))
    ]


def server_applications(db_path: str | os.PathLike, account_id: str) -> list[dict]:
    """The account's applications as the sandbox's database holds them: id, status, the
    harness's sequence number, and the SHA-256 of each attachment's bytes as they arrived."""
    with sqlite3.connect(db_path) as db:
        apps = db.execute(
            "SELECT application_id, status, data FROM applications WHERE account_id = ? "
            "ORDER BY application_id",
            (account_id,),
        ).fetchall()
        result = []
        for application_id, status, data in apps:
            rows = db.execute(
                "SELECT received, complete FROM attachments WHERE application_id = ? "
                "AND details_id IS NULL",
                (application_id,),
            ).fetchall()
            result.append(
                {
                    "application_id": application_id,
                    "status": status,
                    "seq": json.loads(data).get("seq"),
                    "complete": all(complete for _, complete in rows),
                    "hashes": sorted(hashlib.sha256(r).hexdigest() for r, _ in rows),
                }
            )
    return result


# ---------------------------------------------------------------- plans


@dataclass(frozen=True)
class Plan:
    """How a child dies: kind ∈ none | http_before | http_after | after_commit | sql |
    after_seal | seal_commit | random_time; `n` the request/statement count or the seal it hits;
    `point` the SQL kind; `after_s` the random delay."""

    kind: str = "none"
    n: int = 0
    point: str = ""
    after_s: float = 0.0


def drain_plan(rng: random.Random) -> Plan:
    roll = rng.random()
    if roll < 0.06:
        return Plan("after_commit")  # the commit's answer arrived; the local delete not yet
    if roll < 0.25:
        return Plan("http_before", rng.randint(1, 14))
    if roll < 0.50:
        return Plan("http_after", rng.randint(1, 14))
    if roll < 0.68:
        return Plan("sql", rng.randint(1, 3), rng.choice(sorted(SQL_POINTS)))
    if roll < 0.92:
        return Plan("random_time", after_s=rng.uniform(0.0, 0.12))
    return Plan("none")


def seal_plan(rng: random.Random, count: int) -> Plan:
    roll = rng.random()
    if roll < 0.2:
        return Plan("seal_commit", rng.randint(1, count))
    if roll < 0.4:
        return Plan("after_seal", rng.randint(1, count))
    return Plan("none")


# ---------------------------------------------------------------- children


class Child:
    """What a forked child needs: where things are, its clock offset, its kill plan."""

    def __init__(self, args, plan: Plan, offset_days: int):
        self.args, self.plan = args, plan
        self.data_dir = Path(args.data_dir)
        self.offset = dt.timedelta(days=offset_days)

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset

    def die(self, phase: str, **about) -> None:
        """Record the phase (durably), then SIGKILL ourselves."""
        _append(self.data_dir / "kills.jsonl", {"phase": phase} | about)
        os.kill(os.getpid(), signal.SIGKILL)

    def outbox(self) -> Outbox:
        return Outbox(self.data_dir / "outbox.sqlite", KeyRing(self.data_dir, backend="file"))

    def watch_sql(self, outbox: Outbox, pattern: str, n: int, phase: str, **about) -> None:
        seen = [0]
        regex = re.compile(pattern)

        def trace(statement: str) -> None:
            if regex.search(statement):
                seen[0] += 1
                if seen[0] == n:
                    self.die(phase, **about)

        outbox.db.conn.set_trace_callback(trace)


def seal_child(child: Child, seqs: list[int]) -> None:
    outbox = child.outbox()
    plan = child.plan
    for number, seq in enumerate(seqs, 1):
        if plan.kind == "seal_commit" and plan.n == number:
            child.watch_sql(outbox, r"^COMMIT", 1, "seal_before_commit", seq=seq)
        sealed = outbox.seal_application(
            child.args.account, SERVICE, "normal", application_data(seq), files(seq), DEVICE_ID,
            child.now(),
        )  # fmt: skip
        if plan.kind == "after_seal" and plan.n == number:
            child.die("seal_after_commit", seq=seq)
        _append(
            child.data_dir / "journal.jsonl",
            {"seq": seq, "item_id": sealed.item_id, "key": sealed.idempotency_key},
        )


class KillingAdapter(HTTPAdapter):
    """Counts the client's requests; dies before or after the planned one."""

    def __init__(self, child: Child):
        super().__init__()
        self.child, self.count = child, 0

    def send(self, request, *args, **kwargs):
        self.count += 1
        plan = self.child.plan
        due = plan.n == self.count
        if due and plan.kind == "http_before":
            self.child.die(_http_phase(request.method, request.path_url, before=True))
        response = super().send(request, *args, **kwargs)
        committed = request.method == "POST" and request.path_url.endswith("/commit")
        if (due and plan.kind == "http_after") or (committed and plan.kind == "after_commit"):
            self.child.die(_http_phase(request.method, request.path_url, before=False))
        return response


def drain_child(child: Child, credentials: DeviceCredentials) -> None:
    from kiosk.sync.delivery import Deliverer

    outbox = child.outbox()
    api = CentralApi(child.args.url, retries=0, read_timeout_s=10)
    api.transport.session.mount("http://", KillingAdapter(child))
    if child.plan.kind == "sql":
        point = child.plan.point
        child.watch_sql(outbox, SQL_POINTS[point], child.plan.n, point)
    deliverer = Deliverer(outbox, api, credentials, child.now, random.Random(os.getpid()).random)
    # Only what is due: a child that meets no kill finishes instead of waiting out back-offs.
    deliverer.drain(until_empty=False)


def _http_phase(method: str, path: str, before: bool) -> str:
    if method == "POST" and path.endswith("/commit"):
        return "before_commit" if before else "after_commit_before_delete"
    if method == "POST" and path.rstrip("/").endswith("/applications"):
        return "announce"
    if method == "PUT":
        return "mid_upload"
    if method == "GET" and "/attachments/" in path:
        return "attachment_state"
    return "other_request"


# ---------------------------------------------------------------- the harness


def run(args) -> dict:
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    keys = KeyRing(data_dir, backend="file")
    keys.wrapping_key()  # made once here, not raced by the first children
    cfg = kiosk_config.load(
        environ={
            "KIOSK_STORAGE_DATA_DIR": str(data_dir),
            "KIOSK_API_URL": args.url,
            "KIOSK_KIOSK_ID": DEVICE_ID,
        }
    )
    api = CentralApi(args.url, retries=2)
    credentials = ensure_enrolled(api, keys, cfg)
    api.close()
    if not isinstance(credentials, DeviceCredentials):
        raise SystemExit(f"cannot enroll the harness device: {credentials}")

    counts: collections.Counter = collections.Counter()
    next_seq, day = 1, 0
    started = time.monotonic()
    for iteration in range(args.iterations):
        if iteration == 0 or rng.random() < args.seal_share:
            count = 3 if iteration == 0 else rng.randint(1, 2)
            seqs = list(range(next_seq, next_seq + count))
            next_seq += count
            day += 1
            plan = seal_plan(rng, count)
            counts["seal_children"] += 1
            counts["seal_attempts"] += count
            _fork(Child(args, plan, day), lambda c, s=seqs: seal_child(c, s), counts)
        day += 1
        plan = drain_plan(rng)
        counts["drain_children"] += 1
        _fork(Child(args, plan, day), lambda c: drain_child(c, credentials), counts)

    # Everything still waiting is delivered without kills (each child is a fresh start).
    for _ in range(5):
        day += 1
        _fork(Child(args, Plan(), day), lambda c: drain_child(c, credentials), counts)
    outbox = Outbox(data_dir / "outbox.sqlite", keys)
    final = outbox.status(dt.datetime.now(dt.UTC) + dt.timedelta(days=day + 1))
    outbox.close()
    kills = collections.Counter(e["phase"] for e in _read(data_dir / "kills.jsonl"))
    journal = _read(data_dir / "journal.jsonl")
    report = {
        "iterations": args.iterations,
        "seconds": round(time.monotonic() - started, 1),
        "seal_attempts": counts["seal_attempts"],
        "sealed_journaled": len(journal),
        "journaled_seqs": sorted(e["seq"] for e in journal),
        "attempted_seqs": list(range(1, next_seq)),
        "kills_by_phase": dict(sorted(kills.items())),
        "seqs_killed": {
            phase: sorted(e["seq"] for e in _read(data_dir / "kills.jsonl") if e["phase"] == phase)
            for phase in ("seal_before_commit", "seal_after_commit")
        },
        "kills_total": sum(kills.values()),
        "random_time_kills": counts["random_time_kills"],
        "children": {k: v for k, v in counts.items() if k.endswith("children")},
        "child_failures": counts["child_failures"],
        "final_status": final,
    }
    return report


def _fork(child: Child, work, counts: collections.Counter) -> None:
    """Run `work(child)` in a forked process and wait for it (killing it at a random time when
    that is the plan)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into the harness
        code = 0
        try:
            work(child)
        except BaseException as e:  # reported, and the harness counts it as a failure
            print(f"child {os.getpid()} failed: {type(e).__name__}: {e}", file=sys.stderr)
            code = 3
        finally:
            os._exit(code)
    if child.plan.kind == "random_time":
        deadline = time.monotonic() + child.plan.after_s
        while time.monotonic() < deadline:
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                return  # finished before its time came
            time.sleep(0.002)
        os.kill(pid, signal.SIGKILL)
        counts["random_time_kills"] += 1
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) != 0:
        counts["child_failures"] += 1


def _append(path: Path, entry: dict) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")
        f.flush()
        os.fsync(f.fileno())


def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.crash_harness")
    parser.add_argument("--url", required=True, help="the sandbox")
    parser.add_argument("--data-dir", required=True, help="the kiosk's data directory")
    parser.add_argument("--account", required=True, help="the account applications are for")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--seal-share", type=float, default=0.5, help="iterations that seal")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report", help="also write the report here")
    args = parser.parse_args(argv)
    report = run(args)
    text = json.dumps(report, indent=2)
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
