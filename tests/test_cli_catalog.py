"""`python -m kiosk catalog|fee|check-personal-number`, run as support staff run it."""

import copy
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config, resources
from kiosk.catalog_store import open_store
from kiosk.domain import catalog as cat

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_STORAGE_DATA_DIR"] = str(tmp_path / "data")

    def run(*args, **extra_env):
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *args],
            cwd=ROOT,
            env=env | extra_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )

    return run


def test_catalog_list_prints_one_service_a_line_id_then_arabic_and_english(run):
    out = run("catalog", "list")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    catalog = cat.load_bundled()
    assert len(lines) == len(catalog.services)
    for line, service in zip(lines, catalog.services, strict=True):
        assert line.split("\t") == [service.id, service.name.ar, service.name.en]
    assert "residence.family\tإقامة سنوية – أفراد عائلة، التحاق بعائل\t" in out.stdout


def test_catalog_list_filters_by_category_and_refuses_an_unknown_one(run):
    out = run("catalog", "list", "--category", "residence")
    assert out.returncode == 0
    assert all(line.startswith("residence.") for line in out.stdout.splitlines())
    assert len(out.stdout.splitlines()) == 7
    bad = run("catalog", "list", "--category", "space")
    assert bad.returncode == 2 and "unknown category" in bad.stderr


def test_catalog_show_prints_the_service_card_in_both_languages(run):
    out = run("catalog", "show", "residence.family")
    assert out.returncode == 0, out.stderr
    assert "صورة عن حجة الإعالة" in out.stdout and "dependency deed" in out.stdout
    assert (
        "6 أشهر من تاريخ الموافقة" in out.stdout and "6 months from the approval date" in out.stdout
    )
    assert "115" not in out.stdout and "plus 15.000 JOD for each person above 5" in out.stdout
    assert "to be confirmed" not in out.stdout  # seed 001 states every fact of this card


def test_catalog_show_marks_unconfirmed_facts(run):
    en = run("catalog", "show", "deportation.cancellation", "--lang", "en")
    assert en.returncode == 0
    assert "Normal: 1–21 working days [to be confirmed by the ministry]" in en.stdout
    assert "Approval validity:\n  - not stated [to be confirmed by the ministry]" in en.stdout
    ar = run("catalog", "show", "deportation.cancellation", "--lang", "ar")
    assert "[يُؤكَّد من الوزارة]" in ar.stdout and "Approval" not in ar.stdout


def test_fee_json_for_six_urgent_beneficiaries_is_115_jod(run):
    out = run("fee", "residence.family", "--priority", "urgent", "--persons", "6",
              "--date", "2025-06-05", "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["amount"] == "115.000" and data["currency"] == "JOD"
    assert [line["amount"] for line in data["breakdown"]] == ["100.000", "15.000"]
    assert data["breakdown"][0]["label"]["ar"].startswith("بدل خدمة")
    assert data["expected_date"] == "2025-06-12"


def test_fee_text_prints_amount_breakdown_and_expected_date(run):
    out = run("fee", "residence.family", "--priority", "normal", "--persons", "٦",
              "--date", "٢٠٢٥-٠٦-٠٥")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "12.000 JOD  Service fee, normal request: 2.000 JOD × 6 persons" in out.stdout
    assert "12.000 JOD  Total" in out.stdout
    assert "Expected by: 2025-06-25 (14 working days from 2025-06-05)" in out.stdout
    ar = run("fee", "residence.family", "--priority", "urgent", "--persons", "2",
             "--date", "2025-06-05", "--lang", "ar")  # fmt: skip
    assert "100.000 دينار" in ar.stdout and "تاريخ الإنجاز المتوقع: 2025-06-12" in ar.stdout


def test_fee_skips_the_configured_public_holidays(run):
    out = run("fee", "residence.family", "--priority", "urgent", "--persons", "1",
              "--date", "2025-06-05", "--json",
              KIOSK_CALENDAR_HOLIDAYS="2025-06-08,2025-06-09")  # fmt: skip
    assert json.loads(out.stdout)["expected_date"] == "2025-06-16"


def test_fee_uses_a_newer_catalog_cached_from_the_central_api(run, tmp_path):
    data = copy.deepcopy(resources.load_json(cat.BUNDLED_PATH))
    data["version"] = "2099.1"
    next(r for r in data["fee_rules"] if r["id"] == "family_card")["urgent"]["base"] = "120.000"
    cfg = config.load(environ={"KIOSK_STORAGE_DATA_DIR": str(tmp_path / "data")})
    decision = open_store(cfg).offer(json.dumps(data).encode(), '"e1"', dt.datetime.now(dt.UTC))
    assert decision.accepted
    out = run("fee", "residence.family", "--priority", "urgent", "--persons", "6", "--json")
    assert json.loads(out.stdout)["amount"] == "135.000"


@pytest.mark.parametrize(
    "args,message",
    [
        (["fee", "residence.nope", "--priority", "urgent", "--persons", "6"], "unknown service"),
        (["fee", "residence.family", "--priority", "fast", "--persons", "6"], "invalid choice"),
        (["fee", "residence.family", "--priority", "normal", "--persons", "six"], "whole number"),
        (["fee", "residence.family", "--priority", "normal", "--persons", "0"], "between 1 and"),
        (["fee", "residence.family", "--priority", "normal"], "--persons"),
        (["fee", "residence.family", "--priority", "normal", "--persons", "1", "--date", "5/6/25"],
         "not a date"),
        (["fee", "emergency_travel.document", "--priority", "urgent", "--persons", "1"],
         "not offered as urgent"),
        (["catalog", "show", "residence.nope"], "unknown service"),
        ([], "usage"),
    ],
)  # fmt: skip
def test_usage_mistakes_exit_2_with_a_clear_message(run, args, message):
    out = run(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("value", ["1012345678", "٨٠١٢٣٤٥٦٧٨", "10-1234 5678"])
def test_check_personal_number_exits_0_when_valid(run, value):
    out = run("check-personal-number", value)
    assert out.returncode == 0
    assert out.stdout.strip() in ("valid: 1012345678", "valid: 8012345678")


@pytest.mark.parametrize(
    "value,reason",
    [
        ("2012345678", "starts with 10 or 80"),
        ("١٠١٢٣", "has 10 digits; 5 were entered"),
        ("10AB345678", "digits only"),
        ("", "Enter the foreigner's personal number"),
    ],
)
def test_check_personal_number_exits_1_with_the_reason(run, value, reason):
    out = run("check-personal-number", value)
    assert out.returncode == 1
    assert reason in out.stdout and "الرقم الشخصي" in out.stdout
