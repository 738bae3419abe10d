"""Reading CUPS's own words about a printer (`lpstat -l -p`, C locale): paper, offline, ready."""

from __future__ import annotations

import shutil

import pytest

from kiosk.receipts import cups

READY = """printer Thermal80 is idle.  enabled since Mon 10 Mar 2025 10:00:00 AM
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: Kiosk receipt printer
\tAlerts: none
\tLocation: Nationality Directorate
printer Office is idle.  enabled since Mon 10 Mar 2025 09:00:00 AM
\tAlerts: media-empty-error
"""
NO_PAPER = """printer Thermal80 now printing Thermal80-12.  enabled since Mon 10 Mar 2025 10:01
\tAlerts: media-empty-error media-needed-warning
"""
UNREACHABLE = """printer Thermal80 is idle.  enabled since Mon 10 Mar 2025 10:01:00 AM
\tAlerts: offline-report
"""
DISABLED = """printer Thermal80 disabled since Mon 10 Mar 2025 10:02:00 AM -
\treason unknown
\tAlerts: paused
"""


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        (READY, None),
        (NO_PAPER, cups.OUT_OF_PAPER),
        (UNREACHABLE, cups.OFFLINE),
        (DISABLED, cups.OFFLINE),
        ("", cups.OFFLINE),  # lpstat: Invalid destination name (on stderr)
    ],
)
def test_lpstat_output_tells_paper_offline_or_ready(output, problem):
    assert cups.parse_lpstat(output, "Thermal80").problem == problem


def test_another_printers_alerts_are_not_this_ones():
    status = cups.parse_lpstat(READY, "Thermal80")
    assert status.known and status.enabled and status.reasons == frozenset()
    assert cups.parse_lpstat(READY, "Office").problem == cups.OUT_OF_PAPER


@pytest.mark.skipif(shutil.which("lpstat") is not None, reason="CUPS client installed")
def test_without_the_cups_client_the_status_is_unknown_not_an_error():
    assert cups.status("Thermal80") is None
