"""Guardrails: no new request on a kiosk whose disk is nearly full or whose outbox is stuck."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from kiosk import config, guardrails
from offline_cache.keys import KeyRing
from offline_cache.outbox import Outbox, SealFile

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
EMPTY = {"sealed": 0, "sending": 0, "needs_attention": 0, "delivered": 0}


@pytest.fixture
def cfg():
    return config.load(
        environ={
            "KIOSK_GUARDRAILS_MIN_FREE_DISK_MB": "500",
            "KIOSK_GUARDRAILS_OUTBOX_MAX_UNDRAINED_H": "6",
        }
    )


def test_a_healthy_kiosk_may_start_a_request(cfg):
    status = EMPTY | {"oldest_undelivered_age_s": None}
    assert guardrails.may_start_request(cfg, status, free_disk_mb=2000) is None
    status = EMPTY | {"sealed": 3, "oldest_undelivered_age_s": 6 * 3600}
    assert guardrails.may_start_request(cfg, status, free_disk_mb=500) is None


def test_low_disk_refuses_with_a_bilingual_message(cfg):
    problem = guardrails.may_start_request(cfg, EMPTY | {"oldest_undelivered_age_s": None}, 499)
    assert problem.code == "guardrail.disk_low"
    assert "another kiosk" in problem.message.en and "جهاز آخر" in problem.message.ar


def test_an_outbox_that_has_not_drained_refuses(cfg, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite", KeyRing(tmp_path, "file"))
    page = SealFile("beneficiary_passport", "image/jpeg", b"\xff\xd8" + os.urandom(100))
    outbox.seal_application("ACC-1", "residence.family", "normal", {}, [page], "K", NOW)
    free = guardrails.free_disk_mb(tmp_path)
    assert free > 0
    fresh = outbox.status(NOW + dt.timedelta(hours=6))
    assert guardrails.may_start_request(cfg, fresh, 1000) is None
    stuck = outbox.status(NOW + dt.timedelta(hours=6, seconds=1))
    problem = guardrails.may_start_request(cfg, stuck, 1000)
    assert problem.code == "guardrail.outbox_stuck"
    assert "ask a member of staff" in problem.message.en and problem.message.ar
    outbox.close()


def test_the_disk_is_measured_where_the_data_will_live(tmp_path):
    assert guardrails.free_disk_mb(tmp_path / "not" / "created" / "yet") > 0
