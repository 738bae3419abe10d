"""Drafts: a request left mid-way (the session ends) is offered again to the same account on this
kiosk, with its people and photographed documents; another account sees nothing of it."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.dates import add_months
from tests.test_ui_apply_helpers import photograph_every_document, start_request, wizard_on

TODAY = dt.date.today()


@pytest.fixture
def wizard(qtbot, sandbox_server, tmp_path):
    with wizard_on(qtbot, sandbox_server, tmp_path) as made:
        yield made


def wait_start(wizard):
    wizard.window.navigator.go("apply", {})
    start = wizard.wait_screen("apply")
    wizard.qtbot.waitUntil(
        lambda: start.state in ("categories", "resume", "refused"), timeout=15_000
    )
    return start


def test_a_draft_is_resumed_by_its_account_only(wizard):
    wizard.sign_in()
    first = (wizard.username, wizard.password)
    general = start_request(wizard, "residence", "residence.family")
    wizard.click(general.priority.buttons["urgent"])
    wizard.click(general.next_button)
    applicant = wizard.wait_screen("apply.applicant")
    wizard.qtbot.waitUntil(lambda: applicant.name_field.value != "", timeout=15_000)
    wizard.click(applicant.sex.buttons["M"])
    wizard.type(applicant.residence, add_months(TODAY, 12).isoformat())
    wizard.click(applicant.next_button)
    wizard.wait_screen("apply.beneficiaries")
    wizard.click(wizard.screen("apply.beneficiaries").add_button)
    form = wizard.wait_screen("apply.beneficiary")
    wizard.type(form.name_field, "Layla Saleh")
    wizard.type(form.passport_number, "N7654321")
    wizard.type(form.passport_expiry, add_months(TODAY, 12).isoformat())
    wizard.type(form.nationality, "SYR")
    wizard.type(form.birth_date, "1990-01-01")
    wizard.click(form.relation.buttons["spouse"])
    wizard.click(form.save_button)
    wizard.click(wizard.wait_screen("apply.beneficiaries").next_button)
    wizard.wait_screen("apply.attachments")
    photographed = photograph_every_document(wizard)
    assert photographed > 0

    wizard.window.end_session()  # logout or idle timeout, mid-way
    wizard.settle()
    flow = wizard.ctx.services["apply_flow"]
    assert not flow.started and flow.pages == {}  # nothing of it left in memory

    # Another account: nothing to continue.
    wizard.sign_in()
    start = wait_start(wizard)
    assert start.state == "categories"
    wizard.window.end_session()
    wizard.settle()

    # The same account again: offered, and restored with its people and pages.
    wizard.sign_in(*first)
    start = wait_start(wizard)
    assert start.state == "resume"
    assert start.resume_service.id == "residence.family"
    assert start.resume_service.name.ar in start.resume_text.text()
    wizard.click(start.resume_button)
    attachments = wizard.wait_screen("apply.attachments")
    flow = wizard.ctx.services["apply_flow"]
    assert flow.draft.priority.value == "urgent"
    assert [b.name for b in flow.draft.beneficiaries] == ["Layla Saleh"]
    assert all(not row.file_button.isHidden() for row in attachments.rows)
    assert all(row.remove_button.isVisible() for row in attachments.rows)  # every page is back
    assert len(flow.pages) == photographed


def test_a_draft_sealed_already_is_never_offered_again(wizard):
    """A crash (or a full disk) between sealing and discarding the saved draft leaves both; the
    draft's identity is the outbox item's, so it is dropped instead of being sent twice."""
    from ui.services import open_drafts, open_outbox

    wizard.sign_in()
    account = (wizard.username, wizard.password)
    account_id = wizard.ctx.session.user.account_id
    start_request(wizard, "residence", "residence.family")
    draft_id = wizard.ctx.services["apply_flow"].draft.draft_id
    assert draft_id
    wizard.window.end_session()  # the draft is saved for this account
    wizard.settle()
    now = dt.datetime.now(dt.UTC)
    assert open_drafts(wizard.ctx).load(account_id, now) is not None
    open_outbox(wizard.ctx).seal_application(
        account_id, "residence.family", "normal", {}, [], wizard.ctx.config.kiosk.id, now,
        item_id=draft_id,
    )  # fmt: skip

    wizard.sign_in(*account)
    start = wait_start(wizard)
    assert start.state == "categories"
    assert open_drafts(wizard.ctx).load(account_id, now) is None


def test_opening_the_wizard_deletes_every_account_s_expired_drafts(wizard):
    from ui.services import open_drafts

    drafts = open_drafts(wizard.ctx)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=25)
    drafts.save("ACC-GONE", {"service_id": "residence.family"}, "apply.general", {}, long_ago)
    assert drafts.load("ACC-GONE", long_ago) is not None

    wizard.sign_in()
    assert wait_start(wizard).state == "categories"
    assert drafts.load("ACC-GONE", long_ago) is None  # purged, not only hidden
