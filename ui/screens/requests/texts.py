"""The requests area's words: status names, what a field of a request is called, dates.

A status, a field path of the request ("beneficiaries.0.passport_number") or a document type is a
code; the user reads its name in their language. Field names come from the account fields'
labels where they are the same field, from the catalog's service fields, or from here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from ui.screens.accounts.form import FieldLabels
from ui.screens.requests.model import split_path
from ui.widgets.common import ltr


class RequestTexts(QObject):
    """Translated names of the codes the requests screens show."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.fields = FieldLabels(self)

    def status(self, code: str) -> str:
        """A shown status (model.SHOWN_STATUSES) or a server status of the timeline."""
        names = {
            "sending": self.tr("Being sent to the ministry"),
            "receiving": self.tr("Being sent to the ministry"),
            "received": self.tr("Received"),
            "submitted": self.tr("Received"),
            "under_review": self.tr("Under review"),
            "details_requested": self.tr("More details requested"),
            "awaiting_payment": self.tr("Awaiting payment"),
            "paid": self.tr("Paid"),
            "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"),
        }
        return names.get(code, code)

    def local_state(self, state: str) -> str:
        """An outbox item's state, as the user reads it."""
        names = {
            "sealed": self.tr("Saved on this kiosk, waiting to be sent"),
            "sending": self.tr("Being sent to the ministry"),
            "needs_attention": self.tr("Needs attention"),
        }
        return names.get(state, state)

    def local_kind(self, kind: str) -> str:
        names = {
            "application": self.tr("New request"),
            "edit": self.tr("Corrected details"),
            "details": self.tr("Additional details"),
        }
        return names.get(kind, kind)

    def priority(self, code: str) -> str:
        return {"normal": self.tr("Normal"), "urgent": self.tr("Urgent")}.get(code, code)

    def field(self, path: str, service=None, lang: str = "ar") -> str:
        """The name of a field of the request, with whose it is ("Beneficiary 2: Passport
        number")."""
        parts = split_path(path)
        if not parts:
            return path
        owners = []
        index = 0
        while index < len(parts) - 1:
            part, following = parts[index], parts[index + 1]
            if following.isdigit():
                owners.append(self._owner(part, int(following) + 1))
                index += 2
            else:
                owners.append(self._owner(part, None))
                index += 1
        leaf = parts[-1] if not parts[-1].isdigit() else parts[-2]
        name = self._leaf(leaf, service, lang)
        return " — ".join([o for o in owners if o] + [name])

    def _owner(self, part: str, number: int | None) -> str:
        if part == "applicant":
            return self.tr("Applicant")
        if part == "beneficiaries":
            return self.tr("Beneficiary {n}").format(n=number)
        if part == "companions":
            return self.tr("Companion {n}").format(n=number)
        if part in ("general", "fields", "data"):
            return ""
        return f"{part} {number}" if number is not None else part

    def _leaf(self, leaf: str, service, lang: str) -> str:
        if service is not None:
            spec = service.field(leaf)
            if spec is not None:
                return spec.label.get(lang)
        own = {
            "sex": self.tr("Sex"),
            "relation": self.tr("Relation to the applicant"),
            "passport_expiry": self.tr("Passport expiry date"),
            "passport_issue_date": self.tr("Passport issue date"),
            "place_of_birth": self.tr("Place of birth"),
            "residence_expiry": self.tr("Residence expiry date"),
            "address": self.tr("Address"),
            "priority": self.tr("Priority"),
        }
        if leaf in own:
            return own[leaf]
        label = self.fields.label(leaf)
        return label if label != leaf else leaf.replace("_", " ")

    def document(self, document_type: str, service=None, lang: str = "ar") -> str:
        """A document type's name from the service's required documents."""
        if service is not None:
            for document in service.documents:
                if document.id == document_type:
                    return document.name.get(lang)
        if document_type == ADDITIONAL_DOCUMENT:
            return self.tr("Additional document")
        return document_type.replace("_", " ")


#: The document type of an attachment that answers no specific document the ministry named.
ADDITIONAL_DOCUMENT = "additional_document"


def when(instant: str | dt.datetime | None, with_time: bool = True) -> str:
    """An instant (ISO text or a datetime; UTC) as the screens show it, in the kiosk's local
    time: "2025-03-10 13:45" (digits 0–9 in both languages; the date's order kept in Arabic)."""
    if not instant:
        return ""
    if isinstance(instant, dt.datetime):
        moment = instant
    else:
        try:
            moment = dt.datetime.fromisoformat(instant)
        except ValueError:
            return ltr(instant)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return ltr(moment.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d"))
