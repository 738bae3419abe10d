"""The service catalog: every MOI e-service, bilingual, loaded from resources/catalog/.

The catalog is data (`resources/catalog/services.json`), checked against its JSON schema
(`catalog.schema.json`) and then for references the schema cannot express (a service's category,
documents, fee rule). A fact the domain notes do not give carries `confirmed: false` in the data;
`CatalogText.confirmed` and the `confirmed` flags below carry it to the screens, which show
`TBC` ("to be confirmed by the ministry") beside it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

import jsonschema

from kiosk import resources
from kiosk.domain import model
from kiosk.errors import KioskError, Problem
from kiosk.texts import Bilingual

# The catalog documents this kiosk understands; an update with another major version is refused.
SCHEMA_VERSION = 1
BUNDLED_PATH = "catalog/services.json"
SCHEMA_PATH = "catalog/catalog.schema.json"

TBC = Bilingual("يُؤكَّد من الوزارة", "to be confirmed by the ministry")


@dataclass(frozen=True)
class CatalogText(Bilingual):
    """A bilingual catalog text; `confirmed` is False when the ministry has yet to confirm it."""

    confirmed: bool = True


@dataclass(frozen=True)
class Directorate:
    id: str
    name: CatalogText
    contact: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Category:
    id: str
    directorate: str
    name: CatalogText


@dataclass(frozen=True)
class AccountCategory:
    """An account category as the catalog names it; `id` is a kiosk.domain.model.AccountCategory."""

    id: str
    name: CatalogText
    # "immediate" (individuals) or "visit_once" (every other category visits the ministry once).
    activation: str


@dataclass(frozen=True)
class NormalFee:
    per_person: Decimal
    confirmed: bool


@dataclass(frozen=True)
class UrgentFee:
    base: Decimal
    included_persons: int
    per_extra_person: Decimal
    confirmed: bool


@dataclass(frozen=True)
class FieldFee:
    """An amount chosen by one of the service's fields (e.g. the visa type)."""

    field: str
    per: str  # "beneficiary" or "request"
    label: CatalogText
    amounts: Mapping[str, Decimal]
    confirmed: bool


@dataclass(frozen=True)
class FeeRule:
    id: str
    per: str  # who counts as a person: "beneficiary" (seed 001: المستدعى لهم)
    normal: NormalFee
    urgent: UrgentFee
    by_field: FieldFee | None = None
    note: CatalogText | None = None


@dataclass(frozen=True)
class ProcessingTime:
    """Working days from submission to completion."""

    min_days: int
    max_days: int
    confirmed: bool


@dataclass(frozen=True)
class Months:
    """A number of months (None: unknown) and whether the ministry has confirmed it."""

    months: int | None
    confirmed: bool


@dataclass(frozen=True)
class AgeRange:
    min_years: int | None
    max_years: int | None
    confirmed: bool


@dataclass(frozen=True)
class Condition:
    id: str
    text: CatalogText
    rule: str | None = None
    confirmed: bool = True


@dataclass(frozen=True)
class RequiredDocument:
    """A document the service asks for, for whom, and when (`when` is a condition tree).

    `id` is the document type (the API contract's `document_type`): attachments name it.
    """

    id: str
    name: CatalogText
    scope: str  # "beneficiary" (one per beneficiary), "applicant" or "request"
    when: Mapping[str, Any] | None = None
    when_text: CatalogText | None = None
    confirmed: bool = True


@dataclass(frozen=True)
class Choice:
    id: str
    label: CatalogText


@dataclass(frozen=True)
class FieldSpec:
    """An extra field the service asks for (five_year, renewal, deposit amount …)."""

    id: str
    type: str  # bool | int | decimal | text | choice | date
    required: bool
    label: CatalogText
    default: Any = None
    min: Decimal | None = None
    max: Decimal | None = None
    unit: str = ""
    choices: tuple[Choice, ...] = ()
    confirmed: bool = True

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass(frozen=True)
class Service:
    id: str
    category: str
    type: str
    directorate: str
    name: CatalogText
    description: CatalogText
    who_may_apply: tuple[str, ...]
    who_may_apply_confirmed: bool
    rules: tuple[str, ...]
    companions_allowed: bool
    passport_min_validity: Months | None
    conditions: tuple[Condition, ...]
    documents: tuple[RequiredDocument, ...]
    processing: Mapping[str, ProcessingTime | None]  # "normal", "urgent" (None: not offered)
    fee: FeeRule
    approval_validity: Months
    fields: tuple[FieldSpec, ...]
    sources: tuple[str, ...]
    target_group: CatalogText | None = None
    beneficiary_age: AgeRange | None = None
    payment_methods: tuple[str, ...] = ()
    notes: tuple[CatalogText, ...] = ()

    def field(self, field_id: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def processing_time(self, priority: str) -> ProcessingTime | None:
        """The processing time for "normal" or "urgent"; None when that priority is not offered."""
        return self.processing.get(str(priority))


@dataclass(frozen=True)
class Catalog:
    schema_version: int
    version: str
    issued: str
    directorates: tuple[Directorate, ...]
    categories: tuple[Category, ...]
    account_categories: tuple[AccountCategory, ...]
    services: tuple[Service, ...]
    # The catalog as JSON text, so an accepted update can be cached byte for byte.
    raw: str = field(default="", repr=False, compare=False)

    @property
    def version_key(self) -> tuple[int, ...]:
        """The version as numbers, for ordering: "2025.10.0" is newer than "2025.6.1"."""
        return version_key(self.version)

    def find(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def service(self, service_id: str) -> Service:
        """The service with this id; KioskError "service.unknown" when there is none."""
        found = self.find(service_id)
        if found is None:
            raise KioskError(
                "service.unknown",
                Bilingual(
                    f"الخدمة «{service_id}» غير موجودة. اختر خدمة من قائمة الخدمات.",
                    f"There is no service '{service_id}'. Choose a service from the list.",
                ),
                field="service_id",
            )
        return found

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def directorate(self, directorate_id: str) -> Directorate | None:
        return next((d for d in self.directorates if d.id == directorate_id), None)

    def account_category(self, category_id: str) -> AccountCategory | None:
        return next((a for a in self.account_categories if a.id == category_id), None)

    def services_in(self, category_id: str) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.category == category_id)


class CatalogError(KioskError):
    """The catalog document cannot be used; `problems` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        first = problems[0]
        super().__init__(first.code, first.message, first.field)
        self.problems = problems


def version_key(version: str) -> tuple[int, ...]:
    """A catalog version ("2025.6.1") as a tuple of numbers compared left to right."""
    return tuple(int(part) for part in version.split("."))


@cache
def load_bundled() -> Catalog:
    """The catalog shipped with the kiosk (cached after the first call)."""
    return parse(resources.path(BUNDLED_PATH).read_bytes())


@cache
def account_category_names() -> dict[str, CatalogText]:
    """Each account category's bilingual name by its contract id: the kiosk's one list of them."""
    return {a.id: a.name for a in load_bundled().account_categories}


@cache
def schema() -> dict:
    """The catalog's JSON schema."""
    return resources.load_json(SCHEMA_PATH)


def parse(raw: bytes | str) -> Catalog:
    """Parse and validate a catalog document; raise CatalogError listing what is wrong."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError) as e:
        problem = _problem("catalog.not_json", "", f"not a JSON document ({e})")
        raise CatalogError([problem]) from None
    problems = validate(data)
    if problems:
        raise CatalogError(problems)
    return _build(data, text)


def validate(data: Any) -> list[Problem]:
    """Every way `data` (a parsed JSON document) fails the schema or its cross-references."""
    validator = jsonschema.Draft202012Validator(schema())
    problems = [
        _problem("catalog.schema", _json_path(error.absolute_path), error.message)
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    ]
    if problems:
        return problems
    if data["schema_version"] != SCHEMA_VERSION:
        return [
            _problem(
                "catalog.incompatible",
                "schema_version",
                f"schema version {data['schema_version']} is not {SCHEMA_VERSION}",
            )
        ]
    return _check_references(data)


def _check_references(data: dict) -> list[Problem]:
    """What JSON schema cannot say: ids are unique and every reference resolves."""
    problems: list[Problem] = []

    def ids(items: list[dict], where: str, key: str = "id") -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item[key] in seen:
                problems.append(_problem("catalog.duplicate_id", f"{where}[{i}]", item[key]))
            seen.add(item[key])
        return seen

    directorates = ids(data["directorates"], "directorates")
    categories = ids(data["categories"], "categories")
    accounts = ids(data["account_categories"], "account_categories")
    fee_rules = {rule["id"]: rule for rule in data["fee_rules"]}
    ids(data["fee_rules"], "fee_rules")
    ids(data["services"], "services", key="service_id")

    known_accounts = {c.value for c in model.AccountCategory}  # the contract's ids, no others
    for i, account in enumerate(data["account_categories"]):
        if account["id"] not in known_accounts:
            problems.append(_unknown(f"account_categories[{i}].id", account["id"]))
    for i, category in enumerate(data["categories"]):
        if category["directorate"] not in directorates:
            problems.append(_unknown(f"categories[{i}].directorate", category["directorate"]))
    for i, service in enumerate(data["services"]):
        where = f"services[{i}]"
        if service["category"] not in categories:
            problems.append(_unknown(f"{where}.category", service["category"]))
        if service["directorate"] not in directorates:
            problems.append(_unknown(f"{where}.directorate", service["directorate"]))
        for account in service["who_may_apply"]["account_categories"]:
            if account not in accounts:
                problems.append(_unknown(f"{where}.who_may_apply", account))
        field_ids = {f["id"] for f in service["fields"]}
        document_types = [d["document_type"] for d in service["documents"]]
        for document_type in {t for t in document_types if document_types.count(t) > 1}:
            problems.append(_problem("catalog.duplicate_id", f"{where}.documents", document_type))
        for j, document in enumerate(service["documents"]):
            for name in _condition_fields(document.get("when")):
                if name not in field_ids:
                    problems.append(_unknown(f"{where}.documents[{j}].when", name))
        rule = fee_rules.get(service["fee"])
        if rule is None:
            problems.append(_unknown(f"{where}.fee", service["fee"]))
        elif "by_field" in rule:
            wanted = rule["by_field"]["field"]
            spec = next((f for f in service["fields"] if f["id"] == wanted), None)
            if spec is None or spec["type"] != "choice":
                problems.append(_unknown(f"{where}.fee", wanted))
            elif {c["id"] for c in spec["choices"]} - set(rule["by_field"]["amounts"]):
                problems.append(_unknown(f"{where}.fee", "an amount for every choice"))
        if "beneficiary_age" in service["rules"] and "beneficiary_age" not in service:
            problems.append(_unknown(f"{where}.beneficiary_age", "beneficiary_age"))
        if "passport_validity" in service["rules"] and not service["passport_min_validity_months"]:
            problems.append(_unknown(f"{where}.passport_min_validity_months", "months"))
    return problems


def _condition_fields(when: dict | None):
    """The extra-field ids a condition tree reads."""
    if not when:
        return
    if "field" in when:
        yield when["field"]
    for key in ("all", "any"):
        for sub in when.get(key, ()):
            yield from _condition_fields(sub)
    if "not" in when:
        yield from _condition_fields(when["not"])


def _json_path(path) -> str:
    return ".".join(str(p) for p in path)


def _problem(code: str, where: str, detail: str) -> Problem:
    return Problem(
        code,
        where,
        Bilingual(
            f"دليل الخدمات غير صالح ({where or 'المستند'}): {detail}",
            f"The service catalog is not valid ({where or 'document'}): {detail}",
        ),
    )


def _unknown(where: str, name: str) -> Problem:
    return _problem("catalog.reference", where, f"unknown reference '{name}'")


# --- building typed objects from validated data -------------------------------------------


def _text(data: dict | None) -> CatalogText | None:
    if data is None:
        return None
    return CatalogText(data["ar"], data["en"], data.get("confirmed", True))


def _build(data: dict, raw: str) -> Catalog:
    fee_rules = {r["id"]: _fee_rule(r) for r in data["fee_rules"]}
    return Catalog(
        schema_version=data["schema_version"],
        version=data["version"],
        issued=data["issued"],
        directorates=tuple(
            Directorate(d["id"], _text(d["name"]), dict(d.get("contact", {})))
            for d in data["directorates"]
        ),
        categories=tuple(
            Category(c["id"], c["directorate"], _text(c["name"])) for c in data["categories"]
        ),
        account_categories=tuple(
            AccountCategory(a["id"], _text(a["name"]), a["activation"])
            for a in data["account_categories"]
        ),
        services=tuple(_service(s, fee_rules) for s in data["services"]),
        raw=raw,
    )


def _fee_rule(r: dict) -> FeeRule:
    by_field = None
    if "by_field" in r:
        f = r["by_field"]
        by_field = FieldFee(
            f["field"],
            f["per"],
            _text(f["label"]),
            {k: Decimal(v) for k, v in f["amounts"].items()},
            f["confirmed"],
        )
    urgent = r["urgent"]
    return FeeRule(
        id=r["id"],
        per=r["per"],
        normal=NormalFee(Decimal(r["normal"]["per_person"]), r["normal"]["confirmed"]),
        urgent=UrgentFee(
            Decimal(urgent["base"]),
            urgent["included_persons"],
            Decimal(urgent["per_extra_person"]),
            urgent["confirmed"],
        ),
        by_field=by_field,
        note=_text(r.get("note")),
    )


def _days(d: dict | None) -> ProcessingTime | None:
    return None if d is None else ProcessingTime(d["min_days"], d["max_days"], d["confirmed"])


def _field(f: dict) -> FieldSpec:
    return FieldSpec(
        id=f["id"],
        type=f["type"],
        required=f["required"],
        label=_text(f["label"]),
        default=f.get("default"),
        min=Decimal(f["min"]) if "min" in f else None,
        max=Decimal(f["max"]) if "max" in f else None,
        unit=f.get("unit", ""),
        choices=tuple(Choice(c["id"], _text(c["label"])) for c in f.get("choices", ())),
        confirmed=f.get("confirmed", True),
    )


def _service(s: dict, fee_rules: dict) -> Service:
    passport = s["passport_min_validity_months"]
    age = s.get("beneficiary_age")
    validity = s["approval_validity"]
    return Service(
        id=s["service_id"],
        category=s["category"],
        type=s["type"],
        directorate=s["directorate"],
        name=_text(s["name"]),
        description=_text(s["description"]),
        target_group=_text(s.get("target_group")),
        who_may_apply=tuple(s["who_may_apply"]["account_categories"]),
        who_may_apply_confirmed=s["who_may_apply"]["confirmed"],
        rules=tuple(s["rules"]),
        companions_allowed=s["companions_allowed"],
        passport_min_validity=(
            None if passport is None else Months(passport["months"], passport["confirmed"])
        ),
        beneficiary_age=(
            None if age is None else AgeRange(age["min_years"], age["max_years"], age["confirmed"])
        ),
        conditions=tuple(
            Condition(c["id"], _text(c["text"]), c.get("rule"), c.get("confirmed", True))
            for c in s["conditions"]
        ),
        documents=tuple(
            RequiredDocument(
                d["document_type"],
                _text(d["name"]),
                d["for"],
                d.get("when"),
                _text(d.get("when_text")),
                d.get("confirmed", True),
            )
            for d in s["documents"]
        ),
        processing={
            "normal": _days(s["processing"]["normal"]),
            "urgent": _days(s["processing"]["urgent"]),
        },
        fee=fee_rules[s["fee"]],
        approval_validity=Months(validity["months"], validity["confirmed"]),
        fields=tuple(_field(f) for f in s["fields"]),
        payment_methods=tuple(s.get("payment_methods", ())),
        notes=tuple(_text(n) for n in s.get("notes", ())),
        sources=tuple(s["sources"]),
    )
