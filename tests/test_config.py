"""Configuration: one TOML file plus environment overrides, validated with clear errors."""

import datetime as dt
import subprocess
import sys

import pytest

from kiosk import config


def test_no_configuration_means_demo_mode_in_arabic():
    cfg = config.load(environ={})
    assert cfg.demo
    assert cfg.kiosk.language == "ar"
    assert cfg.kiosk.idle_timeout_s == 90


def test_file_then_environment_override(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[kiosk]\nid = "POST-IRBID-02"\nsite = "post"\nidle_timeout_s = 120\n'
        '[api]\nurl = "https://eservices.moi.gov.jo/api"\n'
        '[calendar]\nholidays = ["2026-12-25", 2027-01-01]\n'
        '[rules]\nresidence_exempt_nationalities = ["sau", "ARE"]\n'
    )
    cfg = config.load(path, environ={"KIOSK_KIOSK_IDLE_TIMEOUT_S": "45"})
    assert cfg.kiosk.id == "POST-IRBID-02"
    assert cfg.kiosk.site == "post"
    assert cfg.kiosk.idle_timeout_s == 45
    assert not cfg.demo
    assert cfg.calendar.holidays == (dt.date(2026, 12, 25), dt.date(2027, 1, 1))
    assert cfg.rules.residence_exempt_nationalities == ("SAU", "ARE")


def test_delivery_storage_and_import_settings_default_to_demo_values_and_can_be_set(tmp_path):
    defaults = config.load(environ={})
    assert defaults.scan.import_dirs == ("/media", "/run/media")
    assert defaults.storage.keyring == "auto"
    assert defaults.api.enrollment_code == "SANDBOX-ENROLL"

    path = tmp_path / "kiosk.toml"
    path.write_text('[api]\nenrollment_code = "MOI-7731"\n[scan]\nimport_dirs = ["/mnt/USB"]\n')
    cfg = config.load(path, environ={"KIOSK_STORAGE_KEYRING": "file"})
    assert cfg.api.enrollment_code == "MOI-7731"
    assert cfg.scan.import_dirs == ("/mnt/USB",)  # folders keep their case
    assert cfg.storage.keyring == "file"
    from_env = config.load(environ={"KIOSK_SCAN_IMPORT_DIRS": "/media/kiosk, /mnt/scanner"})
    assert from_env.scan.import_dirs == ("/media/kiosk", "/mnt/scanner")


def test_config_file_named_by_environment(tmp_path):
    path = tmp_path / "k.toml"
    path.write_text('[printing]\nlayout = "a4"\n')
    assert config.load(environ={"KIOSK_CONFIG": str(path)}).printing.layout == "a4"


@pytest.mark.parametrize(
    "toml, fragment",
    [
        ('[kiosk]\nidle_timeout_s = "soon"\n', "kiosk.idle_timeout_s must be a whole number"),
        ('[kiosk]\nlanguage = "fr"\n', "kiosk.language must be one of ar, en"),
        ("[kiosk]\nidel_timeout_s = 5\n", "unknown key kiosk.idel_timeout_s"),
        ("[kiosks]\nid = 1\n", "unknown section [kiosks]"),
        ("[kiosk]\nidle_timeout_s = 2\n", "kiosk.idle_timeout_s must be at least 10"),
        ('[api]\nurl = "ftp://x"\n', "api.url must start with https://"),
        ('[calendar]\nholidays = ["25/12/2026"]\n', "is not a date"),
        ('[kiosk]\nfullscreen = "yes"\n', "kiosk.fullscreen must be true or false"),
        ("[kiosk\nid = 1\n", "is not valid TOML"),
        ('[storage]\nkeyring = "plain"\n', "storage.keyring must be one of auto, system, file"),
        ('[scan]\nimport_dirs = ["usb"]\n', "scan.import_dirs must list absolute folders"),
        ('[scan]\nimport_dirs = "/media"\n', "scan.import_dirs must be a list"),
        ('[api]\nenrollment_code = " "\n', "api.enrollment_code must not be empty"),
    ],
)
def test_bad_configuration_gives_a_clear_error(tmp_path, toml, fragment):
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(config.ConfigError) as caught:
        config.load(path, environ={})
    assert fragment in str(caught.value)


def test_bad_environment_override_is_named():
    with pytest.raises(config.ConfigError, match="kiosk.idle_timeout_s must be a whole number"):
        config.load(environ={"KIOSK_KIOSK_IDLE_TIMEOUT_S": "ninety"})
    with pytest.raises(config.ConfigError, match="unknown environment setting KIOSK_API_URLL"):
        config.load(environ={"KIOSK_API_URLL": "x"})


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(config.ConfigError, match="not found"):
        config.load(tmp_path / "nope.toml", environ={})


def test_kiosk_refuses_to_start_with_a_bad_configuration(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[kiosk]\nlanguage = 'fr'\n")
    result = subprocess.run(
        [sys.executable, "main.py", "--config", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
    )
    assert result.returncode == 2
    assert "configuration error: kiosk.language must be one of ar, en" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_check_command(tmp_path):
    path = tmp_path / "ok.toml"
    path.write_text('[api]\nurl = "https://moi.example/api"\n')
    ok = subprocess.run(
        [sys.executable, "-m", "kiosk", "config", "check", str(path)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "central API at https://moi.example/api" in ok.stdout
    path.write_text("[api]\nurl = 5\n")
    bad = subprocess.run(
        [sys.executable, "-m", "kiosk", "config", "check", str(path)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1 and "api.url must be text" in bad.stderr
