"""The kiosk's configuration: one TOML file plus environment overrides, validated once.

Where it comes from, in order: the defaults below (demo mode), then the TOML file named by
`--config` or `$KIOSK_CONFIG`, then environment variables `KIOSK_<SECTION>_<KEY>` (for example
`KIOSK_API_URL=https://…` or `KIOSK_KIOSK_IDLE_TIMEOUT_S=120`). A mistake anywhere raises
ConfigError naming the key and what is expected, so the operator can fix it before the kiosk opens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

ENV_FILE = "KIOSK_CONFIG"
ENV_PREFIX = "KIOSK_"


class ConfigError(Exception):
    """The configuration cannot be used; the message says which key and why."""


@dataclass(frozen=True)
class KioskSection:
    id: str = "DEMO-KIOSK-01"
    station_ar: str = "مديرية الجنسية وشؤون الأجانب والاستثمار - عمّان"
    station_en: str = "Nationality and Foreigners' Affairs Directorate - Amman"
    # ministry | post | knowledge_station | governorate: where the terminal stands.
    site: str = "ministry"
    language: str = "ar"
    fullscreen: bool = True
    idle_timeout_s: int = 90
    idle_countdown_s: int = 20

    @property
    def place(self) -> dict[str, str]:
        """Where the terminal stands, in both languages (enrollment, printed documents)."""
        return {"ar": self.station_ar, "en": self.station_en}

    @property
    def receipt_station(self) -> dict:
        """The `station` block of a printed document (kiosk/receipts): this terminal, its place."""
        return {"kiosk_id": self.id, "place": self.place}


@dataclass(frozen=True)
class ApiSection:
    # Empty: demo mode, an embedded sandbox on a free loopback port.
    url: str = ""
    ca_bundle: str = ""
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 20.0
    # The code the ministry gives to enroll a terminal (POST /v1/devices) once; the device token
    # it earns is kept in the keyring. The default is the sandbox's demo code.
    enrollment_code: str = "SANDBOX-ENROLL"


@dataclass(frozen=True)
class StorageSection:
    # Empty: the user's data directory ($XDG_DATA_HOME/moi-kiosk).
    data_dir: str = ""
    # Where secrets live (outbox wrapping key, device token): "system" the OS keyring, "file" a
    # 0600 file keyring under the data directory, "auto" the OS keyring when one is usable.
    keyring: str = "auto"


@dataclass(frozen=True)
class PrintingSection:
    # Empty: the system's default printer; none at all → documents are shown on screen.
    printer: str = ""
    layout: str = "roll"


@dataclass(frozen=True)
class ScanSection:
    camera_device: int = 0
    width: int = 1280
    height: int = 720
    # Fixed lens focus and exposure for the stand's distance and lamp (camera units, as V4L2
    # reports them); -1 keeps the camera's automatic setting. Set both at installation.
    camera_focus: float = -1.0
    camera_exposure: float = -1.0
    document_max_bytes: int = 1_000_000
    # Folders where USB sticks and USB scanners mount; documents may be imported from them.
    import_dirs: tuple[str, ...] = ("/media", "/run/media")


@dataclass(frozen=True)
class GuardrailsSection:
    min_free_disk_mb: int = 500
    outbox_max_undrained_h: int = 24
    draft_expiry_h: int = 24


@dataclass(frozen=True)
class CalendarSection:
    # Public holidays (ISO dates) on which the ministry does not work; Friday and Saturday are
    # the weekend. The ministry's list changes every year, so it is configuration, not code.
    holidays: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class RulesSection:
    # Nationalities (ISO 3166 alpha-3) exempt from the residence law; sources disagree and change,
    # so the list is configuration (domain README). Empty means "none known".
    residence_exempt_nationalities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    kiosk: KioskSection = field(default_factory=KioskSection)
    api: ApiSection = field(default_factory=ApiSection)
    storage: StorageSection = field(default_factory=StorageSection)
    printing: PrintingSection = field(default_factory=PrintingSection)
    scan: ScanSection = field(default_factory=ScanSection)
    guardrails: GuardrailsSection = field(default_factory=GuardrailsSection)
    calendar: CalendarSection = field(default_factory=CalendarSection)
    rules: RulesSection = field(default_factory=RulesSection)
    source: str = "defaults"

    @property
    def demo(self) -> bool:
        """Demo mode: no central API configured, the kiosk runs an embedded sandbox."""
        return not self.api.url

    @property
    def data_dir(self) -> Path:
        if self.storage.data_dir:
            return Path(self.storage.data_dir)
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        return Path(base) / "moi-kiosk"


_CHOICES = {
    ("kiosk", "site"): ("ministry", "post", "knowledge_station", "governorate"),
    ("kiosk", "language"): ("ar", "en"),
    ("printing", "layout"): ("roll", "a4"),
    ("storage", "keyring"): ("auto", "system", "file"),
}
_MINIMUM = {
    ("kiosk", "idle_timeout_s"): 10,
    ("kiosk", "idle_countdown_s"): 3,
    ("api", "connect_timeout_s"): 0.1,
    ("api", "read_timeout_s"): 0.1,
    ("scan", "width"): 320,
    ("scan", "height"): 240,
    ("scan", "document_max_bytes"): 50_000,
    ("scan", "camera_device"): 0,
    ("guardrails", "min_free_disk_mb"): 0,
    ("guardrails", "outbox_max_undrained_h"): 1,
    ("guardrails", "draft_expiry_h"): 1,
}


def load(path: str | os.PathLike | None = None, environ: dict[str, str] | None = None) -> Config:
    """Read and validate the configuration (file, then environment); raise ConfigError."""
    environ = dict(os.environ if environ is None else environ)
    path = path or environ.get(ENV_FILE) or None
    raw: dict = {}
    source = "defaults"
    if path:
        try:
            with open(path, "rb") as f:
                raw = tomllib.load(f)
        except FileNotFoundError:
            raise ConfigError(f"configuration file not found: {path}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"configuration file {path} is not valid TOML: {e}") from None
        except OSError as e:
            raise ConfigError(f"configuration file {path} cannot be read: {e.strerror}") from None
        source = str(path)
    _apply_environment(raw, environ)
    return _build(raw, source)


def _section_types() -> dict[str, type]:
    hints = typing.get_type_hints(Config)
    return {f.name: hints[f.name] for f in dataclasses.fields(Config) if f.name != "source"}


def _apply_environment(raw: dict, environ: dict[str, str]) -> None:
    sections = _section_types()
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or name == ENV_FILE:
            continue
        rest = name[len(ENV_PREFIX) :].lower()
        for section, cls in sections.items():
            if rest.startswith(section + "_"):
                key = rest[len(section) + 1 :]
                if key in {f.name for f in dataclasses.fields(cls)}:
                    raw.setdefault(section, {})[key] = _EnvValue(value)
                    break
        else:
            raise ConfigError(f"unknown environment setting {name}")


class _EnvValue(str):
    """A string from the environment, to be converted to the key's type."""


def _build(raw: dict, source: str) -> Config:
    if not isinstance(raw, dict):
        raise ConfigError("the configuration must be a table of sections")
    sections = _section_types()
    unknown = set(raw) - set(sections)
    if unknown:
        raise ConfigError(f"unknown section [{sorted(unknown)[0]}]; known: {', '.join(sections)}")
    built = {}
    for section, cls in sections.items():
        values = raw.get(section, {})
        if not isinstance(values, dict):
            raise ConfigError(f"[{section}] must be a table")
        built[section] = _build_section(section, cls, values)
    return Config(**built, source=source)


def _build_section(section: str, cls: type, values: dict):
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(values) - names
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(f"unknown key {section}.{key}; known: {', '.join(sorted(names))}")
    kwargs = {}
    for key, value in values.items():
        where = f"{section}.{key}"
        converted = _convert(where, hints[key], value)
        choices = _CHOICES.get((section, key))
        if choices and converted not in choices:
            raise ConfigError(f"{where} must be one of {', '.join(choices)}, not {value!r}")
        minimum = _MINIMUM.get((section, key))
        if minimum is not None and converted < minimum:
            raise ConfigError(f"{where} must be at least {minimum}, not {value!r}")
        kwargs[key] = _normalised(where, converted)
    if section == "api" and kwargs.get("url"):
        url = kwargs["url"]
        if not url.startswith(("https://", "http://")):
            raise ConfigError(
                f"api.url must start with https:// (or http:// for loopback): {url!r}"
            )
    return cls(**kwargs)


def _normalised(where: str, value):
    """Per-key spelling and sense checks that a type alone does not say."""
    if where == "rules.residence_exempt_nationalities":
        return tuple(code.upper() for code in value)
    if where == "scan.import_dirs":
        relative = [folder for folder in value if not os.path.isabs(folder)]
        if relative:
            raise ConfigError(f"{where} must list absolute folders, not {relative[0]!r}")
    if where == "api.enrollment_code" and not value.strip():
        raise ConfigError(f"{where} must not be empty")
    return value


def _convert(where: str, kind, value):
    from_env = isinstance(value, _EnvValue)
    try:
        if kind is bool:
            if from_env:
                lowered = value.strip().lower()
                if lowered in ("1", "true", "yes", "on"):
                    return True
                if lowered in ("0", "false", "no", "off"):
                    return False
                raise ValueError
            if isinstance(value, bool):
                return value
            raise ValueError
        if kind is int:
            if isinstance(value, bool):
                raise ValueError
            return int(value) if from_env else _exact(value, int)
        if kind is float:
            if isinstance(value, bool):
                raise ValueError
            return float(value) if from_env else float(_exact(value, (int, float)))
        if kind is str:
            return str(value) if from_env else _exact(value, str)
        if typing.get_origin(kind) is tuple or isinstance(kind, types.GenericAlias):
            (item,) = {a for a in typing.get_args(kind) if a is not Ellipsis}
            items = [v.strip() for v in value.split(",") if v.strip()] if from_env else value
            if not isinstance(items, list):
                raise ValueError
            if item is dt.date:
                return tuple(_date(where, v) for v in items)
            return tuple(_exact(v, str).strip() for v in items)
    except (ValueError, TypeError):
        pass
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}
    expected = names.get(kind, "a list")
    raise ConfigError(f"{where} must be {expected}, not {value!r}")


def _exact(value, kinds):
    if not isinstance(value, kinds):
        raise TypeError
    return value


def _date(where: str, value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where} holds {value!r}, which is not a date (YYYY-MM-DD)") from None
