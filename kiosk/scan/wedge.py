"""A USB keyboard-wedge barcode scanner, told apart from a person typing.

Such a scanner "types" the barcode as keystrokes, a few milliseconds apart, and presses Enter.
A person types tens of milliseconds apart at best, and rarely ten keys in a row that fast.
`WedgeDetector` watches (character, time) events from the screen: a fast burst ending in Enter
that holds a valid personal number is a scan; anything else is ordinary typing, left alone.
Pure logic, no Qt: the screen feeds it key events and acts on what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain import personal_number

ENTER = ("\r", "\n")


@dataclass(frozen=True)
class WedgeScan:
    """A personal number typed by a scanner."""

    personal_number: str
    # How many characters the burst typed before Enter: the screen removes them from whatever
    # field had focus, since the keys reached it before the burst could be recognised.
    keys: int


class WedgeDetector:
    """Feed every typed character with its time; a scanner's burst comes back as a WedgeScan.

    `max_gap_ms` is the longest pause between two keys of one burst (scanners send 1–20 ms;
    people rarely stay under 40 ms for ten keys), `min_keys` the shortest burst considered.
    """

    def __init__(self, max_gap_ms: float = 40.0, min_keys: int = 10, max_keys: int = 32):
        self.max_gap = max_gap_ms / 1000.0
        self.min_keys = min_keys
        self.max_keys = max_keys
        self._burst: list[str] = []
        self._last: float | None = None

    def feed(self, char: str, timestamp: float) -> WedgeScan | None:
        """One typed character (Enter as "\\r" or "\\n") at `timestamp` seconds (monotonic)."""
        gap = None if self._last is None else timestamp - self._last
        self._last = timestamp
        fast = gap is not None and 0 <= gap <= self.max_gap
        if char in ENTER:
            burst, self._burst = self._burst, []
            if fast and self.min_keys <= len(burst) <= self.max_keys:
                text = personal_number.normalise("".join(burst))
                if personal_number.is_valid(text):
                    return WedgeScan(text, len(burst))
            return None
        if not fast:
            # A pause: whatever came before was typed by hand; a burst may start here.
            self._burst = []
        if len(self._burst) < self.max_keys + 1:
            self._burst.append(char)
        return None

    def reset(self) -> None:
        """Forget the keys seen so far (focus moved, screen changed)."""
        self._burst = []
        self._last = None
