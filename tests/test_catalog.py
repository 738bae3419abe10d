"""The bundled service catalog: complete, valid against its schema, honest about what is unknown."""

import copy
import json

import jsonschema
import pytest

from kiosk import resources
from kiosk.domain import catalog as cat
from kiosk.errors import KioskError


@pytest.fixture(scope="module")
def raw_catalog() -> dict:
    return resources.load_json(cat.BUNDLED_PATH)


def _parse(data: dict) -> cat.Catalog:
    return cat.parse(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def test_bundled_catalog_is_valid_against_its_schema(raw_catalog):
    jsonschema.Draft202012Validator.check_schema(cat.schema())
    assert cat.validate(raw_catalog) == []


# Every service the domain notes name, by its Arabic name as the notes and seeds write it.
NAMED_SERVICES = {
    "visa.entry": "تأشيرة",
    "residence.family": "إقامة سنوية – أفراد عائلة، التحاق بعائل",
    "residence.bank_deposit": "الإقامة السنوية بموجب وديعة بنكية",
    "residence.five_year": "إقامة سنوية لمدة خمس سنوات",
    "residence.temporary_extension": "تمديد إذن إقامة مؤقتة",
    "residence.separation": "فصل عن إذن إقامة سنوي",
    "residence.addition": "إضافة إلى إذن إقامة سنوي",
    "residence.cancellation": "إلغاء إقامة سنوية",
    "naturalization.wives_widows": "طلب التجنس لزوجات/أرامل الأردنيين",
    "deportation.cancellation": "إلغاء قرار الإبعاد",
    "marriage.contract_completion": "استكمال إجراءات عقد الزواج",
    "domestic_worker.waiver": "التنازل عن خادمة",
    "emergency_travel.document": "إصدار وثيقة سفر اضطرارية",
    "follow_up.green_card_residence_issue": "إصدار الإقامات السنوية لحملة البطاقة الخضراء",
    "follow_up.green_card_residence_renewal": "تجديد الإقامات السنوية لحملة البطاقة الخضراء",
    "follow_up.blue_card_residence_issue": "إصدار الإقامات السنوية لحملة البطاقة الزرقاء",
    "follow_up.blue_card_residence_renewal": "تجديد الإقامات السنوية لحملة البطاقة الزرقاء",
    "follow_up.bridge_card_adults": "استبدال بطاقات إحصاءات الجسور للبالغين",
    "follow_up.bridge_card_minors": "استبدال بطاقات إحصاءات الجسور للقاصرين",
    "follow_up.bridge_card_residence_extension": "تمديد الإقامة المؤقتة لحملة بطاقات الجسور",
    "follow_up.green_card_study_approval": "الموافقة على الدراسة في مدارس المملكة",
}


@pytest.mark.parametrize("service_id,arabic", sorted(NAMED_SERVICES.items()))
def test_every_service_of_the_domain_notes_is_in_the_catalog(service_id, arabic):
    service = cat.load_bundled().service(service_id)
    assert arabic in service.name.ar
    assert service.name.en and service.description.ar and service.description.en


def test_categories_follow_the_overview_groups_and_each_has_services():
    catalog = cat.load_bundled()
    assert [c.id for c in catalog.categories] == [
        "visas",
        "residence",
        "naturalization",
        "follow_up",
        "deportation",
        "marriage",
        "domestic_worker",
        "emergency_travel",
    ]
    for category in catalog.categories:
        assert catalog.services_in(category.id), category.id
        for service in catalog.services_in(category.id):
            assert service.directorate == category.directorate


def test_family_residence_carries_the_full_service_card_of_seed_001():
    service = cat.load_bundled().service("residence.family")
    assert service.approval_validity == cat.Months(6, True)
    assert service.passport_min_validity == cat.Months(6, True)
    assert service.processing_time("urgent") == cat.ProcessingTime(1, 5, True)
    assert service.processing_time("normal") == cat.ProcessingTime(1, 14, True)
    assert service.fee.urgent.confirmed and service.fee.normal.confirmed
    assert [d.id for d in service.documents] == [
        "beneficiary_passport",
        "previous_residence",
        "last_entry_stamp",
        "sponsor_passport",
        "sponsor_legal_residence",
        "dependency_deed",
        "marriage_certificate",
        "family_book",
        "five_year_letter",
    ]
    assert {f.id: f.type for f in service.fields} == {"renewal": "bool", "five_year": "bool"}
    assert "المعفاة من قانون الاقامة".replace("الاقامة", "الإقامة") in service.conditions[0].text.ar
    assert all(c.confirmed for c in service.conditions)
    assert service.payment_methods == ("efawateercom", "bank", "card")


def test_facts_missing_from_the_domain_notes_are_marked_to_be_confirmed():
    catalog = cat.load_bundled()
    deposit = catalog.service("residence.bank_deposit")
    assert deposit.approval_validity == cat.Months(None, False)
    assert deposit.fee.urgent.confirmed is False  # the 5-person cap is only stated by seed 001
    assert catalog.service("visa.entry").fee.by_field.confirmed is False
    assert catalog.service("deportation.cancellation").processing_time("normal").confirmed is False
    assert cat.TBC.ar == "يُؤكَّد من الوزارة"
    assert cat.TBC.en == "to be confirmed by the ministry"


def test_unknown_service_is_an_error_value_with_a_bilingual_message():
    with pytest.raises(KioskError) as caught:
        cat.load_bundled().service("residence.nope")
    assert caught.value.code == "service.unknown"
    assert "residence.nope" in caught.value.message.en
    assert "residence.nope" in caught.value.message.ar


@pytest.mark.parametrize(
    "mutate,code",
    [
        (lambda d: d["services"][0].pop("name"), "catalog.schema"),
        (lambda d: d["services"][0]["name"].update(ar="Entry visa"), "catalog.schema"),
        (lambda d: d["services"][0].update(service_id="Visa Entry"), "catalog.schema"),
        (lambda d: d["fee_rules"][0]["normal"].update(per_person="2"), "catalog.schema"),
        (lambda d: d["services"][1]["processing"].update(urgent={"max_days": 5}), "catalog.schema"),
        (lambda d: d["services"][1].update(category="nowhere"), "catalog.reference"),
        (lambda d: d["services"][1].update(fee="no_such_rule"), "catalog.reference"),
        (lambda d: d["account_categories"][6].update(id="hospitals"), "catalog.reference"),
        (
            lambda d: d["services"][1]["documents"][1].update(document_type="last_entry_stamp"),
            "catalog.duplicate_id",
        ),
        (
            lambda d: d["services"][1]["documents"][1].update(when={"field": "ghost", "equals": 1}),
            "catalog.reference",
        ),
        (lambda d: d["services"].append(copy.deepcopy(d["services"][0])), "catalog.duplicate_id"),
        (lambda d: d.update(schema_version=2), "catalog.incompatible"),
    ],
    ids=[
        "missing-name",
        "arabic-text-not-arabic",
        "bad-id",
        "amount-without-fils",
        "incomplete-processing",
        "unknown-category",
        "unknown-fee-rule",
        "account-category-not-the-contracts",
        "document-asked-twice",
        "condition-on-unknown-field",
        "duplicate-service",
        "newer-schema",
    ],
)
def test_a_malformed_entry_fails_validation(raw_catalog, mutate, code):
    data = copy.deepcopy(raw_catalog)
    mutate(data)
    with pytest.raises(cat.CatalogError) as caught:
        _parse(data)
    assert caught.value.problems[0].code == code
    assert caught.value.problems[0].message.ar and caught.value.problems[0].message.en


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe", b"[]", b"null", "٣".encode()])
def test_garbage_is_refused_with_a_reason_not_an_exception(raw):
    with pytest.raises(cat.CatalogError) as caught:
        cat.parse(raw)
    assert caught.value.problems


def test_bundled_catalog_is_what_the_central_api_contract_serves(raw_catalog):
    yaml = pytest.importorskip("yaml")
    contract = yaml.safe_load(resources.path("contract/openapi.yaml").read_text(encoding="utf-8"))
    root = {"$ref": "#/components/schemas/Catalog", "components": contract["components"]}
    errors = list(jsonschema.Draft202012Validator(root).iter_errors(raw_catalog))
    assert [e.message for e in errors] == []
