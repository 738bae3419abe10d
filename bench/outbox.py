"""Benchmark of the outbox's delivery: throughput against a plain `requests` loop, and the GUI.

    python bench/outbox.py [--apps 200] [--files 3] [--kb 300] [--stall-apps 60]

1. Throughput. A fresh local sandbox (temporary database). 200 applications × 3 attachments of
   ~300 KB (incompressible bytes) are sealed into an outbox and drained by the Deliverer
   (kiosk/sync/delivery.py) as the kiosk's terminal. In the same run a plain loop with one
   `requests.Session` sends the same bytes to the same server with the same protocol (announce,
   PUT each file, commit), without outbox, encryption or bookkeeping. Printed: MB/s and apps/s
   of both and their ratio (goal ≥ 0.8), and where the deliverer's time goes.
2. GUI stall. An offscreen Qt application runs a 10 ms QTimer heartbeat on its GUI thread while
   the SyncWorker drains another batch in its thread and a camera stand-in (FileSource playing
   rendered barcode frames at 15 fps, decoded by the BarcodeReader) runs in a third. Printed: the
   largest gap beyond the timer's interval (goal ≤ 50 ms) and percentiles.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import cProfile  # noqa: E402
import datetime as dt  # noqa: E402
import hashlib  # noqa: E402
import pstats  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

import requests  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk import config as kiosk_config  # noqa: E402
from kiosk.api import CentralApi  # noqa: E402
from kiosk.device import DeviceCredentials, ensure_enrolled  # noqa: E402
from kiosk.sync.delivery import Deliverer  # noqa: E402
from kiosk.sync.worker import SyncWorker  # noqa: E402
from offline_cache.keys import KeyRing  # noqa: E402
from offline_cache.outbox import Outbox, SealFile  # noqa: E402
from tests.fixtures.sandbox import start_sandbox  # noqa: E402

SERVICE = "residence.family"
DEVICE_ID = "BENCH-KIOSK-1"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=200)
    parser.add_argument("--files", type=int, default=3)
    parser.add_argument("--kb", type=int, default=300, help="size of each attachment")
    parser.add_argument("--stall-apps", type=int, default=60, help="drained during the GUI run")
    parser.add_argument("--rounds", type=int, default=4, help="alternating plain/outbox rounds")
    parser.add_argument("--profile", action="store_true", help="where the deliverer's time goes")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-outbox-"))
    sandbox = start_sandbox(work / "sandbox.sqlite")
    try:
        bench = Bench(sandbox, work, args)
        plain, outbox = {"seconds": 0.0}, {"seconds": 0.0, "sealing_s": 0.0}
        per_round = args.apps // args.rounds
        for r in range(args.rounds):
            # Alternating halves: a busy machine or a growing server database weighs on both.
            first, second = ("plain", "outbox") if r % 2 == 0 else ("outbox", "plain")
            for path in (first, second):
                if path == "plain":
                    plain["seconds"] += bench.plain_loop(r * per_round, per_round)["seconds"]
                else:
                    done = bench.outbox_drain(r * per_round, per_round, args.profile)
                    outbox["seconds"] += done["seconds"]
                    outbox["sealing_s"] += done["sealing_s"]
        print_throughput(args, plain, outbox)
        stall = bench.gui_stall()
        print_stall(stall)
    finally:
        sandbox.stop()
    return 0


class Bench:
    def __init__(self, sandbox, work: Path, args):
        self.sandbox, self.work, self.args = sandbox, work, args
        body = sandbox.register_individual()
        self.token = sandbox.login(body["username"], body["password"])
        self.bearer = {"Authorization": f"Bearer {self.token}"}
        self.account_id = requests.get(
            f"{sandbox.url}/v1/account", headers=self.bearer, timeout=10
        ).json()["account_id"]
        self.keys = KeyRing(work / "kiosk", backend="file")
        cfg = kiosk_config.load(
            environ={"KIOSK_STORAGE_DATA_DIR": str(work / "kiosk"), "KIOSK_KIOSK_ID": DEVICE_ID}
        )
        api = CentralApi(sandbox.url)
        self.credentials = ensure_enrolled(api, self.keys, cfg)
        api.close()
        assert isinstance(self.credentials, DeviceCredentials), self.credentials
        self.device_headers = {
            "X-Device-Id": self.credentials.device_id,
            "X-Device-Token": self.credentials.token,
            "X-Account-Id": self.account_id,
        }

    def files(self, n: int) -> list[SealFile]:
        size = self.args.kb * 1000
        return [
            SealFile("beneficiary_passport", "image/jpeg", b"\xff\xd8" + os.urandom(size - 2), 0)
            for _ in range(n)
        ]

    def data(self, i: int) -> dict:
        return {"seq": i, "beneficiaries": [{"full_name": f"Bench {i}"}]}

    def megabytes(self, apps: int) -> float:
        return apps * self.args.files * self.args.kb * 1000 / 1e6

    # ------------------------------------------------------------ 1. throughput

    def plain_loop(self, first: int, count: int) -> dict:
        """The same protocol with one requests.Session: the ceiling of the network and server."""
        applications = []
        for i in range(first, first + count):  # hashed before the clock starts, as sealing does
            files = self.files(self.args.files)
            announced = [
                {
                    "attachment_id": str(uuid.uuid4()),
                    "document_type": f.document_type,
                    "content_type": f.content_type,
                    "size": len(f.data),
                    "sha256": hashlib.sha256(f.data).hexdigest(),
                    "beneficiary_index": f.beneficiary_index,
                }
                for f in files
            ]
            applications.append((self.data(i), files, announced))
        session = requests.Session()
        session.headers.update(self.device_headers)
        url = self.sandbox.url
        started = time.perf_counter()
        for data, files, announced in applications:
            body = {"service_id": SERVICE, "priority": "normal", "data": data}
            created = session.post(
                f"{url}/v1/applications",
                json=body | {"attachments": announced},
                headers={"Idempotency-Key": str(uuid.uuid4())},
                timeout=30,
            )
            created.raise_for_status()
            app_url = f"{url}/v1/applications/{created.json()['application_id']}"
            for meta, f in zip(announced, files, strict=True):
                put = session.put(
                    f"{app_url}/attachments/{meta['attachment_id']}",
                    data=f.data,
                    headers={
                        "Content-Type": "application/octet-stream",
                        "Content-Range": f"bytes 0-{len(f.data) - 1}/{len(f.data)}",
                    },
                    timeout=30,
                )
                put.raise_for_status()
            session.post(f"{app_url}/commit", timeout=30).raise_for_status()
        seconds = time.perf_counter() - started
        session.close()
        return {"seconds": seconds}

    def outbox_drain(self, first: int, count: int, profile: bool) -> dict:
        outbox = Outbox(self.work / "kiosk" / "outbox.sqlite", self.keys)
        now = dt.datetime.now(dt.UTC)
        sealing = time.perf_counter()
        for i in range(first, first + count):
            outbox.seal_application(
                self.account_id, SERVICE, "normal", self.data(i), self.files(self.args.files),
                DEVICE_ID, now,
            )  # fmt: skip
        sealing = time.perf_counter() - sealing
        api = CentralApi(self.sandbox.url, retries=0)
        deliverer = Deliverer(outbox, api, self.credentials)
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        report = deliverer.drain(until_empty=False)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
        assert report.delivered == count and report.remaining == 0, report
        outbox.close()
        api.close()
        if profiler:
            print("\nWhere the deliverer's time goes (cumulative, top 25):")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return {"seconds": seconds, "sealing_s": sealing}

    # ------------------------------------------------------------ 2. GUI stall

    def gui_stall(self) -> dict:
        from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        frames_dir = self.work / "frames"
        render_camera_frames(frames_dir)

        outbox = Outbox(self.work / "kiosk" / "outbox.sqlite", self.keys)
        now = dt.datetime.now(dt.UTC)
        for i in range(self.args.stall_apps):
            outbox.seal_application(
                self.account_id, SERVICE, "normal", self.data(100_000 + i),
                self.files(self.args.files), DEVICE_ID, now,
            )  # fmt: skip
        outbox.close()

        def make_deliverer() -> Deliverer:
            return Deliverer(
                Outbox(self.work / "kiosk" / "outbox.sqlite", self.keys),
                CentralApi(self.sandbox.url, retries=0),
                self.credentials,
            )

        drained = threading.Event()
        worker = SyncWorker(make_deliverer, interval_s=0.2)
        worker.on_change(lambda status: status["sealed"] + status["sending"] or drained.set())
        camera_stop = threading.Event()
        decoded = [0]
        camera = threading.Thread(
            target=run_camera, args=(frames_dir, camera_stop, decoded), daemon=True
        )

        interval_ms = 10
        gaps: list[float] = []
        clock = QElapsedTimer()
        timer = QTimer()
        timer.setInterval(interval_ms)

        def beat():
            elapsed = clock.nsecsElapsed() / 1e6
            clock.restart()
            gaps.append(max(0.0, elapsed - interval_ms))
            if drained.is_set():
                QCoreApplication.quit()

        timer.timeout.connect(beat)
        camera.start()
        clock.start()
        timer.start()
        started = time.perf_counter()
        worker.start()
        worker.wake()
        QTimer.singleShot(300_000, QCoreApplication.quit)  # never hang the bench
        app.exec()
        seconds = time.perf_counter() - started
        timer.stop()
        worker.stop()
        camera_stop.set()
        camera.join(5)
        gaps = gaps[1:]  # the first beat measures the start-up, not a stall
        return {
            "max_ms": max(gaps),
            "p99_ms": statistics.quantiles(gaps, n=100)[98],
            "median_ms": statistics.median(gaps),
            "beats": len(gaps),
            "seconds": seconds,
            "frames_decoded": decoded[0],
            "apps": self.args.stall_apps,
            "drained": drained.is_set(),
        }


def render_camera_frames(folder: Path, count: int = 12) -> None:
    """A few 720p frames with a personal-number barcode, as the document camera would see."""
    import cv2

    from tests.corpus import barcodes

    folder.mkdir(parents=True, exist_ok=True)
    for i, sample in enumerate(barcodes.positives(seed=5, per_level=1)):
        if i == count:
            break
        cv2.imwrite(str(folder / f"frame-{i:02d}.png"), sample.frame)


def run_camera(folder: Path, stop: threading.Event, decoded: list[int]) -> None:
    """The camera stand-in: frames at 15 fps, each decoded like the scan screen's worker."""
    from kiosk.scan.barcode import BarcodeReader
    from kiosk.scan.frames import FileSource

    source = FileSource(folder, loop=True, fps=15)
    reader = BarcodeReader()
    while not stop.is_set():
        frame = source.read()
        if frame is None:
            break
        reader.read(frame)
        decoded[0] += 1
    source.close()


def print_throughput(args, plain: dict, outbox: dict) -> None:
    mb = args.apps * args.files * args.kb * 1000 / 1e6
    rows = [("plain requests loop", plain["seconds"]), ("outbox Deliverer", outbox["seconds"])]
    print(f"\n## Outbox delivery: {args.apps} applications × {args.files} × {args.kb} KB")
    print(f"({mb:.0f} MB; sealing took {outbox['sealing_s']:.1f} s, not counted below)\n")
    print("| path | seconds | MB/s | apps/s |")
    print("|---|---:|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {mb / seconds:.1f} | {args.apps / seconds:.1f} |")
    ratio = plain["seconds"] / outbox["seconds"]
    verdict = "meets" if ratio >= 0.8 else "misses"
    print(f"\nratio outbox / plain = {ratio:.2f} ({verdict} the goal ≥ 0.8)")


def print_stall(stall: dict) -> None:
    print(f"\n## GUI thread: the outbox drains {stall['apps']} applications, the camera runs")
    print(
        f"max stall {stall['max_ms']:.1f} ms (goal ≤ 50), p99 {stall['p99_ms']:.1f} ms, "
        f"median {stall['median_ms']:.2f} ms over {stall['beats']} beats of 10 ms; "
        f"{stall['frames_decoded']} camera frames decoded in {stall['seconds']:.1f} s; "
        f"drained: {stall['drained']}"
    )


if __name__ == "__main__":
    sys.exit(main())
