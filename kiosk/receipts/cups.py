"""What CUPS says about a printer, read through its own client (`lpstat`): out of paper, offline.

Qt's print support knows only whether a printer exists and whether it is idle, busy or in error;
CUPS's printer-state-reasons tell why (media-empty, offline-report …). No Qt here: the printing
worker (ui/screens/printing) asks before and after sending a document.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

OUT_OF_PAPER = "out_of_paper"
OFFLINE = "offline"

# printer-state-reasons (RFC 8011 / CUPS), without their -report/-warning/-error suffix.
_PAPER_REASONS = ("media-empty", "media-needed", "media-jam", "input-tray-missing")
_OFFLINE_REASONS = ("offline", "shutdown", "connecting-to-device", "paused", "stopped")


@dataclass(frozen=True)
class PrinterStatus:
    """A printer as lpstat describes it."""

    known: bool
    enabled: bool
    reasons: frozenset[str]

    @property
    def problem(self) -> str | None:
        """OUT_OF_PAPER, OFFLINE or None (ready, as far as CUPS knows)."""
        bare = {_bare(r) for r in self.reasons}
        if any(r in _PAPER_REASONS for r in bare):
            return OUT_OF_PAPER
        if not self.known or not self.enabled or any(r in _OFFLINE_REASONS for r in bare):
            return OFFLINE
        return None


def status(printer: str, timeout_s: float = 3.0) -> PrinterStatus | None:
    """The printer's CUPS status, or None when CUPS cannot be asked (no lpstat, no answer)."""
    lpstat = shutil.which("lpstat")
    if not lpstat or not printer:
        return None
    try:
        done = subprocess.run(
            [lpstat, "-l", "-p", printer],
            capture_output=True,
            text=True,
            timeout=timeout_s,
            env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_lpstat(done.stdout, printer)


def parse_lpstat(text: str, printer: str) -> PrinterStatus:
    """The status of `printer` in the output of `lpstat -l -p` (C locale)."""
    known = enabled = False
    reasons: set[str] = set()
    current = False
    for line in text.splitlines():
        if line.startswith("printer "):
            words = line.split()
            current = len(words) > 1 and words[1] == printer
            if current:
                known = True
                enabled = "disabled" not in words[2:4]
        elif current and line.strip().startswith("Alerts:"):
            reasons.update(line.split(":", 1)[1].split())
    reasons.discard("none")
    return PrinterStatus(known, enabled, frozenset(reasons))


def _bare(reason: str) -> str:
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason
