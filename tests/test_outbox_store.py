"""The outbox's store: encryption at rest, keys, migrations, sealing, claiming, privacy.

Real SQLite files in the test's temporary folder, the file keyring (as CI uses), no mocks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
import uuid

import pytest

from kiosk.errors import KioskError
from offline_cache import crypto, keys, migrations, outbox
from offline_cache.outbox import Outbox, SealFile

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


# ---------------------------------------------------------------- the outbox

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
JPEG = b"\xff\xd8\xff\xe0" + os.urandom(3000)
PDF = b"%PDF-1.4\n" + b"family book page\n" * 100


@pytest.fixture
def ring(tmp_path):
    return keys.KeyRing(tmp_path, backend="file")


@pytest.fixture
def box(tmp_path, ring):
    opened = Outbox(tmp_path / "outbox.sqlite", ring)
    yield opened
    opened.close()


def _seal(box, account="ACC-1", files=None, now=NOW, data=None):
    files = [SealFile("beneficiary_passport", "image/jpeg", JPEG, 0)] if files is None else files
    data = data or {"applicant": {"full_name": "Omar"}}
    return box.seal_application(account, "residence.family", "urgent", data, files, "K-1", now)


def _raw(tmp_path) -> sqlite3.Connection:
    return sqlite3.connect(tmp_path / "outbox.sqlite")


def test_a_sealed_application_comes_back_whole(box):
    files = [
        SealFile("beneficiary_passport", "image/jpeg", JPEG, 0),
        SealFile("family_book", "application/pdf", PDF),
    ]
    sealed = _seal(box, files=files)
    assert sealed.sealed_at == NOW and sealed.reference.startswith("KSK-")
    assert uuid.UUID(sealed.idempotency_key)
    payload = box.payload(sealed.item_id)
    assert payload["kind"] == "application" and payload["account_id"] == "ACC-1"
    assert payload["idempotency_key"] == sealed.idempotency_key
    assert payload["body"] == {
        "service_id": "residence.family",
        "priority": "urgent",
        "data": {"applicant": {"full_name": "Omar"}},
        "device_id": "K-1",
    }
    passport, book = payload["files"]
    assert (passport["size"], passport["sha256"]) == (len(JPEG), hashlib.sha256(JPEG).hexdigest())
    assert passport["beneficiary_index"] == 0 and "beneficiary_index" not in book
    assert box.file_bytes(sealed.item_id, passport["attachment_id"]) == JPEG
    assert box.file_bytes(sealed.item_id, book["attachment_id"]) == PDF
    assert box.status(NOW + dt.timedelta(seconds=90)) == {
        "sealed": 1,
        "sending": 0,
        "needs_attention": 0,
        "delivered": 0,
        "oldest_undelivered_age_s": 90,
    }


def test_a_draft_is_sealed_once_while_its_item_or_receipt_is_here(box):
    files = [SealFile("beneficiary_passport", "image/jpeg", JPEG, 0)]
    data = {"applicant": {"full_name": "Omar"}}
    draft_id = uuid.uuid4().hex
    first = box.seal_application(
        "ACC-1", "residence.family", "urgent", data, files, "K-1", NOW, item_id=draft_id
    )
    assert first.item_id == draft_id
    assert box.sealed_already("ACC-1", draft_id) and not box.sealed_already("ACC-2", draft_id)
    with pytest.raises(KioskError) as again:
        box.seal_application(
            "ACC-1", "residence.family", "urgent", data, files, "K-1", NOW, item_id=draft_id
        )
    assert again.value.code == "outbox.already_sealed"
    assert "طلباتي" in again.value.message.ar
    assert box.status(NOW)["sealed"] == 1
    claimed = box.claim_next(NOW, 60)
    box.delivered(claimed.item_id, "APP-000001", NOW)
    assert box.sealed_already("ACC-1", draft_id)  # delivered: still known by its receipt
    with pytest.raises(KioskError):
        box.seal_application(
            "ACC-1", "residence.family", "urgent", data, files, "K-1", NOW, item_id=draft_id
        )


def test_sealing_is_one_transaction_nothing_half_written(box, tmp_path):
    _seal(box)
    # A failure after the item row, while the blob rows are written: SQLite itself refuses.
    raw = _raw(tmp_path)
    raw.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON blobs BEGIN SELECT RAISE(ABORT, 'injected'); END"
    )
    raw.commit()
    with pytest.raises(KioskError) as error:
        _seal(box, account="ACC-2")
    assert error.value.code == "outbox.unavailable"
    assert box.status(NOW)["sealed"] == 1
    assert box.pending_for("ACC-2") == []
    assert raw.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 1
    assert raw.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 1
    raw.close()


def test_a_full_disk_is_told_clearly_and_loses_nothing(box):
    first = _seal(box)
    (pages,) = box.db.execute("PRAGMA page_count").fetchone()
    box.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for a few pages only
    big = [SealFile("family_book", "application/pdf", os.urandom(200_000))]
    with pytest.raises(KioskError) as error:
        _seal(box, files=big)
    assert error.value.code == "outbox.disk_full"
    assert "full" in error.value.message.en and "ممتلئة" in error.value.message.ar
    assert "Nothing saved before is lost" in error.value.message.en
    assert box.status(NOW)["sealed"] == 1
    assert box.file_bytes(first.item_id, box.payload(first.item_id)["files"][0]["attachment_id"])
    box.db.execute("PRAGMA max_page_count = 1073741823")
    _seal(box, files=big)  # once there is room again, sealing works
    assert box.status(NOW)["sealed"] == 2


def test_a_claimed_item_is_leased_and_reclaimed_after_a_crash(box, tmp_path, ring):
    sealed = _seal(box)
    claimed = box.claim_next(NOW, lease_s=60)
    assert claimed.item_id == sealed.item_id and claimed.kind == "application"
    assert claimed.lease_until == NOW + dt.timedelta(seconds=60)
    assert box.claim_next(NOW + dt.timedelta(seconds=30), lease_s=60) is None
    assert box.status(NOW)["sending"] == 1
    # The deliverer "crashed": a new process opens the file; the lease runs out; it goes again.
    restarted = Outbox(tmp_path / "outbox.sqlite", keys.KeyRing(tmp_path, backend="file"))
    assert restarted.claim_next(NOW + dt.timedelta(seconds=59), lease_s=60) is None
    again = restarted.claim_next(NOW + dt.timedelta(seconds=61), lease_s=60)
    assert again.item_id == sealed.item_id
    restarted.close()


def test_retry_later_waits_and_counts_attempts(box):
    sealed = _seal(box)
    box.claim_next(NOW, 60)
    box.retry_later(sealed.item_id, "no_connection", NOW + dt.timedelta(seconds=4))
    assert box.status(NOW)["sealed"] == 1
    assert box.claim_next(NOW + dt.timedelta(seconds=3), 60) is None
    assert box.next_due_at() == NOW + dt.timedelta(seconds=4)
    claimed = box.claim_next(NOW + dt.timedelta(seconds=4), 60)
    assert claimed.item_id == sealed.item_id and claimed.attempts == 1


def test_delivered_deletes_item_blobs_and_key_and_keeps_a_receipt(box, tmp_path):
    sealed = _seal(box)
    attachment_id = box.payload(sealed.item_id)["files"][0]["attachment_id"]
    raw = _raw(tmp_path)
    (wrapped,) = raw.execute("SELECT wrapped_key FROM items").fetchone()
    raw.close()
    box.claim_next(NOW, 60)
    box.record_remote_id(sealed.item_id, "APP-000123")
    box.delivered(sealed.item_id, "APP-000123", NOW)
    box.delivered(sealed.item_id, "APP-000123", NOW)  # a repeat is harmless
    raw = _raw(tmp_path)
    assert raw.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
    assert raw.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0
    raw.close()
    with pytest.raises(KioskError) as error:
        box.file_bytes(sealed.item_id, attachment_id)
    assert error.value.code == "outbox.not_found"
    assert box.status(NOW)["delivered"] == 1 and box.status(NOW)["sealed"] == 0
    [receipt] = box.receipts_for("ACC-1")
    assert (receipt.item_id, receipt.kind, receipt.remote_id) == (
        sealed.item_id,
        "application",
        "APP-000123",
    )
    assert box.receipts_for("ACC-2") == []
    box.close()  # folds the WAL: the old pages with the wrapped key are gone from every file
    for path in tmp_path.glob("outbox.sqlite*"):
        assert wrapped not in path.read_bytes(), path.name


@pytest.mark.parametrize("how", ["delivered", "withdrawn"])
def test_a_gone_items_key_leaves_every_file_while_the_kiosk_runs(box, tmp_path, how):
    # The kiosk runs for days without closing its outbox: the WAL must not keep the wrapped key
    # (and the ciphertext) of an item that is gone until the next close. A withdrawal scrubs at
    # once; deliveries when the deliverer runs out of due items (scrub).
    sealed = _seal(box)
    raw = _raw(tmp_path)
    (wrapped,) = raw.execute("SELECT wrapped_key FROM items").fetchone()
    raw.close()
    if how == "delivered":
        box.claim_next(NOW, 60)
        box.delivered(sealed.item_id, "APP-000124", NOW)
        box.scrub()
    else:
        box.withdraw(sealed.item_id, "ACC-1")
    for path in tmp_path.glob("outbox.sqlite*"):
        assert wrapped not in path.read_bytes(), path.name
    assert box.status(NOW)["sealed"] == 0  # the store is still usable


def test_pending_for_lists_only_that_accounts_items(box):
    mine = _seal(box, account="ACC-1")
    _seal(box, account="ACC-2")
    [item] = box.pending_for("ACC-1")
    assert (item.item_id, item.kind, item.state, item.service_id) == (
        mine.item_id,
        "application",
        "sealed",
        "residence.family",
    )
    assert item.reference == mine.reference and item.problem is None
    assert box.pending_for("ACC-3") == []


def test_withdraw_is_refused_while_sending_and_only_for_the_owner(box):
    sealed = _seal(box)
    with pytest.raises(KioskError) as error:
        box.withdraw(sealed.item_id, "ACC-2")
    assert error.value.code == "outbox.not_found"
    box.claim_next(NOW, 60)
    with pytest.raises(KioskError) as error:
        box.withdraw(sealed.item_id, "ACC-1")
    assert error.value.code == "outbox.locked" and error.value.message.ar
    box.retry_later(sealed.item_id, "timed_out", NOW)
    box.withdraw(sealed.item_id, "ACC-1")
    assert box.pending_for("ACC-1") == [] and box.status(NOW)["sealed"] == 0


def test_details_and_edits_of_a_local_application_wait_for_it(box):
    app = _seal(box)
    ref = f"local:{app.item_id}"
    details = box.seal_details("ACC-1", ref, "the page you asked for", [], NOW)
    edit = box.seal_edit("ACC-1", ref, {"beneficiaries.0.passport_number": "N1"}, NOW)
    with pytest.raises(KioskError):
        box.seal_details("ACC-2", ref, "not my application", [], NOW)
    first = box.claim_next(NOW, 60)
    assert first.item_id == app.item_id
    assert box.claim_next(NOW, 60) is None  # the others wait for their application
    assert box.payload(details.item_id)["application_id"] is None
    box.delivered(app.item_id, "APP-000777", NOW)
    assert box.payload(details.item_id)["application_id"] == "APP-000777"
    assert box.payload(edit.item_id)["body"] == {
        "fields": {"beneficiaries.0.passport_number": "N1"}
    }
    claimed = {box.claim_next(NOW, 60).item_id, box.claim_next(NOW, 60).item_id}
    assert claimed == {details.item_id, edit.item_id}
    # Sealed after the delivery: nothing to wait for.
    late = box.seal_details("ACC-1", ref, "one more", [], NOW)
    assert box.payload(late.item_id)["application_id"] == "APP-000777"


def test_a_rejected_application_needs_attention_with_its_reason_and_so_do_its_details(box):
    app = _seal(box)
    details = box.seal_details("ACC-1", f"local:{app.item_id}", "note", [], NOW)
    box.claim_next(NOW, 60)
    reason = {"ar": "الخدمة غير متاحة", "en": "The service is not available"}
    box.needs_attention(app.item_id, "invalid_value", reason)
    items = {i.item_id: i for i in box.pending_for("ACC-1")}
    assert items[app.item_id].state == "needs_attention"
    assert items[app.item_id].problem.code == "invalid_value"
    assert items[app.item_id].problem.message.en == "The service is not available"
    assert items[details.item_id].problem.code == "outbox.application_not_delivered"
    assert box.claim_next(NOW + dt.timedelta(days=1), 60) is None
    status = box.status(NOW + dt.timedelta(days=1))
    assert status["needs_attention"] == 2 and status["oldest_undelivered_age_s"] is None


def test_a_moved_or_foreign_ciphertext_does_not_open(box, tmp_path):
    a, b = _seal(box), _seal(box)
    raw = _raw(tmp_path)
    raw.execute(
        "UPDATE blobs SET data = (SELECT data FROM blobs WHERE item_id = ?) WHERE item_id = ?",
        (a.item_id, b.item_id),
    )
    raw.commit()
    raw.close()
    b_file = box.payload(b.item_id)["files"][0]["attachment_id"]
    with pytest.raises(KioskError) as error:
        box.file_bytes(b.item_id, b_file)
    assert error.value.code == "outbox.unreadable"
    other_kiosk = Outbox(tmp_path / "outbox.sqlite", keys.KeyRing(tmp_path / "other", "file"))
    with pytest.raises(KioskError):
        other_kiosk.payload(a.item_id)
    other_kiosk.close()


def test_the_file_is_migrated_from_empty_and_reopens_unchanged(tmp_path, ring):
    path = tmp_path / "outbox.sqlite"
    first = Outbox(path, ring)
    sealed = _seal(first)
    first.close()
    again = Outbox(path, ring)
    assert again.payload(sealed.item_id)["account_id"] == "ACC-1"
    assert again.db.execute("PRAGMA user_version").fetchone()[0] == len(outbox.MIGRATIONS)
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    again.close()


PERSONAL = ["Fatima Al-Khatib", "1012345678", "N1234567", "فاطمة الخطيب"]


def _encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")] + [
        json.dumps(text).encode("ascii")  # \\u escapes, as json.dumps writes Arabic by default
    ]


def test_no_personal_data_in_clear_in_the_outbox_files(tmp_path, ring):
    box = Outbox(tmp_path / "outbox.sqlite", ring)
    data = {
        "applicant": {
            "full_name": "Fatima Al-Khatib",
            "full_name_ar": "فاطمة الخطيب",
            "personal_number": "1012345678",
            "passport_number": "N1234567",
        }
    }
    scan = SealFile("applicant_passport", "application/pdf", b"%PDF passport N1234567 1012345678")
    sealed = _seal(box, account="ACC-FATIMA", files=[scan], data=data)
    box.seal_details("ACC-FATIMA", f"local:{sealed.item_id}", "Fatima Al-Khatib N1234567", [], NOW)
    box.claim_next(NOW, 60)
    box.needs_attention(sealed.item_id, "invalid_value", {"ar": "فاطمة الخطيب", "en": "N1234567"})
    files = sorted(tmp_path.glob("outbox.sqlite*"))
    assert {p.name for p in files} >= {"outbox.sqlite", "outbox.sqlite-wal", "outbox.sqlite-shm"}
    for path in files:
        content = path.read_bytes()
        for text in PERSONAL + ["ACC-FATIMA"]:
            for encoded in _encodings(text):
                assert encoded not in content, (path.name, text)
    box.close()


def test_a_long_delivery_keeps_its_lease(box):
    sealed = _seal(box)
    box.claim_next(NOW, lease_s=60)
    box.extend_lease(sealed.item_id, NOW + dt.timedelta(seconds=150))
    assert box.claim_next(NOW + dt.timedelta(seconds=100), 60) is None
    assert box.claim_next(NOW + dt.timedelta(seconds=151), 60).item_id == sealed.item_id


def test_an_item_whose_key_is_lost_is_still_listed_and_needs_attention(box, tmp_path):
    sealed = _seal(box)
    raw = _raw(tmp_path)
    raw.execute("UPDATE items SET wrapped_key = ?", (os.urandom(60),))
    raw.commit()
    raw.close()
    box.claim_next(NOW, 60)
    box.needs_attention(sealed.item_id, "outbox.unreadable", outbox.UNREADABLE)
    [item] = box.pending_for("ACC-1")
    assert item.state == "needs_attention" and item.problem.code == "outbox.unreadable"
    assert item.problem.message.en and item.service_id is None
