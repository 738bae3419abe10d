"""Receipts, payment slips, approval notices and activation letters as PDFs (reportlab).

    from kiosk.receipts import render_data
    pdf = render_data("application", data, lang="both", layout="roll")   # bytes

Each kind has a typed data object (kiosk.receipts.models) built from a dict with validation:
bad or missing fields raise ReceiptDataError (a KioskError listing every Problem). Documents are
in Arabic, English or both, on an 80 mm thermal roll or A4 (config.printing.layout). Arabic is
shaped and ordered for paper by kiosk.receipts.arabic; identity numbers are masked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.errors import KioskError
from kiosk.receipts import documents
from kiosk.receipts.fields import ReceiptDataError
from kiosk.receipts.models import ActivationLetter, ApplicationReceipt, ApprovalNotice, PaymentSlip
from kiosk.receipts.render import LANGS, PAPERS
from kiosk.receipts.render import render as _render
from kiosk.texts import Bilingual

__all__ = [
    "KINDS",
    "LANGS",
    "LAYOUTS",
    "ReceiptDataError",
    "load",
    "render",
    "render_data",
]

LAYOUTS = tuple(PAPERS)


@dataclass(frozen=True)
class Kind:
    """A kind of document: its data type, its blocks, its file title."""

    model: type
    blocks: Callable
    title: str


KINDS: dict[str, Kind] = {
    "application": Kind(ApplicationReceipt, documents.application_blocks, "Application receipt"),
    "payment": Kind(PaymentSlip, documents.payment_blocks, "Payment slip"),
    "approval": Kind(ApprovalNotice, documents.approval_blocks, "Approval notice"),
    "activation": Kind(ActivationLetter, documents.activation_blocks, "Activation letter"),
}


def load(kind: str, data) -> ApplicationReceipt | PaymentSlip | ApprovalNotice | ActivationLetter:
    """The typed data object of a kind, from a dict; raises ReceiptDataError or KioskError."""
    return _kind(kind).model.from_dict(data)


def render(document, lang: str = "both", layout: str = "roll") -> bytes:
    """The PDF bytes of a typed document, in "ar", "en" or "both", on "roll" or "a4"."""
    if lang not in LANGS:
        raise KioskError(
            "receipt.bad_language",
            Bilingual(
                f"اللغة يجب أن تكون إحدى: {' | '.join(LANGS)}",
                f"The language must be one of: {', '.join(LANGS)}",
            ),
            field="lang",
        )
    if layout not in PAPERS:
        raise KioskError(
            "receipt.bad_layout",
            Bilingual(
                f"تنسيق الورق يجب أن يكون أحد: {' | '.join(PAPERS)}",
                f"The paper layout must be one of: {', '.join(PAPERS)}",
            ),
            field="layout",
        )
    kind = next((k for k in KINDS.values() if isinstance(document, k.model)), None)
    if kind is None:
        raise TypeError(f"not a document: {type(document).__name__}")
    return _render(kind.blocks(document), lang, PAPERS[layout], kind.title)


def render_data(kind: str, data, lang: str = "both", layout: str = "roll") -> bytes:
    """Validate the data of a kind and render it (see `load` and `render`)."""
    return render(load(kind, data), lang, layout)


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise KioskError(
            "receipt.unknown_kind",
            Bilingual(
                f"نوع المستند يجب أن يكون أحد: {' | '.join(KINDS)}",
                f"The document kind must be one of: {', '.join(KINDS)}",
            ),
            field="kind",
        )
    return KINDS[kind]
