"""Sending a request: seal it into the outbox, then wait a few seconds for the delivery.

Both functions run in workers (ctx.tasks), never on the GUI thread. `seal` turns the draft and
its pages into the outbox's one transaction (offline_cache.outbox.Outbox.seal_application) and
only returns once that is durable: then, and only then, the screen says "saved". It discards
the saved draft and wakes the delivery worker. `wait_for_delivery` polls the outbox's receipts
for the sealed item: the server's application id ("APP-…") when it arrives within the wait,
else None, and the receipt carries the local reference ("KSK-…") with "will be sent when the
connection returns".

A document photographed in several pages becomes one PDF (the contract allows 50 attachments
per request; a family of six with multi-page books would pass that page by page).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from dataclasses import dataclass

from kiosk.domain.model import Draft
from ui.screens.apply.flow import content_type

log = logging.getLogger(__name__)

DELIVERY_WAIT_S = 5.0
POLL_S = 0.25
PAGE_DPI = 150  # the size a photographed page is drawn at in the PDF (it keeps its pixels)


@dataclass(frozen=True)
class SealedRequest:
    """What the screen needs after sealing."""

    account_id: str
    item_id: str
    reference: str  # "KSK-…": the local reference
    sealed_at: dt.datetime


def request_data(draft: Draft) -> dict:
    """The application's `data` for the contract: the draft without what travels beside it."""
    data = draft.to_dict()
    for key in ("draft_id", "service_id", "priority", "attachments"):
        data.pop(key, None)
    return data


def seal_files(draft: Draft, pages: dict[str, bytes]) -> list:
    """One SealFile per attached document (several image pages → one PDF; a PDF stays one)."""
    from offline_cache.outbox import SealFile

    files = []
    for attachment in draft.attachments:
        ids = [p for p in attachment.pages if p in pages]
        images = [p for p in ids if content_type(p) != "application/pdf"]
        pdfs = [p for p in ids if content_type(p) == "application/pdf"]
        if len(images) == 1:
            only = images[0]
            files.append(
                SealFile(
                    attachment.document_id,
                    content_type(only),
                    pages[only],
                    attachment.beneficiary_index,
                )
            )
        elif images:
            files.append(
                SealFile(
                    attachment.document_id,
                    "application/pdf",
                    images_to_pdf([pages[p] for p in images]),
                    attachment.beneficiary_index,
                )
            )
        for page_id in pdfs:
            files.append(
                SealFile(
                    attachment.document_id,
                    "application/pdf",
                    pages[page_id],
                    attachment.beneficiary_index,
                )
            )
    return files


def images_to_pdf(images: list[bytes]) -> bytes:
    """A PDF with one page per image, each page the image's size at PAGE_DPI."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0)
    pdf.setTitle("")
    for data in images:
        image = ImageReader(io.BytesIO(data))
        width, height = image.getSize()
        size = (width * 72 / PAGE_DPI, height * 72 / PAGE_DPI)
        pdf.setPageSize(size)
        pdf.drawImage(image, 0, 0, *size)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def seal(ctx, account_id: str, draft: Draft, pages: dict[str, bytes], keeper, version: int):
    """Seal the request (KioskError "outbox.disk_full" … propagates: the draft stays)."""
    from ui.services import open_outbox, sync

    files = seal_files(draft, pages)
    now = dt.datetime.now(dt.UTC)
    sealed = open_outbox(ctx).seal_application(
        account_id,
        draft.service_id,
        draft.priority.value,
        request_data(draft),
        files,
        ctx.config.kiosk.id,
        now,
        item_id=draft.draft_id or None,
    )
    # Saved. What follows must never make the screen say otherwise (a second "send" would be a
    # second request): a draft that cannot be discarded now is dropped when next loaded (its
    # identity is in the outbox), a worker not woken now delivers at its next round.
    for follow_up in (lambda: keeper.discard_now(account_id, version), lambda: sync(ctx).wake()):
        try:
            follow_up()
        except Exception as e:
            log.warning("after sealing: %s", type(e).__name__)
    return SealedRequest(account_id, sealed.item_id, sealed.reference, sealed.sealed_at)


def wait_for_delivery(ctx, sealed: SealedRequest, wait_s: float = DELIVERY_WAIT_S) -> str | None:
    """The server's application id if the item is delivered within `wait_s`, else None."""
    from ui.services import open_outbox

    outbox = open_outbox(ctx)
    deadline = time.monotonic() + wait_s
    while True:
        for receipt in outbox.receipts_for(sealed.account_id):
            if receipt.item_id == sealed.item_id:
                return receipt.remote_id
        if time.monotonic() >= deadline:
            return None
        time.sleep(POLL_S)
