"""`python -m kiosk receipt KIND DATA.json OUT.pdf`: documents from files, clear errors, exit 2,
and never a half-written file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.cli import main
from tests.fixtures.receipts import KINDS, example, logical_text

ROOT = Path(__file__).resolve().parent.parent


def _data_file(tmp_path: Path, data, name: str = "data.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _page_size(pdf: Path) -> str:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return next(line for line in out.stdout.splitlines() if line.startswith("Page size"))


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_example_renders_to_a_pdf(kind, tmp_path, capsys):
    out = tmp_path / f"{kind}.pdf"
    example_file = resources.path(f"receipts/examples/{kind}.json")
    assert main(["receipt", kind, str(example_file), str(out), "--layout", "roll"]) == 0
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert "وزارة الداخلية" in logical_text(pdf) and "Ministry of Interior" in logical_text(pdf)
    assert str(out) in capsys.readouterr().out


def test_language_and_layout_options_are_honoured(tmp_path):
    data = _data_file(tmp_path, example("payment"))
    out = tmp_path / "slip.pdf"
    assert main(["receipt", "payment", str(data), str(out), "--lang", "en", "--layout", "a4"]) == 0
    text = logical_text(out.read_bytes())
    assert "Payment slip" in text and "قسيمة دفع" not in text
    assert "A4" in _page_size(out)


def test_layout_defaults_to_the_kiosk_configuration(tmp_path, monkeypatch):
    data = _data_file(tmp_path, example("approval"))
    out = tmp_path / "notice.pdf"
    monkeypatch.setenv("KIOSK_PRINTING_LAYOUT", "a4")
    assert main(["receipt", "approval", str(data), str(out)]) == 0
    assert "A4" in _page_size(out)
    monkeypatch.setenv("KIOSK_PRINTING_LAYOUT", "roll")
    assert main(["receipt", "approval", str(data), str(out)]) == 0
    assert "226.772 x" in _page_size(out)  # 80 mm wide


def test_missing_and_bad_fields_exit_2_naming_each_field_and_write_nothing(tmp_path, capsys):
    data = example("application")
    del data["service"]
    data["fee_jod"] = "two dinars"
    data["password"] = "hunter2"
    out = tmp_path / "receipt.pdf"
    code = main(["receipt", "application", str(_data_file(tmp_path, data)), str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "service: Missing field: service" in err
    assert "fee_jod: fee_jod must be an amount in JOD" in err
    assert "password: Unknown field: password" in err
    assert "الحقل مطلوب" in err
    assert "hunter2" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


def test_bad_data_leaves_an_existing_output_file_untouched(tmp_path):
    out = tmp_path / "receipt.pdf"
    good = _data_file(tmp_path, example("application"), "good.json")
    assert main(["receipt", "application", str(good), str(out)]) == 0
    before = out.read_bytes()
    bad = example("application")
    bad["delivery"] = "lost"
    assert main(["receipt", "application", str(_data_file(tmp_path, bad)), str(out)]) == 2
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"request_number": ', "is not valid JSON"),
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
        (b"[1, 2, 3]", "The data must be an object"),
    ],
)
def test_a_broken_data_file_exits_2_with_a_clear_message(tmp_path, capsys, content, message):
    data = tmp_path / "data.json"
    data.write_bytes(content)
    assert main(["receipt", "payment", str(data), str(tmp_path / "slip.pdf")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "slip.pdf").exists()


def test_a_missing_data_file_or_output_folder_exits_2(tmp_path, capsys):
    assert main(["receipt", "payment", str(tmp_path / "nope.json"), str(tmp_path / "x.pdf")]) == 2
    assert "data file not found" in capsys.readouterr().err
    data = _data_file(tmp_path, example("payment"))
    assert main(["receipt", "payment", str(data), str(tmp_path / "no" / "x.pdf")]) == 2
    assert "output folder does not exist" in capsys.readouterr().err


def test_an_unknown_kind_or_language_is_a_usage_error(tmp_path):
    data = _data_file(tmp_path, example("payment"))
    with pytest.raises(SystemExit) as kind:
        main(["receipt", "passport", str(data), str(tmp_path / "x.pdf")])
    assert kind.value.code == 2
    with pytest.raises(SystemExit) as lang:
        main(["receipt", "payment", str(data), str(tmp_path / "x.pdf"), "--lang", "fr"])
    assert lang.value.code == 2
    assert not (tmp_path / "x.pdf").exists()


def test_python_dash_m_kiosk_receipt_runs_as_a_command(tmp_path):
    out = tmp_path / "letter.pdf"
    example_file = resources.path("receipts/examples/activation.json")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "receipt", "activation", str(example_file), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "كتاب تفعيل حساب مؤسسة" in logical_text(out.read_bytes())
    bad = _data_file(tmp_path, {"account_category": "individual"})
    failed = subprocess.run(
        [sys.executable, "-m", "kiosk", "receipt", "activation", str(bad), str(tmp_path / "b.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert failed.returncode == 2
    assert "no visit needed" in failed.stderr
    assert not (tmp_path / "b.pdf").exists()
