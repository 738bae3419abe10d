"""The outbox's store: encryption at rest, keys, migrations, sealing, claiming, privacy.

Real SQLite files in the test's temporary folder, the file keyring (as CI uses), no mocks.
"""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from kiosk.errors import KioskError
from offline_cache import crypto, keys, migrations

# ---------------------------------------------------------------- crypto, keys, migrations


def test_a_sealed_blob_opens_only_with_its_key_and_associated_data():
    key = crypto.new_key()
    blob = crypto.seal(key, b"secret page", b"item-1|blob|a")
    assert crypto.open_(key, blob, b"item-1|blob|a") == b"secret page"
    with pytest.raises(crypto.CannotOpen):
        crypto.open_(crypto.new_key(), blob, b"item-1|blob|a")
    with pytest.raises(crypto.CannotOpen):
        crypto.open_(key, blob, b"item-2|blob|a")
    damaged = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(crypto.CannotOpen):
        crypto.open_(key, damaged, b"item-1|blob|a")


def test_a_wrapped_key_unwraps_only_with_the_wrapping_key_and_its_item():
    kek, data_key = crypto.new_key(), crypto.new_key()
    wrapped = crypto.wrap(kek, data_key, b"item-1")
    assert data_key not in wrapped
    assert crypto.unwrap(kek, wrapped, b"item-1") == data_key
    with pytest.raises(crypto.CannotOpen):
        crypto.unwrap(kek, wrapped, b"item-2")
    with pytest.raises(crypto.CannotOpen):
        crypto.unwrap(crypto.new_key(), wrapped, b"item-1")


def test_account_tags_are_stable_per_kiosk_and_differ_between_kiosks():
    kek = crypto.new_key()
    assert crypto.account_tag(kek, "ACC-1") == crypto.account_tag(kek, "ACC-1")
    assert crypto.account_tag(kek, "ACC-1") != crypto.account_tag(kek, "ACC-2")
    assert crypto.account_tag(kek, "ACC-1") != crypto.account_tag(crypto.new_key(), "ACC-1")


def test_file_keyring_keeps_secrets_in_a_private_directory(tmp_path):
    ring = keys.KeyRing(tmp_path, backend="file")
    key = ring.wrapping_key()
    assert len(key) == 32
    assert keys.KeyRing(tmp_path, backend="file").wrapping_key() == key  # survives a restart
    ring.set("device-token", "tok-123")
    assert ring.get("device-token") == "tok-123"
    directory = tmp_path / "keyring"
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    for path in directory.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in directory.iterdir()) == ["device-token", "outbox-wrapping-key"]
    ring.delete("device-token")
    ring.delete("device-token")  # twice is harmless
    assert ring.get("device-token") is None


def test_system_keyring_is_used_when_a_backend_exists(tmp_path, memory_keyring):
    ring = keys.KeyRing(tmp_path, backend="auto")
    assert ring.backend == "system"
    key = ring.wrapping_key()
    assert memory_keyring.get_password("moi-kiosk", "outbox-wrapping-key")
    assert not (tmp_path / "keyring").exists()
    assert keys.KeyRing(tmp_path, backend="system").wrapping_key() == key


def test_auto_falls_back_to_the_file_keyring_without_a_backend(tmp_path, caplog):
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    ring = keys.KeyRing(tmp_path, backend="auto")
    assert ring.backend == "file"
    assert "no usable OS keyring" in caplog.text
    ring.wrapping_key()
    assert (tmp_path / "keyring" / "outbox-wrapping-key").exists()


def test_secret_names_are_checked(tmp_path):
    ring = keys.KeyRing(tmp_path, backend="file")
    with pytest.raises(ValueError):
        ring.get("../escape")
    with pytest.raises(ValueError):
        keys.KeyRing(tmp_path, backend="plaintext")


def _steps():
    def one(conn):
        conn.execute("CREATE TABLE a (x)")

    def two(conn):
        conn.execute("ALTER TABLE a ADD COLUMN y")

    return [one, two]


def test_migrations_run_once_in_order_and_reopening_changes_nothing(tmp_path):
    path = tmp_path / "store.sqlite"
    db = migrations.open_database(path, "test", _steps()[:1])
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.conn.close()
    db = migrations.open_database(path, "test", _steps())
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [c.name for c in db["a"].columns] == ["x", "y"]
    db.conn.close()
    db = migrations.open_database(path, "test", _steps())  # idempotent reopen
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    db.conn.close()


def test_a_failing_migration_leaves_the_previous_version(tmp_path):
    path = tmp_path / "store.sqlite"

    def broken(conn):
        conn.execute("CREATE TABLE b (z)")
        raise sqlite3.OperationalError("boom")

    with pytest.raises(KioskError) as error:
        migrations.open_database(path, "test", [_steps()[0], broken])
    assert error.value.code == "test.unavailable"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'b'").fetchone() is None
    conn.close()


def test_a_file_from_a_newer_kiosk_is_refused(tmp_path):
    path = tmp_path / "store.sqlite"
    migrations.open_database(path, "test", _steps()).conn.close()
    with pytest.raises(KioskError) as error:
        migrations.open_database(path, "test", _steps()[:1])
    assert error.value.code == "test.unavailable"
    assert os.path.exists(path)
