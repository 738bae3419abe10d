"""The kiosk's secrets: the outbox wrapping key and the device token, kept in a keyring.

The OS keyring (python `keyring`) is the home of these secrets, never a file in the repository.
A headless kiosk may have no usable keyring backend; then ("auto") the secrets go to a file
keyring under the data directory (directory 0700, files 0600) and a warning is logged, so the
operator knows the machine's disk encryption is what protects them. Tests and CI choose "file"
explicitly (config `storage.keyring`, env KIOSK_STORAGE_KEYRING=file).
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors

from offline_cache import crypto

log = logging.getLogger("kiosk.storage")

SERVICE = "moi-kiosk"
WRAPPING_KEY = "outbox-wrapping-key"
BACKENDS = ("auto", "system", "file")
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
# One kiosk process may open several stores at once (GUI thread, sync worker): the first
# wrapping key must be made once, not once per thread.
_CREATE_LOCK = threading.Lock()


class KeyRingError(Exception):
    """The keyring cannot be used (no backend, locked, unwritable directory)."""


class KeyRing:
    """Named secrets (strings) in the OS keyring or a file keyring; see the module docstring."""

    def __init__(self, data_dir: str | os.PathLike, backend: str = "auto"):
        if backend not in BACKENDS:
            raise ValueError(f"keyring backend must be one of {BACKENDS}, not {backend!r}")
        if backend == "auto":
            backend = "system" if system_keyring_usable() else "file"
            if backend == "file":
                log.warning(
                    "no usable OS keyring: secrets are kept in a file keyring under the data "
                    "directory (protect the disk)"
                )
        self.backend = backend
        self.directory = Path(data_dir) / "keyring"
        self._wrapping_key: bytes | None = None

    def get(self, name: str) -> str | None:
        """The secret called `name`, or None."""
        _check(name)
        if self.backend == "system":
            with _system_errors("read"):
                return keyring.get_password(SERVICE, name)
        try:
            return (self.directory / name).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as e:
            raise KeyRingError(f"the file keyring cannot be read ({e.strerror})") from None

    def set(self, name: str, value: str) -> None:
        """Keep `value` under `name`, replacing what was there."""
        _check(name)
        if self.backend == "system":
            with _system_errors("written"):
                keyring.set_password(SERVICE, name, value)
            return
        self._write_file(name, value, replace=True)

    def delete(self, name: str) -> None:
        """Forget the secret `name` (nothing happens if there is none)."""
        _check(name)
        if self.backend == "system":
            with _system_errors("written"), contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(SERVICE, name)
            return
        try:
            (self.directory / name).unlink()
        except FileNotFoundError:
            pass

    def wrapping_key(self) -> bytes:
        """The 32-byte key that wraps every item's data key; created on first use."""
        if self._wrapping_key is not None:
            return self._wrapping_key
        with _CREATE_LOCK:
            stored = self.get(WRAPPING_KEY)
            if stored is None:
                fresh = base64.b64encode(crypto.new_key()).decode("ascii")
                if self.backend == "file":
                    # Exclusive create: of two processes starting together, one key wins.
                    self._write_file(WRAPPING_KEY, fresh, replace=False)
                else:
                    self.set(WRAPPING_KEY, fresh)
                stored = self.get(WRAPPING_KEY)
            key = base64.b64decode(stored or "", validate=True)
            if len(key) != crypto.KEY_BYTES:
                raise KeyRingError("the stored wrapping key is damaged")
            self._wrapping_key = key
        return key

    def _write_file(self, name: str, value: str, replace: bool) -> None:
        """Write a 0600 file in the 0700 directory; atomically (temp file, fsync, rename)."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            os.chmod(self.directory, 0o700)
            target = self.directory / name
            temp = self.directory / f".{name}.{os.getpid()}.{threading.get_ident()}.tmp"
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, value.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            if replace:
                os.replace(temp, target)
            else:
                try:
                    os.link(temp, target)  # fails if another process created it first
                except FileExistsError:
                    pass
                finally:
                    temp.unlink()
            _fsync_dir(self.directory)
        except OSError as e:
            raise KeyRingError(f"the file keyring cannot be written ({e.strerror})") from None


def system_keyring_usable() -> bool:
    """Whether python `keyring` has a real backend (not the "fail" or empty chainer one)."""
    try:
        return keyring.get_keyring().priority > 0
    except Exception:  # a broken backend plugin must not stop the kiosk
        return False


@contextlib.contextmanager
def _system_errors(what: str) -> Iterator[None]:
    try:
        yield
    except keyring.errors.KeyringError as e:
        raise KeyRingError(f"the OS keyring cannot be {what} ({type(e).__name__})") from None


def _check(name: str) -> None:
    if not _NAME.fullmatch(name):
        raise ValueError(f"invalid secret name {name!r}")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
