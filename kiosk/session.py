"""The walk-in user's session: what must not outlive them on a shared kiosk.

A session holds the signed-in account in memory only, and a private temporary
folder. `end()` runs every registered wipe hook (screens, models, caches register one), deletes
the temporary folder and forgets the account: one mechanism for logout and idle timeout alike.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class SignedIn:
    """The account signed in on this kiosk right now (memory only, never written to disk).

    Its session token is held by the API client alone (kiosk/api), never here.
    """

    account_id: str
    display_name: str
    category: str


class Session:
    """The current user's session; see the module docstring."""

    def __init__(self, default_language: str = "ar"):
        self.default_language = default_language
        self.language = default_language
        self.user: SignedIn | None = None
        self._wipe_hooks: list[Callable[[], None]] = []
        self._temp_dir: Path | None = None

    def register_wipe(self, hook: Callable[[], None]) -> None:
        """Call `hook` whenever a session ends (logout or idle timeout)."""
        self._wipe_hooks.append(hook)

    @property
    def temp_dir(self) -> Path:
        """A private folder for this session's temporary files, deleted when it ends."""
        if self._temp_dir is None or not self._temp_dir.exists():
            self._temp_dir = Path(tempfile.mkdtemp(prefix="moi-kiosk-session-"))
            self._temp_dir.chmod(0o700)
        return self._temp_dir

    def sign_in(self, user: SignedIn) -> None:
        self.user = user

    @property
    def pristine(self) -> bool:
        """Nothing of anybody is held: no user, no temporary files, default language."""
        return (
            self.user is None
            and self._temp_dir is None
            and (self.language == self.default_language)
        )

    def end(self) -> None:
        """Wipe everything of the current user; every hook runs even if one fails."""
        for hook in list(self._wipe_hooks):
            try:
                hook()
            except Exception:  # a failing hook must not leave the others' data behind
                log.exception("a session wipe hook failed")
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None
        self.user = None
        self.language = self.default_language
