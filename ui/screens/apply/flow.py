"""The request being prepared: the draft, its captured pages, where the user is. No widgets.

One `ApplyFlow` per kiosk lives in `ctx.services["apply_flow"]` (`flow_of(ctx)`); every wizard
screen reads and changes it, so moving back and forth (and to the scan screen and back) keeps
everything. It belongs to one account: a flow of another account is forgotten, and the session's
wipe clears it (after handing its last changes to the drafts store, see autosave.py).

Pages are the captured or imported files of the attachments, by page id. A page id ends with
the file's kind (".jpg", ".png", ".pdf"), so the drafts store, which keeps bytes by id, needs no
other record of it. `Attachment.pages` lists page ids.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from kiosk.domain import rules
from kiosk.domain.catalog import Catalog, Service
from kiosk.domain.model import Attachment, Beneficiary, Draft
from kiosk.errors import Problem

FLOW_KEY = "apply_flow"

# The wizard's steps in order: the progress line counts them ("Step 3 of 8").
STEPS = (
    "apply",
    "apply.service",
    "apply.general",
    "apply.applicant",
    "apply.beneficiaries",
    "apply.attachments",
    "apply.review",
    "apply.sent",
)
# Screens inside a step count as that step.
STEP_OF = {"apply.beneficiary": "apply.beneficiaries", "apply.import": "apply.attachments"}
# Which of the rules' steps (kiosk.domain.rules.STEPS) each screen checks as the user goes.
RULE_STEP = {
    "apply.general": "service",
    "apply.applicant": "applicant",
    "apply.beneficiaries": "beneficiaries",
    "apply.attachments": "attachments",
}

CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".pdf": "application/pdf"}


def step_number(screen_name: str) -> int:
    """1-based position of a screen's step in STEPS."""
    return STEPS.index(STEP_OF.get(screen_name, screen_name)) + 1


def new_page_id(suffix: str) -> str:
    """A fresh page id with the file's kind as its suffix (".jpg", ".png" or ".pdf")."""
    if suffix not in CONTENT_TYPES:
        raise ValueError(f"unknown page kind {suffix!r}")
    return uuid.uuid4().hex + suffix


def content_type(page_id: str) -> str:
    return CONTENT_TYPES[page_id[page_id.rindex(".") :]]


@dataclass
class Editing:
    """A beneficiary being edited on the person form (index None: a new one)."""

    index: int | None
    person: Beneficiary


@dataclass
class ApplyFlow:
    """The draft, its pages and the step reached, for the signed-in account `account_id`."""

    account_id: str = ""
    draft: Draft = field(default_factory=Draft)
    pages: dict[str, bytes] = field(default_factory=dict)
    step: str = "apply"
    editing: Editing | None = None
    # Bumped on every change: the autosave keeps only the newest snapshot.
    version: int = 0

    @property
    def started(self) -> bool:
        return bool(self.draft.service_id)

    def changed(self) -> None:
        self.version += 1

    def clear(self) -> None:
        """Forget everything (a new request, the end of the session)."""
        self.account_id = ""
        self.draft = Draft()
        self.pages = {}
        self.step = "apply"
        self.editing = None
        self.changed()

    def begin(self, account_id: str, service_id: str) -> None:
        """Start a request for `service_id` (a change of service keeps the people typed so far)."""
        if self.account_id != account_id:
            self.clear()
            self.account_id = account_id
        if self.draft.service_id != service_id:
            self.draft.service_id = service_id
            self.draft.extra = {}
        if not self.draft.draft_id:
            self.draft.draft_id = uuid.uuid4().hex
        self.changed()

    def restore(self, account_id: str, draft: Draft, step: str, pages: dict[str, bytes]) -> None:
        """Take back a saved draft of `account_id` (only pages the draft names are kept)."""
        self.clear()
        self.account_id = account_id
        self.draft = draft
        named = {p for a in draft.attachments for p in a.pages}
        self.pages = {k: v for k, v in pages.items() if k in named}
        for attachment in draft.attachments:
            attachment.pages = [p for p in attachment.pages if p in self.pages]
        self.step = step if step in STEPS or step in STEP_OF else "apply.service"
        self.changed()

    # --- attachments --------------------------------------------------------------------------
    def set_pages(self, document_id: str, beneficiary: int | None, pages: list[tuple[str, bytes]]):
        """Attach `pages` ((suffix, bytes) each) as the document, replacing what it had."""
        self.remove_document(document_id, beneficiary)
        ids = []
        for suffix, data in pages:
            page_id = new_page_id(suffix)
            self.pages[page_id] = data
            ids.append(page_id)
        self.draft.attachments.append(Attachment(document_id, beneficiary, ids))
        self.changed()

    def remove_document(self, document_id: str, beneficiary: int | None) -> None:
        attachment = self.draft.attachment(document_id, beneficiary)
        if attachment is None:
            return
        self.draft.attachments.remove(attachment)
        for page_id in attachment.pages:
            self.pages.pop(page_id, None)
        self.changed()

    # --- beneficiaries ------------------------------------------------------------------------
    def save_person(self, index: int | None, person: Beneficiary) -> int:
        """Put `person` at `index` (None: add at the end); its index."""
        people = self.draft.beneficiaries
        if index is None or not 0 <= index < len(people):
            people.append(person)
            index = len(people) - 1
        else:
            people[index] = person
        self.changed()
        return index

    def remove_person(self, index: int) -> None:
        """Remove a beneficiary with their documents; later people's documents move up."""
        people = self.draft.beneficiaries
        if not 0 <= index < len(people):
            return
        del people[index]
        kept = []
        for attachment in self.draft.attachments:
            if attachment.beneficiary_index == index:
                for page_id in attachment.pages:
                    self.pages.pop(page_id, None)
                continue
            if attachment.beneficiary_index is not None and attachment.beneficiary_index > index:
                attachment.beneficiary_index -= 1
            kept.append(attachment)
        self.draft.attachments = kept
        self.changed()

    def prune_attachments(self, service: Service, today: dt.date) -> None:
        """Drop documents the request no longer needs (a person or an answer changed)."""
        needed = {(d.id, i) for d, i in rules.required_documents(self.draft, service, today)}
        for attachment in list(self.draft.attachments):
            if (attachment.document_id, attachment.beneficiary_index) not in needed:
                self.remove_document(attachment.document_id, attachment.beneficiary_index)

    # --- rules --------------------------------------------------------------------------------
    def problems(self, screen_name: str, catalog: Catalog, today: dt.date, config) -> list[Problem]:
        """The rules' problems of the step shown on `screen_name` (none for other screens)."""
        step = RULE_STEP.get(screen_name)
        if step is None or not self.draft.service_id:
            return []
        return rules.check_step(step, self.draft, catalog, today, config)


def flow_of(ctx) -> ApplyFlow:
    """The kiosk's one flow, made on first use; the session's end clears it (see autosave)."""
    flow = ctx.services.get(FLOW_KEY)
    if flow is None:
        flow = ctx.services[FLOW_KEY] = ApplyFlow()
    return flow


def screen_for_problem(problem: Problem) -> tuple[str, dict]:
    """The wizard screen (and its parameters) where the user fixes `problem`."""
    parts = problem.field.split(".")
    head = parts[0]
    if head == "service_id":
        return "apply.service", {}
    if head in ("priority", "extra"):
        return "apply.general", {}
    if head == "applicant":
        return "apply.applicant", {}
    if head in ("documents", "attachments"):
        return "apply.attachments", {}
    if head == "beneficiaries":
        if len(parts) >= 3 and parts[2] == "documents":
            return "apply.attachments", {}
        if len(parts) >= 2 and parts[1].isdigit():
            return "apply.beneficiary", {"index": int(parts[1])}
        return "apply.beneficiaries", {}
    return "apply.review", {}
