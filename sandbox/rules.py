"""What the ministry checks of an announced application, read from the catalog DATA alone.

The sandbox stands for the ministry's server, which has its own implementation of the
published rules: it shares the catalog file (resources/catalog/services.json) and the contract
with the kiosk, never the kiosk's code. So a rule the kiosk gets wrong shows as a disagreement
(tests/test_sandbox_fees_cross_check.py) instead of being agreed with by the same bug.

Checked when an application is announced, each refusal naming its field in `data`:
- the priority is one the service offers (its `processing` has it; null means not offered);
- `data.beneficiaries` is a list of 1 to MAX_PERSONS objects: the persons the fee counts;
- every field of the service in `data.extra` holds a valid answer of its type (choice, bool,
  int, decimal, text, date, with the catalog's min/max); a required field left out takes its
  default when the catalog gives one, as the kiosk's form does.
Pricing (sandbox/fees.py) relies on these checks having passed.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re

from sandbox.errors import ApiError

MAX_PERSONS = 999  # the contract's bound on data.beneficiaries (more is a typing mistake)
_DECIMAL = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,6})?")


def check_application(service: dict, priority: str, data: dict) -> None:
    """Refuse (ApiError naming the field) an application the published rules do not allow."""
    if service["processing"].get(priority) is None:
        raise ApiError("priority_unavailable", "priority")
    beneficiaries = data.get("beneficiaries")
    if beneficiaries is None or beneficiaries == []:
        raise ApiError("field_required", "data.beneficiaries")
    if not isinstance(beneficiaries, list) or len(beneficiaries) > MAX_PERSONS:
        raise ApiError("invalid_value", "data.beneficiaries")
    for i, person in enumerate(beneficiaries):
        if not isinstance(person, dict):
            raise ApiError("invalid_value", f"data.beneficiaries.{i}")
    extra = data.get("extra", {})
    if not isinstance(extra, dict):
        raise ApiError("invalid_value", "data.extra")
    for spec in service.get("fields", ()):
        value = field_value(spec, extra)
        where = f"data.extra.{spec['id']}"
        if value is None or value == "":
            if spec["required"]:
                raise ApiError("field_required", where)
            continue
        if not _valid(spec, value):
            raise ApiError("invalid_value", where)


def persons(data: dict) -> int:
    """The persons an application is for: its beneficiaries (companions are not counted)."""
    return len(data["beneficiaries"])


def field_value(spec: dict, extra: dict):
    """The answer to one of the service's fields: as sent, else the catalog's default."""
    return extra.get(spec["id"], spec.get("default"))


def _valid(spec: dict, value) -> bool:
    kind = spec["type"]
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "choice":
        return isinstance(value, str) and value in {c["id"] for c in spec["choices"]}
    if kind == "text":
        return isinstance(value, str) and bool(value.strip())
    if kind == "date":
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    if kind in ("int", "decimal"):
        number = _number(value)
        if number is None or (kind == "int" and number != number.to_integral_value()):
            return False
        low, high = spec.get("min"), spec.get("max")
        return (low is None or number >= decimal.Decimal(low)) and (
            high is None or number <= decimal.Decimal(high)
        )
    return False  # a field type this server does not know is never silently accepted


def _number(value) -> decimal.Decimal | None:
    """An integer, or a decimal written with Western digits and a point ("10000.500")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return decimal.Decimal(value)
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        return decimal.Decimal(value.strip())
    return None
