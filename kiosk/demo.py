"""Demo mode: an embedded sandbox on a free loopback port, and the demo accounts to try.

The sandbox runs as a separate process (`python -m sandbox serve --port 0`); the kiosk never
imports it. Its first line on stdout names its URL. It is stopped when the kiosk exits. If it
dies (or a demo stops it to show an outage), `start()` brings it back on the same port and
database, so the URL the kiosk's client and outbox hold stays valid.
The demo accounts come from resources/contract/demo-accounts.json, the file the sandbox seeds
from, so the welcome screen always lists accounts that exist.
"""

from __future__ import annotations

import atexit
import logging
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk import resources
from kiosk.texts import Bilingual

log = logging.getLogger("kiosk.demo")

DEMO_ACCOUNTS = "contract/demo-accounts.json"
URL_PREFIX = "SANDBOX_URL="
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DemoError(Exception):
    """The embedded sandbox could not start; the message says why (for the operator)."""


@dataclass(frozen=True)
class DemoAccount:
    """An account seeded in every demo sandbox, as the welcome screen lists it."""

    username: str
    password: str
    category: str
    status: str
    label: Bilingual


def demo_accounts() -> list[DemoAccount]:
    """The demo accounts (username, password, category, status, bilingual label)."""
    data = resources.load_json(DEMO_ACCOUNTS)
    return [
        DemoAccount(
            username=entry["registration"]["username"],
            password=entry["registration"]["password"],
            category=entry["registration"]["category"],
            status=entry["status"],
            label=Bilingual.from_dict(entry["label"]),
        )
        for entry in data["accounts"]
    ]


class EmbeddedSandbox:
    """The sandbox process of demo mode: `start()` returns its URL, `stop()` ends it."""

    def __init__(self, data_dir: Path, start_timeout_s: float = 30.0):
        self.db_path = Path(data_dir) / "demo-sandbox.sqlite"
        self.start_timeout_s = start_timeout_s
        self.url: str | None = None
        self._process = None  # the subprocess.Popen while it runs
        self._port = 0  # 0 until the first start; then the port every restart reuses

    def start(self) -> str:
        """Start (or restart) the sandbox and wait for its URL; DemoError if it does not come."""
        import subprocess  # not at the top: the welcome screen imports this module at start-up

        if self._process is not None and self._process.poll() is None and self.url:
            return self.url
        self._process = None
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "sandbox", "serve", "--port", str(self._port), "--db"]
        command.append(str(self.db_path))
        try:
            self._process = subprocess.Popen(
                command,
                cwd=PROJECT_ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        except OSError as e:
            raise DemoError(f"cannot start the demo sandbox: {e.strerror}") from None
        atexit.unregister(self.stop)  # once, however often it restarts
        atexit.register(self.stop)
        line = self._first_line()
        if not line.startswith(URL_PREFIX):
            self.stop()
            where = f" on port {self._port}" if self._port else ""
            raise DemoError(f"the demo sandbox did not start{where} (no address reported)")
        self.url = line[len(URL_PREFIX) :]
        self._port = int(self.url.rpartition(":")[2])
        # Keep reading its stdout so a chatty sandbox can never block on a full pipe.
        threading.Thread(target=self._drain, name="demo-sandbox-stdout", daemon=True).start()
        log.info("demo sandbox at %s", self.url)
        return self.url

    def stop(self) -> None:
        """Stop the sandbox (politely, then firmly)."""
        import subprocess

        process, self._process = self._process, None
        self.url = None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The sandbox process's id while it runs (README's outage demo freezes it)."""
        return self._process.pid if self.running else None

    def _first_line(self) -> str:
        """The sandbox's first stdout line, or "" after the timeout or if it died."""
        result: list[str] = []
        reader = threading.Thread(
            target=lambda: result.append(self._process.stdout.readline()), daemon=True
        )
        reader.start()
        reader.join(self.start_timeout_s)
        return result[0].strip() if result else ""

    def _drain(self) -> None:
        process = self._process
        if process is None or process.stdout is None:
            return
        for _ in process.stdout:
            pass
