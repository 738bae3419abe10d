"""Drafts: encrypted, bound to their account, expiring; real SQLite files, the file keyring."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from kiosk import config
from offline_cache import crypto, keys
from offline_cache.drafts import DraftStore

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
PAGE = b"\xff\xd8\xff\xe0" + os.urandom(5000)
DRAFT = {
    "service_id": "residence.family",
    "beneficiaries": [{"full_name": "Fatima Al-Khatib", "passport_number": "N1234567"}],
}


@pytest.fixture
def store(tmp_path):
    opened = DraftStore(tmp_path / "drafts.sqlite", keys.KeyRing(tmp_path, "file"), expiry_h=24)
    yield opened
    opened.close()


def _raw(tmp_path) -> sqlite3.Connection:
    return sqlite3.connect(tmp_path / "drafts.sqlite")


def test_a_draft_comes_back_for_its_account_only(store):
    store.save("ACC-1", DRAFT, "beneficiaries", {"passport.0": PAGE}, NOW)
    saved = store.load("ACC-1", NOW + dt.timedelta(hours=1))
    assert saved.draft == DRAFT and saved.step == "beneficiaries"
    assert saved.files == {"passport.0": PAGE}
    assert saved.saved_at == NOW and saved.expires_at == NOW + dt.timedelta(hours=24)
    assert store.load("ACC-2", NOW) is None


def test_saving_again_replaces_the_draft_and_rewrites_only_changed_pages(store, tmp_path):
    other = os.urandom(4000)
    store.save("ACC-1", DRAFT, "attachments", {"passport.0": PAGE, "book": other}, NOW)
    raw = _raw(tmp_path)
    before = dict(raw.execute("SELECT slot, data FROM draft_files").fetchall())
    retaken = os.urandom(4500)
    later = NOW + dt.timedelta(minutes=5)
    store.save(
        "ACC-1",
        DRAFT | {"priority": "urgent"},
        "review",
        {"passport.0": PAGE, "book": retaken},
        later,
    )
    after = dict(raw.execute("SELECT slot, data FROM draft_files").fetchall())
    raw.close()
    unchanged = [slot for slot, data in before.items() if after.get(slot) == data]
    assert len(unchanged) == 1 and len(after) == 2  # the passport page kept, the book rewritten
    saved = store.load("ACC-1", later)
    assert saved.files == {"passport.0": PAGE, "book": retaken}
    assert saved.draft["priority"] == "urgent" and saved.step == "review"
    store.save("ACC-1", DRAFT, "review", {}, later)  # pages removed are deleted
    assert store.load("ACC-1", later).files == {}
    raw = _raw(tmp_path)
    assert raw.execute("SELECT COUNT(*) FROM draft_files").fetchone()[0] == 0
    raw.close()


def test_a_draft_expires_after_the_configured_time(tmp_path):
    cfg = config.load(environ={"KIOSK_GUARDRAILS_DRAFT_EXPIRY_H": "2"})
    ring = keys.KeyRing(tmp_path, "file")
    store = DraftStore(tmp_path / "drafts.sqlite", ring, cfg.guardrails.draft_expiry_h)
    store.save("ACC-1", DRAFT, "general", {}, NOW)
    store.save("ACC-2", DRAFT, "general", {}, NOW + dt.timedelta(hours=1))
    assert store.load("ACC-1", NOW + dt.timedelta(minutes=119)) is not None
    assert store.load("ACC-1", NOW + dt.timedelta(hours=2)) is None  # expired: gone
    assert store.load("ACC-1", NOW) is None
    assert store.purge_expired(NOW + dt.timedelta(hours=3, minutes=1)) == 1
    assert store.load("ACC-2", NOW) is None
    store.close()


def test_the_default_expiry_is_24_hours():
    assert config.load(environ={}).guardrails.draft_expiry_h == 24


def test_a_draft_moved_to_another_accounts_tag_does_not_open(store, tmp_path):
    store.save("ACC-1", DRAFT, "general", {"passport.0": PAGE}, NOW)
    kek = keys.KeyRing(tmp_path, "file").wrapping_key()
    mine, theirs = crypto.account_tag(kek, "ACC-1"), crypto.account_tag(kek, "ACC-2")
    raw = _raw(tmp_path)  # someone with the file relabels account 1's draft as account 2's
    raw.execute("UPDATE drafts SET account_tag = ? WHERE account_tag = ?", (theirs, mine))
    raw.execute("UPDATE draft_files SET account_tag = ? WHERE account_tag = ?", (theirs, mine))
    raw.commit()
    raw.close()
    assert store.load("ACC-2", NOW) is None  # account 2 never sees account 1's draft
    assert store.load("ACC-1", NOW) is None
    store.save("ACC-2", {"fresh": True}, "general", {}, NOW)  # and can start afresh
    assert store.load("ACC-2", NOW).draft == {"fresh": True}


def test_discard_forgets_the_draft(store):
    store.save("ACC-1", DRAFT, "general", {"passport.0": PAGE}, NOW)
    store.discard("ACC-1")
    store.discard("ACC-1")
    assert store.load("ACC-1", NOW) is None


def test_drafts_are_encrypted_at_rest(store, tmp_path):
    page = b"%PDF passport N1234567 of Fatima Al-Khatib"
    store.save("ACC-1", DRAFT | {"name_ar": "فاطمة الخطيب"}, "general", {"p": page}, NOW)
    files = list(tmp_path.glob("drafts.sqlite*"))
    assert len(files) == 3
    for path in files:
        content = path.read_bytes()
        for text in ("Fatima Al-Khatib", "N1234567", "فاطمة الخطيب", "ACC-1"):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert text.encode(encoding) not in content, (path.name, text)


def test_a_discarded_or_expired_drafts_key_leaves_every_file_while_the_kiosk_runs(store, tmp_path):
    # The drafts file stays open for days: a draft gone (sent, cancelled, expired) must not keep
    # its wrapped key in the WAL until the next close.
    store.save("ACC-1", DRAFT, "review", {"passport.0": PAGE}, NOW)
    store.save("ACC-2", DRAFT, "review", {"passport.0": PAGE}, NOW)
    raw = _raw(tmp_path)
    wrapped = dict(raw.execute("SELECT account_tag, wrapped_key FROM drafts").fetchall())
    raw.close()
    store.discard("ACC-1")
    assert store.purge_expired(NOW + dt.timedelta(hours=25)) == 1
    for path in tmp_path.glob("drafts.sqlite*"):
        content = path.read_bytes()
        for key in wrapped.values():
            assert key not in content, path.name
