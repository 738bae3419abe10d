"""A service card (بطاقة خدمة) as sections of bilingual items, for the CLI and the browse screen.

Each section has a stable key (the screen translates its own heading by key), a bilingual
heading (for the command line) and items; an item the ministry has not confirmed carries
`confirmed=False` and is shown with "to be confirmed by the ministry".
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.catalog import Catalog, CatalogText, Service
from kiosk.domain.fees import jod
from kiosk.texts import Bilingual


@dataclass(frozen=True)
class CardItem:
    text: Bilingual
    confirmed: bool = True


@dataclass(frozen=True)
class CardSection:
    key: str
    heading: Bilingual
    items: tuple[CardItem, ...]


HEADINGS = {
    "description": Bilingual("وصف الخدمة", "Description"),
    "category": Bilingual("الفئة", "Category"),
    "directorate": Bilingual("المديرية", "Directorate"),
    "target_group": Bilingual("الفئات المستفيدة", "Who benefits"),
    "who_may_apply": Bilingual("من يقدم الطلب", "Who may apply"),
    "conditions": Bilingual("الشروط", "Conditions"),
    "documents": Bilingual("الوثائق المطلوبة", "Required documents"),
    "processing": Bilingual("مدة إنجاز الخدمة", "Processing time"),
    "fees": Bilingual("الرسوم", "Fees"),
    "approval_validity": Bilingual("صلاحية الموافقة", "Approval validity"),
    "fields": Bilingual("بيانات إضافية يطلبها الطلب", "Extra information asked"),
    "notes": Bilingual("ملاحظات", "Notes"),
}


def service_card(catalog: Catalog, service: Service) -> list[CardSection]:
    """The card's sections in reading order; empty sections are left out."""
    category = catalog.category(service.category)
    directorate = catalog.directorate(service.directorate)
    sections = {
        "description": [_item(service.description)],
        "category": [CardItem(category.name)] if category else [],
        "directorate": [CardItem(directorate.name)] if directorate else [],
        "target_group": [_item(service.target_group)] if service.target_group else [],
        "who_may_apply": [_who_may_apply(catalog, service)],
        "conditions": [
            CardItem(c.text, c.confirmed and c.text.confirmed) for c in service.conditions
        ],
        "documents": [_document(d) for d in service.documents],
        "processing": _processing(service),
        "fees": _fees(service),
        "approval_validity": [_validity(service)],
        "fields": [CardItem(f.label, f.confirmed) for f in service.fields],
        "notes": [_item(n) for n in service.notes],
    }
    return [
        CardSection(key, HEADINGS[key], tuple(items)) for key, items in sections.items() if items
    ]


def _item(text: CatalogText) -> CardItem:
    return CardItem(text, text.confirmed)


def _who_may_apply(catalog: Catalog, service: Service) -> CardItem:
    names = [catalog.account_category(a).name for a in service.who_may_apply]
    return CardItem(
        Bilingual("، ".join(n.ar for n in names), ", ".join(n.en for n in names)),
        service.who_may_apply_confirmed,
    )


def _document(document) -> CardItem:
    text = document.name
    if document.when_text:
        text = Bilingual(
            f"{text.ar} ({document.when_text.ar})", f"{text.en} ({document.when_text.en})"
        )
    return CardItem(text, document.confirmed)


def _processing(service: Service) -> list[CardItem]:
    items = []
    for priority, ar, en in (("urgent", "عاجل", "Urgent"), ("normal", "عادي", "Normal")):
        time = service.processing_time(priority)
        if time is None:
            items.append(CardItem(Bilingual(f"{ar}: غير متاح", f"{en}: not offered"), False))
            continue
        if time.min_days < time.max_days:
            days_ar = f"من {time.min_days} إلى {time.max_days} أيام عمل"
            days_en = f"{time.min_days}–{time.max_days} working days"
        else:
            days_ar = (
                f"{time.max_days} يوم عمل" if time.max_days == 1 else f"{time.max_days} أيام عمل"
            )
            days_en = f"{time.max_days} working day" + ("" if time.max_days == 1 else "s")
        items.append(CardItem(Bilingual(f"{ar}: {days_ar}", f"{en}: {days_en}"), time.confirmed))
    return items


def _fees(service: Service) -> list[CardItem]:
    rule = service.fee
    normal, urgent = rule.normal, rule.urgent
    items = [
        CardItem(
            Bilingual(
                f"عادي: {jod(normal.per_person)} دينار عن كل مستدعى له",
                f"Normal: {jod(normal.per_person)} JOD per beneficiary",
            ),
            normal.confirmed,
        )
    ]
    if service.processing_time("urgent") is not None:
        n = urgent.included_persons
        items.append(
            CardItem(
                Bilingual(
                    f"عاجل: {jod(urgent.base)} دينار حتى {n} أشخاص، ويضاف "
                    f"{jod(urgent.per_extra_person)} دينار عن كل شخص فوق {n}",
                    f"Urgent: {jod(urgent.base)} JOD for up to {n} persons, plus "
                    f"{jod(urgent.per_extra_person)} JOD for each person above {n}",
                ),
                urgent.confirmed,
            )
        )
    if rule.by_field:
        spec = service.field(rule.by_field.field)
        for choice in spec.choices:
            amount = jod(rule.by_field.amounts[choice.id])
            items.append(
                CardItem(
                    Bilingual(
                        f"{rule.by_field.label.ar} ({choice.label.ar}): {amount} دينار",
                        f"{rule.by_field.label.en} ({choice.label.en}): {amount} JOD",
                    ),
                    rule.by_field.confirmed,
                )
            )
    return items


def _validity(service: Service) -> CardItem:
    months = service.approval_validity.months
    if not months:
        return CardItem(Bilingual("غير محددة", "not stated"), False)
    return CardItem(
        Bilingual(f"{months} أشهر من تاريخ الموافقة", f"{months} months from the approval date"),
        service.approval_validity.confirmed,
    )
