"""What each document says: its data turned into blocks (kiosk.receipts.blocks).

Identity numbers pass through kiosk.receipts.masking here, the only place they reach paper.
"""

from __future__ import annotations

import functools

from kiosk import resources
from kiosk.domain.catalog import account_category_names
from kiosk.receipts import formatting as fmt
from kiosk.receipts import wording as w
from kiosk.receipts.blocks import (
    BigNumber,
    Block,
    Bullets,
    Codes,
    Field,
    Heading,
    Paragraph,
    Rule,
    Text,
)
from kiosk.receipts.masking import mask_passport_number, mask_personal_number
from kiosk.receipts.models import (
    ActivationLetter,
    ApplicationReceipt,
    ApprovalNotice,
    PaymentSlip,
    Person,
    Station,
)
from kiosk.texts import Bilingual


def application_blocks(doc: ApplicationReceipt) -> list[Block]:
    """The application receipt: what was applied for, and the number to track it by."""
    return [
        *_header(w.APPLICATION_TITLE),
        Field(w.REQUEST_NUMBER, doc.request_number, strong=True),
        Codes(barcode=doc.request_number, qr=doc.request_number),
        Field(w.SERVICE, doc.service),
        *_person_fields(w.APPLICANT, doc.applicant),
        Field(w.BENEFICIARY_COUNT, str(doc.beneficiaries)),
        Field(w.PRIORITY, w.PRIORITIES[doc.priority]),
        Field(w.FEE, fmt.amount(doc.fee_jod), strong=True),
        Field(w.EXPECTED_COMPLETION, fmt.date(doc.expected_completion)),
        Field(w.SUBMITTED_AT, fmt.date_time(doc.created_at)),
        *_station_fields(doc.station),
        Rule(),
        Field(w.DELIVERY, w.DELIVERY_STATES[doc.delivery], strong=True),
        Paragraph(w.TRACKING_NOTE),
        *_footer(),
    ]


def payment_blocks(doc: PaymentSlip) -> list[Block]:
    """The payment slip: whom to pay, the bill number to pay by, how much, by when, how."""
    return [
        *_header(w.PAYMENT_TITLE),
        Field(w.BILLER, w.MINISTRY, strong=True),
        Field(w.SERVICE, doc.service),
        Field(w.REQUEST_NUMBER, doc.request_number),
        Rule(),
        BigNumber(w.BILL_NUMBER, fmt.grouped(doc.bill_number)),
        Field(w.AMOUNT_DUE, fmt.amount(doc.amount_jod), strong=True),
        Field(w.DUE_DATE, fmt.date(doc.due_date), strong=True),
        Field(w.ISSUED_AT, fmt.date_time(doc.issued_at)),
        *(_station_fields(doc.station) if doc.station else []),
        Rule(),
        Bullets(w.HOW_TO_PAY, w.PAYMENT_METHODS),
        Codes(qr=payment_qr_text(doc)),
        *_footer(),
    ]


def payment_qr_text(doc: PaymentSlip) -> str:
    """What the payment slip's QR code holds: the bill as plain text a phone shows as it is.

    The banks' own QR payment format is not public, so this is readable text, not a payment link.
    """
    return (
        f"eFAWATEERcom\nBiller: Ministry of Interior\nBill: {doc.bill_number}\n"
        f"Amount: {doc.amount_jod:.3f} JOD\nDue: {doc.due_date.isoformat()}"
    )


def approval_blocks(doc: ApprovalNotice) -> list[Block]:
    """The approval notice: the decision, for whom, and until when it can be used."""
    people: list[Block] = []
    for person in doc.beneficiaries:
        people += _person_fields(w.BENEFICIARY, person)
    return [
        *_header(w.APPROVAL_TITLE),
        Field(w.DECISION, doc.decision, strong=True),
        Field(w.REQUEST_NUMBER, doc.request_number, strong=True),
        Codes(barcode=doc.request_number),
        Field(w.SERVICE, doc.service),
        Rule(),
        *people,
        Rule(),
        Field(w.APPROVAL_DATE, fmt.date(doc.approval_date)),
        Field(w.VALID_UNTIL, fmt.date(doc.valid_until), strong=True),
        Paragraph(w.VALIDITY_NOTE),
        Field(w.ISSUED_AT, fmt.date_time(doc.issued_at)),
        *(_station_fields(doc.station) if doc.station else []),
        *_footer(),
    ]


def activation_blocks(doc: ActivationLetter) -> list[Block]:
    """The institution's activation letter: its category, what to bring to the one visit, where."""
    data = _activation_data()
    bring = [
        *data["bring_all"],
        *data["bring_by_category"].get(doc.account_category, []),
    ]
    if doc.visit_place:
        place: Text = doc.visit_place
    else:
        place = _confirmed(data["visit_place"])
    return [
        *_header(w.ACTIVATION_TITLE),
        Field(w.INSTITUTION, doc.institution, strong=True),
        Field(w.ACCOUNT_CATEGORY, account_category_names()[doc.account_category]),
        Field(w.ACCOUNT_REFERENCE, doc.account_reference, strong=True),
        Field(w.REGISTERED_AT, fmt.date_time(doc.registered_at)),
        Rule(),
        Paragraph(w.ACTIVATION_INTRO, size=1.0),
        Bullets(w.WHAT_TO_BRING, tuple(_confirmed(item) for item in bring)),
        Field(w.WHERE, place, strong=True),
        *(_station_fields(doc.station) if doc.station else []),
        *_footer(),
    ]


# ---- shared parts ----------------------------------------------------------------------------


def _header(title: Bilingual) -> list[Block]:
    return [
        Heading(w.KINGDOM, size=0.9),
        Heading(w.MINISTRY, size=1.3),
        Heading(w.E_SERVICES, size=0.9),
        Rule(),
        Heading(title, size=1.5),
    ]


def _footer() -> list[Block]:
    return [Rule(), Paragraph(w.CONTACTS, size=0.8)]


def _person_fields(label: Bilingual, person: Person) -> list[Block]:
    fields: list[Block] = [Field(label, person.name, strong=True)]
    if person.personal_number:
        fields.append(Field(w.PERSONAL_NUMBER, mask_personal_number(person.personal_number)))
    if person.passport_number:
        fields.append(Field(w.PASSPORT_NUMBER, mask_passport_number(person.passport_number)))
    return fields


def _station_fields(station: Station) -> list[Block]:
    return [Field(w.STATION, station.place), Field(w.KIOSK, station.kiosk_id)]


def _confirmed(item: dict) -> Bilingual:
    """A bilingual item from the data, marked when the ministry has not confirmed it yet."""
    if item.get("confirmed"):
        return Bilingual(item["ar"], item["en"])
    mark = w.TO_BE_CONFIRMED
    return Bilingual(f"{item['ar']} {mark.ar}", f"{item['en']} {mark.en}")


@functools.cache
def _activation_data() -> dict:
    return resources.load_json("receipts/activation.json")
