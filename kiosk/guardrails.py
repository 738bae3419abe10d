"""Guardrails: when this kiosk must not take a new request, and what to tell the user.

A request sealed on a kiosk that cannot keep it (the disk is nearly full) or cannot send it (the
outbox has not drained for hours: the network or the central API is down) would strand the
user. So the wizard asks first, and refuses with a clear message that sends the user to another
kiosk or to staff; the operator's view shows the same code. The limits are configuration
(guardrails.min_free_disk_mb, guardrails.outbox_max_undrained_h).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.config import Config
from kiosk.errors import Problem
from kiosk.texts import Bilingual

DISK_LOW = Bilingual(
    ar="لا يستطيع جهاز الخدمة هذا استقبال طلبات جديدة الآن لأن ذاكرته شبه ممتلئة. "
    "يرجى استخدام جهاز آخر أو مراجعة الموظف المختص.",
    en="This kiosk cannot take new requests right now: its storage is almost full. "
    "Please use another kiosk or ask a member of staff.",
)
OUTBOX_STUCK = Bilingual(
    ar="لا يستطيع جهاز الخدمة هذا استقبال طلبات جديدة الآن لأنه لم يتمكن من إرسال الطلبات "
    "المحفوظة إلى الوزارة منذ مدة. يرجى استخدام جهاز آخر أو مراجعة الموظف المختص.",
    en="This kiosk cannot take new requests right now: it has not been able to send the "
    "requests it holds to the ministry for some time. Please use another kiosk or ask a "
    "member of staff.",
)


def may_start_request(config: Config, outbox_status: dict, free_disk_mb: float) -> Problem | None:
    """Why a new request may not start now ("guardrail.disk_low" / "guardrail.outbox_stuck"),
    or None. `outbox_status` is Outbox.status(); `free_disk_mb` the data directory's free space.
    """
    limits = config.guardrails
    if free_disk_mb < limits.min_free_disk_mb:
        return Problem("guardrail.disk_low", "", DISK_LOW)
    age_s = outbox_status.get("oldest_undelivered_age_s")
    if age_s is not None and age_s > limits.outbox_max_undrained_h * 3600:
        return Problem("guardrail.outbox_stuck", "", OUTBOX_STUCK)
    return None


def free_disk_mb(path: str | Path) -> float:
    """Free space where `path` lives (its nearest existing parent), in MiB."""
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    return shutil.disk_usage(path).free / (1024 * 1024)
