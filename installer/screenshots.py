"""Render every screen of the kiosk in Arabic and English into docs/screenshots/.

Run under a virtual screen, as a person would see the kiosk at 1920x1080:
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python installer/screenshots.py
Each screen is opened with each of its `screenshot_states()`; files are
`<screen>[_<state>]-<lang>.png`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Screens that show (or need) a signed-in account: a demo account logs in before them.
SIGNED_IN = ("account", "apply", "requests")
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    os.environ.setdefault("QML_DISABLE_DISK_CACHE", "1")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qml.propertyCache.append=false")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk import config
    from ui.app import build_window

    app = QApplication(sys.argv[:1])
    data_dir = Path(os.environ.get("TMPDIR", "/tmp")) / "kiosk-screenshots"
    shutil.rmtree(data_dir, ignore_errors=True)  # a fresh demo sandbox: APP-000001 is ours
    cfg = config.load(environ={"KIOSK_STORAGE_DATA_DIR": str(data_dir)})
    window = build_window(app, cfg, kiosk_mode=False)
    window.resize(1920, 1080)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        window.ctx.tasks.wait()
        app.processEvents()

    def sign_in() -> None:
        """Log a demo account in through the real log-in screen (the account screens show the
        sandbox's answers for it, not made-up data)."""
        from kiosk.demo import demo_accounts

        account = next(a for a in demo_accounts() if a.status == "active")
        window.navigator.go("login", {"username": account.username})
        login = window.navigator.current
        login.form.rows["password"].edit.setText(account.password)
        login.login_button.click()
        for _ in range(60):
            settle(250)
            if window.ctx.session.user is not None:
                seed_requests(window)
                return
        raise SystemExit("the demo account could not log in: is the sandbox running?")

    only = set(sys.argv[1:])
    written = 0
    for lang in ("ar", "en"):
        window.set_language(lang)
        for name in list(window.navigator.screens):
            if only and name not in only:
                continue
            if name.startswith(SIGNED_IN) and window.ctx.session.user is None:
                sign_in()
            screen = window.navigator.screens[name]
            for suffix, params in screen.screenshot_states():
                window.navigator.go(name, params)
                settle()
                path = OUT / f"{name}{'_' + suffix if suffix else ''}-{lang}.png"
                window.grab().save(str(path))
                written += 1
        window.end_session()  # the next language starts signed out, as a new user would
        settle(100)
    print(f"{written} screenshots in {OUT.relative_to(ROOT)}")
    window.allow_close = True
    window.ctx.tasks.wait()
    return 0


def seed_requests(window) -> None:
    """Two requests of the signed-in demo account, for the requests screens' pictures:
    APP-000001 with more details asked for, APP-000002 paid and approved. Sent through the API
    as the wizard's sample family request, then moved by the officer's command line."""
    from kiosk import resources
    from kiosk.domain.catalog import load_bundled
    from ui.screens.apply import samples
    from ui.screens.apply.flow import ApplyFlow
    from ui.screens.apply.sending import request_data

    api = window.ctx.api
    if api.applications().value:
        return  # seeded already (the second language)
    flow = ApplyFlow()
    user = window.ctx.session.user
    samples.load(flow, "family", user.account_id, load_bundled(), dt.date.today())
    draft = flow.draft
    jpeg = resources.path("samples/documents/sample_certificate_page1.jpg").read_bytes()
    ids = []
    for _ in range(2):
        attachment = {
            "attachment_id": str(uuid.uuid4()),
            "document_type": "family_book",
            "content_type": "image/jpeg",
            "size": len(jpeg),
            "sha256": hashlib.sha256(jpeg).hexdigest(),
        }
        body = {
            "service_id": draft.service_id,
            "priority": draft.priority.value,
            "data": request_data(draft),
            "attachments": [attachment],
        }
        created = api.create_application(body, str(uuid.uuid4())).value
        api.upload_attachment(
            created.application_id, attachment["attachment_id"], jpeg, 0, len(jpeg)
        )
        api.commit_application(created.application_id)
        ids.append(created.application_id)
    db = str(window.ctx.services["demo_sandbox"].db_path)

    def officer(*args: str) -> str:
        command = [sys.executable, "-m", "sandbox", "officer", "--db", db, *args]
        return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout

    asked, approved = ids
    officer("review", asked)
    officer(
        "request-details",
        asked,
        "--fields",
        "beneficiaries.0.passport_number",
        "--documents",
        "family_book",
        "--note",
        "يرجى تصحيح رقم جواز المستدعى له الأول وإرفاق دفتر العائلة",
    )
    for bill in json.loads(officer("--json", "bills")):
        if bill["application_id"] == approved:
            officer("mark-paid", bill["billing_no"])
    officer("review", approved)
    officer("approve", approved)


if __name__ == "__main__":
    sys.exit(main())
