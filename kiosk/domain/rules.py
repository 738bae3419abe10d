"""Eligibility rules: everything wrong with an application draft, before anything is sent.

`evaluate(draft, catalog, today, config)` returns every problem at once. The wizard checks as the
user goes with `check_step(step, …)` for one of STEPS, or `check_beneficiary(…)` for one person.
Every problem is a kiosk.errors.Problem: a stable code, the field path it concerns
("beneficiaries.1.passport_expiry") and an Arabic and English message saying what to do. Messages
name people by their position ("beneficiary 2"), never by name or number.

What is checked comes from the catalog: a service's `rules` switch on its special rules
(passport validity, exempt nationalities, the sponsor's residence, own-account rules, age range),
its `documents` say which attachments are required and when, its `fields` which extra answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.config import Config
from kiosk.domain import personal_number
from kiosk.domain.catalog import Catalog, RequiredDocument, Service
from kiosk.domain.dates import add_months, age_on
from kiosk.domain.model import AccountCategory, Beneficiary, Draft, Priority, Relation, Sex
from kiosk.errors import Problem
from kiosk.texts import Bilingual, to_western_digits

STEPS = ("service", "applicant", "beneficiaries", "attachments")
COMPANION_MAX_AGE = 15  # companions are under 16 (glossary: المرافقين)


def evaluate(draft: Draft, catalog: Catalog, today: dt.date, config: Config) -> list[Problem]:
    """Every problem with `draft` on the submission date `today`, in the wizard's step order."""
    problems: list[Problem] = []
    for step in STEPS:
        found = check_step(step, draft, catalog, today, config)
        if found and found[0].code == "service.unknown":
            return found
        problems += found
    return problems


def check_step(
    step: str, draft: Draft, catalog: Catalog, today: dt.date, config: Config
) -> list[Problem]:
    """The problems of one wizard step ("service", "applicant", "beneficiaries", "attachments")."""
    service = catalog.find(draft.service_id)
    if service is None:
        return [_unknown_service(draft.service_id)]
    return _STEP_CHECKS[step](draft, service, today, config)


def check_service(draft: Draft, service: Service, today: dt.date, config: Config) -> list[Problem]:
    """The priority is offered by the service and every extra field holds a valid answer."""
    problems = []
    if service.processing_time(draft.priority) is None:
        problems.append(
            _p(
                "service.priority_unavailable",
                "priority",
                "هذه الخدمة لا تتوفر بأهمية «عاجل». اختر «عادي».",
                "This service is not offered as urgent. Choose normal.",
            )
        )
    for spec in service.fields:
        value = draft.extra.get(spec.id, spec.default)
        where = f"extra.{spec.id}"
        if value is None or value == "":
            if spec.required:
                problems.append(
                    _p(
                        "field.required",
                        where,
                        f"أكمل الحقل «{spec.label.ar}».",
                        f"Fill in \u201c{spec.label.en}\u201d.",
                    )
                )
            continue
        if not _field_value_ok(spec, value):
            problems.append(
                _p(
                    "field.invalid",
                    where,
                    f"قيمة «{spec.label.ar}» غير صحيحة. صحّحها.",
                    f"The value of \u201c{spec.label.en}\u201d is not valid. Correct it.",
                )
            )
    return problems


def check_applicant(
    draft: Draft, service: Service, today: dt.date, config: Config
) -> list[Problem]:
    """Who may apply, the applicant's personal number, the service's account and sponsor rules."""
    applicant = draft.applicant
    problems = []
    if service.who_may_apply_confirmed and applicant.account_category not in service.who_may_apply:
        problems.append(
            _p(
                "applicant.category_not_allowed",
                "applicant.account_category",
                "لا يمكن تقديم هذه الخدمة من هذا النوع من الحسابات. "
                "استخدم حسابًا من الفئة المسموح لها.",
                "This service cannot be requested from this kind of account. Use an account of a "
                "category that may apply.",
            )
        )
    if applicant.personal_number:
        problem = personal_number.check(applicant.personal_number, "applicant.personal_number")
        if problem:
            problems.append(problem)
    if "sponsor_annual_residence" in service.rules:
        problems += _sponsor_residence(draft, today)
    if "naturalization_own_account" in service.rules and (
        applicant.sex is not Sex.FEMALE or applicant.account_category != AccountCategory.INDIVIDUAL
    ):
        problems.append(
            _p(
                "naturalization.not_own_account",
                "applicant",
                "يجب تقديم طلب التجنس من الحساب الإلكتروني للزوجة أو الأرملة نفسها. "
                "سجّل الدخول بحسابها.",
                "The naturalization request must be sent from the wife's or widow's own e-account. "
                "Log in with her account.",
            )
        )
    if (
        "marriage_party_account" in service.rules
        and applicant.account_category != AccountCategory.INDIVIDUAL
    ):
        problems.append(_marriage_party_problem())
    return problems


def check_beneficiaries(
    draft: Draft, service: Service, today: dt.date, config: Config
) -> list[Problem]:
    """The list as a whole (at least one, no one twice, the service's rules) and each person."""
    if not draft.beneficiaries:
        return [
            _p(
                "beneficiaries.none",
                "beneficiaries",
                "أضف المستدعى لهم: شخصًا واحدًا على الأقل.",
                "Add the beneficiaries: at least one person.",
            )
        ]
    problems = []
    for index in range(len(draft.beneficiaries)):
        problems += check_beneficiary(draft, index, service, today, config)
    problems += _duplicates(draft)
    relations = [b.relation for b in draft.beneficiaries]
    if "applicant_among_beneficiaries" in service.rules and not _applicant_is_beneficiary(draft):
        problems.append(
            _p(
                "bank_deposit.applicant_not_beneficiary",
                "beneficiaries",
                "يجب أن يكون مقدم الطلب من ضمن قائمة المستدعى لهم. "
                "أضف نفسك كمستدعى له (صلة القرابة: نفسه).",
                "The applicant must be among the beneficiaries. Add yourself as a beneficiary "
                "(relation: self).",
            )
        )
    if "naturalization_own_account" in service.rules and relations != [Relation.SELF]:
        problems.append(
            _p(
                "naturalization.beneficiary_not_self",
                "beneficiaries",
                "طلب التجنس يكون للزوجة أو الأرملة نفسها فقط: المستدعى له الوحيد هو صاحبة الحساب.",
                "The naturalization request is for the wife or widow herself only: the only "
                "beneficiary is the account holder.",
            )
        )
    if "marriage_party_account" in service.rules and relations != [Relation.SPOUSE]:
        problems.append(_marriage_party_problem())
    return problems


def check_beneficiary(
    draft: Draft, index: int, service: Service, today: dt.date, config: Config
) -> list[Problem]:
    """The problems of one beneficiary (and their companions), for the wizard's person form."""
    beneficiary = draft.beneficiaries[index]
    where = f"beneficiaries.{index}"
    n = index + 1
    problems = []
    if not beneficiary.name.strip():
        problems.append(
            _p(
                "beneficiary.name_missing",
                f"{where}.name",
                f"أدخل اسم المستدعى له رقم {n}.",
                f"Enter the name of beneficiary {n}.",
            )
        )
    if beneficiary.personal_number:
        problem = personal_number.check(beneficiary.personal_number, f"{where}.personal_number")
        if problem:
            problems.append(problem)
    problems += _birth_date(beneficiary.birth_date, f"{where}.birth_date", n, today)
    if "passport_validity" in service.rules:
        problems += _passport(beneficiary, service, where, n, today)
    if "residence_not_exempt" in service.rules:
        problems += _not_exempt(beneficiary, where, n, config)
    if "beneficiary_age" in service.rules and beneficiary.birth_date:
        problems += _age_range(beneficiary, service, where, n, today)
    problems += _companions(beneficiary, service, where, n, today)
    return problems


def check_attachments(
    draft: Draft, service: Service, today: dt.date, config: Config
) -> list[Problem]:
    """Every required document is attached (per its condition) and every attachment fits."""
    problems = []
    for index, attachment in enumerate(draft.attachments):
        bad_index = attachment.beneficiary_index is not None and not (
            0 <= attachment.beneficiary_index < len(draft.beneficiaries)
        )
        if bad_index:
            problems.append(
                _p(
                    "document.unknown_beneficiary",
                    f"attachments.{index}",
                    "هذا المرفق لمستدعى له غير موجود في الطلب. احذفه أو أعد إرفاقه.",
                    "This attachment is for a beneficiary who is not in the request. Remove it or "
                    "attach it again.",
                )
            )
    for document, beneficiary_index in required_documents(draft, service, today):
        attachment = draft.attachment(document.id, beneficiary_index)
        if attachment is not None and attachment.pages:
            continue
        if beneficiary_index is None:
            where = f"documents.{document.id}"
            whose_ar = whose_en = ""
        else:
            where = f"beneficiaries.{beneficiary_index}.documents.{document.id}"
            whose_ar = f" للمستدعى له رقم {beneficiary_index + 1}"
            whose_en = f" for beneficiary {beneficiary_index + 1}"
        problems.append(
            _p(
                "document.missing",
                where,
                f"أرفق «{document.name.ar}»{whose_ar}: صوّره بالكاميرا أو حمّله.",
                f"Attach \u201c{document.name.en}\u201d{whose_en}: photograph or upload it.",
            )
        )
    return problems


def required_documents(
    draft: Draft, service: Service, today: dt.date
) -> list[tuple[RequiredDocument, int | None]]:
    """The documents this draft needs: (document, beneficiary index or None for the request)."""
    needed = []
    for document in service.documents:
        if document.scope == "beneficiary":
            for index, beneficiary in enumerate(draft.beneficiaries):
                if condition_holds(document.when, draft, service, beneficiary, today):
                    needed.append((document, index))
        elif condition_holds(document.when, draft, service, None, today):
            needed.append((document, None))
    return needed


def condition_holds(
    when: Any, draft: Draft, service: Service, beneficiary: Beneficiary | None, today: dt.date
) -> bool:
    """Evaluate a catalog condition (see catalog.schema.json: condition) for one person or none."""
    if not when:
        return True
    if "all" in when:
        return all(condition_holds(c, draft, service, beneficiary, today) for c in when["all"])
    if "any" in when:
        return any(condition_holds(c, draft, service, beneficiary, today) for c in when["any"])
    if "not" in when:
        return not condition_holds(when["not"], draft, service, beneficiary, today)
    if "field" in when:
        spec = service.field(when["field"])
        default = spec.default if spec else None
        return draft.extra.get(when["field"], default) == when["equals"]
    if "applicant_foreign" in when:
        return draft.applicant.is_foreign == when["applicant_foreign"]
    if beneficiary is None:
        return False
    if "relation_in" in when:
        return beneficiary.relation in when["relation_in"]
    if "age_at_least" in when:
        return (
            beneficiary.birth_date is not None
            and age_on(beneficiary.birth_date, today) >= when["age_at_least"]
        )
    return False


# --- the rules, one helper each --------------------------------------------------------------


def _sponsor_residence(draft: Draft, today: dt.date) -> list[Problem]:
    """A foreign sponsor holds a valid annual residence on the submission date (seed 001)."""
    applicant = draft.applicant
    if not applicant.nationality:
        return [
            _p(
                "applicant.nationality_missing",
                "applicant.nationality",
                "أدخل جنسية مقدم الطلب (الكفيل).",
                "Enter the applicant's (sponsor's) nationality.",
            )
        ]
    if not applicant.is_foreign:
        return []
    expiry = applicant.annual_residence_expiry
    if expiry is None:
        return [
            _p(
                "sponsor.residence_missing",
                "applicant.annual_residence_expiry",
                "الكفيل الأجنبي يجب أن يحمل إقامة سنوية سارية المفعول. أدخل تاريخ انتهاء إقامتك.",
                "A foreign sponsor must hold a valid annual residence. Enter your residence's "
                "expiry date.",
            )
        ]
    if expiry < today:
        return [
            _p(
                "sponsor.residence_expired",
                "applicant.annual_residence_expiry",
                "إقامة الكفيل السنوية منتهية. جدّد إقامتك أولًا ثم قدّم الطلب.",
                "The sponsor's annual residence has expired. Renew your residence first, then "
                "apply.",
            )
        ]
    return []


def _birth_date(birth_date: dt.date | None, where: str, n: int, today: dt.date) -> list[Problem]:
    if birth_date is None:
        return [
            _p(
                "beneficiary.birth_date_missing",
                where,
                f"أدخل تاريخ ميلاد المستدعى له رقم {n}.",
                f"Enter the birth date of beneficiary {n}.",
            )
        ]
    if birth_date > today:
        return [
            _p(
                "beneficiary.birth_date_future",
                where,
                f"تاريخ ميلاد المستدعى له رقم {n} في المستقبل. صحّحه.",
                f"The birth date of beneficiary {n} is in the future. Correct it.",
            )
        ]
    return []


def _passport(
    beneficiary: Beneficiary, service: Service, where: str, n: int, today: dt.date
) -> list[Problem]:
    """The passport or travel document is valid for at least N calendar months on `today`.

    "6 months" is calendar months: valid iff expiry >= today + 6 months (add_months clamps
    31 August + 6 to the end of February).
    """
    months = service.passport_min_validity.months
    problems = []
    if not beneficiary.passport_number.strip():
        problems.append(
            _p(
                "passport.number_missing",
                f"{where}.passport_number",
                f"أدخل رقم جواز سفر المستدعى له رقم {n} أو امسح صفحة البيانات.",
                f"Enter the passport number of beneficiary {n} or scan the data page.",
            )
        )
    expiry = beneficiary.passport_expiry
    if expiry is None:
        problems.append(
            _p(
                "passport.expiry_missing",
                f"{where}.passport_expiry",
                f"أدخل تاريخ انتهاء جواز سفر المستدعى له رقم {n}.",
                f"Enter the passport expiry date of beneficiary {n}.",
            )
        )
    elif expiry < add_months(today, months):
        needed = add_months(today, months).isoformat()
        problems.append(
            _p(
                "passport.validity_too_short",
                f"{where}.passport_expiry",
                f"جواز سفر المستدعى له رقم {n} يجب أن يكون ساريًا {months} أشهر على الأقل "
                f"(حتى {needed} أو بعده). جدّد الجواز أو أرفق وثيقة سفر سارية.",
                f"The passport of beneficiary {n} must be valid for at least {months} months "
                f"(until {needed} or later). Renew it or use a valid travel document.",
            )
        )
    return problems


def _not_exempt(beneficiary: Beneficiary, where: str, n: int, config: Config) -> list[Problem]:
    """The beneficiary is not a national of a country exempt from the residence law (seed 001)."""
    nationality = beneficiary.nationality.strip().upper()
    if not nationality:
        return [
            _p(
                "beneficiary.nationality_missing",
                f"{where}.nationality",
                f"أدخل جنسية المستدعى له رقم {n}.",
                f"Enter the nationality of beneficiary {n}.",
            )
        ]
    if nationality in config.rules.residence_exempt_nationalities:
        return [
            _p(
                "residence.nationality_exempt",
                f"{where}.nationality",
                f"المستدعى له رقم {n} من جنسية دولة معفاة من قانون الإقامة، فلا يحتاج هذه الإقامة. "
                "احذفه من الطلب.",
                f"Beneficiary {n} is a national of a country exempt from the residence law and "
                "does not need this residence. Remove them from the request.",
            )
        ]
    return []


def _age_range(
    beneficiary: Beneficiary, service: Service, where: str, n: int, today: dt.date
) -> list[Problem]:
    age = age_on(beneficiary.birth_date, today)
    low, high = service.beneficiary_age.min_years, service.beneficiary_age.max_years
    if (low is not None and age < low) or (high is not None and age > high):
        return [
            _p(
                "beneficiary.age_out_of_range",
                f"{where}.birth_date",
                f"عمر المستدعى له رقم {n} لا يناسب هذه الخدمة. اختر الخدمة المخصصة لفئته العمرية.",
                f"The age of beneficiary {n} does not fit this service. Choose the service for "
                "their age group.",
            )
        ]
    return []


def _companions(
    beneficiary: Beneficiary, service: Service, where: str, n: int, today: dt.date
) -> list[Problem]:
    """Companions are under 16, have no passport of their own, on services that allow them."""
    if not beneficiary.companions:
        return []
    if not service.companions_allowed:
        return [
            _p(
                "companion.not_allowed",
                f"{where}.companions",
                "هذه الخدمة لا تقبل مرافقين. احذف المرافقين من المستدعى له رقم "
                f"{n} أو أضفهم كمستدعى لهم.",
                f"This service takes no companions. Remove the companions of beneficiary {n} or "
                "add them as beneficiaries.",
            )
        ]
    problems = []
    for m, companion in enumerate(beneficiary.companions):
        at = f"{where}.companions.{m}"
        who_ar, who_en = (
            f"المرافق رقم {m + 1} للمستدعى له رقم {n}",
            f"companion {m + 1} of beneficiary {n}",
        )
        if not companion.name.strip():
            problems.append(
                _p(
                    "companion.name_missing",
                    f"{at}.name",
                    f"أدخل اسم {who_ar}.",
                    f"Enter the name of {who_en}.",
                )
            )
        if companion.has_passport:
            problems.append(
                _p(
                    "companion.has_passport",
                    f"{at}.has_passport",
                    f"{who_ar} يحمل جواز سفر خاصًا به، فلا يُضاف كمرافق. أضفه كمستدعى له.",
                    f"{who_en.capitalize()} has a passport of their own, so cannot be a "
                    "companion. Add them as a beneficiary.",
                )
            )
        if companion.birth_date is None:
            problems.append(
                _p(
                    "companion.birth_date_missing",
                    f"{at}.birth_date",
                    f"أدخل تاريخ ميلاد {who_ar}.",
                    f"Enter the birth date of {who_en}.",
                )
            )
        elif companion.birth_date > today:
            problems.append(
                _p(
                    "companion.birth_date_future",
                    f"{at}.birth_date",
                    f"تاريخ ميلاد {who_ar} في المستقبل. صحّحه.",
                    f"The birth date of {who_en} is in the future. Correct it.",
                )
            )
        elif age_on(companion.birth_date, today) > COMPANION_MAX_AGE:
            problems.append(
                _p(
                    "companion.too_old",
                    f"{at}.birth_date",
                    f"المرافق يجب أن يكون دون 16 عامًا، و{who_ar} أكبر من ذلك. أضفه كمستدعى له.",
                    f"A companion must be under 16 and {who_en} is older. Add them as a "
                    "beneficiary.",
                )
            )
    return problems


def _duplicates(draft: Draft) -> list[Problem]:
    """One personal number per person; a companion belongs to exactly one beneficiary."""
    problems = []
    seen_numbers: set[str] = set()
    seen_companions: set[tuple[str, dt.date | None]] = set()
    for i, beneficiary in enumerate(draft.beneficiaries):
        number = personal_number.normalise(beneficiary.personal_number)
        if number and number in seen_numbers:
            problems.append(
                _p(
                    "beneficiary.duplicate",
                    f"beneficiaries.{i}.personal_number",
                    f"المستدعى له رقم {i + 1} مكرر في الطلب (الرقم الشخصي نفسه). احذف التكرار.",
                    f"Beneficiary {i + 1} is already in the request (same personal number). "
                    "Remove the duplicate.",
                )
            )
        seen_numbers.add(number)
        for m, companion in enumerate(beneficiary.companions):
            key = (" ".join(companion.name.split()).casefold(), companion.birth_date)
            if key[0] and key in seen_companions:
                problems.append(
                    _p(
                        "companion.duplicate",
                        f"beneficiaries.{i}.companions.{m}",
                        "المرافق يتبع مستدعى له واحدًا فقط. احذفه من أحدهما.",
                        "A companion belongs to exactly one beneficiary. Remove them from one.",
                    )
                )
            seen_companions.add(key)
    return problems


def _applicant_is_beneficiary(draft: Draft) -> bool:
    own = personal_number.normalise(draft.applicant.personal_number)
    return any(
        b.relation == Relation.SELF or (own and personal_number.normalise(b.personal_number) == own)
        for b in draft.beneficiaries
    )


def _marriage_party_problem() -> Problem:
    return _p(
        "marriage.not_party_account",
        "applicant",
        "يجب أن يكون الحساب الإلكتروني باسم أحد طرفي عقد الزواج، والمستدعى له هو الطرف الآخر "
        "(صلة القرابة: زوج/زوجة).",
        "The e-account must be in the name of one of the two spouses, and the beneficiary is the "
        "other spouse (relation: spouse).",
    )


def _field_value_ok(spec, value: Any) -> bool:
    if spec.type == "bool":
        return isinstance(value, bool)
    if spec.type == "choice":
        return isinstance(value, str) and spec.choice(value) is not None
    if spec.type == "text":
        return isinstance(value, str) and bool(value.strip())
    if spec.type == "date":
        try:
            dt.date.fromisoformat(value)
            return True
        except (TypeError, ValueError):
            return False
    if spec.type in ("int", "decimal"):
        number = _number(value)
        if number is None or (spec.type == "int" and number != number.to_integral_value()):
            return False
        return (spec.min is None or number >= spec.min) and (spec.max is None or number <= spec.max)
    return False


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        try:
            number = Decimal(to_western_digits(value).strip().replace("٫", "."))
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def _unknown_service(service_id: str) -> Problem:
    return _p(
        "service.unknown",
        "service_id",
        "اختر خدمة من قائمة الخدمات.",
        "Choose a service from the list of services.",
    )


def _p(code: str, field: str, ar: str, en: str) -> Problem:
    return Problem(code, field, Bilingual(ar, en))


_STEP_CHECKS: dict[str, Callable[[Draft, Service, dt.date, Config], list[Problem]]] = {
    "service": check_service,
    "applicant": check_applicant,
    "beneficiaries": check_beneficiaries,
    "attachments": check_attachments,
}

__all__ = [
    "STEPS",
    "Priority",
    "check_applicant",
    "check_attachments",
    "check_beneficiaries",
    "check_beneficiary",
    "check_service",
    "check_step",
    "condition_holds",
    "evaluate",
    "required_documents",
]
